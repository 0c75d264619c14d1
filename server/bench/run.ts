// Sync service benchmark: p50/p99 of erp-state, text search over 100,000 actors and saveLink at
// concurrency 1 and 20, on PGlite, on PostgreSQL (TEST_DATABASE_URL) and today's `serve:api` (the msw
// simulator over HTTP), side by side in one run; memory of the service before and after 10,000
// requests. Writes its section of docs/benchmarks.md. Run with `npm run bench:service`.
import type { ChildProcess } from 'node:child_process';
import { Agent, request as httpRequest } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { emptyDatabase } from '../test/targets.js';
import { measure, median, spawnBackend, spread, writeSection } from './shared.js';

/** A backend in a process of its own (as deployed), reached over loopback HTTP. */
interface Target {
  name: string;
  apiUrl: string;
  token(): Promise<string>;
  child: ChildProcess;
  dataDir?: string;
}

async function serviceTarget(name: string, databaseUrl?: string): Promise<Target> {
  const dataDir = mkdtempSync(join(tmpdir(), 'erp-bench-'));
  if (databaseUrl) await emptyDatabase(databaseUrl);
  const { child, url } = await spawnBackend(['--import', 'tsx', 'server/main.ts', '--demo'], { PORT: '0', DATA_DIR: dataDir, DATABASE_URL: databaseUrl ?? '' }, /API at (http:\/\/\S+)/);
  const base = url.replace(/\/api\/erp$/, '');
  let token: string | undefined;
  return {
    name,
    apiUrl: url,
    child,
    dataDir,
    token: async () =>
      (token ??= ((await (await fetch(`${base}/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"userId":"u-anna"}' })).json()) as { token: string }).token),
  };
}

async function simulatorTarget(): Promise<Target> {
  const { child, url } = await spawnBackend(['scripts/serve-api.mjs', '--port', '0', '--token', 'demo'], {}, /Simulated ERP at (http:\/\/\S+)/);
  return { name: 'serve:api (msw simulator)', apiUrl: url, child, token: async () => 'demo' };
}

/** Resident memory of a process (kB), from /proc. */
const rssOf = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 400);

interface Call {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

interface Scenario {
  name: string;
  request: (t: Target, token: string, i: number) => Call;
}

// The load comes from node:http with kept-alive connections, not fetch: on these 2 shared cores the
// client's own cost would otherwise be counted in every latency (fetch costs about 3× as much).
const agent = new Agent({ keepAlive: true, maxSockets: 64 });
function send(call: Call): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(call.url, { method: call.method, agent, headers: call.body === undefined ? call.headers : { ...call.headers, 'content-length': String(Buffer.byteLength(call.body)) } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(call.body);
  });
}

/** Choices for every synchronized field of c1 / 100001 (which side wins does not matter here). */
const choices = new Map<Target, Record<string, 'erp'>>();
async function choicesFor(t: Target, token: string): Promise<Record<string, 'erp'>> {
  const res = await fetch(`${t.apiUrl}/entities/company/c1/compare`, {
    method: 'POST',
    headers: json(token, { 'idempotency-key': crypto.randomUUID() }),
    body: JSON.stringify({ connectionId: 'conn-a', actorType: 'customer', erpKey: '100001' }),
  });
  const { fields } = (await res.json()) as { fields: { field: { key: string } }[] };
  return Object.fromEntries(fields.map((f) => [f.field.key, 'erp' as const]));
}

const json = (token: string, extra: Record<string, string> = {}) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json', ...extra });
const scenarios: Scenario[] = [
  { name: 'erp-state', request: (t, token) => ({ method: 'GET', url: `${t.apiUrl}/entities/company/c1/erp-state`, headers: json(token) }) },
  {
    name: 'search 100,000',
    request: (t, token, i) => ({
      method: 'POST',
      url: `${t.apiUrl}/connections/conn-a/actor-types/customer/search`,
      headers: json(token, { 'idempotency-key': `s-${i}` }),
      body: JSON.stringify({ text: ['brandt', 'nord', 'logist', 'acme'][i % 4], limit: 50 }),
    }),
  },
  {
    name: 'saveLink',
    request: (t, token, i) => ({
      method: 'PUT',
      url: `${t.apiUrl}/entities/company/c1/links/conn-a`,
      headers: json(token, { 'if-match': '*', 'idempotency-key': `save-${Date.now()}-${i}` }),
      body: JSON.stringify({ actorType: 'customer', erpKey: '100001', choices: choices.get(t) ?? {}, values: {} }),
    }),
  },
];


const targets = [await serviceTarget('sync service on PGlite'), await simulatorTarget()];
if (process.env.TEST_DATABASE_URL) targets.push(await serviceTarget('sync service on PostgreSQL', process.env.TEST_DATABASE_URL));
const rows: string[] = [];
for (const s of scenarios) {
  for (const concurrency of [1, 20]) {
    for (const t of targets) {
      const token = await t.token();
      choices.set(t, await choicesFor(t, token));
      const one = (i: number) => send(s.request(t, token, i));
      await measure(50, concurrency, one); // warm-up
      const runs = [];
      for (let r = 0; r < ROUNDS; r++) runs.push(await measure(REQUESTS, concurrency, one));
      const p50 = runs.map((r) => r.p50);
      const p99 = runs.map((r) => r.p99);
      const errors = runs.reduce((n, r) => n + r.errors, 0);
      rows.push(`| ${s.name} | ${concurrency} | ${t.name} | ${median(p50).toFixed(1)} (${spread(p50)}) | ${median(p99).toFixed(1)} (${spread(p99)}) | ${errors} |`);
      console.log(rows.at(-1));
    }
  }
}

// Memory: resident size of each service process before and after 10,000 requests (erp-state and searches at concurrency 20).
const memory: string[] = [];
for (const t of targets.filter((x) => x.dataDir)) {
  const token = await t.token();
  const samples = [rssOf(t.child.pid!)];
  for (let k = 0; k < 3; k++) {
    for (const s of scenarios.slice(0, 2)) await measure(5_000, 20, (i) => send(s.request(t, token, i)));
    samples.push(rssOf(t.child.pid!));
  }
  memory.push(`| ${t.name} | ${samples.map((kb) => (kb / 1024).toFixed(1)).join(' | ')} |`);
  console.log(memory.at(-1));
}
for (const t of targets) {
  t.child.kill('SIGTERM');
  await new Promise((r) => t.child.once('exit', r));
  if (t.dataDir) rmSync(t.dataDir, { recursive: true, force: true });
}

const section = [
  '<!-- service-bench:start -->',
  '## Sync service over HTTP',
  '',
  `Generated by \`npm run bench:service\` on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}.`,
  `Each row: ${ROUNDS} runs of ${REQUESTS} requests after 50 warm-up requests; the median of the runs' p50 and p99 in ms, with the range over the runs.`,
  'Each backend runs in a process of its own (the sync service with its simulated connector on a thread of its own, as `npm start` runs it); the client is this process (node:http, kept-alive connections); all share the 2 cores (and PostgreSQL). "serve:api" is the msw simulator behind scripts/serve-api.mjs (in memory, no database).',
  'Search runs text searches over the 100,000 generated customers of the simulated connector (4 texts in turn, 50 rows a page; the service asks the connector for the result columns only); saveLink re-links c1 with `If-Match: *` and a new key each time.',
  'Targets: search p99 < 50 ms on PostgreSQL at concurrency 20, zero errors.',
  '',
  '| scenario | concurrency | backend | p50 ms (range) | p99 ms (range) | errors |',
  '|---|---|---|---|---|---|',
  ...rows,
  '',
  'Resident memory of the service process after the runs above, then after each further 10,000 requests (5,000 erp-state, 5,000 searches, at concurrency 20); growth that levels off is the heap settling, growth in every step would be a leak:',
  '',
  '| backend | RSS MB at start | after 10,000 | after 20,000 | after 30,000 |',
  '|---|---|---|---|---|',
  ...memory,
  '<!-- service-bench:end -->',
].join('\n');
writeSection('service-bench', section);
console.log('Wrote the sync service section of docs/benchmarks.md');
