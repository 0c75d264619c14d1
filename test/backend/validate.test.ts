// Runtime validation of responses: a body that breaks the contract is a `contract-violation` ErpProblem
// naming the operation and the field (JSON pointer), never data handed to the elements.
import { expect } from '@open-wc/testing';
import { RestAdminBackend } from '../../src/backend/rest-backend.js';
import { problemMessage } from '../../src/i18n/problem-message.js';
import type { EntityErpState } from '../../src/model/types.js';
import { rejection } from '../helpers/problems.js';

const company = { type: 'company' as const, id: 'c1' };
const good: EntityErpState = {
  entity: { ...company, name: 'Acme' },
  available: true,
  connections: [
    {
      id: 'erp',
      name: 'ERP',
      actorTypes: [{ type: 'customer', available: true }],
      link: { actorType: 'customer', erpKey: 'K1', displayName: 'Acme AG', lastSynced: null, status: 'ok' },
      fields: [
        {
          field: { key: 'name', label: 'Name', type: 'text', access: 'normal' },
          value: 'Acme',
          displayValue: 'Acme',
        },
      ],
      canCreateActors: true,
      supportsAdvancedSearch: false,
      version: 'v1',
    },
  ],
};

const answering = (body: unknown, status = 200) =>
  new RestAdminBackend({
    baseUrl: '/api/erp',
    fetch: async () =>
      new Response(body === undefined ? null : JSON.stringify(body), {
        status,
        headers: { 'Content-Type': 'application/json' },
      }),
  });


/** A deep copy of `good` with one change. */
function broken(change: (state: Record<string, unknown> & EntityErpState) => void): unknown {
  const copy = structuredClone(good) as Record<string, unknown> & EntityErpState;
  change(copy);
  return copy;
}

describe('RestBackend response validation', () => {
  it('accepts every form of a date-time RFC 3339 allows', async () => {
    for (const lastSynced of ['2025-06-01T10:00:00Z', '2025-06-01T10:00:00.123Z', '2024-02-29T23:59:59+02:00', '2025-06-01t10:00:00z']) {
      const body = broken((s) => (s.connections[0].link!.lastSynced = lastSynced));
      expect((await answering(body).getEntityState(company)).connections[0]!.link!.lastSynced, lastSynced).to.equal(lastSynced);
    }
  });

  it('passes a body that matches the contract through unchanged', async () => {
    expect(await answering(good).getEntityState(company)).to.deep.equal(good);
  });

  it('accepts properties the contract does not know (a newer server may send more)', async () => {
    const result = await answering({ ...good, extra: 1 }).getEntityState(company);
    expect(result).to.deep.include(good);
  });

  const cases: [string, unknown, string][] = [
    ['a missing required field', broken((s) => delete (s.connections[0] as Partial<typeof s.connections[0]>).version), '/connections/0/version'],
    ['a wrong type deep inside', broken((s) => ((s.connections[0].fields[0] as unknown as { value: unknown }).value = { x: 1 })), '/connections/0/fields/0/value'],
    ['an unknown enum value', broken((s) => ((s.connections[0].link as { status: string }).status = 'weird')), '/connections/0/link/status'],
    ['null where null is not allowed', broken((s) => ((s as { connections: unknown }).connections = null)), '/connections'],
    ['an array where an object belongs', [good], ''],
    ['a string where an object belongs', 'ok', ''],
    ['no body at all', undefined, ''],
    // Semantic: the right type, but not a value the contract allows (api/openapi.yaml states the rules).
    ['a date that is not a date', broken((s) => (s.connections[0].link!.lastSynced = 'NOT-A-DATE-xyz')), '/connections/0/link/lastSynced'],
    ['a date without seconds', broken((s) => (s.connections[0].link!.lastSynced = '2025-06-01T10:00Z')), '/connections/0/link/lastSynced'],
    ['the 31st of April', broken((s) => (s.connections[0].link!.lastSynced = '2025-04-31T10:00:00Z')), '/connections/0/link/lastSynced'],
    ['a count above its range', broken((s) => (s.connections[0].link!.pendingChanges = 1e308)), '/connections/0/link/pendingChanges'],
    ['a negative count', broken((s) => (s.connections[0].link!.pendingConflicts = -1)), '/connections/0/link/pendingConflicts'],
    ['duplicate connection ids', broken((s) => s.connections.push(structuredClone(s.connections[0]))), '/connections/1/id'],
    ['duplicate field keys in one connection', broken((s) => s.connections[0].fields.push(structuredClone(s.connections[0].fields[0]))), '/connections/0/fields/1/field/key'],
    ['a version that is not a version', broken((s) => (s.connections[0].version = 'v 1 "quoted"')), '/connections/0/version'],
    ['an empty version', broken((s) => (s.connections[0].version = '')), '/connections/0/version'],
  ];
  for (const [name, body, field] of cases) {
    it(`rejects ${name} with contract-violation naming the operation and ${field || 'the body'}`, async () => {
      const problem = await rejection(answering(body).getEntityState(company));
      expect(problem.code).to.equal('contract-violation');
      expect(problem.status).to.equal(200);
      expect(problem.field).to.equal(field);
      expect(problem.detail).to.contain('getEntityState');
      expect(problem.detail).to.contain(field || '(body)');
      expect(problemMessage(problem)).to.equal(
        'The server sent an answer in an unexpected format, so it is not shown. Ask an administrator.',
      );
    });
  }

  it('checks list items and wrapped lists (getMatchSuggestions, listPrincipals)', async () => {
    const suggestions = await rejection(
      answering({ suggestions: [{ key: 'K', displayName: 'A', strength: 'very', reasons: [] }] }).getMatchSuggestions(
        company,
        'erp',
        'customer',
      ),
    );
    expect(suggestions.field).to.equal('/suggestions/0/strength');
    const principals = await rejection(answering([{ id: 'u', kind: 'user', name: 7 }]).listPrincipals(''));
    expect(principals.field).to.equal('/0/name');
    expect(principals.detail).to.contain('listPrincipals');
  });

  it('checks the variant of a sync result by its status', async () => {
    const problem = await rejection(
      answering({ status: 'conflict', connection: good.connections[0] }).syncNow(company, 'erp'),
    );
    expect(problem.field).to.equal('/conflicts');
  });

  it('escapes "/" and "~" in field pointers', async () => {
    const problem = await rejection(answering({ listName: 'l', crmListName: 'c', erpItems: [], crmItems: [], map: { 'a/b~c': 5 }, version: 'v' }).getListMapping('c', 'l'));
    expect(problem.field).to.equal('/map/a~1b~0c');
  });
});
