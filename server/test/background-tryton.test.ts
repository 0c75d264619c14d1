// Background sync with the Tryton connector on PostgreSQL: a service process killed (SIGKILL) in the
// middle of a cycle loses nothing and applies nothing twice once it is back; every CRM change reaches
// Tryton. Runs where TRYTON_URL and TEST_DATABASE_URL name a live Tryton and PostgreSQL (CI does).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { SEED_COMPANY } from '../../connectors/tryton/seed.js';
import { TrytonRpc } from '../../connectors/tryton/rpc.js';
import type { CrmRecord } from '../../simulated-erp/model.js';
import { DatabaseCrm } from '../crm/adapter.js';
import { startService } from '../start.js';
import { okClient } from './service-client.js';
import { backgroundEntries, spawnService } from './service-process.js';
import { emptyDatabase } from './targets.js';

const env = process.env;
const PARTIES = 60;

if (env.TRYTON_URL && env.TEST_DATABASE_URL) {
  const url = env.TEST_DATABASE_URL;
  const login = { url: env.TRYTON_URL, database: env.TRYTON_DATABASE ?? 'erp', user: env.TRYTON_USER ?? 'admin', password: env.TRYTON_PASSWORD ?? '' };
  const config = { serverUrl: login.url, database: login.database, username: login.user, password: login.password, company: SEED_COMPANY };
  const tryton = new TrytonRpc(login);
  const crm = new DatabaseCrm();

  describe('background sync on Tryton: a worker killed in the middle of a cycle', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'erp-sync-kill-tryton-'));
    after(() => rmSync(dataDir, { recursive: true, force: true }));

    it('loses nothing and applies nothing twice: after a restart every CRM change is in Tryton, once', async () => {
      await emptyDatabase(url);
      // Customers of this test's own in Tryton, imported into the CRM (and linked) by an instance of this process.
      const run = Date.now().toString(36);
      const [category] = await tryton.model<number[]>('party.category.search', [[['name', '=', 'Customer']], 0, 1, null]);
      const ids = await tryton.model<number[]>('party.party.create', [
        Array.from({ length: PARTIES }, (_, i) => ({ name: `Kill ${run} ${i}`, categories: [['add', [category]]], addresses: [['create', [{ city: 'Leipzig' }]]] })),
      ]);
      const keys = ids.map(String);
      const seeder = await startService({ demo: true, port: 0, dataDir, databaseUrl: url, tryton: config });
      const call = await okClient(seeder);
      await call('PUT', '/admin/connections/conn-t/active', { active: false }, { 'if-match': '*' });
      await call('POST', '/admin/connections/conn-t/import', { actorType: 'customer', keys });
      await call('PUT', '/admin/connections/conn-t/active', { active: true }, { 'if-match': '*' });
      const linked = await seeder.db.query<{ entity_id: string; erp_key: string }>(`SELECT entity_id, erp_key FROM links WHERE connection_id = 'conn-t' AND erp_key = ANY($1)`, [keys]);
      assert.equal(linked.length, PARTIES);
      for (const l of linked) {
        const r = (await crm.get(seeder.db, 'company', l.entity_id))!;
        await crm.put(seeder.db, { ...r, values: { ...r.values, email: `kill-${run}-${l.erp_key}@example.com` } } as CrmRecord);
      }
      await seeder.close();
      const entityIds = linked.map((l) => l.entity_id);
      const entries = () => backgroundEntries(url, 'conn-t', entityIds);
      const applied = async () => [...(await entries()).values()].reduce((n, k) => n + k, 0);
      const start = () =>
        spawnService({
          DATA_DIR: dataDir,
          DATABASE_URL: url,
          ERP_DEMO_ERP: 'tryton',
          TRYTON_COMPANY: SEED_COMPANY,
          ERP_SYNC_EVERY_SECONDS: '1',
          ERP_SYNC_EXPIRE_SECONDS: '3',
          ERP_SYNC_MAINTENANCE_SECONDS: '1', CONNECTOR_TIMEOUT_MS: '3000',
        });
      const until = async (what: string, check: () => Promise<boolean>, deadlineMs = 180_000) => {
        const end = Date.now() + deadlineMs;
        while (!(await check())) {
          if (Date.now() > end) throw new Error(`Not within ${deadlineMs / 1000} s: ${what}`);
          await new Promise((r) => setTimeout(r, 100));
        }
      };

      // Killed once some, not all, of the records are synced.
      const first = await start();
      await until('the cycle is under way', async () => (await applied()) >= 5);
      first.child.kill('SIGKILL');
      await new Promise((r) => first.child.once('exit', r));
      const atKill = await applied();
      assert.ok(atKill < PARTIES, `killed in the middle (${atKill} of ${PARTIES} synced)`);

      const second = await start();
      try {
        const emails = async () => {
          const parties = await tryton.model<{ id: number; email: string }[]>('party.party.read', [ids, ['email']]);
          return new Map(parties.map((p) => [String(p.id), p.email]));
        };
        await until('every CRM change in Tryton after the restart', async () => {
          const found = await emails();
          return linked.every((l) => found.get(l.erp_key) === `kill-${run}-${l.erp_key}@example.com`);
        });
        // The record in flight at the kill too (its write's intent is recorded once old enough).
        await until('every change in the history', async () => {
          return (await entries()).size === PARTIES;
        });
        const perRecord = [...(await entries())].map(([id, n]) => ({ entity_id: id, n }));
        assert.ok(perRecord.every((r) => r.n === 1), `none applied twice: ${JSON.stringify(perRecord.filter((r) => r.n !== 1))}`);

      } finally {
        await second.stop();
      }
    });
  });
}
