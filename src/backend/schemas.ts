/**
 * Runtime schemas for every JSON body the REST client reads, mirroring `src/model/types.ts` and
 * `api/openapi.yaml` (the contract tests compare them with the spec). `object<T>()` needs an entry for
 * every property of its domain type, so a property added to types.ts does not compile until it is
 * checked here; a missing or mistyped property is a contract violation (see `validate.ts`).
 */
import type * as T from '../model/types.js';
import { CRM_ENTITY_TYPES } from '../model/entity-types.js';
import {
  array,
  boolean as bool,
  dateTime,
  integer as int,
  none,
  nullable,
  number,
  object,
  optional,
  pattern,
  picklist,
  range,
  record,
  string as str,
  union,
  variant,
  type Schema,
} from './check.js';

const nullableStr = nullable(str);
const optStr = optional(str);
const strList = array(str);

// The ranges and forms api/openapi.yaml gives (the contract test compares them).
/** How many values of one record: no record has more fields than this. */
export const fieldCount = range(0, 10_000);
/** How many records or runs a list or a run counts. */
export const recordCount = range(0, 1_000_000_000);
/** A record's version: an opaque token that fits an HTTP entity tag (`If-Match: "v3"`). */
export const version = pattern('^[!#-~]{1,200}$');
export const time = dateTime;
export const nullableTime = nullable(dateTime);

export const ActorType: Schema<T.ActorType> = picklist(['customer', 'supplier', 'person', 'project', 'partner']);
export const CrmEntityType: Schema<T.CrmEntityType> = picklist(CRM_ENTITY_TYPES);
export const SyncDirection: Schema<T.SyncDirection> = picklist(['erp-to-crm', 'crm-to-erp', 'both']);
export const Side: Schema<T.Side> = picklist(['crm', 'erp']);
export const FieldType: Schema<T.FieldType> = picklist([
  'text',
  'password',
  'integer',
  'double',
  'checkbox',
  'list',
  'datetime',
  'label',
]);

export const FieldValue: Schema<T.FieldValue> = nullable(
  union<string | number | boolean>([str, number, bool], 'a string, number, boolean or null'),
);

export const FieldMeta = object<T.FieldMeta>()({
  key: str,
  label: str,
  description: optStr,
  type: FieldType,
  listName: optStr,
  defaultValue: optional(FieldValue),
  maxLength: optional(range(0, 1_000_000)),
  access: picklist(['normal', 'mandatory', 'read-only']),
});

export const ListItem = object<T.ListItem>()({ id: str, label: str });

export const Problem = object<T.ProblemBody>()({
  type: optStr,
  title: optStr,
  status: int,
  detail: optStr,
  code: str,
  field: optStr,
});

// ----- end user -----

export const EntityRef = object<T.EntityRef>()({ type: CrmEntityType, id: str, name: str });

const ActorTypeOffer = object<T.ActorTypeOffer>()({
  type: ActorType,
  available: bool,
  reason: optional(picklist(['company-not-linked', 'other-actor-linked'])),
});

const LinkInfo = object<T.LinkInfo>()({
  actorType: ActorType,
  erpKey: str,
  displayName: str,
  lastSynced: nullableTime,
  status: picklist(['ok', 'error']),
  lastError: optional(Problem),
  pendingChanges: optional(fieldCount),
  pendingConflicts: optional(fieldCount),
  lastBackgroundSync: optional(nullableTime),
});

const DisplayField = object<T.DisplayField>()({
  field: FieldMeta,
  value: FieldValue,
  displayValue: str,
  direction: optional(SyncDirection),
});

export const ConnectionState = object<T.ConnectionState>()({
  id: str,
  name: str,
  actorTypes: array(ActorTypeOffer),
  link: nullable(LinkInfo),
  fields: array(DisplayField, 'field.key'),
  canCreateActors: bool,
  supportsAdvancedSearch: bool,
  companyLinked: optional(bool),
  companyErpKey: optional(nullableStr),
  version,
});

export const EntityErpState = object<T.EntityErpState>()({
  entity: EntityRef,
  available: bool,
  unavailableReason: optional(picklist(['no-licence', 'no-access', 'no-active-connection'])),
  connections: array(ConnectionState, 'id'),
});

const ActorRow = object<T.ActorRow>()({ key: str, displayName: str, cells: record(str) });

export const SearchResult = object<T.SearchResult>()({
  columns: array(FieldMeta, 'key'),
  rows: array(ActorRow, 'key'),
  total: nullable(recordCount),
  nextCursor: nullableStr,
});

const CompareField = object<T.CompareField>()({
  field: FieldMeta,
  direction: SyncDirection,
  crmValue: FieldValue,
  erpValue: FieldValue,
  crmDisplay: str,
  erpDisplay: str,
  differs: bool,
});

const AskField = object<T.AskField>()({ field: FieldMeta, value: FieldValue });

export const CompareResult = object<T.CompareResult>()({
  fields: array(CompareField, 'field.key'),
  askFields: array(AskField, 'field.key'),
  erpVersion: optStr,
});

export const NewActorFields = object<T.NewActorFields>()({ fields: array(AskField) });

const SyncConflict = object<T.SyncConflict>()({
  field: FieldMeta,
  crmValue: FieldValue,
  erpValue: FieldValue,
  lastSyncedValue: FieldValue,
  crmDisplay: str,
  erpDisplay: str,
  lastSyncedDisplay: str,
  crmChangedBy: optStr,
  crmChangedAt: optional(time),
  erpChangedBy: optStr,
  erpChangedAt: optional(time),
});

type Synced = Extract<T.SyncResult, { status: 'synced' }>;
type Conflicted = Extract<T.SyncResult, { status: 'conflict' }>;
export const SyncResult = variant<T.SyncResult>('status', [
  object<Synced>()({ status: picklist(['synced']), connection: ConnectionState }),
  object<Conflicted>()({ status: picklist(['conflict']), connection: ConnectionState, conflicts: array(SyncConflict, 'field.key') }),
]);

const MatchSuggestion = object<T.MatchSuggestion>()({
  key: str,
  displayName: str,
  strength: picklist(['strong', 'weak']),
  reasons: strList,
});

export const MatchSuggestionPage = object<{ suggestions: T.MatchSuggestion[] }>()({
  suggestions: array(MatchSuggestion, 'key'),
});

const HistoryEvent = object<T.HistoryEvent>()({
  id: str,
  kind: picklist(['linked', 'unlinked', 'synced', 'conflict-decided', 'created']),
  at: time,
  by: str,
  actorType: optional(ActorType),
  erpKey: optStr,
  changes: array(object<T.HistoryChange>()({ field: str, label: str, oldValue: str, newValue: str, side: Side })),
  reason: optStr,
});

export const HistoryEventPage = object<T.Page<T.HistoryEvent>>()({ items: array(HistoryEvent, 'id'), nextCursor: nullableStr });

/** The body of a 204 answer: none. */
export const NoContent: Schema<void> = none;

export const list = array;
