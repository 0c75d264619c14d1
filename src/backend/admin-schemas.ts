/**
 * Runtime schemas for the bodies only the administration reads (see schemas.ts): kept apart so the
 * end-user bundle, which never calls these operations, does not carry them.
 */
import type * as T from '../model/types.js';
import { array, boolean as bool, integer as int, nullable, object, optional, picklist, record, string as str, union, variant } from './check.js';
import {
  ActorType,
  CrmEntityType,
  EntityRef,
  FieldMeta,
  FieldType,
  FieldValue,
  ListItem,
  nullableTime,
  Problem,
  recordCount,
  SyncDirection,
  time,
  version,
} from './schemas.js';

const nullableStr = nullable(str);
const optStr = optional(str);
const strList = array(str);

export const SyncConnector = object<T.SyncConnector>()({ id: str, name: str, url: str, usedBy: strList });

export const TestResult = object<T.TestResult>()({ ok: bool, message: str });

export const Principal = object<T.Principal>()({ id: str, kind: picklist(['user', 'group']), name: str });

type Everyone = Extract<T.Scope, { kind: 'everyone' }>;
type Specific = Extract<T.Scope, { kind: 'specific' }>;
const Scope = variant<T.Scope>('kind', [
  object<Everyone>()({ kind: picklist(['everyone']) }),
  object<Specific>()({ kind: picklist(['specific']), principals: strList }),
]);

const ConfigValue = union<T.ConfigValue>(
  [FieldValue, object<{ set: boolean }>(true)({ set: bool })],
  'a field value or { set: boolean }',
);

export const ErpConnection = object<T.ErpConnection>()({
  id: str,
  name: str,
  connectorId: str,
  scope: Scope,
  description: str,
  config: record(ConfigValue),
  active: bool,
  priority: int,
  version,
  priorityVersion: version,
});

export const SyncPriority = object<T.SyncPriority>()({ order: strList, version });

const FieldMapping = object<T.FieldMapping>()({
  erpField: FieldMeta,
  crmField: nullableStr,
  direction: nullable(SyncDirection),
  showInSearch: bool,
  showInTab: bool,
  notSyncable: optStr,
});

const CrmFieldInfo = object<T.CrmFieldInfo>()({ key: str, label: str, type: FieldType, listName: optStr });

export const ActorTypeMapping = object<T.ActorTypeMapping>()({
  actorType: ActorType,
  entity: CrmEntityType,
  enabled: bool,
  fields: array(FieldMapping, 'erpField.key'),
  crmFields: array(CrmFieldInfo, 'key'),
  version,
});

export const ListMapping = object<T.ListMapping>()({
  listName: str,
  crmListName: str,
  erpItems: array(ListItem, 'id'),
  crmItems: array(ListItem, 'id'),
  map: record(nullableStr),
  version,
});

export const DefaultValue = object<T.DefaultValue>()({
  field: str,
  value: FieldValue,
  askUser: bool,
  mandatory: bool,
  locked: optional(bool),
});

export const ActorTypeDefaults = object<T.ActorTypeDefaults>()({ defaults: array(DefaultValue, 'field'), version });

export const ImportResult = object<T.ImportResult>()({ created: array(EntityRef), updated: array(EntityRef) });

export const ResyncResult = object<T.ResyncResult>()({ sent: recordCount, failed: recordCount });

const BackgroundRun = object<T.BackgroundRun>()({
  startedAt: time,
  finishedAt: nullableTime,
  checked: recordCount,
  changed: recordCount,
  conflicts: recordCount,
  errors: recordCount,
  lastError: optional(Problem),
});

export const BackgroundSyncStatus = object<T.BackgroundSyncStatus>()({
  connectionId: str,
  paused: bool,
  lastRun: nullable(BackgroundRun),
  nextRunAt: nullableTime,
  failures: recordCount,
  backoffUntil: nullableTime,
});
