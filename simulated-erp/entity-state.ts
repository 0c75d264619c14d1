import type {
  ActorType,
  ActorTypeOffer,
  ConnectionState,
  CrmEntityType,
  DisplayField,
  EntityErpState,
  LinkInfo,
} from '../src/model/types.js';
import type { EntityKey } from '../src/backend/erp-backend.js';
import {
  canCreate,
  connectorKind,
  crmRecord,
  crmValueAsErp,
  erpLists,
  erpMeta,
  linkOf,
  linkVersion,
  mappedFields,
  syncedFields,
  usableConnections,
  type Ctx,
} from './context.js';
import type { ConnectionRecord, CrmRecord, ErpActor } from './model.js';
import { display, same } from './values.js';

const CANDIDATES: Record<CrmEntityType, ActorType[]> = {
  company: ['customer', 'supplier'],
  person: ['person'],
  project: ['project'],
};

/** For a person: the link of its company in this connection. */
export function companyLink(ctx: Ctx, record: CrmRecord, connectionId: string) {
  return record.companyId ? linkOf(ctx, 'company', record.companyId, connectionId) : undefined;
}

export function offers(ctx: Ctx, record: CrmRecord, conn: ConnectionRecord): ActorTypeOffer[] {
  const supported = connectorKind(ctx, conn).actorTypes;
  const link = linkOf(ctx, record.type, record.id, conn.id);
  return CANDIDATES[record.type]
    .filter((t) => supported.includes(t) && ctx.state.mappings[`${conn.id}/${t}`]?.enabled)
    .map((type): ActorTypeOffer => {
      if (link && link.actorType !== type) return { type, available: false, reason: 'other-actor-linked' };
      if (type === 'person' && companyLink(ctx, record, conn.id)?.actorType !== 'customer') {
        return { type, available: false, reason: 'company-not-linked' };
      }
      return { type, available: true };
    });
}

/** The fields the tab shows of a linked actor with `values`, in the tab's order (its mapping's "show in tab"). */
export function tabFields(ctx: Ctx, connectionId: string, actorType: ActorType, values: ErpActor['values']): DisplayField[] {
  return mappedFields(ctx, connectionId, actorType)
    .filter((f) => f.showInTab)
    .map((f) => {
      const meta = erpMeta(ctx, connectionId, actorType, f.erpField);
      const value = values[f.erpField] ?? null;
      const field: DisplayField = { field: meta, value, displayValue: display(meta, value, erpLists(ctx, connectionId)) };
      if (f.crmField && f.direction) field.direction = f.direction;
      return field;
    });
}

export function connectionState(ctx: Ctx, record: CrmRecord, conn: ConnectionRecord): ConnectionState {
  const link = linkOf(ctx, record.type, record.id, conn.id);
  let info: LinkInfo | null = null;
  let fields: DisplayField[] = [];
  if (link) {
    const erp = ctx.actors.get(conn.id, link.actorType, link.erpKey);
    info = {
      actorType: link.actorType,
      erpKey: link.erpKey,
      displayName: String(erp?.values.name ?? link.erpKey),
      lastSynced: link.lastSynced,
      status: link.status,
    };
    if (link.lastError) info.lastError = link.lastError;
    if (link.pendingConflicts?.length) info.pendingConflicts = link.pendingConflicts.length;
    if (erp) {
      // Values that differ between the two sides wait for the next synchronization.
      info.pendingChanges = syncedFields(ctx, conn.id, link.actorType).filter(
        (s) => !same(crmValueAsErp(ctx, conn.id, s.meta, record, s.crmField), erp.values[s.erpField] ?? null, s.meta),
      ).length;
      fields = tabFields(ctx, conn.id, link.actorType, erp.values);
    }
  }
  const state: ConnectionState = {
    id: conn.id,
    name: conn.name,
    actorTypes: offers(ctx, record, conn),
    link: info,
    fields,
    canCreateActors: canCreate(ctx, conn),
    supportsAdvancedSearch: connectorKind(ctx, conn).advancedSearch,
    version: linkVersion(ctx, record.type, record.id, conn.id),
  };
  if (record.type === 'person') {
    const parent = companyLink(ctx, record, conn.id);
    state.companyLinked = Boolean(parent);
    state.companyErpKey = parent?.actorType === 'customer' ? parent.erpKey : null;
  }
  return state;
}

export function getEntityState(ctx: Ctx, entity: EntityKey): EntityErpState {
  const record = crmRecord(ctx, entity.type, entity.id);
  const { connections, reason } = usableConnections(ctx);
  const result: EntityErpState = {
    entity: { type: record.type, id: record.id, name: record.name },
    available: !reason,
    connections: connections.map((c) => connectionState(ctx, record, c)),
  };
  if (reason) result.unavailableReason = reason;
  return result;
}

