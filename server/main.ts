// The ERP sync service. `npm run serve` (or `npm start`, with the demo) runs it; see README, "The sync service".
import { startService } from './start.js';

const env = process.env;
const demo = process.argv.includes('--demo') || env.ERP_SYNC_DEMO === '1';
const list = (v: string | undefined) => (v ?? '').split(',').map((s) => s.trim()).filter(Boolean);
// `ERP_DEMO_ERP=tryton`: the demo on a Tryton server (TRYTON_URL, …) instead of the simulated ERP.
const tryton = demo && env.ERP_DEMO_ERP === 'tryton' && env.TRYTON_URL
  ? { serverUrl: env.TRYTON_URL, database: env.TRYTON_DATABASE ?? 'erp', username: env.TRYTON_USER ?? 'admin', password: env.TRYTON_PASSWORD ?? '', company: env.TRYTON_COMPANY ?? 'Erp Widget Demo GmbH' }
  : undefined;

const running = await startService({
  demo,
  port: Number(env.PORT ?? 8787),
  host: env.HOST ?? '127.0.0.1',
  databaseUrl: env.DATABASE_URL || undefined,
  dataDir: env.DATA_DIR ?? (tryton ? '.data/erp-sync-tryton' : '.data/erp-sync'),
  tryton,
  secretKey: env.ERP_SYNC_SECRET_KEY || undefined,
  auth: env.JWT_SECRET || env.JWT_JWKS_URL ? { secret: env.JWT_SECRET, jwksUrl: env.JWT_JWKS_URL, issuer: env.JWT_ISSUER, audience: env.JWT_AUDIENCE } : undefined,
  corsOrigins: list(env.CORS_ORIGINS ?? (demo ? 'http://localhost:5173,http://127.0.0.1:5173' : '')),
  bodyLimit: env.BODY_LIMIT ? Number(env.BODY_LIMIT) : undefined,
  connectorTimeoutMs: env.CONNECTOR_TIMEOUT_MS ? Number(env.CONNECTOR_TIMEOUT_MS) : undefined,
  connectorUrl: env.CONNECTOR_URL || undefined,
  idempotencyLeaseSeconds: env.IDEMPOTENCY_LEASE_SECONDS ? Number(env.IDEMPOTENCY_LEASE_SECONDS) : undefined,
  logger: env.LOG === '1',
  // Background sync: on unless ERP_SYNC_BACKGROUND=off; a cycle per connection every ERP_SYNC_EVERY_SECONDS.
  background:
    env.ERP_SYNC_BACKGROUND === 'off'
      ? false
      : {
          everySeconds: Number(env.ERP_SYNC_EVERY_SECONDS ?? 60),
          expireInSeconds: env.ERP_SYNC_EXPIRE_SECONDS ? Number(env.ERP_SYNC_EXPIRE_SECONDS) : undefined,
          maintenanceSeconds: env.ERP_SYNC_MAINTENANCE_SECONDS ? Number(env.ERP_SYNC_MAINTENANCE_SECONDS) : undefined,
        },
  onProgress: (m) => console.log(`[sync service] ${m}`),
});
console.log(`[sync service] API at ${running.apiUrl}${running.connectorUrl ? ` · ${tryton ? 'Tryton' : 'simulated ERP'} connector at ${running.connectorUrl}` : ''}`);
// A stop that does not finish (seen once in CI: SIGTERM left a restarted service running) must not keep
// the process, nor a supervisor waiting: after STOP_DEADLINE_MS it exits anyway, naming the step it was in.
const STOP_DEADLINE_MS = 15_000;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    let step = 'stopping';
    setTimeout(() => {
      console.error(`[sync service] not stopped within ${STOP_DEADLINE_MS / 1000} s (stuck at ${step}): exiting anyway`);
      process.exit(1);
    }, STOP_DEADLINE_MS).unref();
    void running.close((s) => (step = s)).then(() => process.exit(0));
  });
}
