// What the admin screen and the tab see of the background sync, over real HTTP on PGlite with the
// simulated connector: the last run and its counts, Run now, Pause, the back-off after a failed run,
// and on the tab the last background sync and the conflicts waiting for the user.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CrmRecord } from '../../simulated-erp/model.js';
import { CONNECTIONS } from '../../simulated-erp/seed-config.js';
import type { BackgroundSyncStatus, EntityErpState } from '../../src/model/types.js';
import { DatabaseCrm } from '../crm/adapter.js';
import { startService, type RunningService } from '../start.js';
import { client, linkErpWins, runBackground, versionOf, type Call } from './service-client.js';

const CONFIG = CONNECTIONS.find((c) => c.id === 'conn-a')!.config;
const crm = new DatabaseCrm();

describe('background sync status (PGlite, simulated connector)', () => {
  let service: RunningService;
  let admin: Call;
  const dataDir = mkdtempSync(join(tmpdir(), 'erp-sync-background-status-'));
  before(async () => {
    // Scheduled once an hour: only the runs a test asks for happen.
    service = await startService({ demo: true, port: 0, dataDir, background: { everySeconds: 3600 }, connectorControl: true });
    admin = await client(service);
    assert.equal((await linkErpWins(admin, 'c2', 'conn-a', '100002')).status, 200);
  });
  after(async () => {
    await service.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const status = async () => {
    const answer = await admin<BackgroundSyncStatus>('GET', '/admin/connections/conn-a/background');
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    return answer.body;
  };
  const runNow = () => runBackground(admin, 'conn-a');
  const tab = async (company: string) => {
    const state = await admin<EntityErpState>('GET', `/entities/company/${company}/erp-state`);
    return state.body.connections.find((c) => c.id === 'conn-a')!;
  };
  const erpSave = async (erpKey: string, values: Record<string, unknown>) => {
    const res = await fetch(`${service.connectorUrl}/contoso/actors/save`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ config: CONFIG, actorType: 'customer', actors: [{ erpKey, values }] }) });
    assert.equal(res.status, 200, await res.text());
  };

  it('before any run: no last run, the next one due, and on the tab "not yet"', async () => {
    const s = await status();
    assert.equal(s.connectionId, 'conn-a');
    assert.equal(s.lastRun, null);
    assert.equal(s.paused, false);
    assert.equal(s.failures, 0);
    assert.equal(s.backoffUntil, null);
    assert.ok(s.nextRunAt && !Number.isNaN(Date.parse(s.nextRunAt)), `next run: ${s.nextRunAt}`);
    assert.equal((await tab('c2')).link!.lastBackgroundSync, null);
  });

  it('Run now: the run with its counts, and the tab shows when it went over the record', async () => {
    await erpSave('100002', { city: 'Status City' });
    const s = await runNow();
    assert.ok(s.lastRun!.checked >= 1 && s.lastRun!.changed >= 1, JSON.stringify(s.lastRun));
    assert.equal(s.lastRun!.errors, 0);
    assert.ok(Date.parse(s.nextRunAt!) > Date.parse(s.lastRun!.startedAt), 'the next run after this one');
    const link = (await tab('c2')).link!;
    assert.ok(link.lastBackgroundSync && Date.parse(link.lastBackgroundSync) >= Date.parse(s.lastRun!.startedAt), JSON.stringify(link));
  });

  it('a field changed on both sides: the tab counts it, Sync now offers it to decide, deciding clears it', async () => {
    await erpSave('100002', { city: 'ERP Both' });
    const record = (await crm.get(service.db, 'company', 'c2'))!;
    await crm.put(service.db, { ...record, values: { ...record.values, city: 'CRM Both' } } as CrmRecord);
    const s = await runNow();
    // The demo's other links may hold conflicts of their own.
    assert.ok(s.lastRun!.conflicts >= 1, JSON.stringify(s.lastRun));
    assert.equal((await tab('c2')).link!.pendingConflicts, 1);

    const synced = await admin<{ status: string; conflicts: { field: { key: string } }[] }>('POST', '/entities/company/c2/links/conn-a/sync', {});
    assert.equal(synced.body.status, 'conflict');
    assert.deepEqual(synced.body.conflicts.map((c) => c.field.key), ['city']);
    const decided = await admin('PUT', '/entities/company/c2/links/conn-a', { actorType: 'customer', erpKey: '100002', choices: { city: 'crm' } }, { 'if-match': `"${await versionOf(admin, 'c2', 'conn-a')}"` });
    assert.equal(decided.status, 200, JSON.stringify(decided.body));
    assert.equal((await tab('c2')).link!.pendingConflicts, undefined);
  });

  it('a connector that fails: the run says why, the connection backs off, a good run clears it', async () => {
    await erpSave('100002', { city: 'After Failure' });
    const injected = await fetch(`${service.connectorUrl}/__control/fault`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ path: '*', fault: { kind: 'problem', status: 500, detail: 'ERP busy' }, times: 1 }) });
    assert.equal(injected.status, 200, await injected.text());
    const failed = await runNow();
    assert.equal(failed.lastRun!.errors, 1);
    assert.equal(failed.lastRun!.checked, 0);
    assert.equal(failed.lastRun!.lastError?.detail, 'ERP busy');
    assert.equal(failed.failures, 1);
    assert.ok(failed.backoffUntil && Date.parse(failed.backoffUntil) > Date.parse(failed.lastRun!.startedAt), JSON.stringify(failed));
    assert.ok(Date.parse(failed.nextRunAt!) >= Date.parse(failed.backoffUntil), 'no run before the back-off ends');
    const lastGood = (await tab('c2')).link!.lastBackgroundSync;
    assert.ok(lastGood && Date.parse(lastGood) < Date.parse(failed.lastRun!.startedAt), 'the tab keeps the last good run');

    const good = await runNow();
    assert.equal(good.failures, 0);
    assert.equal(good.backoffUntil, null);
    assert.equal(good.lastRun!.errors, 0);
  });

  it('Pause: nothing scheduled until resumed; the body is checked', async () => {
    const paused = await admin<BackgroundSyncStatus>('PUT', '/admin/connections/conn-a/background/paused', { paused: true });
    assert.equal(paused.status, 200, JSON.stringify(paused.body));
    assert.equal(paused.body.paused, true);
    assert.equal(paused.body.nextRunAt, null);
    assert.equal((await status()).paused, true, 'kept');
    const wrong = await admin('PUT', '/admin/connections/conn-a/background/paused', { paused: 'yes' });
    assert.ok(wrong.status === 400 || wrong.status === 422, `${wrong.status}`);
    const resumed = await admin<BackgroundSyncStatus>('PUT', '/admin/connections/conn-a/background/paused', { paused: false });
    assert.equal(resumed.body.paused, false);
    assert.ok(resumed.body.nextRunAt);
  });

  it('only administrators see and steer it; an inactive connection does not run', async () => {
    const ben = await client(service, 'u-ben');
    assert.equal((await ben('GET', '/admin/connections/conn-a/background')).status, 403);
    assert.equal((await ben('POST', '/admin/connections/conn-a/background/run')).status, 403);
    assert.equal((await ben('PUT', '/admin/connections/conn-a/background/paused', { paused: true })).status, 403);
    assert.equal((await admin('GET', '/admin/connections/nope/background')).status, 404);
    const off = await admin('PUT', '/admin/connections/conn-a/active', { active: false }, { 'if-match': '*' });
    assert.equal(off.status, 200, JSON.stringify(off.body));
    try {
      const refused = await admin('POST', '/admin/connections/conn-a/background/run');
      assert.equal(refused.status, 409);
      assert.equal(refused.body.code, 'connection-inactive');
      assert.equal((await status()).nextRunAt, null);
    } finally {
      await admin('PUT', '/admin/connections/conn-a/active', { active: true }, { 'if-match': '*' });
    }
  });
});
