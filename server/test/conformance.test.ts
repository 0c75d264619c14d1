// One conformance suite binds the implementations of api/openapi.yaml: every operation's success and
// its documented problems, over real HTTP, each answer validated with ajv against the spec, against
// the sync service on PGlite, on PostgreSQL (TEST_DATABASE_URL), with the Tryton connector on a live
// Tryton (TRYTON_URL) and the msw simulator.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, beforeEach, describe, it } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { configure } from '../../src/backend/config.js';
import { ErpProblem } from '../../src/backend/problem.js';
import { RestAdminBackend } from '../../src/backend/rest-backend.js';
import { OPERATIONS, type OperationName } from '../../simulated-erp/faults.js';
import { callsFor, NO_CONTENT } from '../../test/hardening/operations.js';
import { allTargets } from './targets.js';

type Op = { operationId: string; responses: Record<string, { $ref?: string }> };
const spec = parse(readFileSync(new URL('../../api/openapi.yaml', import.meta.url), 'utf8')) as { paths: Record<string, Record<string, Op>> };
const ajv = new Ajv2020({ strict: false, allErrors: true });
(addFormats as unknown as (a: Ajv2020) => void)(ajv);
ajv.addSchema(spec as object, 'openapi');
const esc = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');
const operations = new Map<string, { method: string; path: string; op: Op }>();
for (const [path, item] of Object.entries(spec.paths))
  for (const [method, op] of Object.entries(item)) if (op && typeof op === 'object' && 'operationId' in op) operations.set(op.operationId, { method, path, op });

function check(id: string, status: number, media: string, text: string): void {
  const { method, path, op } = operations.get(id)!;
  const response = op.responses[String(status)];
  assert.ok(response, `the spec declares ${status} for ${id}`);
  const base = response.$ref ? response.$ref.slice(1) : `/paths/${esc(path)}/${method}/responses/${status}`;
  const pointer = `openapi#${base}/content/${esc(media)}/schema`;
  const validate = ajv.getSchema(pointer) ?? ajv.compile({ $ref: pointer });
  assert.ok(validate(JSON.parse(text)), `${id} ${status}: ${JSON.stringify(validate.errors)}`);
}

const targets = await allTargets();
after(async () => {
  for (const t of targets) await t.close();
});

for (const target of targets) {
  describe(`conformance: ${target.name}`, () => {
    const last: { status: number; text: string; type: string | null }[] = [];
    let api: RestAdminBackend;
    const fx = target.fixture;
    const CALLS = callsFor(fx);
    before(async () => {
      const token = await target.token();
      configure({
        baseUrl: target.apiUrl,
        credentials: 'omit',
        headers: { Authorization: `Bearer ${token}` },
        fetch: async (input, init) => {
          const res = await fetch(input, init);
          last.push({ status: res.status, text: await res.clone().text(), type: res.headers.get('content-type') });
          return res;
        },
      });
      api = new RestAdminBackend();
    });
    beforeEach(() => target.reset());

    it('serves one operation per operationId of the spec', () => {
      assert.deepEqual([...operations.keys()].sort(), [...OPERATIONS].sort());
    });

    for (const id of OPERATIONS) {
      it(`${id}: succeeds with an answer the spec describes`, async () => {
        const call = await CALLS[id as OperationName](api);
        const n = last.length;
        await call();
        const answer = last[n]!;
        assert.equal(last.length, n + 1, 'one request per call');
        if (NO_CONTENT.has(id as OperationName)) {
          assert.equal(answer.status, 204);
          assert.equal(answer.text, '');
          return;
        }
        assert.match(answer.type ?? '', /^application\/json/);
        check(id, answer.status, 'application/json', answer.text);
      });
    }

    it('getHistory: `limit` sizes the page, and the cursor goes on from where that page ended', async () => {
      const record = { type: 'company' as const, id: fx.linked };
      const all = await api.getHistory(record, fx.connection, null, { limit: 500 });
      assert.ok(all.items.length >= 1, 'the linked record has a history');
      const one = await api.getHistory(record, fx.connection, null, { limit: 1 });
      assert.deepEqual(one.items, all.items.slice(0, 1));
      assert.equal(one.nextCursor === null, all.items.length === 1 && all.nextCursor === null);
      if (one.nextCursor) {
        const rest = await api.getHistory(record, fx.connection, one.nextCursor, { limit: 500 });
        assert.deepEqual(rest.items, all.items.slice(1, 1 + rest.items.length));
      }
    });

    const problems: [OperationName, (a: RestAdminBackend) => Promise<unknown>, number, string, string?][] = [
      ['getHistory', (a) => a.getHistory({ type: 'company', id: fx.linked }, fx.connection, null, { limit: 0 }), 400, 'invalid-request', 'limit 0'],
      ['getHistory', (a) => a.getHistory({ type: 'company', id: fx.linked }, fx.connection, null, { limit: 501 }), 400, 'invalid-request', 'limit 501'],
      ['getEntityState', (a) => a.getEntityState({ type: 'company', id: 'no-such-record' }), 404, 'entity-not-found'],
      ['getConnection', (a) => a.getConnection('no-such-connection'), 404, 'connection-not-found'],
      ['searchActors', (a) => a.searchActors(fx.connection, 'customer', { text: 'a', cursor: 'not-a-cursor' }), 400, 'invalid-cursor'],
      ['searchActors', (a) => a.searchActors(fx.connection, 'person', { text: 'a' }), 422, 'parent-required'],
      ['saveSyncPriority', (a) => a.saveSyncPriority(['no-such-connection'], 'p1'), 422, 'validation-failed'],
      ['removeLink', (a) => a.removeLink({ type: 'company', id: fx.linked }, fx.connection, { version: 'stale', idempotencyKey: 'k-stale' }), 409, 'version-conflict'],
      ['syncNow', (a) => a.syncNow({ type: 'company', id: fx.unlinked }, fx.connection), 409, 'not-linked'],
      ['compare', (a) => a.compare({ type: 'company', id: fx.unlinked }, { connectionId: fx.connection, actorType: 'customer', erpKey: '99999999' }), 404, 'actor-not-found'],
      ['updateConnection', (a) => a.updateConnection(fx.connection, { name: 'X', connectorId: fx.connector, scope: { kind: 'everyone' }, description: '', config: {} }, 'v999'), 409, 'version-conflict'],
      ['removeConnector', (a) => a.removeConnector(fx.connector), 409, 'connector-in-use'],
    ];
    const unsupported = target.noAdvancedSearch;
    if (unsupported) problems.push(['searchActorsAdvanced', (a) => a.searchActorsAdvanced(unsupported, 'customer', { restrictions: [] }), 422, 'advanced-search-unsupported']);
    for (const [id, call, status, code, note] of problems) {
      it(`${id}: answers ${status} ${code}${note ? ` (${note})` : ''} as problem+json the spec describes`, async () => {
        let error: unknown;
        await call(api).catch((e: unknown) => (error = e));
        assert.ok(error instanceof ErpProblem, String(error));
        const answer = last.at(-1)!;
        assert.equal(answer.status, status);
        assert.match(answer.type ?? '', /^application\/problem\+json/);
        assert.equal(JSON.parse(answer.text).code, code);
        check(id, status, 'application/problem+json', answer.text);
      });
    }
  });
}
