import type {
  ActorType,
  ActorTypeMapping,
  AdvancedSearchRequest,
  CompareRequest,
  CompareResult,
  ConnectionInput,
  ConnectorInput,
  CrmEntityType,
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
  ResyncResult,
  SaveLinkRequest,
  SearchRequest,
  SearchResult,
  SyncConnector,
  SyncResult,
  TestResult,
  ConnectionState,
  WriteOptions,
} from '../model/types.js';

/** Options every call accepts. */
export interface CallOptions {
  signal?: AbortSignal;
}

/** Options of a non-idempotent write (a POST that changes data). */
export interface PostWriteOptions extends CallOptions {
  /**
   * Sent as `Idempotency-Key`: one key per user action, reused when the same action is retried.
   * Without it `RestBackend` generates a fresh key for the call.
   */
  idempotencyKey?: string;
}

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
    options?: CallOptions,
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
    options?: CallOptions,
  ): Promise<SearchResult>;
  getList(connectionId: string, listName: string, options?: CallOptions): Promise<ListItem[]>;
  compare(entity: EntityKey, request: CompareRequest, options?: CallOptions): Promise<CompareResult>;
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
    options?: CallOptions,
  ): Promise<Page<HistoryEvent>>;
}

/** What the administration elements need on top. */
export interface ErpAdminBackend {
  listConnectors(options?: CallOptions): Promise<SyncConnector[]>;
  addConnector(input: ConnectorInput, options?: PostWriteOptions): Promise<SyncConnector>;
  updateConnector(id: string, input: ConnectorInput, options?: CallOptions): Promise<SyncConnector>;
  removeConnector(id: string, options?: CallOptions): Promise<void>;
  testConnectorUrl(url: string, options?: CallOptions): Promise<TestResult>;
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
    options?: CallOptions,
  ): Promise<ErpConnection>;
  removeConnection(id: string, options?: CallOptions): Promise<void>;
  testConnectionConfig(input: ConnectionInput, options?: CallOptions): Promise<TestResult>;
  testConnection(id: string, options?: CallOptions): Promise<TestResult>;
  setConnectionActive(id: string, active: boolean, options?: CallOptions): Promise<ErpConnection>;
  listPrincipals(query: string, options?: CallOptions): Promise<Principal[]>;

  getActorTypeMapping(
    connectionId: string,
    actorType: ActorType,
    options?: CallOptions,
  ): Promise<ActorTypeMapping>;
  saveActorTypeMapping(
    connectionId: string,
    mapping: ActorTypeMapping,
    options?: CallOptions,
  ): Promise<ActorTypeMapping>;
  getListMapping(connectionId: string, listName: string, options?: CallOptions): Promise<ListMapping>;
  saveListMapping(connectionId: string, mapping: ListMapping, options?: CallOptions): Promise<ListMapping>;
  getDefaults(connectionId: string, actorType: ActorType, options?: CallOptions): Promise<DefaultValue[]>;
  saveDefaults(
    connectionId: string,
    actorType: ActorType,
    defaults: DefaultValue[],
    options?: CallOptions,
  ): Promise<DefaultValue[]>;
  saveRank(
    connectionId: string,
    actorType: ActorType,
    order: string[],
    options?: CallOptions,
  ): Promise<void>;
  saveSyncPriority(order: string[], options?: CallOptions): Promise<void>;
  resync(connectionId: string, options?: PostWriteOptions): Promise<ResyncResult>;
  importActors(connectionId: string, request: ImportRequest, options?: PostWriteOptions): Promise<ImportResult>;
}
