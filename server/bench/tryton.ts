// Tryton benchmark, side by side with the simulated connector in one run: connect-dialog search
// latency p50/p99 against Tryton with 1,000 and 10,000 parties, Sync now of one record, and the first
// search after a restart of the connector (Tryton's login). Each sync service runs in a process of its
// own on PGlite (the connector in it, as `npm start` runs it). Needs TRYTON_URL (server/bench/tryton.sh
// starts a throwaway Tryton). Writes its section of docs/benchmarks.md. `npm run bench:tryton`.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { TrytonRpc } from '../../connectors/tryton/rpc.js';
import { addParties } from '../../connectors/tryton/seed.js';
import { measure, median, spawnBackend, spread, writeSection } from './shared.js';

const env = process.env;
if (!env.TRYTON_URL) throw new Error('Set TRYTON_URL (server/bench/tryton.sh starts a Tryton)');
const rpc = new TrytonRpc({ url: env.TRYTON_URL, database: env.TRYTON_DATABASE ?? 'erp', user: env.TRYTON_USER ?? 'admin', password: env.TRYTON_PASSWORD ?? '', timeoutMs: 300_000 });
const ROUNDS = Number(env.BENCH_ROUNDS ?? 3);
const REQUESTS = Number(env.BENCH_REQUESTS ?? 100);

interface Service {
  name: string;
  connection: string;
  apiUrl: string;
  token: string;
  child: ChildProcess;
  dataDir: string;
}

async function startService(name: string, connection: string, extra: Record<string, string>, dataDir = mkdtempSync(join(tmpdir(), 'erp-bench-tryton-'))): Promise<Service> {
  const { child, url: apiUrl } = await spawnBackend(['--import', 'tsx', 'server/main.ts', '--demo'], { PORT: '0', DATA_DIR: dataDir, DATABASE_URL: '', ...extra }, /API at (http:\/\/\S+)/);
  const res = await fetch(`${apiUrl.replace(/\/api\/erp$/, '')}/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"userId":"u-anna"}' });
  return { name, connection, apiUrl, token: ((await res.json()) as { token: string }).token, child, dataDir };
}

async function stop(s: Service, keepData = false) {
  s.child.kill('SIGTERM');
  await new Promise((r) => (s.child.exitCode === null ? s.child.once('exit', r) : r(undefined)));
  if (!keepData) rmSync(s.dataDir, { recursive: true, force: true });
}

const agent = new Agent({ keepAlive: true, maxSockets: 32 });
function call(s: Service, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; text: string }> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(`${s.apiUrl}${path}`, {
      method,
      agent,
      headers: { authorization: `Bearer ${s.token}`, 'idempotency-key': crypto.randomUUID(), ...(payload ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)) } : {}), ...headers },
    }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end(payload);
  });
}

const TEXTS = ['brandt', 'nordic energy', 'logistics', 'golden', 'summit foods', 'crown'];
const search = (s: Service, i: number) => call(s, 'POST', `/connections/${s.connection}/actor-types/customer/search`, { text: TEXTS[i % TEXTS.length], limit: 50 });

const rows: string[] = [];
async function row(scenario: string, concurrency: number, s: Service, size: string, send: (i: number) => Promise<{ status: number }>) {
  const one = async (i: number) => (await send(i)).status;
  await measure(10, concurrency, one); // warm-up
  const runs = [];
  for (let r = 0; r < ROUNDS; r++) runs.push(await measure(REQUESTS, concurrency, one));
  const line = `| ${scenario} | ${concurrency} | ${s.name} | ${size} | ${median(runs.map((r) => r.p50)).toFixed(1)} (${spread(runs.map((r) => r.p50))}) | ${median(runs.map((r) => r.p99)).toFixed(1)} (${spread(runs.map((r) => r.p99))}) | ${runs.reduce((n, r) => n + r.errors, 0)} |`;
  rows.push(line);
  console.log(line);
}

/** Links CRM company c2 to the first search hit, so Sync now has a record to sync. */
async function link(s: Service): Promise<void> {
  const found = JSON.parse((await call(s, 'POST', `/connections/${s.connection}/actor-types/customer/search`, { text: 'brandt', limit: 5 })).text) as { rows: { key: string }[] };
  const erpKey = found.rows[0]!.key;
  const compared = JSON.parse((await call(s, 'POST', '/entities/company/c2/compare', { connectionId: s.connection, actorType: 'customer', erpKey })).text) as { fields: { field: { key: string }; differs: boolean }[] };
  const choices = Object.fromEntries(compared.fields.filter((f) => f.differs).map((f) => [f.field.key, 'erp']));
  const saved = await call(s, 'PUT', `/entities/company/c2/links/${s.connection}`, { actorType: 'customer', erpKey, choices, values: {} }, { 'if-match': '*' });
  if (saved.status !== 200) throw new Error(`${s.name}: linking c2 answered ${saved.status} ${saved.text}`);
}

const count = async () => rpc.model<number>('party.party.search_count', [[['categories.name', 'in', ['Customer', 'Supplier']]]]);
const tryton = { ERP_DEMO_ERP: 'tryton' };
let simulated = await startService('simulated connector', 'conn-a', {});
let onTryton = await startService('Tryton connector', 'conn-t', tryton);
await link(simulated);
await link(onTryton);
const partySizes: string[] = [];
for (const target of [1_000, 10_000]) {
  const have = await count();
  if (have < target) {
    console.log(`Adding ${target - have} parties to Tryton…`);
    await addParties(rpc, have, target - have);
  }
  const size = `${(await count()).toLocaleString('en')} parties`;
  partySizes.push(size);
  for (const concurrency of [1, 10]) {
    await row('search', concurrency, onTryton, size, (i) => search(onTryton, i));
    if (target === 1_000) await row('search', concurrency, simulated, '100,000 customers', (i) => search(simulated, i));
  }
  await row('Sync now of one record', 1, onTryton, size, () => call(onTryton, 'POST', '/entities/company/c2/links/conn-t/sync', {}));
  if (target === 1_000) await row('Sync now of one record', 1, simulated, '100,000 customers', () => call(simulated, 'POST', '/entities/company/c2/links/conn-a/sync', {}));
}

// First search after a restart: a new process, so the connector logs in to Tryton afresh.
const firsts = new Map<string, number[]>();
for (let r = 0; r < ROUNDS; r++) {
  for (const [s, extra] of [[simulated, {}], [onTryton, tryton]] as const) {
    await stop(s, true);
    const again = await startService(s.name, s.connection, extra, s.dataDir);
    const start = performance.now();
    const first = await search(again, 0);
    const ms = performance.now() - start;
    if (first.status !== 200) throw new Error(`${s.name}: first search answered ${first.status}`);
    firsts.set(s.name, [...(firsts.get(s.name) ?? []), ms]);
    if (s === simulated) simulated = again;
    else onTryton = again;
  }
}
await stop(simulated);
await stop(onTryton);

const section = [
  '<!-- tryton-bench:start -->',
  '## Tryton connector',
  '',
  `Generated by \`npm run bench:tryton\` on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}, Tryton ${await rpc.serverVersion()} on SQLite (trytond's own server).`,
  `Each row: ${ROUNDS} runs of ${REQUESTS} requests after 10 warm-up requests; the median of the runs' p50 and p99 in ms, with the range over the runs. Each sync service (on PGlite, the connector in its process) runs in a process of its own; trytond, the client and the services share the 2 cores.`,
  `Search is the connect dialog's text search (${TEXTS.length} texts in turn, 50 rows a page, counted in the ERP); Sync now syncs CRM company c2, linked to a customer.`,
  '',
  '| scenario | concurrency | connector | ERP data | p50 ms (range) | p99 ms (range) | errors |',
  '|---|---|---|---|---|---|---|',
  ...rows,
  '',
  `First search after a restart of the service and its connector (a new process; for Tryton, a new login): median of ${ROUNDS} restarts, ms (range).`,
  '',
  '| connector | first search ms (range) |',
  '|---|---|',
  ...[...firsts].map(([name, xs]) => `| ${name} | ${median(xs).toFixed(0)} (${spread(xs)}) |`),
  '<!-- tryton-bench:end -->',
].join('\n');
writeSection('tryton-bench', section);
console.log(`Wrote the Tryton section of docs/benchmarks.md (${partySizes.join(', ')})`);
