import type {
  ActorType,
  ActorTypeDefaults,
  ActorTypeMapping,
  AdvancedSearchRequest,
  CompareRequest,
  CompareResult,
  ConnectionInput,
  ConnectionState,
  ConnectorInput,
  EntityErpState,
  ErpConnection,
  FieldMeta,
  HistoryEvent,
  ImportRequest,
  ImportResult,
  ListItem,
  ListMapping,
  MatchSuggestion,
  NewActorFields,
  Page,
  Principal,
  ProblemBody,
  ResyncResult,
  BackgroundSyncStatus,
  SaveLinkRequest,
  SearchRequest,
  SearchResult,
  SyncConnector,
  SyncPriority,
  SyncResult,
  TestResult,
  WriteOptions,
} from '../model/types.js';
import type { Schema } from './check.js';
import { DEFAULT_TIMEOUT_MS, getConfig, type BackendConfig } from './config.js';
import type { CallOptions, EntityKey, ErpAdminBackend, ErpBackend, HistoryPageOptions, KeyedOptions, PostWriteOptions } from './erp-backend.js';
import { CLIENT_CODES, ErpProblem } from './problem.js';
import * as A from './admin-schemas.js';
import * as S from './schemas.js';
import { checkResponse } from './validate.js';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

interface RequestSpec<T> {
  /** The operation (the `operationId` in `api/openapi.yaml`), named in contract-violation problems. */
  op: string;
  /** The schema the response body must match before anything uses it (`NoContent` for 204-only operations). */
  schema: Schema<T>;
  query?: Record<string, string | null | undefined>;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

const FIELD_METAS = S.list(S.FieldMeta, 'key');
const LIST_ITEMS = S.list(S.ListItem, 'id');

const enc = encodeURIComponent;
const entityPath = (e: EntityKey) => `/entities/${enc(e.type)}/${enc(e.id)}`;
const actorPath = (connectionId: string, actorType: ActorType) =>
  `/connections/${enc(connectionId)}/actor-types/${enc(actorType)}`;
// Every request that is not a GET carries an Idempotency-Key: the caller's key for one user action
// (reused when that action is retried), else a fresh one, so a replayed request is applied once.
// Versions travel as HTTP entity tags: quoted, as the ETag header carries them.
const etag = (version: string) => `"${version}"`;
const writeHeaders = (o: WriteOptions) => ({ 'If-Match': etag(o.version), 'Idempotency-Key': o.idempotencyKey });
const postHeaders = (o?: PostWriteOptions) => ({ 'Idempotency-Key': o?.idempotencyKey || crypto.randomUUID() });
const versionHeaders = (version: string, o?: KeyedOptions) => ({
  'If-Match': etag(version),
  'Idempotency-Key': o?.idempotencyKey || crypto.randomUUID(),
});

/**
 * The REST implementation of {@link ErpBackend}, speaking the API in `api/openapi.yaml`. Without
 * explicit options it follows the global `configure()`.
 */
export class RestBackend implements ErpBackend {
  constructor(private readonly options?: Partial<BackendConfig>) {}

  private get config(): BackendConfig {
    return { ...getConfig(), ...this.options };
  }

  /**
   * Sends one request; resolves with the parsed JSON body (undefined for 204) once it matches
   * `spec.schema`, or rejects with an ErpProblem.
   */
  protected async request<T>(method: Method, path: string, spec: RequestSpec<T>): Promise<T> {
    const config = this.config;
    const url = new URL(config.baseUrl.replace(/\/$/, '') + path, globalThis.document?.baseURI);
    for (const [k, v] of Object.entries(spec.query ?? {})) if (v != null) url.searchParams.set(k, v);
    const extra = typeof config.headers === 'function' ? config.headers() : config.headers;
    const headers: Record<string, string> = {
      Accept: 'application/json, application/problem+json',
      ...extra,
      ...spec.headers,
    };
    if (spec.body !== undefined) headers['Content-Type'] = 'application/json';

    const timeout = AbortSignal.timeout(config.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    const signal = spec.signal ? AbortSignal.any([spec.signal, timeout]) : timeout;
    const doFetch = config.fetch ?? globalThis.fetch.bind(globalThis);
    let response: Response;
    let text: string;
    try {
      response = await doFetch(url.toString(), {
        method,
        headers,
        credentials: config.credentials ?? 'same-origin',
        body: spec.body === undefined ? undefined : JSON.stringify(spec.body),
        // The API never redirects: a redirect is a sign-in page in the way (an expired proxy session).
        redirect: 'manual',
        signal,
      });
      text = await response.text();
    } catch (error) {
      if (spec.signal?.aborted) throw new ErpProblem({ status: 0, code: CLIENT_CODES.aborted });
      if (timeout.aborted) throw new ErpProblem({ status: 0, code: CLIENT_CODES.timeout });
      const detail = error instanceof Error ? error.message : String(error);
      throw new ErpProblem({ status: 0, code: CLIENT_CODES.network, detail });
    }
    if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) throw signedOut(spec.op, 'a redirect');
    if (!response.ok) throw problemFrom(response.status, text, response.headers);
    const type = mediaType(response);
    if (text !== '' && type === 'text/html') throw signedOut(spec.op, 'an HTML page');
    if (text !== '' && !isJson(type)) {
      throw new ErpProblem({
        status: response.status,
        code: CLIENT_CODES.malformed,
        detail: `${spec.op}: ${method} ${path}: Content-Type ${type || '(none)'} is not JSON`,
      });
    }
    let data: unknown;
    try {
      data = response.status === 204 || text === '' ? undefined : JSON.parse(text);
    } catch {
      throw new ErpProblem({
        status: response.status,
        code: CLIENT_CODES.malformed,
        detail: `${spec.op}: ${method} ${path}`,
      });
    }
    return checkResponse(spec.op, spec.schema, data, response.status);
  }

  // ----- end user -----

  getEntityState(entity: EntityKey, o?: CallOptions) {
    return this.request<EntityErpState>('GET', `${entityPath(entity)}/erp-state`, {
      ...o,
      op: 'getEntityState',
      schema: S.EntityErpState,
    });
  }
  searchActors(connectionId: string, actorType: ActorType, body: SearchRequest, o?: KeyedOptions) {
    return this.request<SearchResult>('POST', `${actorPath(connectionId, actorType)}/search`, {
      body,
      signal: o?.signal,
      headers: postHeaders(o),
      op: 'searchActors',
      schema: S.SearchResult,
    });
  }
  getSearchableFields(connectionId: string, actorType: ActorType, o?: CallOptions) {
    return this.request<FieldMeta[]>('GET', `${actorPath(connectionId, actorType)}/searchable-fields`, {
      ...o,
      op: 'getSearchableFields',
      schema: FIELD_METAS,
    });
  }
  searchActorsAdvanced(connectionId: string, actorType: ActorType, body: AdvancedSearchRequest, o?: KeyedOptions) {
    return this.request<SearchResult>('POST', `${actorPath(connectionId, actorType)}/search-advanced`, {
      body,
      signal: o?.signal,
      headers: postHeaders(o),
      op: 'searchActorsAdvanced',
      schema: S.SearchResult,
    });
  }
  getList(connectionId: string, listName: string, o?: CallOptions) {
    return this.request<ListItem[]>('GET', `/connections/${enc(connectionId)}/lists/${enc(listName)}`, {
      ...o,
      op: 'getList',
      schema: LIST_ITEMS,
    });
  }
  compare(entity: EntityKey, body: CompareRequest, o?: KeyedOptions) {
    return this.request<CompareResult>('POST', `${entityPath(entity)}/compare`, {
      body,
      signal: o?.signal,
      headers: postHeaders(o),
      op: 'compare',
      schema: S.CompareResult,
    });
  }
  getNewActorFields(entity: EntityKey, connectionId: string, actorType: ActorType, o?: CallOptions) {
    return this.request<NewActorFields>('GET', `${entityPath(entity)}/new-actor-fields`, {
      query: { connectionId, actorType },
      ...o,
      op: 'getNewActorFields',
      schema: S.NewActorFields,
    });
  }
  saveLink(entity: EntityKey, connectionId: string, body: SaveLinkRequest, o: WriteOptions) {
    return this.request<ConnectionState>('PUT', `${entityPath(entity)}/links/${enc(connectionId)}`, {
      body,
      headers: writeHeaders(o),
      signal: o.signal,
      op: 'saveLink',
      schema: S.ConnectionState,
    });
  }
  removeLink(entity: EntityKey, connectionId: string, o: WriteOptions) {
    return this.request<ConnectionState>('DELETE', `${entityPath(entity)}/links/${enc(connectionId)}`, {
      headers: writeHeaders(o),
      signal: o.signal,
      op: 'removeLink',
      schema: S.ConnectionState,
    });
  }
  syncNow(entity: EntityKey, connectionId: string, o?: PostWriteOptions) {
    return this.request<SyncResult>('POST', `${entityPath(entity)}/links/${enc(connectionId)}/sync`, {
      signal: o?.signal,
      headers: postHeaders(o),
      op: 'syncNow',
      schema: S.SyncResult,
    });
  }
  async getMatchSuggestions(entity: EntityKey, connectionId: string, actorType: ActorType, o?: CallOptions) {
    const page = await this.request<{ suggestions: MatchSuggestion[] }>('GET', `${entityPath(entity)}/match-suggestions`, {
      query: { connectionId, actorType },
      ...o,
      op: 'getMatchSuggestions',
      schema: S.MatchSuggestionPage,
    });
    return page.suggestions;
  }
  getHistory(entity: EntityKey, connectionId: string, cursor: string | null, o?: HistoryPageOptions) {
    const { limit, ...call } = o ?? {};
    return this.request<Page<HistoryEvent>>('GET', `${entityPath(entity)}/links/${enc(connectionId)}/history`, {
      query: { cursor, limit: limit === undefined ? undefined : String(limit) },
      ...call,
      op: 'getHistory',
      schema: S.HistoryEventPage,
    });
  }
}

/**
 * The REST implementation of {@link ErpAdminBackend} as well (the administration's operations), for
 * `erp-widget/admin.js`: the end-user entry never loads it.
 */
export class RestAdminBackend extends RestBackend implements ErpAdminBackend {
  listConnectors(o?: CallOptions) {
    return this.request<SyncConnector[]>('GET', '/admin/connectors', {
      ...o,
      op: 'listConnectors',
      schema: S.list(A.SyncConnector, 'id'),
    });
  }
  addConnector(body: ConnectorInput, o?: PostWriteOptions) {
    return this.request<SyncConnector>('POST', '/admin/connectors', {
      body,
      signal: o?.signal,
      headers: postHeaders(o),
      op: 'addConnector',
      schema: A.SyncConnector,
    });
  }
  updateConnector(id: string, body: ConnectorInput, o?: KeyedOptions) {
    return this.request<SyncConnector>('PUT', `/admin/connectors/${enc(id)}`, {
      body,
      signal: o?.signal,
      headers: postHeaders(o),
      op: 'updateConnector',
      schema: A.SyncConnector,
    });
  }
  removeConnector(id: string, o?: KeyedOptions) {
    return this.request<void>('DELETE', `/admin/connectors/${enc(id)}`, {
      signal: o?.signal,
      headers: postHeaders(o),
      op: 'removeConnector',
      schema: S.NoContent,
    });
  }
  testConnectorUrl(url: string, o?: KeyedOptions) {
    return this.request<TestResult>('POST', '/admin/connectors/test-url', {
      body: { url },
      signal: o?.signal,
      headers: postHeaders(o),
      op: 'testConnectorUrl',
      schema: A.TestResult,
    });
  }
  getConnectorConfigFields(connectorId: string, o?: CallOptions) {
    return this.request<FieldMeta[]>('GET', `/admin/connectors/${enc(connectorId)}/config-fields`, {
      ...o,
      op: 'getConnectorConfigFields',
      schema: FIELD_METAS,
    });
  }
  getConnectorList(connectorId: string, listName: string, o?: CallOptions) {
    return this.request<ListItem[]>('GET', `/admin/connectors/${enc(connectorId)}/lists/${enc(listName)}`, {
      ...o,
      op: 'getConnectorList',
      schema: LIST_ITEMS,
    });
  }
  listConnections(o?: CallOptions) {
    return this.request<ErpConnection[]>('GET', '/admin/connections', {
      ...o,
      op: 'listConnections',
      schema: S.list(A.ErpConnection, 'id'),
    });
  }
  getConnection(id: string, o?: CallOptions) {
    return this.request<ErpConnection>('GET', `/admin/connections/${enc(id)}`, {
      ...o,
      op: 'getConnection',
      schema: A.ErpConnection,
    });
  }
  addConnection(body: ConnectionInput, o?: PostWriteOptions) {
    return this.request<ErpConnection>('POST', '/admin/connections', {
      body,
      signal: o?.signal,
      headers: postHeaders(o),
      op: 'addConnection',
      schema: A.ErpConnection,
    });
  }
  updateConnection(id: string, body: ConnectionInput, version: string, o?: KeyedOptions) {
    return this.request<ErpConnection>('PUT', `/admin/connections/${enc(id)}`, {
      body,
      headers: versionHeaders(version, o),
      signal: o?.signal,
      op: 'updateConnection',
      schema: A.ErpConnection,
    });
  }
  removeConnection(id: string, o?: KeyedOptions) {
    return this.request<void>('DELETE', `/admin/connections/${enc(id)}`, {
      signal: o?.signal,
      headers: postHeaders(o),
      op: 'removeConnection',
      schema: S.NoContent,
    });
  }
  testConnectionConfig(body: ConnectionInput, o?: KeyedOptions) {
    return this.request<TestResult>('POST', '/admin/connections/test', {
      body,
      signal: o?.signal,
      headers: postHeaders(o),
      op: 'testConnectionConfig',
      schema: A.TestResult,
    });
  }
  testConnection(id: string, o?: KeyedOptions) {
    return this.request<TestResult>('POST', `/admin/connections/${enc(id)}/test`, {
      signal: o?.signal,
      headers: postHeaders(o),
      op: 'testConnection',
      schema: A.TestResult,
    });
  }
  setConnectionActive(id: string, active: boolean, o?: KeyedOptions) {
    return this.request<ErpConnection>('PUT', `/admin/connections/${enc(id)}/active`, {
      body: { active },
      signal: o?.signal,
      headers: postHeaders(o),
      op: 'setConnectionActive',
      schema: A.ErpConnection,
    });
  }
  listPrincipals(q: string, o?: CallOptions) {
    return this.request<Principal[]>('GET', '/admin/principals', {
      query: { q },
      ...o,
      op: 'listPrincipals',
      schema: S.list(A.Principal, 'id'),
    });
  }
  getActorTypeMapping(connectionId: string, actorType: ActorType, o?: CallOptions) {
    return this.request<ActorTypeMapping>('GET', `/admin${actorPath(connectionId, actorType)}/mapping`, {
      ...o,
      op: 'getActorTypeMapping',
      schema: A.ActorTypeMapping,
    });
  }
  saveActorTypeMapping(connectionId: string, body: ActorTypeMapping, o?: KeyedOptions) {
    return this.request<ActorTypeMapping>('PUT', `/admin${actorPath(connectionId, body.actorType)}/mapping`, {
      body,
      headers: versionHeaders(body.version, o),
      signal: o?.signal,
      op: 'saveActorTypeMapping',
      schema: A.ActorTypeMapping,
    });
  }
  getListMapping(connectionId: string, listName: string, o?: CallOptions) {
    return this.request<ListMapping>('GET', `/admin/connections/${enc(connectionId)}/list-mappings/${enc(listName)}`, {
      ...o,
      op: 'getListMapping',
      schema: A.ListMapping,
    });
  }
  saveListMapping(connectionId: string, body: ListMapping, o?: KeyedOptions) {
    return this.request<ListMapping>('PUT', `/admin/connections/${enc(connectionId)}/list-mappings/${enc(body.listName)}`, {
      body,
      headers: versionHeaders(body.version, o),
      signal: o?.signal,
      op: 'saveListMapping',
      schema: A.ListMapping,
    });
  }
  getDefaults(connectionId: string, actorType: ActorType, o?: CallOptions) {
    return this.request<ActorTypeDefaults>('GET', `/admin${actorPath(connectionId, actorType)}/defaults`, {
      ...o,
      op: 'getDefaults',
      schema: A.ActorTypeDefaults,
    });
  }
  saveDefaults(connectionId: string, actorType: ActorType, body: ActorTypeDefaults, o?: KeyedOptions) {
    return this.request<ActorTypeDefaults>('PUT', `/admin${actorPath(connectionId, actorType)}/defaults`, {
      body,
      headers: versionHeaders(body.version, o),
      signal: o?.signal,
      op: 'saveDefaults',
      schema: A.ActorTypeDefaults,
    });
  }
  saveRank(connectionId: string, actorType: ActorType, order: string[], version: string, o?: KeyedOptions) {
    return this.request<ActorTypeMapping>('PUT', `/admin${actorPath(connectionId, actorType)}/rank`, {
      body: { order },
      headers: versionHeaders(version, o),
      signal: o?.signal,
      op: 'saveRank',
      schema: A.ActorTypeMapping,
    });
  }
  saveSyncPriority(order: string[], version: string, o?: KeyedOptions) {
    return this.request<SyncPriority>('PUT', '/admin/sync-priority', {
      body: { order },
      headers: versionHeaders(version, o),
      signal: o?.signal,
      op: 'saveSyncPriority',
      schema: A.SyncPriority,
    });
  }
  resync(connectionId: string, o?: PostWriteOptions) {
    return this.request<ResyncResult>('POST', `/admin/connections/${enc(connectionId)}/resync`, {
      signal: o?.signal,
      headers: postHeaders(o),
      op: 'resync',
      schema: A.ResyncResult,
    });
  }
  getBackgroundSync(connectionId: string, o?: CallOptions) {
    return this.request<BackgroundSyncStatus>('GET', `/admin/connections/${enc(connectionId)}/background`, {
      ...o,
      op: 'getBackgroundSync',
      schema: A.BackgroundSyncStatus,
    });
  }
  runBackgroundSync(connectionId: string, o?: PostWriteOptions) {
    return this.request<BackgroundSyncStatus>('POST', `/admin/connections/${enc(connectionId)}/background/run`, {
      signal: o?.signal,
      headers: postHeaders(o),
      op: 'runBackgroundSync',
      schema: A.BackgroundSyncStatus,
    });
  }
  setBackgroundSyncPaused(connectionId: string, paused: boolean, o?: KeyedOptions) {
    return this.request<BackgroundSyncStatus>('PUT', `/admin/connections/${enc(connectionId)}/background/paused`, {
      body: { paused },
      signal: o?.signal,
      headers: postHeaders(o),
      op: 'setBackgroundSyncPaused',
      schema: A.BackgroundSyncStatus,
    });
  }
  importActors(connectionId: string, body: ImportRequest, o?: PostWriteOptions) {
    return this.request<ImportResult>('POST', `/admin/connections/${enc(connectionId)}/import`, {
      body,
      signal: o?.signal,
      headers: postHeaders(o),
      op: 'importActors',
      schema: A.ImportResult,
    });
  }
}

const mediaType = (response: Response) => (response.headers.get('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();
const isJson = (type: string) => type === 'application/json' || type.endsWith('+json');

/** A sign-in page where the API should answer: the session ended; the user must sign in again (as for a 401). */
function signedOut(op: string, what: string): ErpProblem {
  return new ErpProblem({ status: 401, code: CLIENT_CODES.signedOut, detail: `${op}: the server answered with ${what}, not the API` });
}

/** `Retry-After` in seconds from now (delta-seconds or an HTTP date), if the answer carries one. */
function retryAfterSeconds(headers: Headers): number | undefined {
  const value = headers.get('Retry-After')?.trim();
  if (!value) return undefined;
  const seconds = /^\d+$/.test(value) ? Number(value) : Math.ceil((Date.parse(value) - Date.now()) / 1000);
  return Number.isFinite(seconds) ? Math.max(0, seconds) : undefined;
}

function problemFrom(status: number, text: string, headers: Headers): ErpProblem {
  const retryAfter = retryAfterSeconds(headers);
  try {
    const body = JSON.parse(text) as Partial<ProblemBody>;
    if (body && typeof body === 'object') {
      return new ErpProblem({
        status,
        code: typeof body.code === 'string' ? body.code : `http-${status}`,
        detail: typeof body.detail === 'string' ? body.detail : undefined,
        title: typeof body.title === 'string' ? body.title : undefined,
        type: typeof body.type === 'string' ? body.type : undefined,
        field: typeof body.field === 'string' ? body.field : undefined,
        retryAfter,
      });
    }
  } catch {
    // not JSON: fall through to a problem built from the status alone
  }
  return new ErpProblem({ status, code: `http-${status}`, retryAfter });
}
