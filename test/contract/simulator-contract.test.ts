// Contract tests: every answer of the simulated ERP (simulated-erp), for every operation, driven through
// RestBackend and the real HTTP layer (msw), is validated with ajv against the JSON Schemas in
// api/openapi.yaml, so the mock cannot drift from the spec. Problem answers are checked too.
import { expect } from '@open-wc/testing';
import { parse } from 'yaml';
import { configure } from '../../src/backend/config.js';
import { ErpProblem } from '../../src/backend/problem.js';
import { RestAdminBackend } from '../../src/backend/rest-backend.js';
import { OPERATIONS, type OperationName } from '../../simulated-erp/faults.js';
import { useSimulator } from '../helpers/sim.js';
import { CALLS, NO_CONTENT } from '../hardening/operations.js';
import { Ajv2020, addFormats } from './vendor/ajv.mjs';
import * as contract from '../../src/backend/contract.generated.js';

// The generated checks of the named schemas (the module also holds the operations' descriptors).
const runtimeSchemas = Object.fromEntries(Object.entries(contract).filter(([, value]) => 'check' in value));

// Read before the msw worker starts (it watches /api/), straight from the repository.
const specText = await (await fetch('/api/openapi.yaml')).text();

interface Operation {
  method: string;
  path: string;
  op: { operationId: string; responses: Record<string, { $ref?: string; content?: Record<string, unknown> }> };
}
type Spec = {
  paths: Record<string, Record<string, Operation['op']>>;
  components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
};

const spec = parse(specText) as Spec;
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
const pick = (item: unknown, by: string) => by.split('.').reduce<unknown>((o, key) => (o as Record<string, unknown> | undefined)?.[key], item);
// The spec's own keyword: no two items of the list share the value at that (dotted) path.
ajv.addKeyword({
  keyword: 'x-unique-by',
  type: 'array',
  schemaType: 'string',
  validate: (by: string, data: unknown[]) => new Set(data.map((item) => pick(item, by))).size === data.length,
});
ajv.addSchema(spec as object, 'openapi');

const esc = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');
const operations = new Map<string, Operation>();
for (const [path, item] of Object.entries(spec.paths))
  for (const [method, op] of Object.entries(item))
    if (op && typeof op === 'object' && 'operationId' in op) operations.set(op.operationId, { method, path, op });

/** JSON pointer (into the spec) of the application/json-like schema of one response of an operation. */
function responsePointer(id: string, status: number, media = 'application/json'): string | undefined {
  const { method, path, op } = operations.get(id)!;
  const response = op.responses[String(status)] ?? op.responses['default'];
  if (!response) return undefined;
  const base = response.$ref
    ? response.$ref.slice(1)
    : `/paths/${esc(path)}/${method}/responses/${response === op.responses['default'] ? 'default' : status}`;
  return `openapi#${base}/content/${esc(media)}/schema`;
}

function validator(pointer: string) {
  return ajv.getSchema(pointer) ?? ajv.compile({ $ref: pointer });
}

/** A fetch that keeps the last answer's status and body text. */
function recordingFetch() {
  const last: { status: number; text: string; contentType: string | null }[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const response = await globalThis.fetch(input, init);
    last.push({ status: response.status, text: await response.clone().text(), contentType: response.headers.get('Content-Type') });
    return response;
  };
  return { fetch, last };
}

function errorsText(errors: unknown): string {
  return JSON.stringify(errors, null, 1);
}

describe('contract: the simulated ERP answers as api/openapi.yaml says', () => {
  useSimulator();
  let recorder: ReturnType<typeof recordingFetch>;
  let api: RestAdminBackend;
  beforeEach(() => {
    recorder = recordingFetch();
    configure({ fetch: recorder.fetch });
    api = new RestAdminBackend();
  });
  afterEach(() => configure({ fetch: undefined }));

  it('has one operation in the spec per simulated operation, and no other', () => {
    expect([...operations.keys()].sort()).to.deep.equal([...OPERATIONS].sort());
  });

  for (const id of OPERATIONS) {
    it(`${id}: the success answer matches the spec's response schema`, async () => {
      const call = await CALLS[id](api);
      const before = recorder.last.length;
      await call();
      const answer = recorder.last[before]!;
      expect(recorder.last.length, 'one request per call').to.equal(before + 1);
      if (NO_CONTENT.has(id)) {
        expect(answer.status).to.equal(204);
        expect(answer.text).to.equal('');
        expect(operations.get(id)!.op.responses['204'], 'the spec declares 204').to.exist;
        return;
      }
      expect(answer.contentType).to.match(/^application\/json/);
      const pointer = responsePointer(id, answer.status);
      expect(pointer, `the spec declares ${answer.status} for ${id}`).to.be.a('string');
      const validate = validator(pointer!);
      const ok = validate(JSON.parse(answer.text));
      expect(ok, `${id} ${answer.status}: ${errorsText(validate.errors)}`).to.equal(true);
    });
  }

  const failures: [OperationName, (api: RestAdminBackend) => Promise<unknown>, number][] = [
    ['getEntityState', (a) => a.getEntityState({ type: 'company', id: 'no-such-record' }), 404],
    ['getConnection', (a) => a.getConnection('no-such-connection'), 404],
    ['searchActors', (a) => a.searchActors('conn-a', 'customer', { text: 'a', cursor: 'not-a-cursor' }), 400],
    ['saveSyncPriority', (a) => a.saveSyncPriority(['no-such-connection'], 'p1'), 422],
    [
      'removeLink',
      (a) => a.removeLink({ type: 'company', id: 'c1' }, 'conn-a', { version: 'stale', idempotencyKey: 'k-stale' }),
      409,
    ],
  ];
  for (const [id, call, status] of failures) {
    it(`${id}: a ${status} problem answer is application/problem+json matching the spec`, async () => {
      let problem: unknown;
      await call(api).catch((error: unknown) => (problem = error));
      expect(problem).to.be.instanceOf(ErpProblem);
      const answer = recorder.last.at(-1)!;
      expect(answer.status).to.equal(status);
      expect(answer.contentType).to.match(/^application\/problem\+json/);
      const pointer = responsePointer(id, status, 'application/problem+json');
      expect(pointer, `the spec declares ${status} for ${id}`).to.be.a('string');
      const validate = validator(pointer!);
      expect(validate(JSON.parse(answer.text)), errorsText(validate.errors)).to.equal(true);
    });
  }

  it('the generated runtime schemas (src/backend/contract.generated.ts) check exactly the properties the spec declares', () => {
    let compared = 0;
    for (const [name, schema] of Object.entries(runtimeSchemas)) {
      const entries = (schema as { type?: string; entries?: Record<string, unknown> }).entries;
      const specSchema = spec.components.schemas[name];
      if ((schema as { type?: string }).type !== 'object' || !entries || !specSchema?.properties) continue;
      compared++;
      expect(Object.keys(entries).sort(), name).to.deep.equal(Object.keys(specSchema.properties).sort());
    }
    expect(compared).to.be.greaterThan(15);
  });

  it('the runtime schemas check the ranges, forms and unique keys the spec states, at every depth', () => {
    type RuntimeSchema = { type?: string; entries?: Record<string, RuntimeSchema>; items?: RuntimeSchema; rules?: Record<string, unknown> };
    type SpecSchema = Record<string, unknown> & { $ref?: string; oneOf?: SpecSchema[]; properties?: Record<string, SpecSchema>; items?: SpecSchema };
    const deref = (s: SpecSchema): SpecSchema => {
      if (s.$ref) return deref(spec.components.schemas[s.$ref.split('/').pop()!] as SpecSchema);
      const notNull = s.oneOf?.filter((o) => o.type !== 'null');
      return notNull?.length === 1 ? deref(notNull[0]!) : s;
    };
    // Formats the client does not check (a URL is only shown, never followed) are left out.
    const specRules = (s: SpecSchema) =>
      Object.fromEntries(
        Object.entries(s).filter(([k, v]) => ['minimum', 'maximum', 'pattern', 'x-unique-by'].includes(k) || (k === 'format' && v === 'date-time')),
      );
    const mismatches: string[] = [];
    let compared = 0;
    const walk = (runtime: RuntimeSchema, specSchema: SpecSchema, where: string) => {
      const s = deref(specSchema);
      compared++;
      const want = specRules(s);
      const got = runtime.rules ?? {};
      if (JSON.stringify(Object.entries(got).sort()) !== JSON.stringify(Object.entries(want).sort()))
        mismatches.push(`${where}: runtime ${JSON.stringify(got)}, spec ${JSON.stringify(want)}`);
      if (runtime.entries && s.properties)
        for (const [key, entry] of Object.entries(runtime.entries)) if (s.properties[key]) walk(entry, s.properties[key]!, `${where}.${key}`);
      if (runtime.items && s.items) walk(runtime.items, s.items, `${where}[]`);
    };
    for (const [name, schema] of Object.entries(runtimeSchemas)) {
      const specSchema = spec.components.schemas[name];
      if (specSchema) walk(schema as RuntimeSchema, specSchema as SpecSchema, name);
    }
    expect(mismatches, mismatches.join('\n')).to.deep.equal([]);
    expect(compared).to.be.greaterThan(100);
  });

  it('can fail: a body that breaks the spec is reported by the same validator', () => {
    const validate = validator(responsePointer('getEntityState', 200)!);
    expect(validate({ entity: { type: 'company', id: 'c1', name: 'A' }, available: 'yes', connections: [] })).to.equal(false);
    expect(errorsText(validate.errors)).to.contain('/available');
  });
});
