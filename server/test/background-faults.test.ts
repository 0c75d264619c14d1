// Background sync when its inputs are wrong, over real HTTP on PGlite with the simulated connector:
// a connector that times out, answers an actor twice, sends lastModified going backwards or leaves a
// changed actor out; a CRM record deleted while linked; a mapping changed while a cycle runs. Each
// cycle finishes what it can and records each problem; the next one retries; nothing is lost or
// applied twice.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CrmRecord } from '../../simulated-erp/model.js';
import { CONNECTIONS } from '../../simulated-erp/seed-config.js';
import type { ActorTypeMapping, ConnectionState, EntityErpState } from '../../src/model/types.js';
import { DatabaseCrm } from '../crm/adapter.js';
import { startService, type RunningService } from '../start.js';
import { OVERLAP_MS } from '../sync/cycle.js';
import { client, linkErpWins, runBackground, type Call } from './service-client.js';

const CONFIG = CONNECTIONS.find((c) => c.id === 'conn-a')!.config;
const crm = new DatabaseCrm();

describe('background sync with wrong inputs (PGlite, simulated connector)', () => {
  let service: RunningService;
  let admin: Call;
  const dataDir = mkdtempSync(join(tmpdir(), 'erp-sync-background-faults-'));
  // Companies of the demo, each linked to a customer of its own for these tests.
  const LINKS = { c2: '100002', c4: '100004', c5: '100005', c6: '100006' } as const;
  before(async () => {
    // The connector gets 1.5 s per call; only the cycles a test asks for run.
    service = await startService({ demo: true, port: 0, dataDir, background: { everySeconds: 3600 }, connectorControl: true, connectorTimeoutMs: 1500 });
    admin = await client(service);
    for (const [company, key] of Object.entries(LINKS)) {
      const linked = await linkErpWins(admin, company, 'conn-a', key);
      assert.equal(linked.status, 200, `${company}: ${JSON.stringify(linked.body)}`);
    }
    // Cursors set past the demo's seeding and these links (the cycles look back OVERLAP_MS): the
    // cycles below meet only what the tests change.
    await new Promise((r) => setTimeout(r, OVERLAP_MS + 1000));
    await runBackground(admin, 'conn-a');
  });
  after(async () => {
    await service.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const control = async (path: string, fault: object | null, times = 1) => {
    const res = await fetch(`${service.connectorUrl}/__control/fault`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ path, fault, times }) });
    assert.equal(res.status, 200, await res.text());
  };
  const erpSave = async (erpKey: string, values: Record<string, unknown>) => {
    const res = await fetch(`${service.connectorUrl}/contoso/actors/save`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ config: CONFIG, actorType: 'customer', actors: [{ erpKey, values }] }) });
    assert.equal(res.status, 200, await res.text());
  };
  const city = async (company: string) => (await crm.get(service.db, 'company', company))?.values.city;
  const backgroundEntries = async (company: string) =>
    Number(
      (await service.db.query<{ n: string }>(
        `SELECT count(*)::text AS n FROM history WHERE entity_type = 'company' AND entity_id = $1 AND connection_id = 'conn-a' AND event::jsonb ->> 'by' = 'Background sync'`,
        [company],
      ))[0]!.n,
    );
  const cursor = async () => (await service.db.query<{ position: string }>(`SELECT position FROM sync_cursors WHERE connection_id = 'conn-a' AND actor_type = 'erp:customer'`))[0]!.position;
  const linkOf = async (company: string): Promise<ConnectionState> =>
    (await admin<EntityErpState>('GET', `/entities/company/${company}/erp-state`)).body.connections.find((c) => c.id === 'conn-a')!;

  it('a connector that times out: the run fails as a whole and says so; the next cycle applies the change once', async () => {
    await erpSave(LINKS.c2, { city: 'Slow City' });
    await control('/actors/changed-since', { kind: 'latency', ms: 4000 });
    const failed = await runBackground(admin, 'conn-a');
    assert.equal(failed.lastRun!.errors, 1, JSON.stringify(failed.lastRun));
    assert.equal(failed.lastRun!.lastError?.code, 'connector-unavailable');
    assert.equal(failed.failures, 1);
    assert.notEqual(await city('c2'), 'Slow City');
    const entries = await backgroundEntries('c2');

    const next = await runBackground(admin, 'conn-a');
    assert.equal(next.lastRun!.errors, 0, JSON.stringify(next.lastRun));
    assert.equal(await city('c2'), 'Slow City');
    assert.equal(await backgroundEntries('c2'), entries + 1, 'applied once');
  });

  it('an actor answered twice is synced once, with one history entry', async () => {
    await erpSave(LINKS.c4, { city: 'Twice City' });
    const entries = await backgroundEntries('c4');
    await control('/actors/changed-since', { kind: 'duplicate' });
    const run = await runBackground(admin, 'conn-a');
    assert.equal(run.lastRun!.errors, 0, JSON.stringify(run.lastRun));
    assert.equal(await city('c4'), 'Twice City');
    assert.equal(await backgroundEntries('c4'), entries + 1);
  });

  it('lastModified going backwards: the change is applied and the cursor never moves back', async () => {
    const before = await cursor();
    await erpSave(LINKS.c5, { city: 'Backwards City' });
    await control('/actors/changed-since', { kind: 'backwards' });
    await runBackground(admin, 'conn-a');
    assert.equal(await city('c5'), 'Backwards City');
    assert.ok((await cursor()) >= before, `cursor ${before} → ${await cursor()}`);
    // The next change still arrives.
    await erpSave(LINKS.c5, { city: 'Forwards City' });
    await runBackground(admin, 'conn-a');
    assert.equal(await city('c5'), 'Forwards City');
  });

  it('a changed actor left out of the answer arrives with the next cycle, once', async () => {
    // Two changes; the connector's answers leave out the newer one: c6's (untouched since its link,
    // so no other way leads the cycle to it).
    await erpSave(LINKS.c2, { city: 'Kept City' });
    await erpSave(LINKS.c6, { city: 'Left Out City' });
    const entries = await backgroundEntries('c6');
    // Left out of every answer of this cycle (it asks once per actor type).
    await control('/actors/changed-since', { kind: 'omit', key: LINKS.c6 }, 20);
    await runBackground(admin, 'conn-a');
    await control('/actors/changed-since', null);
    assert.equal(await city('c2'), 'Kept City');
    assert.notEqual(await city('c6'), 'Left Out City', 'the answer left it out');
    await runBackground(admin, 'conn-a');
    assert.equal(await city('c6'), 'Left Out City', 'the next cycle looked again');
    assert.equal(await backgroundEntries('c6'), entries + 1);
  });

  it('an actor the ERP no longer returns: its record keeps the problem, the others sync, the next cycle retries', async () => {
    await erpSave(LINKS.c4, { city: 'Gone For Now' });
    await erpSave(LINKS.c5, { city: 'Still Here' });
    // /actors/get leaves c4's actor out, however often it is asked for in this cycle.
    await control('/actors/get', { kind: 'omit', key: LINKS.c4 }, 50);
    const run = await runBackground(admin, 'conn-a');
    assert.ok(run.lastRun!.errors >= 1, JSON.stringify(run.lastRun));
    assert.equal(run.lastRun!.lastError?.code, 'actor-not-found');
    assert.match(run.lastRun!.lastError!.detail ?? '', /company c4/);
    assert.equal(await city('c5'), 'Still Here', 'the others went on');
    const failing = await linkOf('c4');
    assert.equal(failing.link!.status, 'error', 'the problem is on the record');
    assert.equal(failing.link!.lastError?.code, 'actor-not-found');

    await control('/actors/get', null);
    const retried = await runBackground(admin, 'conn-a');
    assert.equal(retried.lastRun!.errors, 0, JSON.stringify(retried.lastRun));
    assert.equal(await city('c4'), 'Gone For Now');
    assert.equal((await linkOf('c4')).link!.status, 'ok');
  });

  it('a CRM record deleted while linked: its problem is recorded, the cycle finishes the others', async () => {
    await erpSave(LINKS.c6, { city: 'Orphan City' });
    await erpSave(LINKS.c2, { city: 'After Orphan' });
    const record = (await crm.get(service.db, 'company', 'c6'))!;
    await service.db.query(`DELETE FROM crm_records WHERE type = 'company' AND id = 'c6'`);
    const run = await runBackground(admin, 'conn-a');
    assert.ok(run.lastRun!.errors >= 1, JSON.stringify(run.lastRun));
    assert.equal(run.lastRun!.lastError?.code, 'entity-not-found');
    assert.match(run.lastRun!.lastError!.detail ?? '', /company c6/);
    assert.equal(await city('c2'), 'After Orphan');
    assert.equal(run.failures, 0, 'a record of its own is no reason to back off');

    // Back in the CRM (restored): the next cycle retries it and brings the ERP's change.
    await crm.put(service.db, record);
    const retried = await runBackground(admin, 'conn-a');
    assert.equal(retried.lastRun!.errors, 0, JSON.stringify(retried.lastRun));
    assert.equal(await city('c6'), 'Orphan City');
  });

  it('a mapping changed while a cycle runs: the cycle finishes with the mapping it meets, without errors, once', async () => {
    await erpSave(LINKS.c2, { city: 'Mapping City' });
    const entries = await backgroundEntries('c2');
    const mapping = (await admin<ActorTypeMapping>('GET', '/admin/connections/conn-a/actor-types/customer/mapping')).body;
    // The cycle waits for the ERP while the administrator saves: city now leads from the ERP.
    await control('/actors/changed-since', { kind: 'latency', ms: 1000 });
    const running = runBackground(admin, 'conn-a');
    const changed = { ...mapping, fields: mapping.fields.map((f) => (f.erpField.key === 'city' ? { ...f, direction: 'erp-to-crm' as const } : f)) };
    const saved = await admin('PUT', '/admin/connections/conn-a/actor-types/customer/mapping', changed, { 'if-match': `"${mapping.version}"` });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    const run = await running;
    assert.equal(run.lastRun!.errors, 0, JSON.stringify(run.lastRun));
    assert.equal(await city('c2'), 'Mapping City');
    assert.equal(await backgroundEntries('c2'), entries + 1);
  });

  it('a write that died after its ERP save: the next cycle records its change in the history, once; one that never landed is dropped', async () => {
    // As a killed write leaves it: the CRM and the ERP hold the new e-mail, the link's base and the
    // history do not, and its intent is left (older than any live write).
    const record = (await crm.get(service.db, 'company', 'c5'))!;
    await crm.put(service.db, { ...record, values: { ...record.values, email: 'landed@example.com' } } as CrmRecord);
    await erpSave(LINKS.c5, { email: 'landed@example.com' });
    const intent = (email: string) =>
      JSON.stringify({
        actorType: 'customer',
        erpKey: LINKS.c5,
        values: { email },
        event: { id: `h-${email}`, at: new Date().toISOString(), by: 'Background sync', kind: 'synced', actorType: 'customer', erpKey: LINKS.c5, changes: [{ field: 'email', label: 'E-mail', oldValue: String(record.values.email ?? ''), newValue: email, side: 'erp' }] },
      });
    await service.db.query(
      `INSERT INTO erp_write_intents (id, entity_type, entity_id, connection_id, intent, created_at) VALUES
       ('00000000-0000-4000-8000-000000000001', 'company', 'c5', 'conn-a', $1, now() - interval '1 hour'),
       ('00000000-0000-4000-8000-000000000002', 'company', 'c5', 'conn-a', $2, now() - interval '1 hour')`,
      [intent('landed@example.com'), intent('never-sent@example.com')],
    );
    const before = await service.db.query<{ event: { id: string } }>(`SELECT event FROM history WHERE entity_id = 'c5' AND connection_id = 'conn-a'`);
    await runBackground(admin, 'conn-a');
    const added = (await service.db.query<{ event: { id: string; changes: { field: string; newValue: string }[] } }>(`SELECT event FROM history WHERE entity_id = 'c5' AND connection_id = 'conn-a' ORDER BY seq`))
      .slice(before.length)
      .map((r) => r.event);
    assert.deepEqual(added.map((e) => e.id), ['h-landed@example.com'], JSON.stringify(added));
    assert.deepEqual(added[0]!.changes.map((c) => [c.field, c.newValue]), [['email', 'landed@example.com']]);
    assert.equal((await service.db.query(`SELECT id FROM erp_write_intents`)).length, 0, 'both intents settled');
    // One more left of the same values, older than the entry above (a write that never reached the
    // ERP, whose values a later write sent and recorded): nothing more is recorded.
    await service.db.query(
      `INSERT INTO erp_write_intents (id, entity_type, entity_id, connection_id, intent, created_at) VALUES ('00000000-0000-4000-8000-000000000003', 'company', 'c5', 'conn-a', $1, now() - interval '2 hours')`,
      [intent('landed@example.com')],
    );
    await runBackground(admin, 'conn-a');
    const after = await service.db.query(`SELECT event FROM history WHERE entity_id = 'c5' AND connection_id = 'conn-a'`);
    assert.equal(after.length, before.length + 1);
    assert.equal((await service.db.query(`SELECT id FROM erp_write_intents`)).length, 0);
  });

  it('a record changed in the CRM after an earlier CRM record was deleted is still synced', async () => {
    const record = (await crm.get(service.db, 'company', 'c5'))!;
    await crm.put(service.db, { ...record, values: { ...record.values, email: 'after-delete@example.com' } } as CrmRecord);
    await runBackground(admin, 'conn-a');
    const res = await fetch(`${service.connectorUrl}/contoso/actors/get`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ config: CONFIG, actorType: 'customer', keys: [LINKS.c5] }) });
    const { actors } = (await res.json()) as { actors: { values: { email: unknown } }[] };
    assert.equal(actors[0]!.values.email, 'after-delete@example.com');
  });
});
