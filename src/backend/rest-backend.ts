import type {
  ActorType,
  ActorTypeMapping,
  AdvancedSearchRequest,
  CompareRequest,
  CompareResult,
  ConnectionInput,
  ConnectionState,
  ConnectorInput,
  DefaultValue,
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
  SaveLinkRequest,
  SearchRequest,
  SearchResult,
  SyncConnector,
  SyncResult,
  TestResult,
  WriteOptions,
} from '../model/types.js';
import { DEFAULT_TIMEOUT_MS, getConfig, type BackendConfig } from './config.js';
import type { CallOptions, EntityKey, ErpAdminBackend, ErpBackend } from './erp-backend.js';
import { CLIENT_CODES, ErpProblem } from './problem.js';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

interface RequestSpec {
  query?: Record<string, string | null | undefined>;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

const enc = encodeURIComponent;
const entityPath = (e: EntityKey) => `/entities/${enc(e.type)}/${enc(e.id)}`;
const actorPath = (connectionId: string, actorType: ActorType) =>
  `/connections/${enc(connectionId)}/actor-types/${enc(actorType)}`;
const writeHeaders = (o: WriteOptions) => ({ 'If-Match': o.version, 'Idempotency-Key': o.idempotencyKey });

/**
 * The REST implementation of {@link ErpBackend} and {@link ErpAdminBackend}, speaking the API in
 * `api/openapi.yaml`. Without explicit options it follows the global `configure()`.
 */
export class RestBackend implements ErpBackend, ErpAdminBackend {
  constructor(private readonly options?: Partial<BackendConfig>) {}

  private get config(): BackendConfig {
    return { ...getConfig(), ...this.options };
  }

  /** Sends one request; resolves with the parsed JSON body (undefined for 204) or rejects with an ErpProblem. */
  protected async request<T>(method: Method, path: string, spec: RequestSpec = {}): Promise<T> {
    const config = this.config;
    const url = new URL(config.baseUrl.replace(/\/$/, '') + path, document.baseURI);
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
        signal,
      });
      text = await response.text();
    } catch (error) {
      if (spec.signal?.aborted) throw new ErpProblem({ status: 0, code: CLIENT_CODES.aborted });
      if (timeout.aborted) throw new ErpProblem({ status: 0, code: CLIENT_CODES.timeout });
      const detail = error instanceof Error ? error.message : String(error);
      throw new ErpProblem({ status: 0, code: CLIENT_CODES.network, detail });
    }
    if (!response.ok) throw problemFrom(response.status, text);
    if (response.status === 204 || text === '') return undefined as T;
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new ErpProblem({
        status: response.status,
        code: CLIENT_CODES.malformed,
        detail: `${method} ${path}`,
      });
    }
  }

  // ----- end user -----

  getEntityState(entity: EntityKey, o?: CallOptions) {
    return this.request<EntityErpState>('GET', `${entityPath(entity)}/erp-state`, o);
  }
  searchActors(connectionId: string, actorType: ActorType, body: SearchRequest, o?: CallOptions) {
    return this.request<SearchResult>('POST', `${actorPath(connectionId, actorType)}/search`, { body, ...o });
  }
  getSearchableFields(connectionId: string, actorType: ActorType, o?: CallOptions) {
    return this.request<FieldMeta[]>('GET', `${actorPath(connectionId, actorType)}/searchable-fields`, o);
  }
  searchActorsAdvanced(connectionId: string, actorType: ActorType, body: AdvancedSearchRequest, o?: CallOptions) {
    return this.request<SearchResult>('POST', `${actorPath(connectionId, actorType)}/search-advanced`, {
      body,
      ...o,
    });
  }
  getList(connectionId: string, listName: string, o?: CallOptions) {
    return this.request<ListItem[]>('GET', `/connections/${enc(connectionId)}/lists/${enc(listName)}`, o);
  }
  compare(entity: EntityKey, body: CompareRequest, o?: CallOptions) {
    return this.request<CompareResult>('POST', `${entityPath(entity)}/compare`, { body, ...o });
  }
  getNewActorFields(entity: EntityKey, connectionId: string, actorType: ActorType, o?: CallOptions) {
    return this.request<NewActorFields>('GET', `${entityPath(entity)}/new-actor-fields`, {
      query: { connectionId, actorType },
      ...o,
    });
  }
  saveLink(entity: EntityKey, connectionId: string, body: SaveLinkRequest, o: WriteOptions) {
    return this.request<ConnectionState>('PUT', `${entityPath(entity)}/links/${enc(connectionId)}`, {
      body,
      headers: writeHeaders(o),
      signal: o.signal,
    });
  }
  removeLink(entity: EntityKey, connectionId: string, o: WriteOptions) {
    return this.request<ConnectionState>('DELETE', `${entityPath(entity)}/links/${enc(connectionId)}`, {
      headers: writeHeaders(o),
      signal: o.signal,
    });
  }
  syncNow(entity: EntityKey, connectionId: string, o?: CallOptions) {
    return this.request<SyncResult>('POST', `${entityPath(entity)}/links/${enc(connectionId)}/sync`, o);
  }
  async getMatchSuggestions(entity: EntityKey, connectionId: string, actorType: ActorType, o?: CallOptions) {
    const page = await this.request<{ suggestions: MatchSuggestion[] }>(
      'GET',
      `${entityPath(entity)}/match-suggestions`,
      { query: { connectionId, actorType }, ...o },
    );
    return page.suggestions;
  }
  getHistory(entity: EntityKey, connectionId: string, cursor: string | null, o?: CallOptions) {
    return this.request<Page<HistoryEvent>>('GET', `${entityPath(entity)}/links/${enc(connectionId)}/history`, {
      query: { cursor },
      ...o,
    });
  }

  // ----- administration -----

  listConnectors(o?: CallOptions) {
    return this.request<SyncConnector[]>('GET', '/admin/connectors', o);
  }
  addConnector(body: ConnectorInput, o?: CallOptions) {
    return this.request<SyncConnector>('POST', '/admin/connectors', { body, ...o });
  }
  updateConnector(id: string, body: ConnectorInput, o?: CallOptions) {
    return this.request<SyncConnector>('PUT', `/admin/connectors/${enc(id)}`, { body, ...o });
  }
  removeConnector(id: string, o?: CallOptions) {
    return this.request<void>('DELETE', `/admin/connectors/${enc(id)}`, o);
  }
  testConnectorUrl(url: string, o?: CallOptions) {
    return this.request<TestResult>('POST', '/admin/connectors/test-url', { body: { url }, ...o });
  }
  getConnectorConfigFields(connectorId: string, o?: CallOptions) {
    return this.request<FieldMeta[]>('GET', `/admin/connectors/${enc(connectorId)}/config-fields`, o);
  }
  getConnectorList(connectorId: string, listName: string, o?: CallOptions) {
    return this.request<ListItem[]>('GET', `/admin/connectors/${enc(connectorId)}/lists/${enc(listName)}`, o);
  }
  listConnections(o?: CallOptions) {
    return this.request<ErpConnection[]>('GET', '/admin/connections', o);
  }
  getConnection(id: string, o?: CallOptions) {
    return this.request<ErpConnection>('GET', `/admin/connections/${enc(id)}`, o);
  }
  addConnection(body: ConnectionInput, o?: CallOptions) {
    return this.request<ErpConnection>('POST', '/admin/connections', { body, ...o });
  }
  updateConnection(id: string, body: ConnectionInput, version: string, o?: CallOptions) {
    return this.request<ErpConnection>('PUT', `/admin/connections/${enc(id)}`, {
      body,
      headers: { 'If-Match': version },
      ...o,
    });
  }
  removeConnection(id: string, o?: CallOptions) {
    return this.request<void>('DELETE', `/admin/connections/${enc(id)}`, o);
  }
  testConnectionConfig(body: ConnectionInput, o?: CallOptions) {
    return this.request<TestResult>('POST', '/admin/connections/test', { body, ...o });
  }
  testConnection(id: string, o?: CallOptions) {
    return this.request<TestResult>('POST', `/admin/connections/${enc(id)}/test`, o);
  }
  setConnectionActive(id: string, active: boolean, o?: CallOptions) {
    return this.request<ErpConnection>('PUT', `/admin/connections/${enc(id)}/active`, { body: { active }, ...o });
  }
  listPrincipals(q: string, o?: CallOptions) {
    return this.request<Principal[]>('GET', '/admin/principals', { query: { q }, ...o });
  }
  getActorTypeMapping(connectionId: string, actorType: ActorType, o?: CallOptions) {
    return this.request<ActorTypeMapping>('GET', `/admin${actorPath(connectionId, actorType)}/mapping`, o);
  }
  saveActorTypeMapping(connectionId: string, body: ActorTypeMapping, o?: CallOptions) {
    return this.request<ActorTypeMapping>('PUT', `/admin${actorPath(connectionId, body.actorType)}/mapping`, {
      body,
      headers: { 'If-Match': body.version },
      ...o,
    });
  }
  getListMapping(connectionId: string, listName: string, o?: CallOptions) {
    return this.request<ListMapping>('GET', `/admin/connections/${enc(connectionId)}/list-mappings/${enc(listName)}`, o);
  }
  saveListMapping(connectionId: string, body: ListMapping, o?: CallOptions) {
    return this.request<ListMapping>(
      'PUT',
      `/admin/connections/${enc(connectionId)}/list-mappings/${enc(body.listName)}`,
      { body, headers: { 'If-Match': body.version }, ...o },
    );
  }
  getDefaults(connectionId: string, actorType: ActorType, o?: CallOptions) {
    return this.request<DefaultValue[]>('GET', `/admin${actorPath(connectionId, actorType)}/defaults`, o);
  }
  saveDefaults(connectionId: string, actorType: ActorType, body: DefaultValue[], o?: CallOptions) {
    return this.request<DefaultValue[]>('PUT', `/admin${actorPath(connectionId, actorType)}/defaults`, {
      body,
      ...o,
    });
  }
  saveRank(connectionId: string, actorType: ActorType, order: string[], o?: CallOptions) {
    return this.request<void>('PUT', `/admin${actorPath(connectionId, actorType)}/rank`, { body: { order }, ...o });
  }
  saveSyncPriority(order: string[], o?: CallOptions) {
    return this.request<void>('PUT', '/admin/sync-priority', { body: { order }, ...o });
  }
  resync(connectionId: string, o?: CallOptions) {
    return this.request<ResyncResult>('POST', `/admin/connections/${enc(connectionId)}/resync`, o);
  }
  importActors(connectionId: string, body: ImportRequest, o?: CallOptions) {
    return this.request<ImportResult>('POST', `/admin/connections/${enc(connectionId)}/import`, { body, ...o });
  }
}

function problemFrom(status: number, text: string): ErpProblem {
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
      });
    }
  } catch {
    // not JSON: fall through to a problem built from the status alone
  }
  return new ErpProblem({ status, code: `http-${status}` });
}
