// Background sync over real HTTP and a real database, with the simulated connector: changes made in
// the ERP (through the connector) and in the CRM (through the CRM adapter) reach the other side by
// themselves, each once, with one history entry per change; a field changed on both sides is kept as
// a conflict, never overwritten; two instances on one PostgreSQL database apply every change once.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CONNECTIONS } from '../../simulated-erp/seed-config.js';
import type { CrmRecord } from '../../simulated-erp/model.js';
import { DatabaseCrm } from '../crm/adapter.js';
import { startService, type RunningService } from '../start.js';
import { client, linkErpWins, okClient } from './service-client.js';
import { backgroundEntries, spawnService } from './service-process.js';
import { emptyDatabase } from './targets.js';

const CONFIG = CONNECTIONS.find((c) => c.id === 'conn-a')!.config;
const crm = new DatabaseCrm();

/** Polls `check` until it holds; a deadline that a loaded 2-core machine keeps. */
async function until<T>(what: string, check: () => Promise<T | undefined | false>, deadlineMs = 60_000): Promise<T> {
  const end = Date.now() + deadlineMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`Not within ${deadlineMs / 1000} s: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Asks for a cycle of conn-a and waits until a run that started after the ask has finished. */
async function cycle(service: RunningService) {
  const [{ max }] = await service.db.query<{ max: string | null }>(`SELECT max(id)::text AS max FROM sync_runs`);
  await service.background!.runNow('conn-a');
  return until('a finished background run of conn-a', async () => {
    const [run] = await service.db.query<{ checked: number; changed: number; conflicts: number; errors: number }>(
      `SELECT checked, changed, conflicts, errors FROM sync_runs WHERE connection_id = 'conn-a' AND id > $1 AND finished_at IS NOT NULL ORDER BY id LIMIT 1`,
      [max ?? '0'],
    );
    return run;
  });
}

/** Links a company through the REST API, the ERP's values winning: a base for every synced field. */
async function link(service: RunningService, company: string, erpKey: string) {
  const answer = await linkErpWins(await client(service), company, 'conn-a', erpKey);
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
}

const erp = (service: RunningService) => async (path: string, body: object) => {
  const res = await fetch(`${service.connectorUrl}/contoso${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ config: CONFIG, ...body }) });
  assert.equal(res.status, 200, `${path}: ${await res.clone().text()}`);
  return (await res.json()) as { actors: { erpKey: string; values: Record<string, unknown> }[] };
};

describe('background sync (PGlite, simulated connector)', () => {
  let service: RunningService;
  const dataDir = mkdtempSync(join(tmpdir(), 'erp-sync-background-'));
  before(async () => {
    // No cycle but the ones a test asks for.
    service = await startService({ demo: true, port: 0, dataDir, background: { everySeconds: 3600 }, connectorControl: true });
    await link(service, 'c2', '100002');
  });
  after(async () => {
    await service.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const links = async () =>
    service.db.query<{ entity_type: string; entity_id: string; erp_key: string; data: { pendingConflicts?: string[]; synced: Record<string, unknown> } }>(
      `SELECT entity_type, entity_id, erp_key, data FROM links WHERE connection_id = 'conn-a' AND actor_type = 'customer' ORDER BY entity_id`,
    );
  const history = async (id: string) =>
    (await service.db.query<{ event: { kind: string; by: string; changes: { field: string; oldValue: string; newValue: string; side: string }[] } }>(
      `SELECT event FROM history WHERE entity_type = 'company' AND entity_id = $1 AND connection_id = 'conn-a' ORDER BY seq`,
      [id],
    )).map((r) => r.event);
  const record = async (id: string) => (await crm.get(service.db, 'company', id))!;

  it('brings an ERP change into the CRM and a CRM change into the ERP, once, with the history saying who and which side', async () => {
    const linked = (await links()).find((l) => l.entity_id === 'c2')!;
    // A change in the ERP (city) and one in the CRM (e-mail) of the same linked company.
    await erp(service)('/actors/save', { actorType: 'customer', actors: [{ erpKey: linked.erp_key, values: { city: 'Background City' } }] });
    const before = await record('c2');
    await crm.put(service.db, { ...before, values: { ...before.values, email: 'background@acme.example' } } as CrmRecord);
    const historyBefore = (await history('c2')).length;

    const run = await cycle(service);
    assert.ok(run.checked >= 1 && run.changed >= 1, JSON.stringify(run));
    assert.equal((await record('c2')).values.city, 'Background City', 'the ERP value in the CRM');
    const [actor] = (await erp(service)('/actors/get', { actorType: 'customer', keys: [linked.erp_key] })).actors;
    assert.equal(actor!.values.email, 'background@acme.example', 'the CRM value in the ERP');
    const added = (await history('c2')).slice(historyBefore);
    assert.equal(added.length, 1, JSON.stringify(added));
    assert.equal(added[0]!.by, 'Background sync');
    assert.deepEqual(added[0]!.changes.map((c) => [c.field, c.side]).sort(), [['city', 'crm'], ['email', 'erp']]);

    // Nothing new: a second cycle applies nothing and writes no history.
    const again = await cycle(service);
    assert.equal(again.changed, 0, JSON.stringify(again));
    assert.equal((await history('c2')).length, historyBefore + 1);
  });

  it('a field changed on both sides is kept as a conflict for the user, and neither side is overwritten', async () => {
    const linked = (await links()).find((l) => l.entity_id === 'c2')!;
    await erp(service)('/actors/save', { actorType: 'customer', actors: [{ erpKey: linked.erp_key, values: { city: 'ERP Side City' } }] });
    const before = await record('c2');
    await crm.put(service.db, { ...before, values: { ...before.values, city: 'CRM Side City' } } as CrmRecord);
    await cycle(service);
    const [{ conflicts }] = await service.db.query<{ conflicts: number }>(`SELECT conflicts FROM sync_runs ORDER BY id DESC LIMIT 1`);
    assert.ok(conflicts >= 1);
    assert.equal((await record('c2')).values.city, 'CRM Side City');
    const [actor] = (await erp(service)('/actors/get', { actorType: 'customer', keys: [linked.erp_key] })).actors;
    assert.equal(actor!.values.city, 'ERP Side City');
    assert.deepEqual((await links()).find((l) => l.entity_id === 'c2')!.data.pendingConflicts, ['city'], 'the conflict kept for the tab');
  });

  it('a connector that answers 500: the run records the error, the next cycle brings the change, once', async () => {
    const linked = (await links()).find((l) => l.entity_id === 'c2')!;
    await erp(service)('/actors/save', { actorType: 'customer', actors: [{ erpKey: linked.erp_key, values: { street: 'Failing Street 1' } }] });
    const historyBefore = (await history('c2')).length;
    const injected = await fetch(`${service.connectorUrl}/__control/fault`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ path: '*', fault: { kind: 'problem', status: 500, detail: 'ERP busy' }, times: 1 }) });
    assert.equal(injected.status, 200, await injected.text());
    const failed = await cycle(service);
    assert.equal(failed.errors, 1, JSON.stringify(failed));
    const [run] = await service.db.query<{ last_error: { detail: string } }>(`SELECT last_error FROM sync_runs WHERE connection_id = 'conn-a' ORDER BY id DESC LIMIT 1`);
    assert.equal(run!.last_error.detail, 'ERP busy');
    const [backoff] = await service.db.query<{ failures: number }>(`SELECT failures FROM sync_state WHERE connection_id = 'conn-a'`);
    assert.equal(backoff!.failures, 1, 'the connection backs off');
    assert.notEqual((await record('c2')).values.address, 'Failing Street 1');
    await cycle(service);
    assert.equal((await record('c2')).values.address, 'Failing Street 1', 'the next cycle brought it');
    assert.equal((await history('c2')).length, historyBefore + 1, 'applied once');
    const [cleared] = await service.db.query<{ failures: number }>(`SELECT failures FROM sync_state WHERE connection_id = 'conn-a'`);
    assert.equal(cleared!.failures, 0);
  });
});

if (process.env.TEST_DATABASE_URL) {
  describe('background sync: two instances on one PostgreSQL database', () => {
    const url = process.env.TEST_DATABASE_URL!;
    const dirs = [mkdtempSync(join(tmpdir(), 'erp-sync-two-a-')), mkdtempSync(join(tmpdir(), 'erp-sync-two-b-'))];
    let a: RunningService;
    let b: RunningService;
    before(async () => {
      await emptyDatabase(url);
      // One deployment: the same secrets on both instances, as ERP_SYNC_SECRET_KEY and JWT_SECRET give them.
      const shared = { secretKey: randomBytes(32).toString('base64url'), auth: { secret: randomBytes(32).toString('base64url') } };
      a = await startService({ demo: true, port: 0, dataDir: dirs[0], databaseUrl: url, background: { everySeconds: 3600 }, ...shared });
      // The second instance uses the first one's connector (one ERP behind both).
      b = await startService({ demo: true, port: 0, dataDir: dirs[1], databaseUrl: url, connectorUrl: a.connectorUrl, background: { everySeconds: 3600 }, ...shared });
    });
    after(async () => {
      await b.close();
      await a.close();
      for (const d of dirs) rmSync(d, { recursive: true, force: true });
    });

    it('500 records changed on both sides converge, each change applied once with one history entry', async () => {
      // 500 more linked customers: imported from the ERP into the CRM while the connection is inactive.
      const call = await okClient(a);
      const keys = Array.from({ length: 500 }, (_, i) => String(101_000 + i));
      const off = await call('PUT', '/admin/connections/conn-a/active', { active: false }, { 'if-match': '*' });
      assert.equal(off.active, false);
      for (let i = 0; i < keys.length; i += 100) await call('POST', '/admin/connections/conn-a/import', { actorType: 'customer', keys: keys.slice(i, i + 100) });
      await call('PUT', '/admin/connections/conn-a/active', { active: true }, { 'if-match': '*' });
      const linked = await a.db.query<{ entity_id: string; erp_key: string }>(`SELECT entity_id, erp_key FROM links WHERE connection_id = 'conn-a' AND erp_key = ANY($1)`, [keys]);
      assert.equal(linked.length, 500);

      // The even ones change in the ERP, the odd ones in the CRM.
      const erpSide = linked.filter((_, i) => i % 2 === 0);
      const crmSide = linked.filter((_, i) => i % 2 === 1);
      for (let i = 0; i < erpSide.length; i += 100) {
        await erp(a)('/actors/save', { actorType: 'customer', actors: erpSide.slice(i, i + 100).map((l) => ({ erpKey: l.erp_key, values: { city: `ERP ${l.erp_key}` } })) });
      }
      for (const l of crmSide) {
        const r = (await crm.get(a.db, 'company', l.entity_id))!;
        await crm.put(a.db, { ...r, values: { ...r.values, email: `crm-${l.erp_key}@example.com` } } as CrmRecord);
      }
      const historyCount = async () => Number((await a.db.query<{ n: string }>(`SELECT count(*)::text AS n FROM history WHERE connection_id = 'conn-a' AND entity_id = ANY($1)`, [linked.map((l) => l.entity_id)]))[0]!.n);
      const before = await historyCount();

      // Both instances are asked at once, and again: one cycle runs at a time, on either instance.
      await Promise.all([a.background!.runNow('conn-a'), b.background!.runNow('conn-a'), a.background!.runNow('conn-a'), b.background!.runNow('conn-a')]);
      await until('every record converged', async () => {
        const rows = await a.db.query<{ n: string }>(
          `SELECT count(*)::text AS n FROM crm_records WHERE type = 'company' AND id = ANY($1) AND (data::jsonb -> 'values' ->> 'city') LIKE 'ERP %'`,
          [erpSide.map((l) => l.entity_id)],
        );
        if (Number(rows[0]!.n) !== erpSide.length) return false;
        const actors: { erpKey: string; values: Record<string, unknown> }[] = [];
        for (let i = 0; i < crmSide.length; i += 100) actors.push(...(await erp(a)('/actors/get', { actorType: 'customer', keys: crmSide.slice(i, i + 100).map((l) => l.erp_key) })).actors);
        return actors.every((x) => x.values.email === `crm-${x.erpKey}@example.com`);
      }, 180_000);
      // Whatever ran on which instance, each changed record has exactly one new history entry.
      await until('no cycle running or waiting', async () => Number((await a.db.query<{ n: string }>(`SELECT count(*)::text AS n FROM pgboss.job WHERE name = 'erp-sync-cycle' AND state IN ('created', 'active', 'retry')`))[0]!.n) === 0, 180_000);
      assert.equal((await historyCount()) - before, 500);
      const perRecord = await a.db.query<{ entity_id: string; n: string }>(
        `SELECT entity_id, count(*)::text AS n FROM history WHERE connection_id = 'conn-a' AND entity_id = ANY($1) AND event::jsonb ->> 'by' = 'Background sync' GROUP BY entity_id`,
        [linked.map((l) => l.entity_id)],
      );
      assert.equal(perRecord.length, 500);
      assert.ok(perRecord.every((r) => r.n === '1'), JSON.stringify(perRecord.filter((r) => r.n !== '1').slice(0, 5)));
      const ran = await a.db.query<{ n: string }>(`SELECT count(*)::text AS n FROM sync_runs WHERE connection_id = 'conn-a' AND finished_at IS NOT NULL`);
      assert.ok(Number(ran[0]!.n) >= 1);
    });
  });

  describe('background sync: a worker killed in the middle of a cycle', () => {
    const url = process.env.TEST_DATABASE_URL!;
    const dataDir = mkdtempSync(join(tmpdir(), 'erp-sync-kill-'));
    after(() => rmSync(dataDir, { recursive: true, force: true }));

    /** The service in a process of its own (server/main.ts), cycling every second. */
    const start = () => spawnService({ DATA_DIR: dataDir, DATABASE_URL: url, ERP_SYNC_EVERY_SECONDS: '1', ERP_SYNC_EXPIRE_SECONDS: '3', ERP_SYNC_MAINTENANCE_SECONDS: '1', CONNECTOR_TIMEOUT_MS: '3000' });

    it('loses nothing and applies nothing twice: after a restart the cycle resumes and every change arrives once', async () => {
      await emptyDatabase(url);
      // Seed and link 300 customers with an instance of this process (no background sync of its own).
      const seeder = await startService({ demo: true, port: 0, dataDir, databaseUrl: url });
      const call = await okClient(seeder);
      const keys = Array.from({ length: 300 }, (_, i) => String(102_000 + i));
      await call('PUT', '/admin/connections/conn-a/active', { active: false }, { 'if-match': '*' });
      for (let i = 0; i < keys.length; i += 100) await call('POST', '/admin/connections/conn-a/import', { actorType: 'customer', keys: keys.slice(i, i + 100) });
      await call('PUT', '/admin/connections/conn-a/active', { active: true }, { 'if-match': '*' });
      const linked = await seeder.db.query<{ entity_id: string; erp_key: string }>(`SELECT entity_id, erp_key FROM links WHERE connection_id = 'conn-a' AND erp_key = ANY($1) ORDER BY erp_key`, [keys]);
      assert.equal(linked.length, 300);
      // Changes on the CRM side: the feed the killed cycle is in the middle of.
      for (const l of linked) {
        const r = (await crm.get(seeder.db, 'company', l.entity_id))!;
        await crm.put(seeder.db, { ...r, values: { ...r.values, email: `kill-${l.erp_key}@example.com` } } as CrmRecord);
      }
      const ids = linked.map((l) => l.entity_id);
      await seeder.close();
      const entries = () => backgroundEntries(url, 'conn-a', ids);
      const applied = async () => [...(await entries()).values()].reduce((n, k) => n + k, 0);

      // Killed once some, not all, of the records are synced.
      const first = await start();
      await until('the cycle is under way', async () => (await applied()) >= 20, 120_000);
      first.child.kill('SIGKILL');
      await new Promise((r) => first.child.once('exit', r));
      const atKill = await applied();
      assert.ok(atKill < 300, `killed in the middle (${atKill} of 300 synced)`);

      const second = await start();
      try {
        // Converged: the ERP holds every CRM change.
        const erpEmails = async () => {
          const found: Record<string, unknown> = {};
          for (let i = 0; i < linked.length; i += 100) {
            const res = await fetch(`${second.connectorUrl}/contoso/actors/get`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ config: CONFIG, actorType: 'customer', keys: linked.slice(i, i + 100).map((l) => l.erp_key) }) });
            for (const a of ((await res.json()) as { actors: { erpKey: string; values: { email: unknown } }[] }).actors) found[a.erpKey] = a.values.email;
          }
          return found;
        };
        await until('every CRM change in the ERP after the restart', async () => {
          const emails = await erpEmails();
          return linked.every((l) => emails[l.erp_key] === `kill-${l.erp_key}@example.com`);
        }, 180_000);
        // Every change is in the history, the one in flight at the kill too: its write's intent is
        // recorded once it is older than any live write (4 connector timeouts and 30 s).
        await until('the write in flight at the kill recorded', async () => {
          return (await entries()).size === 300;
        }, 180_000);
        const perRecord = [...(await entries())].map(([id, n]) => ({ entity_id: id, n }));
        assert.ok(perRecord.every((r) => r.n === 1), `none applied twice: ${JSON.stringify(perRecord.filter((r) => r.n !== 1))}`);

      } finally {
        await second.stop();
      }
    });
  });
}
