#!/usr/bin/env node
// The reference server: the simulated ERP (simulated-erp, the same msw handlers the demo and the
// tests use in a service worker) over real HTTP on 127.0.0.1, with CORS and a bearer-token check.
//
//   npm run serve:api                      # http://127.0.0.1:8787/api/erp, token "demo"
//   npm run serve:api -- --port 9000 --token s3cret --latency 150-400 --control
//
// Every request needs `Authorization: Bearer <token>` (401 problem otherwise). With `--control` the
// server also answers `/__control/*` (used by test/integration): POST `reset`; POST `fault`
// `{ target, fault }` (a simulated-erp `Fault`); POST `drop` `{ mode: 'before-response' | 'mid-body',
// times }`, `{ all: true }` (close every connection without an answer until `{ clear: true }`).
// The simulator is TypeScript; it is bundled once with esbuild (msw stays an external import) into
// node_modules/.cache/erp-widget/.
import { createServer } from 'node:http';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { getResponse } from 'msw';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const API_PATH = '/api/erp';
// Requests are matched against one fixed origin whatever Host header the client sent.
const SIM_ORIGIN = 'http://erp.sim';

let simModule;
/** Bundles simulated-erp/index.ts for Node and imports it (once per process). */
async function loadSimulator() {
  if (simModule) return simModule;
  const outdir = join(root, 'node_modules/.cache/erp-widget');
  mkdirSync(outdir, { recursive: true });
  const outfile = join(outdir, `simulated-erp-${process.pid}.mjs`);
  await build({
    entryPoints: [join(root, 'simulated-erp/index.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile,
    logLevel: 'warning',
  });
  simModule = await import(pathToFileURL(outfile).href);
  return simModule;
}

const CORS_HEADERS = {
  'Access-Control-Allow-Methods': 'GET, POST, PUT, DELETE, OPTIONS',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type, Accept, Accept-Language, If-Match, Idempotency-Key',
  'Access-Control-Expose-Headers': 'ETag, Location, Retry-After',
  'Access-Control-Max-Age': '600',
  Vary: 'Origin',
};

function problem(status, code, detail) {
  return new Response(JSON.stringify({ type: 'about:blank', status, code, title: code, detail }), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  });
}

function readBody(req) {
  return new Promise((resolveBody, reject) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolveBody(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * Starts the server; resolves with `{ port, url, close() }`.
 * @param {{ port?: number, host?: string, token?: string, latencyMs?: number | [number, number], control?: boolean, log?: boolean }} [options]
 */
export async function startApiServer(options = {}) {
  const { ErpSimulator, createHandlers } = await loadSimulator();
  const host = options.host ?? '127.0.0.1';
  const token = options.token ?? 'demo';
  let sim;
  let handlers;
  const reset = () => {
    sim = new ErpSimulator();
    handlers = createHandlers(sim, { baseUrl: SIM_ORIGIN + API_PATH, latencyMs: options.latencyMs });
  };
  reset();
  /** Connections to drop: each entry is consumed by one API request. */
  let drops = [];
  /** While set, every API connection is closed without an answer (until a drop `{ clear: true }`). */
  let dropAll = false;
  const sockets = new Set();

  async function answer(req, body) {
    const url = new URL(req.url ?? '/', SIM_ORIGIN);
    const path = url.pathname;

    if (options.control && path.startsWith('/__control/')) {
      const json = body.length ? JSON.parse(body.toString('utf8')) : {};
      if (path === '/__control/reset') {
        reset();
        drops = [];
        dropAll = false;
      } else if (path === '/__control/fault') sim.faults.inject(json.target, json.fault);
      else if (path === '/__control/drop') {
        if (json.clear) {
          drops = [];
          dropAll = false;
        } else if (json.all) dropAll = true;
        else for (let i = 0; i < (json.times ?? 1); i++) drops.push(json.mode ?? 'before-response');
      } else return { response: problem(404, 'not-found', `No control route ${path}`) };
      return { response: new Response(null, { status: 204 }) };
    }
    if (!path.startsWith(API_PATH + '/') && path !== API_PATH) {
      return { response: problem(404, 'not-found', `Only ${API_PATH} is served here`) };
    }
    const auth = req.headers.authorization ?? '';
    if (auth !== `Bearer ${token}`) {
      const res = problem(401, 'unauthorized', 'Send the header "Authorization: Bearer <token>".');
      res.headers.set('WWW-Authenticate', 'Bearer realm="erp-widget"');
      return { response: res };
    }
    if (dropAll) return { drop: 'before-response' };
    const drop = drops.shift();
    if (drop === 'before-response') return { drop };
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (Array.isArray(value)) for (const v of value) headers.append(name, v);
      else if (value !== undefined) headers.set(name, value);
    }
    headers.delete('host');
    const request = new Request(url, {
      method: req.method,
      headers,
      body: req.method === 'GET' || req.method === 'HEAD' || body.length === 0 ? undefined : body,
    });
    const response = await getResponse(handlers, request);
    if (!response) return { response: problem(404, 'not-found', `No route for ${req.method} ${path}`) };
    // HttpResponse.error() (the simulator's "network" fault) is a dropped connection.
    if (response.type === 'error') return { drop: 'before-response' };
    return { response, drop };
  }

  const server = createServer(async (req, res) => {
    const started = Date.now();
    const cors = { ...CORS_HEADERS, 'Access-Control-Allow-Origin': req.headers.origin ?? '*' };
    if (req.method === 'OPTIONS') {
      res.writeHead(204, cors).end();
      return;
    }
    try {
      const body = await readBody(req);
      const { response, drop } = await answer(req, body);
      if (!response || drop === 'before-response') {
        req.socket.destroy();
        return;
      }
      const out = { ...cors };
      response.headers.forEach((value, name) => (out[name] = value));
      const bytes = Buffer.from(await response.arrayBuffer());
      if (drop === 'mid-body') {
        // Promise the whole body, send half of it, then hang up.
        out['content-length'] = String(bytes.length + 1);
        res.writeHead(response.status, out);
        res.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => req.socket.destroy());
        return;
      }
      res.writeHead(response.status, out).end(bytes);
    } catch (error) {
      res.writeHead(500, { ...cors, 'Content-Type': 'application/problem+json' });
      res.end(JSON.stringify({ status: 500, code: 'internal-error', detail: String(error) }));
    } finally {
      if (options.log) console.log(`${req.method} ${req.url} ${res.statusCode} ${Date.now() - started}ms`);
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 8787, host, ok);
  });
  const port = server.address().port;
  return {
    port,
    url: `http://${host}:${port}${API_PATH}`,
    close: () =>
      new Promise((done) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => done());
      }),
  };
}

function parseArgs(argv) {
  const args = { control: false, log: true };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i];
    if (flag === '--port') args.port = Number(value());
    else if (flag === '--host') args.host = value();
    else if (flag === '--token') args.token = value();
    else if (flag === '--control') args.control = true;
    else if (flag === '--quiet') args.log = false;
    else if (flag === '--latency') {
      const [min, max] = value().split('-').map(Number);
      args.latencyMs = max === undefined ? min : [min, max];
    } else throw new Error(`Unknown option ${argv[i]}`);
  }
  return args;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = parseArgs(process.argv.slice(2));
  args.port ??= Number(process.env.PORT ?? 8787);
  const server = await startApiServer(args);
  console.log(`Simulated ERP at ${server.url} (Authorization: Bearer ${args.token ?? 'demo'})`);
  console.log(`Demo against it: npm start, then http://localhost:5173/?api=${encodeURIComponent(server.url)}`);
  const stop = () => server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
