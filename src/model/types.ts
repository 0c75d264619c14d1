/**
 * The domain model shared by the elements, the backend client and (in the demo and tests) the
 * simulated ERP. Pure types: nothing here imports Lit or touches the network.
 * The JSON shapes mirror `api/openapi.yaml` one to one.
 */

/** A record type in the host CRM. */
export type CrmEntityType = 'company' | 'person' | 'project';

/** A record type in the ERP. */
export type ActorType = 'customer' | 'supplier' | 'person' | 'project' | 'partner';

/** How a field's value travels between the two systems. */
export type SyncDirection = 'erp-to-crm' | 'crm-to-erp' | 'both';

export type FieldType =
  | 'text'
  | 'password'
  | 'integer'
  | 'double'
  | 'checkbox'
  | 'list'
  | 'datetime'
  | 'label';

export type FieldAccess = 'normal' | 'mandatory' | 'read-only';

/** Describes one field: a connector configuration field or an ERP actor field. */
export interface FieldMeta {
  key: string;
  label: string;
  description?: string;
  type: FieldType;
  /** For `list` fields: the name of the list whose items are the allowed values. */
  listName?: string;
  defaultValue?: FieldValue;
  maxLength?: number;
  access: FieldAccess;
}

/**
 * A raw field value. `datetime` values are ISO 8601 strings, `list` values are list item ids,
 * `checkbox` values are booleans, `integer`/`double` values are numbers.
 */
export type FieldValue = string | number | boolean | null;

export interface ListItem {
  id: string;
  label: string;
}

/** A problem detail (RFC 9457) with a stable machine-readable `code`. */
export interface ProblemBody {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  code: string;
  /** JSON pointer to the offending request field, when the problem is about one field. */
  field?: string;
}

// ---------------------------------------------------------------------------------------------
// End user
// ---------------------------------------------------------------------------------------------

/** Why the ERP tab is not available to the current user for this record. */
export type UnavailableReason = 'no-licence' | 'no-access' | 'no-active-connection';

export interface EntityRef {
  type: CrmEntityType;
  id: string;
  /** The CRM record's display name (the connect dialog's first search runs on it). */
  name: string;
}

/** Why an actor type cannot be chosen right now. */
export type ActorTypeBlockReason = 'company-not-linked' | 'other-actor-linked';

export interface ActorTypeOffer {
  type: ActorType;
  available: boolean;
  reason?: ActorTypeBlockReason;
}

export type SyncStatus = 'ok' | 'error';

export interface LinkInfo {
  actorType: ActorType;
  erpKey: string;
  displayName: string;
  /** ISO 8601 time of the last successful synchronization, or null before the first one. */
  lastSynced: string | null;
  status: SyncStatus;
  lastError?: ProblemBody;
  /** Synchronized fields whose CRM and ERP values differ and wait for the next synchronization. */
  pendingChanges?: number;
  /** Fields the background sync found changed on both sides: they wait for the user's decision. */
  pendingConflicts?: number;
  /** ISO 8601 time the connection's background sync last went over its changes; null before the first run. */
  lastBackgroundSync?: string | null;
}

/** One field in the ERP tab: metadata, the raw value and the ERP's display text. */
export interface DisplayField {
  field: FieldMeta;
  value: FieldValue;
  /** Display text from the ERP; for list fields the item's label. */
  displayValue: string;
  direction?: SyncDirection;
}

/** One ERP connection as the end user sees it for one CRM record. */
export interface ConnectionState {
  id: string;
  name: string;
  actorTypes: ActorTypeOffer[];
  link: LinkInfo | null;
  /** The "show in ERP tab" fields in rank order (empty when not linked). */
  fields: DisplayField[];
  canCreateActors: boolean;
  supportsAdvancedSearch: boolean;
  /** For persons: whether the person's company is linked in this connection. */
  companyLinked?: boolean;
  /** For persons: the ERP key of the company's linked actor (parent for person searches). */
  companyErpKey?: string | null;
  /** Opaque version of this record's link state; sent back as If-Match on writes. */
  version: string;
}

export interface EntityErpState {
  entity: EntityRef;
  available: boolean;
  unavailableReason?: UnavailableReason;
  connections: ConnectionState[];
}

export interface ActorRow {
  key: string;
  displayName: string;
  /** Display text per column key. */
  cells: Record<string, string>;
}

export interface SearchRequest {
  text: string;
  /** For persons: the ERP key of the company's actor. */
  parentKey?: string | null;
  cursor?: string | null;
  limit?: number;
}

export interface SearchResult {
  /** The "show in search" columns. */
  columns: FieldMeta[];
  rows: ActorRow[];
  /** Total number of hits, when the connector knows it. */
  total: number | null;
  nextCursor: string | null;
}

export type RestrictionOperator =
  | 'begins'
  | 'contains'
  | 'equals'
  | 'eq'
  | 'lt'
  | 'gt'
  | 'between'
  | 'oneOf'
  | 'before'
  | 'after';

export interface Restriction {
  field: string;
  operator: RestrictionOperator;
  values: string[];
}

export interface AdvancedSearchRequest {
  restrictions: Restriction[];
  parentKey?: string | null;
  cursor?: string | null;
  limit?: number;
}

export interface CompareRequest {
  connectionId: string;
  actorType: ActorType;
  erpKey: string;
}

export interface CompareField {
  field: FieldMeta;
  direction: SyncDirection;
  crmValue: FieldValue;
  erpValue: FieldValue;
  crmDisplay: string;
  erpDisplay: string;
  differs: boolean;
}

/** A field the user is asked for (admin default set to "ask user" or "mandatory"). */
export interface AskField {
  field: FieldMeta;
  value: FieldValue;
}

export interface CompareResult {
  fields: CompareField[];
  askFields: AskField[];
  /** The ERP values as compared (opaque): sent back on Save, which refuses them once they changed. */
  erpVersion?: string;
}

export interface NewActorFields {
  fields: AskField[];
}

export type Side = 'crm' | 'erp';

export interface SaveLinkRequest {
  actorType: ActorType;
  /** The ERP actor to link; omit together with `create` to create a new actor. */
  erpKey?: string;
  /** Values for a new ERP actor (Create in ERP). */
  create?: { values: Record<string, FieldValue>; reason?: string };
  /** Per differing field: which side's value wins. */
  choices: Record<string, Side>;
  /** Values for the "ask user" fields. */
  values?: Record<string, FieldValue>;
  /** The compare's `erpVersion`: a Save after the ERP values changed answers 409 `erp-changed`. */
  erpVersion?: string;
}

export interface WriteOptions {
  /** Sent as `If-Match`; a stale version answers 409. */
  version: string;
  /** Sent as `Idempotency-Key`; a retried write with the same key is applied once. */
  idempotencyKey: string;
  signal?: AbortSignal;
}

export interface SyncConflict {
  field: FieldMeta;
  crmValue: FieldValue;
  erpValue: FieldValue;
  lastSyncedValue: FieldValue;
  crmDisplay: string;
  erpDisplay: string;
  lastSyncedDisplay: string;
  crmChangedBy?: string;
  crmChangedAt?: string;
  erpChangedBy?: string;
  erpChangedAt?: string;
}

export type SyncResult =
  | { status: 'synced'; connection: ConnectionState }
  | { status: 'conflict'; connection: ConnectionState; conflicts: SyncConflict[] };

export type MatchStrength = 'strong' | 'weak';

export interface MatchSuggestion {
  key: string;
  displayName: string;
  strength: MatchStrength;
  /** Stable reason codes, e.g. `vat-equal`, `email-equal`, `erp-number-equal`, `name-similar`, `previously-linked`. */
  reasons: string[];
}

export type HistoryKind = 'linked' | 'unlinked' | 'synced' | 'conflict-decided' | 'created';

export interface HistoryChange {
  field: string;
  label: string;
  oldValue: string;
  newValue: string;
  side: Side;
}

export interface HistoryEvent {
  id: string;
  kind: HistoryKind;
  at: string;
  by: string;
  actorType?: ActorType;
  erpKey?: string;
  changes: HistoryChange[];
  reason?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

// ---------------------------------------------------------------------------------------------
// Administration
// ---------------------------------------------------------------------------------------------

export interface SyncConnector {
  id: string;
  name: string;
  url: string;
  /** Names of the connections that use this connector (it cannot be removed while used). */
  usedBy: string[];
}

export interface ConnectorInput {
  name: string;
  url: string;
}

export interface TestResult {
  ok: boolean;
  message: string;
}

export type PrincipalKind = 'user' | 'group';

export interface Principal {
  id: string;
  kind: PrincipalKind;
  name: string;
}

export type Scope = { kind: 'everyone' } | { kind: 'specific'; principals: string[] };

/** Config values; password fields are never returned: they come back as `{ set: true }`. */
export type ConfigValue = FieldValue | { set: boolean };

export interface ErpConnection {
  id: string;
  name: string;
  connectorId: string;
  scope: Scope;
  description: string;
  config: Record<string, ConfigValue>;
  active: boolean;
  priority: number;
  version: string;
  /**
   * Version of the sync priority order (the same on every connection of one list); sent back as
   * If-Match by Set Sync Priority, so two administrators cannot silently overwrite each other's order.
   */
  priorityVersion: string;
}

/** The stored sync priority after Set Sync Priority: the connection ids in order, and its new version. */
export interface SyncPriority {
  order: string[];
  version: string;
}

export interface ConnectionInput {
  name: string;
  connectorId: string;
  scope: Scope;
  description: string;
  /** A password field left out (or `{ set: true }`) keeps its stored value. */
  config: Record<string, ConfigValue>;
}

export interface FieldMapping {
  erpField: FieldMeta;
  crmField: string | null;
  direction: SyncDirection | null;
  showInSearch: boolean;
  showInTab: boolean;
  /** Set when the ERP field cannot be synced; a stable reason code. */
  notSyncable?: string;
}

export interface CrmFieldInfo {
  key: string;
  label: string;
  type: FieldType;
  listName?: string;
}

export interface ActorTypeMapping {
  actorType: ActorType;
  entity: CrmEntityType;
  enabled: boolean;
  /** In rank order (Rank Fields changes the order and the version). */
  fields: FieldMapping[];
  crmFields: CrmFieldInfo[];
  version: string;
}

export interface ListMapping {
  listName: string;
  crmListName: string;
  erpItems: ListItem[];
  crmItems: ListItem[];
  /** ERP item id -> CRM item id (null = "(No Selection)"). */
  map: Record<string, string | null>;
  version: string;
}

export interface DefaultValue {
  field: string;
  value: FieldValue;
  askUser: boolean;
  mandatory: boolean;
  /** Mandatory by the connector: cannot be unset. */
  locked?: boolean;
}

/** The defaults of one actor type with their version (sent back as If-Match when saving). */
export interface ActorTypeDefaults {
  defaults: DefaultValue[];
  version: string;
}

export interface ImportRequest {
  actorType: ActorType;
  keys: string[];
}

export interface ImportResult {
  created: EntityRef[];
  updated: EntityRef[];
}

export interface ResyncResult {
  sent: number;
  failed: number;
}

export interface PausedRequest {
  paused: boolean;
}

/** One background run of a connection. */
export interface BackgroundRun {
  startedAt: string;
  /** Null while the run goes on. */
  finishedAt: string | null;
  checked: number;
  changed: number;
  conflicts: number;
  errors: number;
  lastError?: ProblemBody;
}

/** The background sync of one connection, as the admin screen shows it. */
export interface BackgroundSyncStatus {
  connectionId: string;
  paused: boolean;
  lastRun: BackgroundRun | null;
  /** When the next run is due; null when paused, inactive or not scheduled. */
  nextRunAt: string | null;
  /** Runs in a row that failed as a whole. */
  failures: number;
  /** After repeated failures, no run before this time. */
  backoffUntil: string | null;
}
