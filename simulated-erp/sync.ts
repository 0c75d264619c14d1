import type { HistoryEvent, SyncConflict, SyncResult } from '../src/model/types.js';
import type { EntityKey } from '../src/backend/erp-backend.js';
import {
  actor as getActor,
  bumpVersion,
  crmRecord,
  crmValueAsErp,
  erpLists,
  erpValueAsCrm,
  syncedFields,
  connection,
  usableConnection,
  type Ctx,
} from './context.js';
import { connectionState } from './entity-state.js';
import { addHistory, historyChange } from './history.js';
import { crmEditKey, erpEditKey, linkKey, type ConnectionRecord, type CrmRecord, type LinkRecord, type Values } from './model.js';
import { fail, SimProblem } from './problems.js';
import { display, same } from './values.js';

/**
 * Syncs one link per direction against the last-synced base; two-sided changes of a 'both' field are
 * conflicts. Answers the conflicts and how many values it applied.
 */
export function syncLink(
  ctx: Ctx,
  record: CrmRecord,
  conn: ConnectionRecord,
  link: LinkRecord,
  force = false,
  quiet = false,
  ledElsewhere: ReadonlySet<string> = new Set(),
): { conflicts: SyncConflict[]; changes: number } {
  const key = linkKey(record.type, record.id, conn.id);
  if (ctx.state.failingSyncs.includes(key)) {
    const problem = new SimProblem(502, 'connector-error', `${conn.name}: ${link.actorType} ${link.erpKey} is locked by another ERP user (ERR-4711)`);
    link.status = 'error';
    link.lastError = problem.body;
    problem.commit = true;
    throw problem;
  }
  const erp = getActor(ctx, conn.id, link.actorType, link.erpKey);
  const conflicts: SyncConflict[] = [];
  const erpUpdates: Values = {};
  const changes = [];
  const lists = erpLists(ctx, conn.id);
  for (const s of syncedFields(ctx, conn.id, link.actorType)) {
    const crmValue = crmValueAsErp(ctx, conn.id, s.meta, record, s.crmField);
    const erpValue = erp.values[s.erpField] ?? null;
    const base = s.erpField in link.synced ? (link.synced[s.erpField] ?? null) : erpValue;
    if (same(crmValue, erpValue, s.meta)) {
      link.synced[s.erpField] = erpValue;
      continue;
    }
    // Changed in the CRM: unlike the base in ERP terms and in the CRM's own (a CRM list item with no
    // ERP item, or an ERP item with no CRM item, reads as empty on the other side without a change).
    const crmRaw = record.values[s.crmField] ?? null;
    const crmChanged = !same(crmValue, base, s.meta) && !same(crmRaw, erpValueAsCrm(ctx, conn.id, s.meta, base), s.meta);
    const erpChanged = !same(erpValue, base, s.meta);
    // Resync (force) pushes CRM values regardless of timestamps.
    let winner: 'crm' | 'erp';
    if (force) winner = 'crm';
    else if (s.direction === 'erp-to-crm') winner = 'erp';
    else if (s.direction === 'crm-to-erp') winner = 'crm';
    else if (crmChanged && erpChanged) {
      const conflict: SyncConflict = {
        field: s.meta,
        crmValue,
        erpValue,
        lastSyncedValue: base,
        crmDisplay: display(s.meta, crmValue, lists),
        erpDisplay: display(s.meta, erpValue, lists),
        lastSyncedDisplay: display(s.meta, base, lists),
      };
      const crmEdit = ctx.state.edits?.[crmEditKey(record.type, record.id, s.crmField)];
      const erpEdit = ctx.state.edits?.[erpEditKey(conn.id, link.erpKey, s.erpField)];
      if (crmEdit) Object.assign(conflict, { crmChangedBy: crmEdit.by, crmChangedAt: crmEdit.at });
      if (erpEdit) Object.assign(conflict, { erpChangedBy: erpEdit.by, erpChangedAt: erpEdit.at });
      conflicts.push(conflict);
      continue;
    } else if (!crmChanged && !erpChanged && !force) {
      // Neither side changed since the base: a difference the list mapping cannot bridge, applied
      // once already. Applying it again on every sync would never converge.
      continue;
    } else winner = crmChanged ? 'crm' : 'erp';
    if (force && s.direction === 'erp-to-crm') continue;
    // A CRM field a connection of higher sync priority leads: this ERP follows the CRM, never writes it.
    if (winner === 'erp' && ledElsewhere.has(s.crmField)) {
      if (s.direction !== 'both') {
        link.synced[s.erpField] = erpValue;
        continue;
      }
      winner = 'crm';
    }
    // The other side holds already what the winner would write (an ERP list item the CRM has no item
    // for reads as empty there), or there is nothing to write (a CRM item without an ERP item): no change.
    if (winner === 'erp' && same(crmRaw, erpValueAsCrm(ctx, conn.id, s.meta, erpValue), s.meta)) {
      link.synced[s.erpField] = erpValue;
      continue;
    }
    if (winner === 'crm' && crmValue === null && crmRaw !== null) continue;
    if (winner === 'erp') {
      record.values[s.crmField] = erpValueAsCrm(ctx, conn.id, s.meta, erpValue);
      if (s.crmField === 'name') record.name = String(erpValue ?? '');
      changes.push(historyChange(ctx, conn.id, link.actorType, s.erpField, crmValue, erpValue, 'crm'));
      link.synced[s.erpField] = erpValue;
    } else {
      erpUpdates[s.erpField] = crmValue;
      changes.push(historyChange(ctx, conn.id, link.actorType, s.erpField, erpValue, crmValue, 'erp'));
      link.synced[s.erpField] = crmValue;
    }
  }
  if (Object.keys(erpUpdates).length) ctx.actors.update(conn.id, erp, erpUpdates);
  // Conflicts wait on the link for the user (the tab offers to decide them); a sync without any clears them.
  if (conflicts.length) link.pendingConflicts = conflicts.map((c) => c.field.key);
  else delete link.pendingConflicts;
  if (!conflicts.length) {
    link.lastSynced = ctx.now();
    link.status = 'ok';
    delete link.lastError;
  }
  // In the background (quiet) only a change is worth an entry in the history.
  if (!quiet || changes.length) addHistory(ctx, record.type, record.id, conn.id, { kind: 'synced', actorType: link.actorType, erpKey: link.erpKey, changes });
  return { conflicts, changes: changes.length };
}

/**
 * The background sync of one linked record: what changed on either side since the last-synced base,
 * applied by each field's direction; a field changed on both sides is a conflict, kept on the link for
 * the tab (never an overwrite). Unlike Sync now it runs for no user's scope, writes history and a new
 * version only where something changed, and a record unlinked meanwhile is no error.
 */
export function syncInBackground(ctx: Ctx, entity: EntityKey, connectionId: string): { changes: number; conflicts: number } {
  const record = crmRecord(ctx, entity.type, entity.id);
  const conn = connection(ctx, connectionId);
  const link = ctx.state.links[linkKey(record.type, record.id, conn.id)];
  if (!conn.active || !link) return { changes: 0, conflicts: 0 };
  const before = JSON.stringify([link.status, link.pendingConflicts ?? []]);
  // The CRM fields that active connections of higher sync priority, where the record is linked, write.
  const led = new Set<string>();
  for (const higher of ctx.state.connections.slice(0, ctx.state.connections.indexOf(conn))) {
    const other = higher.active ? ctx.state.links[linkKey(record.type, record.id, higher.id)] : undefined;
    if (other) for (const f of syncedFields(ctx, higher.id, other.actorType)) if (f.direction !== 'crm-to-erp') led.add(f.crmField);
  }
  const { conflicts, changes } = syncLink(ctx, record, conn, link, false, true, led);
  if (changes || before !== JSON.stringify([link.status, link.pendingConflicts ?? []])) bumpVersion(ctx, record.type, record.id, conn.id);
  return { changes, conflicts: conflicts.length };
}

export function syncNow(ctx: Ctx, entity: EntityKey, connectionId: string): SyncResult {
  const record = crmRecord(ctx, entity.type, entity.id);
  const conn = usableConnection(ctx, connectionId);
  const link = ctx.state.links[linkKey(record.type, record.id, conn.id)] ?? fail(409, 'not-linked', 'This record is not linked in this connection');
  // A failed sync keeps the version: the client cannot learn a new one from a problem answer.
  const { conflicts } = syncLink(ctx, record, conn, link);
  bumpVersion(ctx, record.type, record.id, conn.id);
  const connection = connectionState(ctx, record, conn);
  return conflicts.length ? { status: 'conflict', connection, conflicts } : { status: 'synced', connection };
}

/** What a write meant to send to the ERP, kept until its transaction commits (see server/storage/intents). */
export interface ErpWriteIntent {
  actorType: LinkRecord['actorType'];
  erpKey: string;
  values: Values;
  /** The history event the write would have recorded, if any. */
  event: HistoryEvent | null;
}

/**
 * A write whose transaction died after its ERP save: where the ERP holds what it sent, the link takes
 * those values as its synced base and the history gets the write's ERP-side changes, as it would have.
 * Where the ERP does not hold them, the save never landed: nothing to record. True when recorded.
 */
export function recordLandedWrite(ctx: Ctx, entity: EntityKey, connectionId: string, intent: ErpWriteIntent): boolean {
  const key = linkKey(entity.type, entity.id, connectionId);
  const link = ctx.state.links[key];
  if (!link || link.erpKey !== intent.erpKey || link.actorType !== intent.actorType) return false;
  const erp = getActor(ctx, connectionId, intent.actorType, intent.erpKey);
  if (!Object.entries(intent.values).every(([field, value]) => same(erp.values[field] ?? null, value))) return false;
  Object.assign(link.synced, intent.values);
  const changes = intent.event?.changes.filter((c) => c.side === 'erp') ?? [];
  if (intent.event && changes.length) (ctx.state.history[key] ??= []).unshift({ ...intent.event, changes });
  bumpVersion(ctx, entity.type, entity.id, connectionId);
  return true;
}
