import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { startConnectorThread, type ConnectorThread } from '../connectors/simulated/thread.js';
import { API_PREFIX, buildService, type ServiceOptions } from './app.js';
import { openPglite, openPostgres, type Db } from './storage/db.js';
import { migrate } from './storage/migrate.js';
import { seedDemo } from './storage/seed.js';
import { TRYTON_CONNECTOR_ID, trytonDemoState } from './storage/seed-tryton.js';
import { buildTrytonConnector } from '../connectors/tryton/app.js';
import { StateStore, touchConfig } from './storage/state.js';
import { Secrets } from './storage/secrets.js';
import { DatabaseCrm } from './crm/adapter.js';
import type { BackgroundSync, BackgroundOptions } from './sync/background.js';
import type { FieldValue } from '../src/model/types.js';

export interface StartOptions extends Partial<Omit<ServiceOptions, 'db'>> {
  port?: number;
  host?: string;
  /** A PostgreSQL URL; without it PGlite in `dataDir`. */
  databaseUrl?: string;
  dataDir?: string;
  /** Seed the demo installation and run the simulated ERP connector in this process (on a thread of its own). */
  demo?: boolean;
  /** Where the demo's connectors are (default: a simulated connector started here). */
  connectorUrl?: string;
  /** Serve the simulated connector's fault control (tests). */
  connectorControl?: boolean;
  /**
   * The demo on a Tryton server instead of the simulated ERP: the Tryton connector runs in this
   * process, and the demo's one connection uses this config (serverUrl, database, username,
   * password, company).
   */
  tryton?: Record<string, FieldValue>;
  /** Background sync of every active connection (server/sync/background.ts); none without it. */
  background?: BackgroundOptions | false;
  onProgress?: (message: string) => void;
}

export interface RunningService {
  url: string;
  apiUrl: string;
  connectorUrl?: string;
  dataDir: string;
  db: Db;
  /** The background sync, where it runs. */
  background?: BackgroundSync;
  /** Demo only: back to the freshly seeded installation (tests). */
  resetDemo(): Promise<void>;
  /** Drops this instance's copy of the configuration at once (after a write straight into the database). */
  forgetConfig(): void;
  /** Stops the background sync, the HTTP server, the connector and the database, in that order; `onStep` hears each. */
  close(onStep?: (step: string) => void): Promise<void>;
}

const TABLES = 'crm_records, crm_principals, connectors, connections, mappings, settings, links, link_versions, history, edits, idempotency_keys, sync_cursors, sync_runs, sync_state, erp_write_intents';

/** Secrets for the demo: made once and kept in the data folder (a deployment sets them in the environment). */
function demoSecret(dir: string, name: string): string {
  const file = join(dir, name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dir, { recursive: true });
  const value = randomBytes(32).toString('base64url');
  writeFileSync(file, value, { mode: 0o600 });
  return value;
}

export async function startService(options: StartOptions = {}): Promise<RunningService> {
  const say = options.onProgress ?? (() => {});
  const dataDir = options.dataDir ?? '.data/erp-sync';
  const fresh = !options.databaseUrl && !existsSync(join(dataDir, 'PG_VERSION'));
  say(options.databaseUrl ? 'Connecting to PostgreSQL…' : fresh ? `Creating the embedded database in ${dataDir} (first start, ~10 s)…` : `Opening the embedded database in ${dataDir}…`);
  const db = options.databaseUrl ? await openPostgres(options.databaseUrl) : await openPglite(join(dataDir, 'pglite'));
  const applied = await migrate(db);
  if (applied.length) say(`Applied migrations: ${applied.join(', ')}`);

  const secretsDir = join(dataDir, 'secrets');
  const secretKey = options.secretKey ?? (options.demo ? demoSecret(secretsDir, 'config.key') : '');
  if (!secretKey) throw new Error('Set ERP_SYNC_SECRET_KEY: it encrypts connection settings at rest');
  const auth = options.auth ?? { secret: options.demo ? demoSecret(secretsDir, 'jwt.key') : '' };

  let connectorUrl = options.connectorUrl;
  let connector: ConnectorThread | { close(): Promise<void> } | undefined;
  if (options.demo && options.tryton && !connectorUrl) {
    const app = await buildTrytonConnector();
    await app.listen({ port: 0, host: '127.0.0.1' });
    connectorUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    connector = app;
  } else if (options.demo && !connectorUrl) {
    const thread = await startConnectorThread({ dataFile: join(dataDir, 'simulated-erp.json'), control: options.connectorControl ?? false });
    connectorUrl = thread.url;
    connector = thread;
  }
  const store = new StateStore(new Secrets(secretKey), new DatabaseCrm());
  const tryton = options.tryton;
  const build = tryton && connectorUrl ? () => trytonDemoState(Date.now(), { connectorUrl: connectorUrl!, config: tryton }) : undefined;
  if (options.demo && connectorUrl) {
    const seeded = await seedDemo(db, store, connectorUrl, build);
    if (seeded) say(tryton ? `Seeded the demo CRM and a connection to Tryton at ${String(tryton.serverUrl)}` : 'Seeded the demo CRM, connectors and connections');
    else await repointConnectors(db, connectorUrl);
  }

  const { app, store: served, service } = await buildService({ ...options, db, auth, secretKey, devSignIn: options.devSignIn ?? options.demo ?? false });
  const background = options.background ? service.background : undefined;
  await background?.start(options.background || {});
  await app.listen({ port: options.port ?? 8787, host: options.host ?? '127.0.0.1' });
  const url = `http://${options.host ?? '127.0.0.1'}:${(app.server.address() as AddressInfo).port}`;
  return {
    url,
    apiUrl: url + API_PREFIX,
    connectorUrl,
    dataDir,
    db,
    background,
    async resetDemo() {
      if (!options.demo || !connectorUrl) throw new Error('Only the demo installation can be reset');
      await db.exec(`TRUNCATE ${TABLES}`);
      await seedDemo(db, store, connectorUrl, build);
      // The service's own copy of the configuration goes at once, not when the notification comes.
      served.forget();
    },
    forgetConfig: () => served.forget(),
    async close(onStep) {
      onStep?.('the background sync');
      await background?.stop();
      onStep?.('the HTTP server');
      await app.close();
      onStep?.('the connector');
      await connector?.close();
      onStep?.('the database');
      await db.close();
    },
  };
}

/** The in-process simulated connector gets a new port on every start: the demo's connectors follow it. */
async function repointConnectors(db: Db, connectorUrl: string): Promise<void> {
  const rows = await db.query<{ id: string; data: { url: string; kind: string } }>('SELECT id, data FROM connectors');
  for (const row of rows) {
    const tryton = row.id === TRYTON_CONNECTOR_ID;
    if (!tryton && !/^http:\/\/127\.0\.0\.1:\d+\/(contoso|northwind)$/.test(row.data.url)) continue;
    const data = { ...row.data, url: tryton ? connectorUrl : `${connectorUrl.replace(/\/$/, '')}/${row.data.kind}` };
    await db.query('UPDATE connectors SET data = $2 WHERE id = $1', [row.id, JSON.stringify(data)]);
    await touchConfig(db);
  }
}
