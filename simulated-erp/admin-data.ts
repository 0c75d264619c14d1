import type { EntityRef, ImportRequest, ImportResult, ResyncResult } from '../src/model/types.js';
import { actor as getActor, bumpVersion, connection, entityOf, erpValueAsCrm, requireAdmin, syncedFields, type Ctx } from './context.js';
import { addHistory } from './history.js';
import { syncedBase } from './linking.js';
import { entityKey, linkKey, type CrmRecord } from './model.js';
import { fail, SimProblem } from './problems.js';
import { syncLink } from './sync.js';

/** Pushes CRM values to the ERP for every link of the connection, ignoring timestamps. */
export function resync(ctx: Ctx, connectionId: string): ResyncResult {
  requireAdmin(ctx);
  const conn = connection(ctx, connectionId);
  if (!conn.active) fail(409, 'connection-inactive', `"${conn.name}" is not active`);
  let sent = 0;
  let failed = 0;
  for (const [key, link] of Object.entries(ctx.state.links)) {
    if (!key.endsWith(`/${conn.id}`)) continue;
    const record = ctx.state.crm[key.slice(0, key.lastIndexOf('/'))];
    if (!record) continue;
    try {
      syncLink(ctx, record, conn, link, true);
      bumpVersion(ctx, record.type, record.id, conn.id);
      sent++;
    } catch (error) {
      if (!(error instanceof SimProblem)) throw error;
      failed++;
    }
  }
  return { sent, failed };
}

const PREFIX = { company: 'c', person: 'p', project: 'j' } as const;

/** Imports ERP actors as new CRM records with links; only while synchronization is switched off. */
export function importActors(ctx: Ctx, connectionId: string, req: ImportRequest): ImportResult {
  requireAdmin(ctx);
  const conn = connection(ctx, connectionId);
  if (conn.active) fail(409, 'sync-active', `Deactivate "${conn.name}" before importing`);
  if (!Array.isArray(req?.keys) || !req.keys.length) fail(422, 'validation-failed', 'Select at least one record', '/keys');
  const actors = req.keys.map((k, i) => ctx.actors.get(conn.id, req.actorType, k) ?? fail(422, 'actor-not-found', `No ${req.actorType} "${k}"`, `/keys/${i}`));
  const result: ImportResult = { created: [], updated: [] };
  const type = entityOf(req.actorType);
  // The connection's links by ERP actor, and the records of the type, once: an import names thousands.
  const linkedTo = new Map<string, string>();
  for (const [k, l] of Object.entries(ctx.state.links)) if (k.endsWith(`/${conn.id}`)) linkedTo.set(`${l.actorType}:${l.erpKey}`, k);
  let records = Object.values(ctx.state.crm).filter((r) => r.type === type).length;
  for (const erp of actors) {
    const existing = linkedTo.get(`${erp.type}:${erp.key}`);
    let record: CrmRecord;
    if (existing) {
      record = ctx.state.crm[existing.slice(0, existing.lastIndexOf('/'))]!;
    } else {
      record = { type, id: `${PREFIX[type]}${++records}`, name: String(erp.values.name ?? erp.key), values: {} };
      while (ctx.state.crm[entityKey(type, record.id)]) record.id = `${record.id}x`;
      if (type === 'person' && erp.parentKey) {
        const parent = linkedTo.get(`customer:${erp.parentKey}`);
        if (parent) record.companyId = parent.slice('company:'.length, parent.lastIndexOf('/'));
      }
      ctx.state.crm[entityKey(type, record.id)] = record;
      linkedTo.set(`${erp.type}:${erp.key}`, linkKey(type, record.id, conn.id));
    }
    for (const s of syncedFields(ctx, conn.id, erp.type)) {
      record.values[s.crmField] = erpValueAsCrm(ctx, conn.id, s.meta, erp.values[s.erpField] ?? null);
    }
    record.name = String(record.values.name ?? record.name);
    const fresh = getActor(ctx, conn.id, erp.type, erp.key);
    ctx.state.links[linkKey(type, record.id, conn.id)] = { actorType: erp.type, erpKey: erp.key, lastSynced: ctx.now(), status: 'ok', synced: syncedBase(ctx, conn.id, fresh) };
    if (!existing) addHistory(ctx, type, record.id, conn.id, { kind: 'linked', actorType: erp.type, erpKey: erp.key, changes: [], reason: 'import' });
    bumpVersion(ctx, type, record.id, conn.id);
    const ref: EntityRef = { type, id: record.id, name: record.name };
    (existing ? result.updated : result.created).push(ref);
  }
  return result;
}
