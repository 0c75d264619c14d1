// The implementations of api/openapi.yaml that one conformance suite drives over real HTTP: the sync
// service on PGlite, the sync service on a PostgreSQL server (TEST_DATABASE_URL), the sync service
// with the Tryton connector on a live Tryton (TRYTON_URL), and the in-browser simulator's msw
// handlers behind scripts/serve-api.mjs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SEED_COMPANY } from '../../connectors/tryton/seed.js';
import { DEMO_FIXTURE, type Fixture } from '../../test/hardening/operations.js';
import { startService, type RunningService } from '../start.js';
import { client, linkErpWins } from './service-client.js';

export interface Target {
  name: string;
  apiUrl: string;
  /** A bearer token of a demo user (the simulator knows one token: the current user's). */
  token(userId?: string): Promise<string>;
  reset(): Promise<void>;
  close(): Promise<void>;
  service?: RunningService;
  /** What its data offers the calls. */
  fixture: Fixture;
  /** A connection whose connector offers no advanced search, where the data has one. */
  noAdvancedSearch?: string;
}

/** Empties a PostgreSQL database the tests or the benchmark own (its public and job queue schemas). */
export async function emptyDatabase(databaseUrl: string): Promise<void> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  // The job queue's schema too (pg-boss keeps its queues and jobs there).
  await client.query('DROP SCHEMA IF EXISTS pgboss CASCADE; DROP SCHEMA public CASCADE; CREATE SCHEMA public');
  await client.end();
}

export async function serviceTarget(name: string, databaseUrl?: string, extra: Parameters<typeof startService>[0] = {}): Promise<Target> {
  const dataDir = mkdtempSync(join(tmpdir(), 'erp-sync-test-'));
  if (databaseUrl) await emptyDatabase(databaseUrl);
  const service = await startService({ demo: true, port: 0, dataDir, databaseUrl, connectorControl: true, ...extra });
  const tokens = new Map<string, string>();
  return {
    name,
    apiUrl: service.apiUrl,
    service,
    async token(userId = 'u-anna') {
      if (!tokens.has(userId)) {
        const res = await fetch(`${service.url}/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId }) });
        tokens.set(userId, ((await res.json()) as { token: string }).token);
      }
      return tokens.get(userId)!;
    },
    reset: () => service.resetDemo(),
    async close() {
      await service.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
    fixture: DEMO_FIXTURE,
    noAdvancedSearch: 'conn-b',
  };
}

/**
 * The sync service's Tryton demo (one connection, conn-t, no links) on the live Tryton: parties of
 * the suite's own, and after every reset the company c1 linked to one of them, taking Tryton's values
 * (so no reset writes into Tryton).
 */
export async function trytonTarget(env: NodeJS.ProcessEnv): Promise<Target> {
  const config = { serverUrl: env.TRYTON_URL!, database: env.TRYTON_DATABASE ?? 'erp', username: env.TRYTON_USER ?? 'admin', password: env.TRYTON_PASSWORD ?? '', company: SEED_COMPANY };
  const target = await serviceTarget('sync service on Tryton', undefined, { tryton: config });
  const service = target.service!;
  const party = async (name: string) => {
    const res = await fetch(`${service.connectorUrl}/actors/create`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ config: { ...config, customerCategory: 'Customer', supplierCategory: 'Supplier', allowCreate: true }, actorType: 'customer', values: { name, city: 'Leipzig', countryCode: 'DE' } }),
    });
    if (res.status !== 201) throw new Error(`Tryton connector: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { actor: { erpKey: string } }).actor.erpKey;
  };
  const run = Date.now().toString(36);
  const [linkedKey, erpKey, a, b] = [await party(`Conformance Linked ${run}`), await party(`Conformance Free ${run}`), await party(`Conformance Import A ${run}`), await party(`Conformance Import B ${run}`)];
  const fixture: Fixture = {
    connection: 'conn-t',
    linked: 'c1',
    unlinked: 'c6',
    erpKey,
    importKeys: [a, b],
    suggestFor: 'c2',
    list: 'countries',
    connector: 'ctr-tryton',
    connectorUrl: service.connectorUrl!,
    // The CRM's values include VAT numbers Tryton refuses (a Norwegian one): Tryton's win.
    choice: 'erp',
  };
  return {
    ...target,
    fixture,
    noAdvancedSearch: undefined,
    async reset() {
      await service.resetDemo();
      const linked = await linkErpWins(await client(service), 'c1', 'conn-t', linkedKey);
      if (linked.status !== 200) throw new Error(`linking c1: ${linked.status} ${JSON.stringify(linked.body)}`);
    },
  };
}

export async function simulatorTarget(): Promise<Target> {
  // @ts-expect-error: a plain-JS script of ours, without types.
  const { startApiServer } = (await import('../../scripts/serve-api.mjs')) as { startApiServer: (o: object) => Promise<{ url: string; close(): Promise<void> }> };
  const server = await startApiServer({ port: 0, control: true, token: 'demo' });
  const base = server.url.replace(/\/api\/erp$/, '');
  return {
    name: 'msw simulator',
    apiUrl: server.url,
    token: async () => 'demo',
    reset: async () => void (await fetch(`${base}/__control/reset`, { method: 'POST', headers: { authorization: 'Bearer demo' } })),
    close: () => server.close(),
    fixture: DEMO_FIXTURE,
    noAdvancedSearch: 'conn-b',
  };
}

/**
 * Every target this machine can run: PostgreSQL only where TEST_DATABASE_URL names a server, Tryton
 * only where TRYTON_URL names one.
 */
export async function allTargets(): Promise<Target[]> {
  const targets = [await serviceTarget('sync service on PGlite'), await simulatorTarget()];
  if (process.env.TEST_DATABASE_URL) targets.push(await serviceTarget('sync service on PostgreSQL', process.env.TEST_DATABASE_URL));
  if (process.env.TRYTON_URL) targets.push(await trytonTarget(process.env));
  return targets;
}
