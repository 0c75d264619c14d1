// Bad input, security and durability of the sync service, over real HTTP against a real database.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { AddressInfo } from 'node:net';
import { SignJWT } from 'jose';
import { buildSimulatedConnector } from '../../connectors/simulated/app.js';
import { serviceTarget, type Target } from './targets.js';

let t: Target;
let base: string;
before(async () => {
  t = await serviceTarget('hardening', process.env.TEST_DATABASE_URL, { corsOrigins: ['http://crm.example'], connectorTimeoutMs: 2500 });
  base = t.service!.url;
});
after(() => t.close());

async function call(method: string, path: string, options: { token?: string | null; body?: unknown; raw?: string; headers?: Record<string, string> } = {}) {
  const token = options.token === undefined ? await t.token() : options.token;
  const headers: Record<string, string> = { ...(token ? { authorization: `Bearer ${token}` } : {}), ...options.headers };
  if (options.body !== undefined || options.raw !== undefined) headers['content-type'] ??= 'application/json';
  if (method !== 'GET') headers['idempotency-key'] ??= crypto.randomUUID();
  const res = await fetch(base + path, { method, headers, body: options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body)) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, json: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
}
const search = '/api/erp/connections/conn-a/actor-types/customer/search';

/** A problem answer: problem+json, the code, and no trace of internals. */
function assertProblem(r: Awaited<ReturnType<typeof call>>, status: number, code: string) {
  assert.equal(r.status, status, r.text);
  assert.match(r.headers.get('content-type') ?? '', /^application\/problem\+json/);
  assert.equal(r.json?.code, code);
  assert.doesNotMatch(r.text, /at \w+ \(|node_modules|\.ts:\d+|stack/i);
}

describe('requests that break the spec', () => {
  it('wrong types answer 422 naming the field', async () => {
    const r = await call('POST', search, { body: { text: 5 } });
    assertProblem(r, 422, 'validation-failed');
    assert.equal(r.json?.field, '/text');
  });
  it('unknown fields answer 422 naming the field', async () => {
    const r = await call('POST', search, { body: { text: 'a', isAdmin: true } });
    assertProblem(r, 422, 'unknown-field');
    assert.equal(r.json?.field, '/isAdmin');
  });
  it('a history `limit` that is not a whole number from 1 to 500 answers 400 naming it', async () => {
    const history = '/api/erp/entities/company/c1/links/conn-a/history';
    for (const limit of ['abc', '1.5', '0', '501', '-1', '']) {
      const r = await call('GET', `${history}?limit=${limit}`);
      assertProblem(r, 400, 'invalid-request');
      assert.equal(r.json?.field, '/limit', `limit=${limit}: ${r.text}`);
    }
    const two = await call('GET', `${history}?limit=2`);
    assert.equal(two.status, 200, two.text);
    assert.ok((two.json?.items as unknown[]).length <= 2);
  });
  it('__proto__ and constructor keys answer 400', async () => {
    assertProblem(await call('POST', search, { raw: '{"text":"a","__proto__":{"admin":true}}' }), 400, 'invalid-json');
    assertProblem(await call('POST', search, { raw: '{"text":"a","constructor":{"prototype":{"x":1}}}' }), 400, 'invalid-json');
  });
  it('__proto__ and constructor as path segments are just unknown records', async () => {
    assertProblem(await call('GET', '/api/erp/entities/company/__proto__/erp-state'), 404, 'entity-not-found');
    assertProblem(await call('GET', '/api/erp/admin/connections/constructor'), 404, 'connection-not-found');
  });
  it('malformed JSON answers 400, another content type 415', async () => {
    assertProblem(await call('POST', search, { raw: '{"text": "a"' }), 400, 'invalid-json');
    assertProblem(await call('POST', search, { raw: 'text=a', headers: { 'content-type': 'application/x-www-form-urlencoded' } }), 415, 'unsupported-media-type');
    assertProblem(await call('POST', search, { raw: 'a', headers: { 'content-type': 'text/plain' } }), 415, 'unsupported-media-type');
  });
  it('a 100 MB body answers 413 before it is sent whole', async () => {
    const token = await t.token();
    const { port } = new URL(base);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: search, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(100 * 1024 * 1024), authorization: `Bearer ${token}`, 'idempotency-key': 'big' } });
      req.on('response', (res) => resolve(res.statusCode ?? 0));
      req.on('error', reject);
      req.write('{"text":"' + 'a'.repeat(64 * 1024));
      // Never ends: the answer must come without the remaining ~100 MB.
    });
    assert.equal(status, 413);
  });
  it('a 10,000-character Idempotency-Key answers 400', async () => {
    assertProblem(await call('POST', '/api/erp/admin/connectors', { body: { name: 'K', url: 'https://k.example' }, headers: { 'idempotency-key': 'k'.repeat(10_000) } }), 400, 'invalid-request');
  });
  it('NUL and RTL-override characters in names are stored as given; the spec limits the length', async () => {
    const name = 'Evil\u0000\u202eNAME';
    const created = await call('POST', '/api/erp/admin/connectors', { body: { name, url: 'https://evil.example' } });
    assert.equal(created.status, 201, created.text);
    const list = await call('GET', '/api/erp/admin/connectors');
    assert.ok((list.json as unknown as { name: string }[]).some((c) => c.name === name));
    assertProblem(await call('POST', '/api/erp/admin/connectors', { body: { name: 'x'.repeat(61), url: 'https://long.example' } }), 422, 'validation-failed');
  });
});

describe('who may do what', () => {
  const state = '/api/erp/entities/company/c1/erp-state';
  it('accepts the bearer scheme in any case', async () => {
    const token = await t.token();
    assert.equal((await call('GET', state, { token: null, headers: { authorization: `bearer ${token}` } })).status, 200);
  });
  it('answers 401 to a missing, expired or forged token', async () => {
    assertProblem(await call('GET', state, { token: null }), 401, 'unauthorized');
    const forged = await new SignJWT({ erp_admin: true, erp_licence: true }).setProtectedHeader({ alg: 'HS256' }).setSubject('u-anna').setExpirationTime('1h').sign(new TextEncoder().encode('not-the-secret'));
    assertProblem(await call('GET', state, { token: forged }), 401, 'unauthorized');
    const [h, p] = (await t.token()).split('.');
    const unsigned = `${h}.${p}.`;
    assertProblem(await call('GET', state, { token: unsigned }), 401, 'unauthorized');
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${p}.`;
    assertProblem(await call('GET', state, { token: none }), 401, 'unauthorized');
  });
  it('answers 401 to an expired token', async () => {
    const secret = (await import('node:fs')).readFileSync(join(t.service!.dataDir, 'secrets', 'jwt.key'), 'utf8').trim();
    const expired = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject('u-anna').setExpirationTime(Math.floor(Date.now() / 1000) - 60).sign(new TextEncoder().encode(secret));
    const r = await call('GET', state, { token: expired });
    assertProblem(r, 401, 'unauthorized');
    assert.match(String(r.json?.detail), /expired/);
  });
  it('refuses a foreign origin and allows the listed one', async () => {
    const foreign = await call('GET', state, { headers: { origin: 'https://evil.example' } });
    assertProblem(foreign, 403, 'origin-not-allowed');
    assert.equal(foreign.headers.get('access-control-allow-origin'), null);
    const listed = await call('GET', state, { headers: { origin: 'http://crm.example' } });
    assert.equal(listed.status, 200);
    assert.equal(listed.headers.get('access-control-allow-origin'), 'http://crm.example');
  });
  it('decides availability and scope itself', async () => {
    const carl = await call('GET', state, { token: await t.token('u-carl') });
    assert.equal(carl.json?.available, false);
    assert.equal(carl.json?.unavailableReason, 'no-licence');
    // Eve (Finance) is outside Contoso ERP's scope: its routes answer 403.
    const eve = await t.token('u-eve');
    assertProblem(await call('POST', search, { token: eve, body: { text: 'a' } }), 403, 'no-access');
    assertProblem(await call('POST', '/api/erp/entities/company/c1/links/conn-a/sync', { token: eve }), 403, 'no-access');
  });
  it('admin routes need the admin claim', async () => {
    assertProblem(await call('GET', '/api/erp/admin/connections', { token: await t.token('u-ben') }), 403, 'forbidden');
  });
});

describe('writes', () => {
  const link = '/api/erp/entities/company/c6/links/conn-a';
  async function linkBody() {
    const compared = await call('POST', '/api/erp/entities/company/c6/compare', { body: { connectionId: 'conn-a', actorType: 'customer', erpKey: '100007' } });
    const fields = (compared.json as { fields: { field: { key: string }; differs: boolean }[] }).fields;
    return { actorType: 'customer', erpKey: '100007', choices: Object.fromEntries(fields.filter((f) => f.differs).map((f) => [f.field.key, 'crm'])) };
  }
  const versionOf = async () => ((await call('GET', '/api/erp/entities/company/c6/erp-state')).json as { connections: { version: string }[] }).connections[0]!.version;
  const historyOf = async () => ((await call('GET', `${link}/history`)).json as { items: { kind: string }[] }).items;

  it('sends ETag and honours If-Match in its quoted form and *', async () => {
    await t.reset();
    const got = await call('GET', '/api/erp/admin/connections/conn-b');
    assert.equal(got.headers.get('etag'), '"v1"');
    const { version: _v, id: _i, priorityVersion: _p, ...input } = got.json as Record<string, unknown>;
    void _v; void _i; void _p;
    const first = await call('PUT', '/api/erp/admin/connections/conn-b', { body: { ...input, description: 'one' }, headers: { 'if-match': '"v1"' } });
    assert.equal(first.status, 200, first.text);
    assert.equal(first.headers.get('etag'), '"v2"');
    assertProblem(await call('PUT', '/api/erp/admin/connections/conn-b', { body: { ...input, description: 'stale' }, headers: { 'if-match': '"v1"' } }), 409, 'version-conflict');
    assert.equal((await call('GET', '/api/erp/admin/connections/conn-b')).json?.description, 'one');
    assert.equal((await call('PUT', '/api/erp/admin/connections/conn-b', { body: { ...input, description: 'any' }, headers: { 'if-match': '*' } })).status, 200);
    assertProblem(await call('PUT', '/api/erp/admin/connections/conn-b', { body: { ...input } }), 428, 'version-required');
  });

  it('a retried save with the same key is applied once; another body with it answers 422', async () => {
    await t.reset();
    const body = await linkBody();
    const headers = { 'if-match': `"${await versionOf()}"`, 'idempotency-key': 'save-once' };
    const linkedBefore = (await historyOf()).filter((e) => e.kind === 'linked').length;
    const first = await call('PUT', link, { body, headers });
    assert.equal(first.status, 200, first.text);
    const again = await call('PUT', link, { body, headers });
    assert.equal(again.status, 200);
    assert.deepEqual(again.json, first.json);
    assert.equal((await historyOf()).filter((e) => e.kind === 'linked').length, linkedBefore + 1);
    assertProblem(await call('PUT', link, { body: { ...body, choices: {} }, headers }), 422, 'idempotency-key-reused');
  });

  it('a second request with the key while the first runs answers 409', async () => {
    await t.reset();
    const body = await linkBody();
    const connector = t.service!.connectorUrl!;
    await fetch(`${connector}/__control/fault`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ path: '/actors/get', fault: { kind: 'latency', ms: 1500 } }) });
    const headers = { 'if-match': `"${await versionOf()}"`, 'idempotency-key': 'overlap' };
    const answers = await Promise.all([call('PUT', link, { body, headers }), call('PUT', link, { body, headers })]);
    assert.deepEqual(answers.map((a) => a.status).sort(), [200, 409]);
    assert.equal(answers.find((a) => a.status === 409)?.json?.code, 'request-in-progress');
  });

  it('a connector that fails or talks nonsense gives connector-error with its message; one that is slow or gone, connector-unavailable', async () => {
    await t.reset();
    const connector = t.service!.connectorUrl!;
    const fault = (f: object) => fetch(`${connector}/__control/fault`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ path: '/actors/search', fault: f }) });
    await fault({ kind: 'problem', status: 500, detail: 'ERP database locked (ERR-17)' });
    const failed = await call('POST', search, { body: { text: 'a' } });
    assertProblem(failed, 502, 'connector-error');
    assert.equal(failed.json?.detail, 'ERP database locked (ERR-17)');
    await fault({ kind: 'problem', status: 503, detail: 'ERP down for maintenance' });
    const down = await call('POST', search, { body: { text: 'a' } });
    assertProblem(down, 503, 'connector-unavailable');
    assert.equal(down.json?.detail, 'ERP down for maintenance');
    // Slower than the service's deadline (2.5 s here): an answer, not a hang.
    await fault({ kind: 'latency', ms: 6000 });
    const slow = await call('POST', search, { body: { text: 'a' } });
    assertProblem(slow, 503, 'connector-unavailable');
    assert.match(String(slow.json?.detail), /did not answer within 3 s/);
    await fault({ kind: 'nonsense' });
    assertProblem(await call('POST', search, { body: { text: 'a' } }), 502, 'connector-error');
    await fault({ kind: 'drop' });
    assertProblem(await call('POST', search, { body: { text: 'a' } }), 503, 'connector-unavailable');
    assert.equal((await call('POST', search, { body: { text: 'a' } })).status, 200, 'the next call works again');
  });
});

describe('durability', () => {
  it('a restart loses nothing and versions keep counting', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'erp-sync-restart-'));
    const { startService } = await import('../start.js');
    const first = await startService({ demo: true, port: 0, dataDir });
    const sign = async (url: string) => ((await (await fetch(`${url}/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"userId":"u-anna"}' })).json()) as { token: string }).token;
    let token = await sign(first.url);
    const put = (url: string, version: string, description: string) =>
      fetch(`${url}/api/erp/admin/connections/conn-b/active`, { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID(), 'if-match': version }, body: JSON.stringify({ active: description === 'on' }) });
    assert.equal((await put(first.url, '"v1"', 'off')).status, 200);
    const added = await fetch(`${first.url}/api/erp/admin/connectors`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': 'restart-key' }, body: JSON.stringify({ name: 'Kept', url: 'https://kept.example' }) });
    const addedBody = await added.text();
    await first.close();
    const second = await startService({ demo: true, port: 0, dataDir });
    token = await sign(second.url);
    const connection = (await (await fetch(`${second.url}/api/erp/admin/connections/conn-b`, { headers: { authorization: `Bearer ${token}` } })).json()) as { active: boolean; version: string };
    assert.equal(connection.active, false);
    assert.equal(connection.version, 'v2');
    assert.equal((await put(second.url, '"v2"', 'on')).status, 200);
    const replay = await fetch(`${second.url}/api/erp/admin/connectors`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': 'restart-key' }, body: JSON.stringify({ name: 'Kept', url: 'https://kept.example' }) });
    assert.equal(await replay.text(), addedBody, 'the key outlived the restart');
    await second.close();
  });

  it('a service killed mid-save applies the retry with the same key once', async () => {
    const connector = await buildSimulatedConnector({ control: true });
    // The ERP has applied a save once the connector answers it (whether or not the caller still listens).
    let savesApplied = 0;
    connector.addHook('onSend', async (req, _reply, payload) => {
      if (req.url.endsWith('/actors/save')) savesApplied++;
      return payload;
    });
    await connector.listen({ port: 0, host: '127.0.0.1' });
    const connectorUrl = `http://127.0.0.1:${(connector.server.address() as AddressInfo).port}`;
    const dataDir = mkdtempSync(join(tmpdir(), 'erp-sync-kill-'));
    const start = async () => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--demo'], {
        env: { ...process.env, PORT: '0', DATA_DIR: dataDir, CONNECTOR_URL: connectorUrl },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout!.on('data', (d: Buffer) => {
          out += d.toString();
          const m = /API at (http:\/\/[^/\s]+)/.exec(out);
          if (m) resolve(m[1]!);
        });
        child.once('exit', () => reject(new Error(`service exited: ${out}`)));
      });
      return { child, url };
    };
    let svc: { child: ChildProcess; url: string } = await start();
    // A failed assertion must not leave the service running: its connections would hold connector.close() and the run.
    try {
      const token = ((await (await fetch(`${svc.url}/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"userId":"u-anna"}' })).json()) as { token: string }).token;
      const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
      const get = async (p: string) => (await (await fetch(svc.url + p, { headers: auth })).json()) as Record<string, never>;
      const version = (await get('/api/erp/entities/company/c6/erp-state')).connections[0]!['version'];
      const linked = async () => ((await get('/api/erp/entities/company/c6/links/conn-a/history'))['items'] as { kind: string }[]).filter((e) => e.kind === 'linked').length;
      const linkedBefore = await linked();
      const compared = (await (await fetch(`${svc.url}/api/erp/entities/company/c6/compare`, { method: 'POST', headers: { ...auth, 'idempotency-key': 'c' }, body: JSON.stringify({ connectionId: 'conn-a', actorType: 'customer', erpKey: '100007' }) })).json()) as { fields: { field: { key: string }; differs: boolean }[] };
      const body = JSON.stringify({ actorType: 'customer', erpKey: '100007', choices: Object.fromEntries(compared.fields.filter((f) => f.differs).map((f) => [f.field.key, 'crm'])) });
      const save = (url: string) => fetch(`${url}/api/erp/entities/company/c6/links/conn-a`, { method: 'PUT', headers: { ...auth, 'if-match': `"${version}"`, 'idempotency-key': 'killed-save' }, body });
      await fetch(`${connectorUrl}/__control/fault`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ path: '/actors/save', fault: { kind: 'latency', ms: 3000 } }) });
      const pending = save(svc.url).catch(() => undefined);
      // Killed once the save has reached the ERP.
      for (let i = 0; i < 400; i++) {
        const hits = (await (await fetch(`${connectorUrl}/__control/hits`)).json()) as Record<string, number>;
        if (hits['/actors/save']) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      svc.child.kill('SIGKILL');
      await pending;
      // The write died between its ERP save and its commit: the retry comes once the ERP holds that save
      // (a retry racing the dead attempt's save still in flight is another case, not this test's).
      for (let i = 0; i < 400 && savesApplied === 0; i++) await new Promise((r) => setTimeout(r, 50));
      assert.equal(savesApplied, 1, "the killed attempt's save reached the ERP");
      svc = await start();
      const retried = await save(svc.url);
      assert.equal(retried.status, 200, await retried.clone().text());
      assert.equal((await save(svc.url)).status, 200, 'and again: the stored answer');
      assert.equal(await linked(), linkedBefore + 1);
    } finally {
      svc.child.kill('SIGTERM');
      await connector.close();
    }
  });
});

// Two instances on one PostgreSQL server (where the run has one): each keeps the configuration in
// memory until the other's change is notified; a write always checks it inside its transaction.
if (process.env.TEST_DATABASE_URL) {
  describe('several instances', () => {
    it("an admin's change on one instance reaches the other; a stale write there is refused", async () => {
      const { startService } = await import('../start.js');
      // The same data folder: the same demo secrets (token key, config key).
      const other = await startService({ demo: true, port: 0, dataDir: t.service!.dataDir, databaseUrl: process.env.TEST_DATABASE_URL, connectorUrl: t.service!.connectorUrl });
      try {
        const token = await t.token();
        const at = (url: string) => (path: string, init: RequestInit = {}) =>
          fetch(`${url}/api/erp${path}`, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID(), ...init.headers } });
        const [a, b] = [at(base), at(other.url)];
        type Connection = { name: string; version: string; connectorId: string; scope: unknown; description: string; config: Record<string, unknown> };
        const read = async (f: typeof a) => (await (await f('/admin/connections/conn-b')).json()) as Connection;
        const rename = (f: typeof a, c: Connection, name: string) =>
          f('/admin/connections/conn-b', { method: 'PUT', headers: { 'if-match': `"${c.version}"` }, body: JSON.stringify({ name, connectorId: c.connectorId, scope: c.scope, description: c.description, config: c.config }) });
        const before = await read(b); // now in b's memory
        const renamed = await rename(a, before, `${before.name} (renamed on a)`);
        assert.equal(renamed.status, 200, await renamed.clone().text());
        // Reads follow once the notification has arrived (a deadline, not a sleep).
        const once = async (f: typeof a, name: string) => {
          let seen = await read(f);
          for (const deadline = Date.now() + 15_000; seen.name !== name && Date.now() < deadline; seen = await read(f)) await new Promise((r) => setTimeout(r, 20));
          return seen;
        };
        const seen = await once(b, `${before.name} (renamed on a)`);
        assert.equal(seen.name, `${before.name} (renamed on a)`);
        // A write checks inside its transaction, whatever the instance holds in memory.
        assert.equal((await rename(b, before, 'stale')).status, 409);
        const back = await rename(b, seen, before.name);
        assert.equal(back.status, 200, await back.clone().text());
        assert.equal((await once(a, before.name)).name, before.name, 'and a sees what b wrote');
      } finally {
        await other.close();
      }
    });
  });
}
