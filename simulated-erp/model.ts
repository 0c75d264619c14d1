import type {
  ActorType,
  CrmEntityType,
  DefaultValue,
  FieldValue,
  HistoryEvent,
  ProblemBody,
  Scope,
  SyncDirection,
  SyncStatus,
} from '../src/model/types.js';
import type { CONNECTOR_KINDS } from './connectors.js';

/** Simulator-internal records. Everything in SimState is plain JSON, so it can be persisted. */

export type Values = Record<string, FieldValue>;

export interface CrmRecord {
  type: CrmEntityType;
  id: string;
  name: string;
  /** For persons: the company they work for. */
  companyId?: string;
  values: Values;
}

export interface ErpActor {
  key: string;
  type: ActorType;
  parentKey?: string;
  values: Values;
}

export interface LinkRecord {
  actorType: ActorType;
  erpKey: string;
  lastSynced: string | null;
  status: SyncStatus;
  lastError?: ProblemBody;
  /** Fields the background sync found changed on both sides since the last sync: for the user to decide. */
  pendingConflicts?: string[];
  /** ERP field key -> value (ERP side) at the last sync; the base for detecting two-sided changes. */
  synced: Values;
}

export interface UserRecord {
  id: string;
  name: string;
  groups: string[];
  licence: boolean;
  admin: boolean;
}

export interface ConnectorRecord {
  id: string;
  name: string;
  url: string;
  kind: keyof typeof CONNECTOR_KINDS;
}

export interface ConnectionRecord {
  id: string;
  name: string;
  connectorId: string;
  scope: Scope;
  description: string;
  /** Raw config including passwords (never sent out). */
  config: Values;
  active: boolean;
  version: number;
  /** Seed and sizes of the generated ERP data behind this connection. */
  data: DataSetSpec;
}

export interface DataSetSpec {
  seed: number;
  customers: number;
  suppliers: number;
  projects: number;
  /** Whether persons exist under customers. */
  persons: boolean;
}

export interface FieldMappingRecord {
  erpField: string;
  crmField: string | null;
  direction: SyncDirection | null;
  showInSearch: boolean;
  showInTab: boolean;
}

export interface MappingRecord {
  enabled: boolean;
  /** In rank order (the ERP tab's order). */
  fields: FieldMappingRecord[];
  version: number;
}

export interface ListMappingRecord {
  map: Record<string, string | null>;
  version: number;
}

export interface IdempotencyRecord {
  key: string;
  fingerprint: string;
  result: unknown;
}

export interface SimState {
  schema: 1;
  seq: number;
  crm: Record<string, CrmRecord>;
  users: UserRecord[];
  groups: { id: string; name: string }[];
  currentUser: string;
  connectors: ConnectorRecord[];
  /** In sync priority order. */
  connections: ConnectionRecord[];
  mappings: Record<string, MappingRecord>;
  listMappings: Record<string, ListMappingRecord>;
  defaults: Record<string, DefaultValue[]>;
  /** Version per defaults list (same keys as `defaults`; missing = 1, so older saved states load). */
  defaultsVersions?: Record<string, number>;
  /** Version of the sync priority order (missing = 1): any change of the order bumps it. */
  priorityVersion?: number;
  links: Record<string, LinkRecord>;
  linkVersions: Record<string, number>;
  /** Soft unlink: the last ERP actor a (record, connection) was linked to. */
  previousLinks: Record<string, { actorType: ActorType; erpKey: string }>;
  /** `${connectionId}/${erpKey}` -> changed ERP values of a generated actor. */
  overrides: Record<string, Values>;
  /** Actors created through the widget, per connection. */
  created: Record<string, ErpActor[]>;
  history: Record<string, HistoryEvent[]>;
  idempotency: IdempotencyRecord[];
  /** Link keys whose connector fails on sync (demo of a connector error). */
  failingSyncs: string[];
  /**
   * Who changed a value last and when (shown beside a sync conflict): keys are
   * `crm:${entityKey}/${crmField}` and `erp:${connectionId}/${erpKey}/${erpField}`.
   */
  edits?: Record<string, { by: string; at: string }>;
}

export const crmEditKey = (type: CrmEntityType, id: string, field: string) => `crm:${type}:${id}/${field}`;
export const erpEditKey = (connectionId: string, erpKey: string, field: string) => `erp:${connectionId}/${erpKey}/${field}`;

export const entityKey = (type: CrmEntityType, id: string) => `${type}:${id}`;
export const linkKey = (type: CrmEntityType, id: string, connectionId: string) => `${type}:${id}/${connectionId}`;
export const typeKey = (connectionId: string, name: string) => `${connectionId}/${name}`;
