// RestBackend against a fake `fetch` passed through its options (no msw): what goes on the wire
// (method, URL, headers, body) and how every kind of failure becomes an ErpProblem.
import { expect } from '@open-wc/testing';
import { configure, getConfig, type BackendConfig } from '../../src/backend/config.js';
import { isAbort } from '../../src/backend/problem.js';
import { RestAdminBackend } from '../../src/backend/rest-backend.js';
import type { ActorTypeMapping, ConnectionState, ErpConnection, SaveLinkRequest } from '../../src/model/types.js';
import { rejection } from '../helpers/problems.js';
import { problemMessage } from '../../src/i18n/problem-message.js';

interface Sent {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body: unknown;
  credentials: RequestCredentials | undefined;
  signal: AbortSignal | undefined;
}

type Answer = (sent: Sent) => Response | Promise<Response>;

/** A fetch that records each request and answers with `answer` (JSON 200 `{}` by default). */
function fakeFetch(answer: Answer = () => json({})) {
  const sent: Sent[] = [];
  const fetch: typeof globalThis.fetch = async (input, init = {}) => {
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, key) => (headers[key] = value));
    const request: Sent = {
      method: init.method ?? 'GET',
      url: new URL(String(input)),
      headers,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : init.body,
      credentials: init.credentials,
      signal: init.signal ?? undefined,
    };
    sent.push(request);
    return answer(request);
  };
  return { fetch, sent };
}

function json(body: unknown, status = 200, type = 'application/json'): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });
}

/** A fetch that never answers but, like the real one, rejects when its signal aborts. */
const hangingFetch: typeof globalThis.fetch = (_input, init) =>
  new Promise<Response>((_resolve, reject) => {
    const signal = init?.signal;
    if (signal?.aborted) reject(signal.reason);
    signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
  });


const company = { type: 'company' as const, id: 'c/42' };
const state: ConnectionState = {
  id: 'erp 1',
  name: 'ERP',
  actorTypes: [{ type: 'customer', available: true }],
  link: null,
  fields: [],
  canCreateActors: true,
  supportsAdvancedSearch: false,
  version: 'v2',
};
const connection: ErpConnection = {
  id: 'c1',
  name: 'N',
  connectorId: 'k',
  scope: { kind: 'everyone' },
  description: '',
  config: {},
  active: false,
  priority: 1,
  version: 'v4',
  priorityVersion: 'p1',
};
const mapping: ActorTypeMapping = {
  actorType: 'customer',
  entity: 'company',
  enabled: true,
  fields: [],
  crmFields: [],
  version: 'v4',
};
const connectionInput = { name: 'N', connectorId: 'k', scope: { kind: 'everyone' as const }, description: '', config: {} };

/** Every RestBackend call that is not a GET, with an explicit Idempotency-Key and what it answers. */
const WRITES: [string, (b: RestAdminBackend, idempotencyKey: string) => Promise<unknown>, () => Response][] = [
  ['searchActors', (b, k) => b.searchActors('c1', 'customer', { text: 'a' }, { idempotencyKey: k }), () => json({ columns: [], rows: [], total: 0, nextCursor: null })],
  ['searchActorsAdvanced', (b, k) => b.searchActorsAdvanced('c1', 'customer', { restrictions: [] }, { idempotencyKey: k }), () => json({ columns: [], rows: [], total: 0, nextCursor: null })],
  ['compare', (b, k) => b.compare(company, { connectionId: 'c1', actorType: 'customer', erpKey: 'K' }, { idempotencyKey: k }), () => json({ fields: [], askFields: [] })],
  ['saveLink', (b, k) => b.saveLink(company, 'c1', { actorType: 'customer', erpKey: 'K', choices: {} }, { version: 'v1', idempotencyKey: k }), () => json(state)],
  ['removeLink', (b, k) => b.removeLink(company, 'c1', { version: 'v1', idempotencyKey: k }), () => json(state)],
  ['syncNow', (b, k) => b.syncNow(company, 'c1', { idempotencyKey: k }), () => json({ status: 'synced', connection: state })],
  ['addConnector', (b, k) => b.addConnector({ name: 'N', url: 'https://x.example' }, { idempotencyKey: k }), () => json({ id: 'k', name: 'N', url: 'https://x.example', usedBy: [] })],
  ['updateConnector', (b, k) => b.updateConnector('k', { name: 'N', url: 'https://x.example' }, { idempotencyKey: k }), () => json({ id: 'k', name: 'N', url: 'https://x.example', usedBy: [] })],
  ['removeConnector', (b, k) => b.removeConnector('k', { idempotencyKey: k }), () => new Response(null, { status: 204 })],
  ['testConnectorUrl', (b, k) => b.testConnectorUrl('https://x.example', { idempotencyKey: k }), () => json({ ok: true, message: '' })],
  ['addConnection', (b, k) => b.addConnection(connectionInput, { idempotencyKey: k }), () => json(connection)],
  ['updateConnection', (b, k) => b.updateConnection('c1', connectionInput, 'v4', { idempotencyKey: k }), () => json(connection)],
  ['removeConnection', (b, k) => b.removeConnection('c1', { idempotencyKey: k }), () => new Response(null, { status: 204 })],
  ['testConnectionConfig', (b, k) => b.testConnectionConfig(connectionInput, { idempotencyKey: k }), () => json({ ok: true, message: '' })],
  ['testConnection', (b, k) => b.testConnection('c1', { idempotencyKey: k }), () => json({ ok: true, message: '' })],
  ['setConnectionActive', (b, k) => b.setConnectionActive('c1', true, { idempotencyKey: k }), () => json(connection)],
  ['saveActorTypeMapping', (b, k) => b.saveActorTypeMapping('c1', mapping, { idempotencyKey: k }), () => json(mapping)],
  ['saveListMapping', (b, k) => b.saveListMapping('c1', { listName: 'l', crmListName: 'l', erpItems: [], crmItems: [], map: {}, version: 'v4' }, { idempotencyKey: k }), () => json({ listName: 'l', crmListName: 'l', erpItems: [], crmItems: [], map: {}, version: 'v5' })],
  ['saveDefaults', (b, k) => b.saveDefaults('c1', 'customer', { defaults: [], version: 'v4' }, { idempotencyKey: k }), () => json({ defaults: [], version: 'v5' })],
  ['saveRank', (b, k) => b.saveRank('c1', 'customer', [], 'v4', { idempotencyKey: k }), () => json(mapping)],
  ['saveSyncPriority', (b, k) => b.saveSyncPriority(['c1'], 'v4', { idempotencyKey: k }), () => json({ order: ['c1'], version: 'v5' })],
  ['resync', (b, k) => b.resync('c1', { idempotencyKey: k }), () => json({ sent: 0, failed: 0 })],
  ['importActors', (b, k) => b.importActors('c1', { actorType: 'customer', keys: ['K'] }, { idempotencyKey: k }), () => json({ created: [], updated: [] })],
];
/** The writes whose record has a version: they send it as If-Match. */
const VERSIONED = new Set(['saveLink', 'removeLink', 'updateConnection', 'saveActorTypeMapping', 'saveListMapping', 'saveDefaults', 'saveRank', 'saveSyncPriority']);

describe('RestBackend', () => {
  describe('requests', () => {
    it('GETs the entity state under the base URL with encoded path segments', async () => {
      const { fetch, sent } = fakeFetch(() => json({ entity: { ...company, name: 'Acme' }, available: true, connections: [] }));
      const backend = new RestAdminBackend({ baseUrl: '/api/erp/', fetch });
      const result = await backend.getEntityState(company);
      expect(result.available).to.equal(true);
      expect(sent).to.have.length(1);
      expect(sent[0].method).to.equal('GET');
      expect(sent[0].url.pathname).to.equal('/api/erp/entities/company/c%2F42/erp-state');
      expect(sent[0].headers['accept']).to.equal('application/json, application/problem+json');
      expect(sent[0].headers['content-type']).to.equal(undefined);
      expect(sent[0].body).to.equal(undefined);
      expect(sent[0].credentials).to.equal('same-origin');
    });

    it('PUTs saveLink with If-Match, Idempotency-Key and a JSON body', async () => {
      const { fetch, sent } = fakeFetch(() => json(state));
      const backend = new RestAdminBackend({ baseUrl: '/api/erp', fetch });
      const request: SaveLinkRequest = { actorType: 'customer', erpKey: 'K-1', choices: { name: 'erp' } };
      const result = await backend.saveLink(company, 'erp 1', request, { version: 'v1', idempotencyKey: 'key-1' });
      expect(result).to.deep.equal(state);
      expect(sent[0].method).to.equal('PUT');
      expect(sent[0].url.pathname).to.equal('/api/erp/entities/company/c%2F42/links/erp%201');
      expect(sent[0].headers['if-match']).to.equal('"v1"');
      expect(sent[0].headers['idempotency-key']).to.equal('key-1');
      expect(sent[0].headers['content-type']).to.equal('application/json');
      expect(sent[0].body).to.deep.equal(request);
    });

    it('DELETEs removeLink with If-Match and Idempotency-Key and no body', async () => {
      const { fetch, sent } = fakeFetch(() => json(state));
      const backend = new RestAdminBackend({ baseUrl: '/api/erp', fetch });
      await backend.removeLink(company, 'erp 1', { version: 'v7', idempotencyKey: 'key-2' });
      expect(sent[0].method).to.equal('DELETE');
      expect(sent[0].url.pathname).to.equal('/api/erp/entities/company/c%2F42/links/erp%201');
      expect(sent[0].headers['if-match']).to.equal('"v7"');
      expect(sent[0].headers['idempotency-key']).to.equal('key-2');
      expect(sent[0].headers['content-type']).to.equal(undefined);
      expect(sent[0].body).to.equal(undefined);
    });

    it('sends If-Match and a fresh Idempotency-Key per call on updateConnection when none is given', async () => {
      const { fetch, sent } = fakeFetch(() => json(connection));
      const backend = new RestAdminBackend({ baseUrl: '/api/erp', fetch });
      await backend.updateConnection('c1', connectionInput, 'v3');
      await backend.updateConnection('c1', connectionInput, 'v3');
      expect(sent[0].method).to.equal('PUT');
      expect(sent[0].url.pathname).to.equal('/api/erp/admin/connections/c1');
      expect(sent[0].headers['if-match']).to.equal('"v3"');
      expect(sent[0].headers['idempotency-key']).to.match(/^[0-9a-f-]{36}$/);
      expect(sent[1].headers['idempotency-key']).to.match(/^[0-9a-f-]{36}$/);
      expect(sent[1].headers['idempotency-key']).not.to.equal(sent[0].headers['idempotency-key']);
      expect(sent[0].body).to.deep.equal(connectionInput);
    });

    for (const [name, call, answer] of WRITES) {
      it(`${name}: sends the caller's Idempotency-Key${VERSIONED.has(name) ? ' and If-Match' : ''}, and a fresh one without`, async () => {
        const { fetch, sent } = fakeFetch(answer);
        const backend = new RestAdminBackend({ baseUrl: '/api/erp', fetch });
        await call(backend, `key-${name}`);
        expect(sent[0].method).not.to.equal('GET');
        expect(sent[0].headers['idempotency-key']).to.equal(`key-${name}`);
        expect(sent[0].headers['if-match'] !== undefined, 'If-Match').to.equal(VERSIONED.has(name));
        if (VERSIONED.has(name)) expect(sent[0].headers['if-match']).to.match(/^"v\d"$/);
        if (name === 'saveLink' || name === 'removeLink') return; // their key is required (WriteOptions)
        await call(backend, '');
        expect(sent[1].headers['idempotency-key']).to.match(/^[0-9a-f-]{36}$/);
      });
    }

    it('puts query parameters in the URL and leaves out null ones', async () => {
      const { fetch, sent } = fakeFetch((r) =>
        json(r.url.pathname.endsWith('/principals') ? [] : { items: [], nextCursor: null, suggestions: [] }),
      );
      const backend = new RestAdminBackend({ baseUrl: '/api/erp', fetch });
      await backend.getHistory(company, 'erp', null);
      await backend.getHistory(company, 'erp', 'next&1');
      await backend.getMatchSuggestions(company, 'erp', 'supplier');
      await backend.listPrincipals('');
      expect(sent[0].url.search).to.equal('');
      expect(sent[1].url.searchParams.get('cursor')).to.equal('next&1');
      expect(sent[2].url.pathname).to.equal('/api/erp/entities/company/c%2F42/match-suggestions');
      expect(Object.fromEntries(sent[2].url.searchParams)).to.deep.equal({ connectionId: 'erp', actorType: 'supplier' });
      expect(sent[3].url.pathname).to.equal('/api/erp/admin/principals');
      expect(sent[3].url.searchParams.get('q')).to.equal('');
    });

    it('unwraps the match suggestions list', async () => {
      const suggestion = { key: 'K', displayName: 'Acme', strength: 'strong', reasons: ['vat-equal'] };
      const { fetch } = fakeFetch(() => json({ suggestions: [suggestion] }));
      const backend = new RestAdminBackend({ baseUrl: '/api/erp', fetch });
      expect(await backend.getMatchSuggestions(company, 'erp', 'customer')).to.deep.equal([suggestion]);
    });

    it('resolves a 204 answer with undefined', async () => {
      const { fetch, sent } = fakeFetch(() => new Response(null, { status: 204 }));
      const backend = new RestAdminBackend({ baseUrl: '/api/erp', fetch });
      expect(await backend.removeConnector('k 1')).to.equal(undefined);
      expect(sent[0].method).to.equal('DELETE');
      expect(sent[0].url.pathname).to.equal('/api/erp/admin/connectors/k%201');
    });

    it('sends the wrapped bodies of testConnectorUrl, setConnectionActive and saveRank', async () => {
      const { fetch, sent } = fakeFetch((r) =>
        r.url.pathname.endsWith('/test-url')
          ? json({ ok: true, message: 'Reachable' })
          : r.url.pathname.endsWith('/active')
            ? json(connection)
            : json(mapping),
      );
      const backend = new RestAdminBackend({ baseUrl: '/api/erp', fetch });
      await backend.testConnectorUrl('https://sync.example.com');
      await backend.setConnectionActive('c1', false);
      expect(await backend.saveRank('c1', 'customer', ['b', 'a'], 'v3')).to.deep.equal(mapping);
      expect(sent.map((s) => s.body)).to.deep.equal([
        { url: 'https://sync.example.com' },
        { active: false },
        { order: ['b', 'a'] },
      ]);
      expect(sent[2].url.pathname).to.equal('/api/erp/admin/connections/c1/actor-types/customer/rank');
      expect(sent[2].headers['if-match']).to.equal('"v3"');
    });
  });

  describe('failures', () => {
    it('turns a problem body into an ErpProblem with status, code, detail, title and field', async () => {
      const { fetch } = fakeFetch(() =>
        json(
          { type: 'about:blank', title: 'Conflict', status: 409, code: 'version-conflict', detail: 'Changed meanwhile', field: '/erpKey' },
          409,
          'application/problem+json',
        ),
      );
      const backend = new RestAdminBackend({ baseUrl: '/api/erp', fetch });
      const problem = await rejection(
        backend.saveLink(company, 'erp', { actorType: 'customer', erpKey: 'K', choices: {} }, { version: 'old', idempotencyKey: 'k' }),
      );
      expect(problem.status).to.equal(409);
      expect(problem.code).to.equal('version-conflict');
      expect(problem.detail).to.equal('Changed meanwhile');
      expect(problem.title).to.equal('Conflict');
      expect(problem.field).to.equal('/erpKey');
      expect(problem.message).to.equal('Changed meanwhile');
      expect(isAbort(problem)).to.equal(false);
    });

    it('uses the HTTP status as the code when a JSON error body has no code', async () => {
      const { fetch } = fakeFetch(() => json({ detail: 'No such connection' }, 404));
      const problem = await rejection(new RestAdminBackend({ baseUrl: '/api/erp', fetch }).getConnection('x'));
      expect(problem.status).to.equal(404);
      expect(problem.code).to.equal('http-404');
      expect(problem.detail).to.equal('No such connection');
    });

    it('turns a non-JSON 500 into http-500', async () => {
      const { fetch } = fakeFetch(() => new Response('<html>Internal Server Error</html>', { status: 500 }));
      const problem = await rejection(new RestAdminBackend({ baseUrl: '/api/erp', fetch }).listConnectors());
      expect(problem.status).to.equal(500);
      expect(problem.code).to.equal('http-500');
    });

    it('turns a non-JSON 200 into malformed-response', async () => {
      const { fetch } = fakeFetch(() => new Response('{"entity": ', { status: 200 }));
      const problem = await rejection(new RestAdminBackend({ baseUrl: '/api/erp', fetch }).getEntityState(company));
      expect(problem.status).to.equal(200);
      expect(problem.code).to.equal('malformed-response');
    });

    it('reads Retry-After as seconds or as an HTTP date, and says when to try again', async () => {
      const inTwoMinutes = new Date(Date.now() + 120_000).toUTCString();
      for (const [header, low, high] of [['7', 7, 7], [inTwoMinutes, 100, 121]] as const) {
        const { fetch } = fakeFetch(() => new Response(JSON.stringify({ status: 429, code: 'rate-limited' }), { status: 429, headers: { 'Content-Type': 'application/problem+json', 'Retry-After': header } }));
        const problem = await rejection(new RestAdminBackend({ baseUrl: '/api/erp', fetch }).listConnectors());
        expect(problem.status).to.equal(429);
        expect(problem.retryAfter, header).to.be.within(low, high);
        expect(problemMessage(problem)).to.equal(`The ERP service is busy right now. Try again in ${problem.retryAfter} seconds.`);
      }
      const { fetch } = fakeFetch(() => new Response('', { status: 429 }));
      const problem = await rejection(new RestAdminBackend({ baseUrl: '/api/erp', fetch }).listConnectors());
      expect(problem.retryAfter).to.equal(undefined);
      expect(problemMessage(problem)).to.contain('Try again in a moment');
    });

    it('does not follow redirects, and takes a redirect or an HTML page for a sign-in page (401)', async () => {
      const answers = [
        () => new Response(null, { status: 302, headers: { Location: '/login' } }),
        () => new Response('<!doctype html><title>Sign in</title>', { status: 200, headers: { 'Content-Type': 'text/html' } }),
      ];
      for (const answer of answers) {
        let redirect: RequestRedirect | undefined;
        const fetch: typeof globalThis.fetch = async (_input, init) => ((redirect = init?.redirect), answer());
        const problem = await rejection(new RestAdminBackend({ baseUrl: '/api/erp', fetch }).getEntityState(company));
        expect(redirect).to.equal('manual');
        expect(problem.status).to.equal(401);
        expect(problem.code).to.equal('signed-out');
        expect(problemMessage(problem)).to.contain('Sign in again');
      }
    });

    it('refuses valid JSON sent with a content type that is not JSON', async () => {
      const { fetch } = fakeFetch(() => new Response('{"entity":{}}', { status: 200, headers: { 'Content-Type': 'text/plain' } }));
      const problem = await rejection(new RestAdminBackend({ baseUrl: '/api/erp', fetch }).getEntityState(company));
      expect(problem.code).to.equal('malformed-response');
      expect(problem.detail).to.contain('text/plain');
    });

    it('turns a rejected fetch into network-error', async () => {
      const fetch: typeof globalThis.fetch = () => Promise.reject(new TypeError('Failed to fetch'));
      const problem = await rejection(new RestAdminBackend({ baseUrl: '/api/erp', fetch }).getEntityState(company));
      expect(problem.status).to.equal(0);
      expect(problem.code).to.equal('network-error');
      expect(problem.detail).to.equal('Failed to fetch');
    });

    it('turns a body that breaks off into network-error', async () => {
      const broken = new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"a":'));
          controller.error(new TypeError('connection reset'));
        },
      });
      const { fetch } = fakeFetch(() => new Response(broken, { status: 200 }));
      const problem = await rejection(new RestAdminBackend({ baseUrl: '/api/erp', fetch }).getEntityState(company));
      expect(problem.code).to.equal('network-error');
    });

    it('gives up after timeoutMs with timeout', async () => {
      const backend = new RestAdminBackend({ baseUrl: '/api/erp', fetch: hangingFetch, timeoutMs: 50 });
      // hangingFetch never answers: only the client's own timeout can end the call.
      const problem = await rejection(backend.getEntityState(company));
      expect(problem.code).to.equal('timeout');
      expect(problem.status).to.equal(0);
    });

    it('reports a caller abort as aborted', async () => {
      const backend = new RestAdminBackend({ baseUrl: '/api/erp', fetch: hangingFetch, timeoutMs: 5000 });
      const controller = new AbortController();
      const call = backend.getEntityState(company, { signal: controller.signal });
      controller.abort();
      const problem = await rejection(call);
      expect(problem.code).to.equal('aborted');
      expect(problem.aborted).to.equal(true);
      expect(isAbort(problem)).to.equal(true);
    });

    it('reports an abort of a write (signal in WriteOptions) as aborted', async () => {
      const backend = new RestAdminBackend({ baseUrl: '/api/erp', fetch: hangingFetch, timeoutMs: 5000 });
      const controller = new AbortController();
      controller.abort();
      const problem = await rejection(
        backend.removeLink(company, 'erp', { version: 'v', idempotencyKey: 'k', signal: controller.signal }),
      );
      expect(problem.code).to.equal('aborted');
    });
  });

  describe('global configure()', () => {
    let saved: BackendConfig;
    beforeEach(() => {
      saved = { ...getConfig() };
    });
    afterEach(() => {
      configure({
        baseUrl: saved.baseUrl,
        headers: saved.headers,
        credentials: saved.credentials,
        fetch: saved.fetch,
        timeoutMs: saved.timeoutMs,
      });
    });

    it('follows configure({ baseUrl, headers }) when given no options', async () => {
      const { fetch, sent } = fakeFetch(() => json([]));
      const backend = new RestAdminBackend();
      configure({ baseUrl: 'https://crm.example.com/erp', headers: { Authorization: 'Bearer one' }, fetch });
      await backend.listConnections();
      expect(sent[0].url.href).to.equal('https://crm.example.com/erp/admin/connections');
      expect(sent[0].headers['authorization']).to.equal('Bearer one');

      // read on every call, not when the client was made
      configure({ baseUrl: '/other', headers: () => ({ Authorization: 'Bearer two' }), credentials: 'include' });
      await backend.listConnections();
      expect(sent[1].url.pathname).to.equal('/other/admin/connections');
      expect(sent[1].headers['authorization']).to.equal('Bearer two');
      expect(sent[1].credentials).to.equal('include');
    });

    it('lets constructor options override the global configuration', async () => {
      const global = fakeFetch(() => json([]));
      const own = fakeFetch(() => json([]));
      configure({ baseUrl: '/global', headers: { 'X-Tenant': 't1' }, fetch: global.fetch });
      await new RestAdminBackend({ fetch: own.fetch }).listConnectors();
      expect(global.sent).to.have.length(0);
      expect(own.sent[0].url.pathname).to.equal('/global/admin/connectors');
      expect(own.sent[0].headers['x-tenant']).to.equal('t1');
    });

    it('never lets configured headers replace If-Match or Idempotency-Key', async () => {
      const { fetch, sent } = fakeFetch(() => json(state));
      configure({ headers: { 'If-Match': '*', 'Idempotency-Key': 'global' }, fetch });
      await new RestAdminBackend().saveLink(company, 'erp', { actorType: 'customer', erpKey: 'K', choices: {} }, { version: 'v9', idempotencyKey: 'mine' });
      expect(sent[0].headers['if-match']).to.equal('"v9"');
      expect(sent[0].headers['idempotency-key']).to.equal('mine');
    });
  });
});
