// RestBackend against the reference server (scripts/serve-api.mjs) over real HTTP: a cross-origin
// server on 127.0.0.1 (CORS preflights for the auth and write headers), the bearer-token check, and
// what a slow, a dropped and a half-sent answer become. web-test-runner.config.mjs starts the server
// and tells its port at `/__api-port`.
import { expect } from '@open-wc/testing';
import { isAbort } from '../../src/backend/problem.js';
import { RestBackend } from '../../src/backend/rest-backend.js';
import { uncontrolledFetch } from './uncontrolled-fetch.js';
import { rejection } from '../helpers/problems.js';

interface ServerInfo {
  port: number;
  token: string;
}

let info: ServerInfo;
let origin = '';

async function control(path: string, body: unknown = {}): Promise<void> {
  const response = await uncontrolledFetch(`${origin}/__control/${path}`, { method: 'POST', body: JSON.stringify(body) });
  expect(response.status, `control ${path}`).to.equal(204);
}

function backend(options: { token?: string | null; timeoutMs?: number } = {}): RestBackend {
  const token = options.token === undefined ? info.token : options.token;
  return new RestBackend({
    baseUrl: `${origin}/api/erp`,
    headers: token === null ? {} : { Authorization: `Bearer ${token}` },
    credentials: 'omit',
    // Straight to the network, never through the msw service worker other test pages register.
    fetch: uncontrolledFetch,
    timeoutMs: options.timeoutMs ?? 5000,
  });
}


const acme = { type: 'company' as const, id: 'c1' };

describe('RestBackend over real HTTP (reference server)', () => {
  before(async () => {
    info = (await (await fetch('/__api-port?for=rest-over-http')).json()) as ServerInfo;
    origin = `http://127.0.0.1:${info.port}`;
  });
  beforeEach(() => control('reset'));

  it('reads an entity state from another origin (CORS)', async () => {
    expect(new URL(origin).origin).not.to.equal(location.origin);
    const state = await backend().getEntityState(acme);
    expect(state.entity).to.include({ type: 'company', id: 'c1' });
    expect(state.connections.length).to.be.greaterThan(0);
  });

  it('answers 401 with a problem body without the bearer token, or with a wrong one', async () => {
    for (const token of [null, 'wrong']) {
      const problem = await rejection(backend({ token }).getEntityState(acme));
      expect(problem.status).to.equal(401);
      expect(problem.code).to.equal('unauthorized');
    }
  });

  it('sends If-Match and Idempotency-Key through the preflight: stale write 409, current write applied once', async () => {
    const api = backend();
    const state = await api.getEntityState(acme);
    const linked = state.connections.find((c) => c.link);
    expect(linked, 'a linked connection in the seed').to.exist;
    const stale = await rejection(api.removeLink(acme, linked!.id, { version: 'stale', idempotencyKey: 'k0' }));
    expect(stale.status).to.equal(409);
    const write = { version: linked!.version, idempotencyKey: crypto.randomUUID() };
    const after = await api.removeLink(acme, linked!.id, write);
    expect(after.link).to.equal(null);
    // The same write again (a retry after a lost answer) is answered, not applied twice.
    const again = await api.removeLink(acme, linked!.id, write);
    expect(again.link).to.equal(null);
    const reread = await api.getEntityState(acme);
    expect(reread.connections.find((c) => c.id === linked!.id)?.link).to.equal(null);
  });

  it('syncs a linked record', async () => {
    const api = backend();
    const linked = (await api.getEntityState(acme)).connections.find((c) => c.link);
    const result = await api.syncNow(acme, linked!.id);
    expect(result).to.have.property('status');
    expect(result.connection.id).to.equal(linked!.id);
  });

  it('waits for a slow answer within the timeout', async () => {
    await control('fault', { target: 'getEntityState', fault: { kind: 'latency', ms: 600, times: 1 } });
    const state = await backend({ timeoutMs: 15_000 }).getEntityState(acme);
    expect(state.entity.id).to.equal('c1');
  });

  it('gives up on a slow answer after timeoutMs (code "timeout")', async () => {
    await control('fault', { target: 'getEntityState', fault: { kind: 'latency', ms: 1500, times: 1 } });
    const problem = await rejection(backend({ timeoutMs: 300 }).getEntityState(acme));
    expect(problem.status).to.equal(0);
    expect(problem.code).to.equal('timeout');
  });

  it('reports an aborted slow request as aborted', async () => {
    await control('fault', { target: 'getEntityState', fault: { kind: 'latency', ms: 1500, times: 1 } });
    const controller = new AbortController();
    const pending = backend().getEntityState(acme, { signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    const problem = await rejection(pending);
    expect(isAbort(problem)).to.equal(true);
  });

  it('turns a connection dropped before the answer into a network-error problem, then recovers', async () => {
    // Every connection is closed without an answer until cleared. (Chromium retries a request once
    // when a reused keep-alive connection closes without answering, so one dropped request would
    // not be seen.)
    await control('drop', { all: true });
    const problem = await rejection(backend().getEntityState(acme));
    expect(problem.status).to.equal(0);
    expect(problem.code).to.equal('network-error');
    await control('drop', { clear: true });
    const state = await backend().getEntityState(acme);
    expect(state.entity.id).to.equal('c1');
  });

  it('turns a connection dropped in the middle of the body into a network-error problem', async () => {
    await control('drop', { mode: 'mid-body' });
    const problem = await rejection(backend().getEntityState(acme));
    expect(problem.status).to.equal(0);
    expect(problem.code).to.equal('network-error');
  });

  it("turns the simulator's network fault into a dropped connection", async () => {
    await control('fault', { target: 'syncNow', fault: { kind: 'network', times: 2 } }); // 2: see the retry above
    const api = backend();
    const linked = (await api.getEntityState(acme)).connections.find((c) => c.link);
    const problem = await rejection(api.syncNow(acme, linked!.id));
    expect(problem.code).to.equal('network-error');
  });
});
