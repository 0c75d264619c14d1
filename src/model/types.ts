/**
 * The domain model shared by the elements, the backend client, the sync service and the simulated
 * ERP. Every JSON shape is the schema of that name in `api/openapi.yaml` (generated into
 * `api.generated.ts` by `npm run generate:api`): edit the spec, and these follow. Pure types: nothing
 * here imports Lit or touches the network.
 */
import type { components } from './api.generated.js';

type S = components['schemas'];

export type CrmEntityType = S['CrmEntityType'];
export type ActorType = S['ActorType'];
export type SyncDirection = S['SyncDirection'];
export type FieldType = S['FieldType'];
export type FieldAccess = S['FieldAccess'];
export type FieldMeta = S['FieldMeta'];
export type FieldValue = S['FieldValue'];
export type ListItem = S['ListItem'];
/** A problem detail (RFC 9457); the spec's `Problem`. */
export type ProblemBody = S['Problem'];

// ---------------------------------------------------------------------------------------------
// End user
// ---------------------------------------------------------------------------------------------

export type UnavailableReason = S['UnavailableReason'];
export type EntityRef = S['EntityRef'];
export type ActorTypeBlockReason = S['ActorTypeBlockReason'];
export type ActorTypeOffer = S['ActorTypeOffer'];
export type SyncStatus = S['SyncStatus'];
export type LinkInfo = S['LinkInfo'];
export type DisplayField = S['DisplayField'];
export type ConnectionState = S['ConnectionState'];
export type EntityErpState = S['EntityErpState'];
export type ActorRow = S['ActorRow'];
export type SearchRequest = S['SearchRequest'];
export type SearchResult = S['SearchResult'];
export type RestrictionOperator = S['RestrictionOperator'];
export type Restriction = S['Restriction'];
export type AdvancedSearchRequest = S['AdvancedSearchRequest'];
export type CompareRequest = S['CompareRequest'];
export type CompareField = S['CompareField'];
export type AskField = S['AskField'];
export type CompareResult = S['CompareResult'];
export type NewActorFields = S['NewActorFields'];
export type Side = S['Side'];
export type SaveLinkRequest = S['SaveLinkRequest'];
export type SyncConflict = S['SyncConflict'];
export type SyncResult = S['SyncResult'];
export type MatchStrength = S['MatchStrength'];
export type MatchSuggestion = S['MatchSuggestion'];
export type MatchSuggestionList = S['MatchSuggestionList'];
export type HistoryKind = S['HistoryKind'];
export type HistoryChange = S['HistoryChange'];
export type HistoryEvent = S['HistoryEvent'];
export type HistoryEventPage = S['HistoryEventPage'];

/** How a write is guarded: not a JSON shape, it travels in the request's headers. */
export interface WriteOptions {
  /** Sent as `If-Match`; a stale version answers 409. */
  version: string;
  /** Sent as `Idempotency-Key`; a retried write with the same key is applied once. */
  idempotencyKey: string;
  signal?: AbortSignal;
}

// ---------------------------------------------------------------------------------------------
// Administration
// ---------------------------------------------------------------------------------------------

export type SyncConnector = S['SyncConnector'];
export type ConnectorInput = S['ConnectorInput'];
export type TestResult = S['TestResult'];
export type PrincipalKind = S['PrincipalKind'];
export type Principal = S['Principal'];
export type Scope = S['Scope'];
export type ConfigValue = S['ConfigValue'];
export type ErpConnection = S['ErpConnection'];
export type SyncPriority = S['SyncPriority'];
export type ConnectionInput = S['ConnectionInput'];
export type FieldMapping = S['FieldMapping'];
export type CrmFieldInfo = S['CrmFieldInfo'];
export type ActorTypeMapping = S['ActorTypeMapping'];
export type ListMapping = S['ListMapping'];
export type DefaultValue = S['DefaultValue'];
export type ActorTypeDefaults = S['ActorTypeDefaults'];
export type ImportRequest = S['ImportRequest'];
export type ImportResult = S['ImportResult'];
export type ResyncResult = S['ResyncResult'];
export type PausedRequest = S['PausedRequest'];
export type BackgroundRun = S['BackgroundRun'];
export type BackgroundSyncStatus = S['BackgroundSyncStatus'];
