// A small in-memory ErpBackend for the connect dialog's tests: records every call, can hold
// responses back (to reorder them) and fail on demand.
import type { CallOptions, EntityKey, ErpBackend } from '../../src/backend/erp-backend.js';
import { ErpProblem } from '../../src/backend/problem.js';
import type {
  ActorRow,
  ActorType,
  AdvancedSearchRequest,
  CompareRequest,
  CompareResult,
  ConnectionState,
  FieldMeta,
  ListItem,
  NewActorFields,
  SearchRequest,
  SearchResult,
} from '../../src/model/types.js';

export interface Call {
  method: string;
  args: unknown[];
  signal?: AbortSignal;
}

export const columns: FieldMeta[] = [
  { key: 'name', label: 'Name', type: 'text', access: 'normal' },
  { key: 'number', label: 'Number', type: 'text', access: 'normal' },
  { key: 'city', label: 'City', type: 'text', access: 'normal' },
];

export const searchableFields: FieldMeta[] = [
  { key: 'name', label: 'Name', type: 'text', access: 'normal' },
  { key: 'employees', label: 'Employees', type: 'integer', access: 'normal' },
  { key: 'category', label: 'Category', type: 'list', listName: 'categories', access: 'normal' },
  { key: 'created', label: 'Created', type: 'datetime', access: 'normal' },
];

export const categories: ListItem[] = [
  { id: 'c1', label: 'Retail' },
  { id: 'c2', label: 'Wholesale' },
  { id: 'c3', label: 'Public sector' },
];

export function makeRows(count: number, prefix = 'Customer'): ActorRow[] {
  return Array.from({ length: count }, (_, i) => {
    const n = String(i + 1).padStart(5, '0');
    return {
      key: `K${n}`,
      displayName: `${prefix} ${n}`,
      cells: { name: `${prefix} ${n}`, number: n, city: i % 2 ? 'Oslo' : 'Utrecht' },
    };
  });
}

export const compareResult: CompareResult = {
  fields: [
    {
      field: { key: 'name', label: 'Name', type: 'text', access: 'normal' },
      direction: 'both',
      crmValue: 'Acme',
      erpValue: 'ACME Ltd',
      crmDisplay: 'Acme',
      erpDisplay: 'ACME Ltd',
      differs: true,
    },
    {
      field: { key: 'phone', label: 'Phone', type: 'text', access: 'normal' },
      direction: 'crm-to-erp',
      crmValue: '+47 1',
      erpValue: '+47 2',
      crmDisplay: '+47 1',
      erpDisplay: '+47 2',
      differs: true,
    },
    {
      field: { key: 'city', label: 'City', type: 'text', access: 'normal' },
      direction: 'erp-to-crm',
      crmValue: 'Bergen',
      erpValue: 'Oslo',
      crmDisplay: 'Bergen',
      erpDisplay: 'Oslo',
      differs: true,
    },
  ],
  askFields: [],
};

export const newActorFields: NewActorFields = {
  fields: [{ field: { key: 'name', label: 'Name', type: 'text', access: 'mandatory' }, value: 'Acme' }],
};

export function connection(overrides: Partial<ConnectionState> = {}): ConnectionState {
  return {
    id: 'c1',
    name: 'Test ERP',
    actorTypes: [{ type: 'customer', available: true }],
    link: null,
    fields: [],
    canCreateActors: true,
    supportsAdvancedSearch: true,
    version: '1',
    ...overrides,
  };
}

type Gate = (call: Call) => Promise<void> | void;

export class FakeBackend {
  calls: Call[] = [];
  rows: ActorRow[];
  /** Runs before each answer: await something here to delay it, or throw to fail it. */
  gate: Gate = () => undefined;

  constructor(rowCount = 120) {
    this.rows = makeRows(rowCount);
  }

  callsOf(method: string): Call[] {
    return this.calls.filter((c) => c.method === method);
  }

  private async record<T>(method: string, args: unknown[], options: CallOptions | undefined, answer: () => T): Promise<T> {
    const call: Call = { method, args, signal: options?.signal };
    this.calls.push(call);
    await this.gate(call);
    if (options?.signal?.aborted) throw new ErpProblem({ status: 0, code: 'aborted' });
    return answer();
  }

  private page(rows: ActorRow[], cursor: string | null | undefined, limit = 50): SearchResult {
    const start = cursor ? Number(cursor) : 0;
    const slice = rows.slice(start, start + limit);
    const next = start + limit < rows.length ? String(start + limit) : null;
    return { columns, rows: slice, total: rows.length, nextCursor: next };
  }

  readonly api = {
    searchActors: (connectionId: string, actorType: ActorType, request: SearchRequest, options?: CallOptions) =>
      this.record('searchActors', [connectionId, actorType, request], options, () => {
        const text = request.text.toLowerCase();
        const rows = this.rows.filter((r) => r.displayName.toLowerCase().includes(text));
        return this.page(rows, request.cursor, request.limit);
      }),
    getSearchableFields: (connectionId: string, actorType: ActorType, options?: CallOptions) =>
      this.record('getSearchableFields', [connectionId, actorType], options, () => searchableFields),
    searchActorsAdvanced: (
      connectionId: string,
      actorType: ActorType,
      request: AdvancedSearchRequest,
      options?: CallOptions,
    ) =>
      this.record('searchActorsAdvanced', [connectionId, actorType, request], options, () =>
        this.page(this.rows.slice(0, 3), request.cursor, request.limit),
      ),
    getList: (connectionId: string, listName: string, options?: CallOptions) =>
      this.record('getList', [connectionId, listName], options, () => categories),
    compare: (entity: EntityKey, request: CompareRequest, options?: CallOptions) =>
      this.record('compare', [entity, request], options, () => compareResult),
    getNewActorFields: (entity: EntityKey, connectionId: string, actorType: ActorType, options?: CallOptions) =>
      this.record('getNewActorFields', [entity, connectionId, actorType], options, () => newActorFields),
  };

  get backend(): ErpBackend {
    const unexpected = (name: string) => () => Promise.reject(new Error(`unexpected call: ${name}`));
    return {
      ...this.api,
      getEntityState: unexpected('getEntityState'),
      saveLink: unexpected('saveLink'),
      removeLink: unexpected('removeLink'),
      syncNow: unexpected('syncNow'),
      getMatchSuggestions: unexpected('getMatchSuggestions'),
      getHistory: unexpected('getHistory'),
    } as ErpBackend;
  }
}

// deferred(): test/helpers/events.ts
export { deferred } from '../helpers/events.js';
