// Background sync benchmark: one cycle of conn-a over 10,000 linked customers with 1 % changed (50 in
// the ERP, 50 in the CRM), on PGlite, on PostgreSQL with one instance and with two, with the
// simulated connector; the cycle's time, records per second, and p50/p99 of erp-state while it runs
// (beside the same load without a cycle). Writes its section of docs/benchmarks.md.
// Run with `npm run bench:background`.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { CONNECTIONS } from '../../simulated-erp/seed-config.js';
import type { CrmRecord } from '../../simulated-erp/model.js';
import type { BackgroundSyncStatus } from '../../src/model/types.js';
import { DatabaseCrm } from '../crm/adapter.js';
import { OVERLAP_MS } from '../sync/cycle.js';
import { openPglite, openPostgres, type Db } from '../storage/db.js';
import { emptyDatabase } from '../test/targets.js';
import { spawnBackend, writeSection } from './shared.js';

const LINKED = Number(process.env.BENCH_LINKED ?? 10_000);
const CHANGED = Math.round(LINKED / 100);
const LOAD_CONCURRENCY = 4;
const CONFIG = CONNECTIONS.find((c) => c.id === 'conn-a')!.config;
const KEYS = Array.from({ length: LINKED }, (_, i) => String(110_000 + i));

interface Instance {
  child: ChildProcess;
  apiUrl: string;
  base: string;
  connectorUrl: string;
}

/** The service in a process of its own, background sync on (scheduled hourly: only Run now runs it here). */
async function start(dataDir: string, databaseUrl: string, connectorUrl = ''): Promise<Instance> {
  const { child, url } = await spawnBackend(
    ['--import', 'tsx', 'server/main.ts', '--demo'],
    { PORT: '0', DATA_DIR: dataDir, DATABASE_URL: databaseUrl, CONNECTOR_URL: connectorUrl, ERP_SYNC_EVERY_SECONDS: '3600', BODY_LIMIT: String(4 * 1024 * 1024) },
    /API at (http:\/\/\S+ · simulated ERP connector at http:\/\/\S+)\n/,
  );
  const [apiUrl, connector] = url.split(' · simulated ERP connector at ');
  return { child, apiUrl: apiUrl!, base: apiUrl!.replace(/\/api\/erp$/, ''), connectorUrl: connector ?? connectorUrl };
}

async function stop(i: Instance): Promise<void> {
  i.child.kill('SIGTERM');
  if (i.child.exitCode === null) await new Promise((r) => i.child.once('exit', r));
}

async function tokenOf(i: Instance): Promise<string> {
  const res = await fetch(`${i.base}/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"userId":"u-anna"}' });
  return ((await res.json()) as { token: string }).token;
}

async function api<T>(i: Instance, token: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  const res = await fetch(`${i.apiUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), 'idempotency-key': crypto.randomUUID(), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** 10,000 more linked customers: imported from the ERP while the connection is inactive. */
async function link(i: Instance, token: string): Promise<void> {
  await api(i, token, 'PUT', '/admin/connections/conn-a/active', { active: false }, { 'if-match': '*' });
  for (let k = 0; k < KEYS.length; k += 1000) await api(i, token, 'POST', '/admin/connections/conn-a/import', { actorType: 'customer', keys: KEYS.slice(k, k + 1000) });
  await api(i, token, 'PUT', '/admin/connections/conn-a/active', { active: true }, { 'if-match': '*' });
}

/**
 * A cycle past the look-back: each cycle looks again at the last OVERLAP_MS of changes, its
 * predecessor's own writes among them; after this one, a round's cycle meets that round's changes only.
 */
async function settle(i: Instance, token: string) {
  await new Promise((r) => setTimeout(r, OVERLAP_MS + 1000));
  await cycle(i, token);
  await new Promise((r) => setTimeout(r, OVERLAP_MS + 1000));
}

/** Run now, and the run once it has finished. */
async function cycle(i: Instance, token: string) {
  const before = (await api<BackgroundSyncStatus>(i, token, 'GET', '/admin/connections/conn-a/background')).lastRun?.startedAt ?? '';
  await api(i, token, 'POST', '/admin/connections/conn-a/background/run');
  for (;;) {
    const s = await api<BackgroundSyncStatus>(i, token, 'GET', '/admin/connections/conn-a/background');
    if (s.lastRun?.finishedAt && s.lastRun.startedAt > before) return s.lastRun;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The ERP half of 1 %: customers changed through the connector. */
async function changeErp(connectorUrl: string, round: number) {
  const erpKeys = KEYS.filter((_, k) => k % 100 === round % 100).slice(0, CHANGED / 2);
  const res = await fetch(`${connectorUrl}/contoso/actors/save`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ config: CONFIG, actorType: 'customer', actors: erpKeys.map((erpKey) => ({ erpKey, values: { city: `Bench ${round} ${erpKey}` } })) }),
  });
  if (!res.ok) throw new Error(`ERP changes: ${res.status} ${await res.text()}`);
}

/** The CRM half of 1 %: other customers' companies changed in the CRM's database. */
async function changeCrm(db: Db, round: number) {
  const crmKeys = KEYS.filter((_, k) => k % 100 === (round + 50) % 100).slice(0, CHANGED / 2);
  const rows = await db.query<{ entity_id: string }>(`SELECT entity_id FROM links WHERE connection_id = 'conn-a' AND erp_key = ANY($1)`, [crmKeys]);
  const crm = new DatabaseCrm();
  for (const r of rows) {
    const record = (await crm.get(db, 'company', r.entity_id))!;
    await crm.put(db, { ...record, values: { ...record.values, email: `bench-${round}-${r.entity_id}@example.com` } } as CrmRecord);
  }
}

/** erp-state of linked companies from a few steady clients until `until` settles; p50/p99 of what ran meanwhile. */
async function loadWhile<T>(instances: Instance[], tokens: string[], ids: string[], until: Promise<T>) {
  let done = false;
  let n = 0;
  let errors = 0;
  const latencies: number[] = [];
  const client = async () => {
    while (!done) {
      const k = n++;
      const i = k % instances.length;
      const started = performance.now();
      try {
        const res = await fetch(`${instances[i]!.apiUrl}/entities/company/${ids[k % ids.length]}/erp-state`, { headers: { authorization: `Bearer ${tokens[i]}` } });
        await res.arrayBuffer();
        if (!res.ok) errors++;
      } catch {
        errors++;
      }
      latencies.push(performance.now() - started);
    }
  };
  const clients = Array.from({ length: LOAD_CONCURRENCY }, client);
  const value = await until.finally(() => (done = true));
  await Promise.all(clients);
  latencies.sort((x, y) => x - y);
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN;
  return { value, p50: q(0.5), p99: q(0.99), errors, requests: latencies.length };
}

const rows: string[] = [];
function row(target: string, instances: number, run: { checked: number; changed: number; conflicts: number; errors: number; startedAt: string; finishedAt: string | null }, during: { p50: number; p99: number; errors: number; requests: number }, idle: { p50: number; p99: number }) {
  const seconds = (Date.parse(run.finishedAt!) - Date.parse(run.startedAt)) / 1000;
  rows.push(
    `| ${target} | ${instances} | ${seconds.toFixed(1)} | ${Math.round(LINKED / seconds).toLocaleString('en')} | ${run.checked} / ${run.changed} / ${run.conflicts} / ${run.errors} | ${(run.changed / seconds).toFixed(1)} | ${idle.p50.toFixed(1)} / ${idle.p99.toFixed(1)} | ${during.p50.toFixed(1)} / ${during.p99.toFixed(1)} | ${during.requests} | ${during.errors} |`,
  );
  console.log(rows.at(-1));
}

/** The load without a cycle, after as much again to warm up. */
async function idleLoad(instances: Instance[], tokens: string[], ids: string[]) {
  await loadWhile(instances, tokens, ids, new Promise((r) => setTimeout(r, 5000)));
  return loadWhile(instances, tokens, ids, new Promise((r) => setTimeout(r, 5000)));
}

async function linkedIds(db: Db): Promise<string[]> {
  return (await db.query<{ entity_id: string }>(`SELECT entity_id FROM links WHERE connection_id = 'conn-a' AND erp_key = ANY($1) ORDER BY entity_id LIMIT 500`, [KEYS])).map((r) => r.entity_id);
}

// PGlite: one process owns the database, so the CRM changes are made while the service is stopped.
{
  const dataDir = mkdtempSync(join(tmpdir(), 'erp-bench-bg-'));
  let s = await start(dataDir, '');
  let token = await tokenOf(s);
  console.log('PGlite: linking…');
  await link(s, token);
  await cycle(s, token); // the first cycle sets the cursors
  await settle(s, token);
  await stop(s);
  const db = await openPglite(join(dataDir, 'pglite'));
  const ids = await linkedIds(db);
  await changeCrm(db, 1);
  await db.close();
  s = await start(dataDir, '');
  token = await tokenOf(s);
  await changeErp(s.connectorUrl, 1);
  const idle = await idleLoad([s], [token], ids);
  const during = await loadWhile([s], [token], ids, cycle(s, token));
  row('PGlite', 1, during.value, during, idle);
  await stop(s);
  rmSync(dataDir, { recursive: true, force: true });
}

if (process.env.TEST_DATABASE_URL) {
  const url = process.env.TEST_DATABASE_URL;
  await emptyDatabase(url);
  const dataDir = mkdtempSync(join(tmpdir(), 'erp-bench-bg-pg-'));
  const a = await start(dataDir, url);
  const tokenA = await tokenOf(a);
  console.log('PostgreSQL: linking…');
  await link(a, tokenA);
  await cycle(a, tokenA);
  await settle(a, tokenA);
  const db = await openPostgres(url);
  const ids = await linkedIds(db);

  await changeErp(a.connectorUrl, 2);
  await changeCrm(db, 2);
  const idleOne = await idleLoad([a], [tokenA], ids);
  const one = await loadWhile([a], [tokenA], ids, cycle(a, tokenA));
  row('PostgreSQL', 1, one.value, one, idleOne);

  // A second instance on the same database and the same ERP: both serve the API, either runs the cycle.
  const b = await start(dataDir, url, a.connectorUrl);
  const tokenB = await tokenOf(b);
  await settle(a, tokenA);
  await changeErp(a.connectorUrl, 3);
  await changeCrm(db, 3);
  const idleTwo = await idleLoad([a, b], [tokenA, tokenB], ids);
  // Run now on one: a connection's cycles run one at a time, on whichever instance takes the job.
  const two = await loadWhile([a, b], [tokenA, tokenB], ids, cycle(a, tokenA));
  row('PostgreSQL', 2, two.value, two, idleTwo);
  await db.close();
  await stop(b);
  await stop(a);
  rmSync(dataDir, { recursive: true, force: true });
}

const section = [
  '<!-- background-bench:start -->',
  '## Background sync: one cycle over 10,000 linked records',
  '',
  `Generated by \`npm run bench:background\` on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}.`,
  `conn-a with ${LINKED.toLocaleString('en')} more linked customers (imported from the simulated connector), after a first cycle that set the cursors (it checks every imported record once: their CRM writes are within its look-back) and one more past the 10 s look-back; then ${CHANGED / 2} changed in the ERP and ${CHANGED / 2} in the CRM (1 %), and one cycle (Run now).`,
  'Cycle time is the run\'s own (started → finished, from the admin status); records per second are the linked records the cycle covers (10,000) per second of it; applied per second are the records it changed.',
  `While the cycle runs, ${LOAD_CONCURRENCY} clients ask erp-state of linked companies in turn (node fetch, this process); "idle" is the same load for 5 s without a cycle (after 5 s of warm-up). Each service runs in a process of its own; all share the 2 cores (and PostgreSQL).`,
  'With two instances the API load is spread over both and one gets Run now: one cycle of a connection runs at a time (the queue is keyed by connection, and the cycle holds a lease), on whichever instance takes it. A second instance adds API capacity and a stand-in when one dies, not speed to one connection\'s cycle.',
  'Target: erp-state p99 < 100 ms while the cycle runs.',
  '',
  '| database | instances | cycle s | records/s | checked / changed / conflicts / errors | applied/s | erp-state idle p50 / p99 ms | erp-state during cycle p50 / p99 ms | requests during cycle | errors |',
  '|---|---|---|---|---|---|---|---|---|---|',
  ...rows,
  '<!-- background-bench:end -->',
].join('\n');
writeSection('background-bench', section);
console.log('Wrote the background sync section of docs/benchmarks.md');
