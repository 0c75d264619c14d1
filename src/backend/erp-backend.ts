import type {
  ActorType,
  ActorTypeDefaults,
  ActorTypeMapping,
  AdvancedSearchRequest,
  CompareRequest,
  CompareResult,
  ConnectionInput,
  ConnectorInput,
  CrmEntityType,
  EntityErpState,
  ErpConnection,
  FieldMeta,
  ImportRequest,
  ImportResult,
  ListItem,
  ListMapping,
  MatchSuggestion,
  NewActorFields,
  HistoryEventPage,
  Principal,
  ResyncResult,
  BackgroundSyncStatus,
  SaveLinkRequest,
  SearchRequest,
  SearchResult,
  SyncConnector,
  SyncPriority,
  SyncResult,
  TestResult,
  ConnectionState,
  WriteOptions,
} from '../model/types.js';

/** Options every call accepts. */
export interface CallOptions {
  signal?: AbortSignal;
}

/** Options of a history page: `limit` is the page size (1–500, the server's default 20 when absent). */
export interface HistoryPageOptions extends CallOptions {
  limit?: number;
}

/** Options of a request that is not a GET (every PUT, POST and DELETE). */
export interface PostWriteOptions extends CallOptions {
  /**
   * Sent as `Idempotency-Key`: one key per user action, reused when the same action is retried, so
   * the server applies it at most once. Without it `RestBackend` generates a fresh key for the call.
   */
  idempotencyKey?: string;
}

/** Options of any request that is not a GET (the same as {@link PostWriteOptions}). */
export type KeyedOptions = PostWriteOptions;

/** The CRM record a call is about. */
export interface EntityKey {
  type: CrmEntityType;
  id: string;
}

/**
 * What the end-user elements need from the host's backend. The REST client (`RestBackend`) is the
 * default implementation; a host may pass its own object instead (`element.backend = …`).
 * Every method rejects with an `ErpProblem`.
 */
export interface ErpBackend {
  getEntityState(entity: EntityKey, options?: CallOptions): Promise<EntityErpState>;
  searchActors(
    connectionId: string,
    actorType: ActorType,
    request: SearchRequest,
    options?: KeyedOptions,
  ): Promise<SearchResult>;
  getSearchableFields(
    connectionId: string,
    actorType: ActorType,
    options?: CallOptions,
  ): Promise<FieldMeta[]>;
  searchActorsAdvanced(
    connectionId: string,
    actorType: ActorType,
    request: AdvancedSearchRequest,
    options?: KeyedOptions,
  ): Promise<SearchResult>;
  getList(connectionId: string, listName: string, options?: CallOptions): Promise<ListItem[]>;
  compare(entity: EntityKey, request: CompareRequest, options?: KeyedOptions): Promise<CompareResult>;
  getNewActorFields(
    entity: EntityKey,
    connectionId: string,
    actorType: ActorType,
    options?: CallOptions,
  ): Promise<NewActorFields>;
  saveLink(
    entity: EntityKey,
    connectionId: string,
    request: SaveLinkRequest,
    options: WriteOptions,
  ): Promise<ConnectionState>;
  removeLink(entity: EntityKey, connectionId: string, options: WriteOptions): Promise<ConnectionState>;
  syncNow(entity: EntityKey, connectionId: string, options?: PostWriteOptions): Promise<SyncResult>;
  getMatchSuggestions(
    entity: EntityKey,
    connectionId: string,
    actorType: ActorType,
    options?: CallOptions,
  ): Promise<MatchSuggestion[]>;
  getHistory(
    entity: EntityKey,
    connectionId: string,
    cursor: string | null,
    options?: HistoryPageOptions,
  ): Promise<HistoryEventPage>;
}

/** What the administration elements need on top. */
export interface ErpAdminBackend {
  listConnectors(options?: CallOptions): Promise<SyncConnector[]>;
  addConnector(input: ConnectorInput, options?: PostWriteOptions): Promise<SyncConnector>;
  updateConnector(id: string, input: ConnectorInput, options?: KeyedOptions): Promise<SyncConnector>;
  removeConnector(id: string, options?: KeyedOptions): Promise<void>;
  testConnectorUrl(url: string, options?: KeyedOptions): Promise<TestResult>;
  getConnectorConfigFields(connectorId: string, options?: CallOptions): Promise<FieldMeta[]>;
  /** The items of a connector list (for `list` configuration fields). */
  getConnectorList(connectorId: string, listName: string, options?: CallOptions): Promise<ListItem[]>;

  listConnections(options?: CallOptions): Promise<ErpConnection[]>;
  getConnection(id: string, options?: CallOptions): Promise<ErpConnection>;
  addConnection(input: ConnectionInput, options?: PostWriteOptions): Promise<ErpConnection>;
  updateConnection(
    id: string,
    input: ConnectionInput,
    version: string,
    options?: KeyedOptions,
  ): Promise<ErpConnection>;
  removeConnection(id: string, options?: KeyedOptions): Promise<void>;
  testConnectionConfig(input: ConnectionInput, options?: KeyedOptions): Promise<TestResult>;
  testConnection(id: string, options?: KeyedOptions): Promise<TestResult>;
  setConnectionActive(id: string, active: boolean, options?: KeyedOptions): Promise<ErpConnection>;
  listPrincipals(query: string, options?: CallOptions): Promise<Principal[]>;

  getActorTypeMapping(
    connectionId: string,
    actorType: ActorType,
    options?: CallOptions,
  ): Promise<ActorTypeMapping>;
  saveActorTypeMapping(
    connectionId: string,
    mapping: ActorTypeMapping,
    options?: KeyedOptions,
  ): Promise<ActorTypeMapping>;
  getListMapping(connectionId: string, listName: string, options?: CallOptions): Promise<ListMapping>;
  saveListMapping(connectionId: string, mapping: ListMapping, options?: KeyedOptions): Promise<ListMapping>;
  getDefaults(connectionId: string, actorType: ActorType, options?: CallOptions): Promise<ActorTypeDefaults>;
  /** Stores the defaults; `defaults.version` is sent as If-Match (a stale one answers 409). */
  saveDefaults(
    connectionId: string,
    actorType: ActorType,
    defaults: ActorTypeDefaults,
    options?: KeyedOptions,
  ): Promise<ActorTypeDefaults>;
  /**
   * Rank Fields: stores the field order; `version` (the mapping's) is sent as If-Match. Resolves with
   * the mapping in its new order and version.
   */
  saveRank(
    connectionId: string,
    actorType: ActorType,
    order: string[],
    version: string,
    options?: KeyedOptions,
  ): Promise<ActorTypeMapping>;
  /** Set Sync Priority: `version` is the connections' `priorityVersion`, sent as If-Match. */
  saveSyncPriority(order: string[], version: string, options?: KeyedOptions): Promise<SyncPriority>;
  resync(connectionId: string, options?: PostWriteOptions): Promise<ResyncResult>;
  /** The connection's background sync: last run, next run, pause and back-off. */
  getBackgroundSync(connectionId: string, options?: CallOptions): Promise<BackgroundSyncStatus>;
  /** Run now: a background run as soon as a worker is free. */
  runBackgroundSync(connectionId: string, options?: PostWriteOptions): Promise<BackgroundSyncStatus>;
  setBackgroundSyncPaused(connectionId: string, paused: boolean, options?: KeyedOptions): Promise<BackgroundSyncStatus>;
  importActors(connectionId: string, request: ImportRequest, options?: PostWriteOptions): Promise<ImportResult>;
}
