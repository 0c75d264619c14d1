import type {
  ActorType,
  ActorTypeDefaults,
  ActorTypeMapping,
  AdvancedSearchRequest,
  CompareRequest,
  ConnectionInput,
  ConnectorInput,
  ImportRequest,
  ListMapping,
  ProblemBody,
  SaveLinkRequest,
  SearchRequest,
  WriteOptions,
} from '../model/types.js';
import type { Schema } from './check.js';
import { DEFAULT_TIMEOUT_MS, getConfig, type BackendConfig } from './config.js';
import * as C from './contract.generated.js';
import type { CallOptions, EntityKey, ErpAdminBackend, ErpBackend, HistoryPageOptions, KeyedOptions, PostWriteOptions } from './erp-backend.js';
import type { Input, Method, Operation, OperationId, Success } from './operation.js';
import { CLIENT_CODES, ErpProblem } from './problem.js';
import { checkResponse } from './validate.js';
import { uiLanguage } from '../i18n/localization.js';

interface RequestSpec<T> {
  /** The operation (the `operationId` in `api/openapi.yaml`), named in contract-violation problems. */
  op: string;
  /** The schema the response body must match before anything uses it (`none` for 204-only operations). */
  schema: Schema<T>;
  query?: Record<string, string | number | null | undefined>;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

const enc = encodeURIComponent;
const entity = (e: EntityKey) => ({ entityType: e.type, entityId: e.id });
const actor = (connectionId: string, actorType: ActorType) => ({ connectionId, actorType });
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
    for (const [k, v] of Object.entries(spec.query ?? {})) if (v != null) url.searchParams.set(k, String(v));
    const extra = typeof config.headers === 'function' ? config.headers() : config.headers;
    const headers: Record<string, string> = {
      Accept: 'application/json, application/problem+json',
      // The ERP's labels and list texts come back in the UI language (a switch applies to the next call).
      'Accept-Language': uiLanguage(),
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

  /**
   * Calls one operation of the spec by its generated descriptor: the path parameters, query, headers
   * and body are typed from the spec, and the answer is checked against its generated schema.
   */
  protected call<Id extends OperationId>(operation: Operation<Id>, input: Input<Id>): Promise<Success<Id>> {
    const { path: params = {}, query, body, headers, signal } = input as {
      path?: Record<string, string>;
      query?: RequestSpec<unknown>['query'];
      body?: unknown;
      headers?: Record<string, string>;
      signal?: AbortSignal;
    };
    const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => enc(params[name]!));
    return this.request(operation.method, path, { op: operation.id, schema: operation.response, query, body, headers, signal });
  }

  // ----- end user -----

  getEntityState(e: EntityKey, o?: CallOptions) {
    return this.call(C.getEntityState, { path: entity(e), ...o });
  }
  searchActors(connectionId: string, actorType: ActorType, body: SearchRequest, o?: KeyedOptions) {
    return this.call(C.searchActors, { path: actor(connectionId, actorType), body, headers: postHeaders(o), signal: o?.signal });
  }
  getSearchableFields(connectionId: string, actorType: ActorType, o?: CallOptions) {
    return this.call(C.getSearchableFields, { path: actor(connectionId, actorType), ...o });
  }
  searchActorsAdvanced(connectionId: string, actorType: ActorType, body: AdvancedSearchRequest, o?: KeyedOptions) {
    return this.call(C.searchActorsAdvanced, { path: actor(connectionId, actorType), body, headers: postHeaders(o), signal: o?.signal });
  }
  getList(connectionId: string, listName: string, o?: CallOptions) {
    return this.call(C.getList, { path: { connectionId, listName }, ...o });
  }
  compare(e: EntityKey, body: CompareRequest, o?: KeyedOptions) {
    return this.call(C.compare, { path: entity(e), body, headers: postHeaders(o), signal: o?.signal });
  }
  getNewActorFields(e: EntityKey, connectionId: string, actorType: ActorType, o?: CallOptions) {
    return this.call(C.getNewActorFields, { path: entity(e), query: { connectionId, actorType }, ...o });
  }
  saveLink(e: EntityKey, connectionId: string, body: SaveLinkRequest, o: WriteOptions) {
    return this.call(C.saveLink, { path: { ...entity(e), connectionId }, body, headers: writeHeaders(o), signal: o.signal });
  }
  removeLink(e: EntityKey, connectionId: string, o: WriteOptions) {
    return this.call(C.removeLink, { path: { ...entity(e), connectionId }, headers: writeHeaders(o), signal: o.signal });
  }
  syncNow(e: EntityKey, connectionId: string, o?: PostWriteOptions) {
    return this.call(C.syncNow, { path: { ...entity(e), connectionId }, headers: postHeaders(o), signal: o?.signal });
  }
  async getMatchSuggestions(e: EntityKey, connectionId: string, actorType: ActorType, o?: CallOptions) {
    const page = await this.call(C.getMatchSuggestions, { path: entity(e), query: { connectionId, actorType }, ...o });
    return page.suggestions;
  }
  getHistory(e: EntityKey, connectionId: string, cursor: string | null, o?: HistoryPageOptions) {
    const { limit, signal } = o ?? {};
    return this.call(C.getHistory, { path: { ...entity(e), connectionId }, query: { cursor: cursor ?? undefined, limit }, signal });
  }
}

/**
 * The REST implementation of {@link ErpAdminBackend} as well (the administration's operations), for
 * `erp-widget/admin.js`: the end-user entry never loads it.
 */
export class RestAdminBackend extends RestBackend implements ErpAdminBackend {
  listConnectors(o?: CallOptions) {
    return this.call(C.listConnectors, { ...o });
  }
  addConnector(body: ConnectorInput, o?: PostWriteOptions) {
    return this.call(C.addConnector, { body, headers: postHeaders(o), signal: o?.signal });
  }
  updateConnector(connectorId: string, body: ConnectorInput, o?: KeyedOptions) {
    return this.call(C.updateConnector, { path: { connectorId }, body, headers: postHeaders(o), signal: o?.signal });
  }
  removeConnector(connectorId: string, o?: KeyedOptions) {
    return this.call(C.removeConnector, { path: { connectorId }, headers: postHeaders(o), signal: o?.signal });
  }
  testConnectorUrl(url: string, o?: KeyedOptions) {
    return this.call(C.testConnectorUrl, { body: { url }, headers: postHeaders(o), signal: o?.signal });
  }
  getConnectorConfigFields(connectorId: string, o?: CallOptions) {
    return this.call(C.getConnectorConfigFields, { path: { connectorId }, ...o });
  }
  getConnectorList(connectorId: string, listName: string, o?: CallOptions) {
    return this.call(C.getConnectorList, { path: { connectorId, listName }, ...o });
  }
  listConnections(o?: CallOptions) {
    return this.call(C.listConnections, { ...o });
  }
  getConnection(connectionId: string, o?: CallOptions) {
    return this.call(C.getConnection, { path: { connectionId }, ...o });
  }
  addConnection(body: ConnectionInput, o?: PostWriteOptions) {
    return this.call(C.addConnection, { body, headers: postHeaders(o), signal: o?.signal });
  }
  updateConnection(connectionId: string, body: ConnectionInput, version: string, o?: KeyedOptions) {
    return this.call(C.updateConnection, { path: { connectionId }, body, headers: versionHeaders(version, o), signal: o?.signal });
  }
  removeConnection(connectionId: string, o?: KeyedOptions) {
    return this.call(C.removeConnection, { path: { connectionId }, headers: postHeaders(o), signal: o?.signal });
  }
  testConnectionConfig(body: ConnectionInput, o?: KeyedOptions) {
    return this.call(C.testConnectionConfig, { body, headers: postHeaders(o), signal: o?.signal });
  }
  testConnection(connectionId: string, o?: KeyedOptions) {
    return this.call(C.testConnection, { path: { connectionId }, headers: postHeaders(o), signal: o?.signal });
  }
  setConnectionActive(connectionId: string, active: boolean, o?: KeyedOptions) {
    return this.call(C.setConnectionActive, { path: { connectionId }, body: { active }, headers: postHeaders(o), signal: o?.signal });
  }
  listPrincipals(q: string, o?: CallOptions) {
    return this.call(C.listPrincipals, { query: { q }, ...o });
  }
  getActorTypeMapping(connectionId: string, actorType: ActorType, o?: CallOptions) {
    return this.call(C.getActorTypeMapping, { path: actor(connectionId, actorType), ...o });
  }
  saveActorTypeMapping(connectionId: string, body: ActorTypeMapping, o?: KeyedOptions) {
    const headers = versionHeaders(body.version, o);
    return this.call(C.saveActorTypeMapping, { path: actor(connectionId, body.actorType), body, headers, signal: o?.signal });
  }
  getListMapping(connectionId: string, listName: string, o?: CallOptions) {
    return this.call(C.getListMapping, { path: { connectionId, listName }, ...o });
  }
  saveListMapping(connectionId: string, body: ListMapping, o?: KeyedOptions) {
    const headers = versionHeaders(body.version, o);
    return this.call(C.saveListMapping, { path: { connectionId, listName: body.listName }, body, headers, signal: o?.signal });
  }
  getDefaults(connectionId: string, actorType: ActorType, o?: CallOptions) {
    return this.call(C.getDefaults, { path: actor(connectionId, actorType), ...o });
  }
  saveDefaults(connectionId: string, actorType: ActorType, body: ActorTypeDefaults, o?: KeyedOptions) {
    const headers = versionHeaders(body.version, o);
    return this.call(C.saveDefaults, { path: actor(connectionId, actorType), body, headers, signal: o?.signal });
  }
  saveRank(connectionId: string, actorType: ActorType, order: string[], version: string, o?: KeyedOptions) {
    const headers = versionHeaders(version, o);
    return this.call(C.saveRank, { path: actor(connectionId, actorType), body: { order }, headers, signal: o?.signal });
  }
  saveSyncPriority(order: string[], version: string, o?: KeyedOptions) {
    return this.call(C.saveSyncPriority, { body: { order }, headers: versionHeaders(version, o), signal: o?.signal });
  }
  resync(connectionId: string, o?: PostWriteOptions) {
    return this.call(C.resync, { path: { connectionId }, headers: postHeaders(o), signal: o?.signal });
  }
  getBackgroundSync(connectionId: string, o?: CallOptions) {
    return this.call(C.getBackgroundSync, { path: { connectionId }, ...o });
  }
  runBackgroundSync(connectionId: string, o?: PostWriteOptions) {
    return this.call(C.runBackgroundSync, { path: { connectionId }, headers: postHeaders(o), signal: o?.signal });
  }
  setBackgroundSyncPaused(connectionId: string, paused: boolean, o?: KeyedOptions) {
    return this.call(C.setBackgroundSyncPaused, { path: { connectionId }, body: { paused }, headers: postHeaders(o), signal: o?.signal });
  }
  importActors(connectionId: string, body: ImportRequest, o?: PostWriteOptions) {
    return this.call(C.importActors, { path: { connectionId }, body, headers: postHeaders(o), signal: o?.signal });
  }
}

/** Every operation of the spec has a client method of its name: a missing one is named by the compile error. */
type EveryOperation<Missing extends never> = Missing;
export type ClientCoversSpec = EveryOperation<Exclude<OperationId, keyof RestAdminBackend>>;

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
