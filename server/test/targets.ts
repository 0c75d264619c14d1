// The implementations of api/openapi.yaml that one conformance suite drives over real HTTP: the sync
// service on PGlite, the sync service on a PostgreSQL server (TEST_DATABASE_URL), and the in-browser
// simulator's msw handlers behind scripts/serve-api.mjs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startService, type RunningService } from '../start.js';

export interface Target {
  name: string;
  apiUrl: string;
  /** A bearer token of a demo user (the simulator knows one token: the current user's). */
  token(userId?: string): Promise<string>;
  reset(): Promise<void>;
  close(): Promise<void>;
  service?: RunningService;
}

/** Empties a PostgreSQL database the tests or the benchmark own (its public schema). */
export async function emptyDatabase(databaseUrl: string): Promise<void> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
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
  };
}

/** Every target this machine can run: PostgreSQL only where TEST_DATABASE_URL names a server. */
export async function allTargets(): Promise<Target[]> {
  const targets = [await serviceTarget('sync service on PGlite'), await simulatorTarget()];
  if (process.env.TEST_DATABASE_URL) targets.push(await serviceTarget('sync service on PostgreSQL', process.env.TEST_DATABASE_URL));
  return targets;
}
