// Write intents: what a write is about to send to the ERP, stored before its transaction (which holds
// the ERP save and the history together) and deleted by its commit. One left behind belongs to a
// write that died between its ERP save and its commit (the process killed, the database gone): the
// recovery (SyncService.recoverWrites) records it if the ERP holds it, so no applied change is
// missing from the history.
import { randomUUID } from 'node:crypto';
import type { ErpWriteIntent } from '../../simulated-erp/sync.js';
import type { SimState } from '../../simulated-erp/model.js';
import type { CrmEntityType } from '../../src/model/types.js';
import type { Queryable } from './db.js';
import { splitLinkKey } from './state.js';

export interface StoredIntent {
  id: string;
  createdAt: string;
  entity: { type: CrmEntityType; id: string };
  connectionId: string;
  intent: ErpWriteIntent;
}

/** Stores the intents of a write whose dry run (`planned`) asks for these ERP updates; their ids. */
export async function storeIntents(db: Queryable, planned: SimState, updates: { cid: string; type: string; key: string; values: Record<string, unknown> }[]): Promise<string[]> {
  const ids: string[] = [];
  for (const u of updates) {
    const linkKey = Object.keys(planned.links).find((k) => k.endsWith(`/${u.cid}`) && planned.links[k]!.erpKey === u.key && planned.links[k]!.actorType === u.type);
    if (!linkKey) continue;
    const [type, id, cid] = splitLinkKey(linkKey);
    const intent: ErpWriteIntent = { actorType: u.type as ErpWriteIntent['actorType'], erpKey: u.key, values: u.values as ErpWriteIntent['values'], event: planned.history[linkKey]?.[0] ?? null };
    const intentId = randomUUID();
    await db.query('INSERT INTO erp_write_intents (id, entity_type, entity_id, connection_id, intent) VALUES ($1, $2, $3, $4, $5)', [intentId, type, id, cid, JSON.stringify(intent)]);
    ids.push(intentId);
  }
  return ids;
}

export async function deleteIntents(db: Queryable, ids: string[]): Promise<void> {
  if (ids.length) await db.query('DELETE FROM erp_write_intents WHERE id = ANY($1::uuid[])', [ids]);
}

/** The connection's intents older than `seconds`: no live write can still own them. */
export async function leftIntents(db: Queryable, connectionId: string, seconds: number): Promise<StoredIntent[]> {
  const rows = await db.query<{ id: string; created_at: Date | string; entity_type: CrmEntityType; entity_id: string; connection_id: string; intent: ErpWriteIntent | string }>(
    `SELECT id, created_at, entity_type, entity_id, connection_id, intent FROM erp_write_intents
     WHERE connection_id = $1 AND created_at < now() - make_interval(secs => $2) ORDER BY created_at`,
    [connectionId, seconds],
  );
  return rows.map((r) => ({ id: r.id, createdAt: new Date(r.created_at).toISOString(), entity: { type: r.entity_type, id: r.entity_id }, connectionId: r.connection_id, intent: typeof r.intent === 'string' ? (JSON.parse(r.intent) as ErpWriteIntent) : r.intent }));
}

/**
 * Whether the history already holds the intent's ERP-side changes from a write after it (a later
 * sync that sent the same values because this one never reached the ERP): then there is nothing to record.
 */
export async function recordedSince(db: Queryable, left: StoredIntent): Promise<boolean> {
  const wanted = (left.intent.event?.changes ?? []).filter((c) => c.side === 'erp');
  if (!wanted.length) return false;
  const rows = await db.query<{ event: { at: string; changes: { field: string; newValue: string; side: string }[] } | string }>(
    'SELECT event FROM history WHERE entity_type = $1 AND entity_id = $2 AND connection_id = $3 ORDER BY seq DESC LIMIT 50',
    [left.entity.type, left.entity.id, left.connectionId],
  );
  const events = rows.map((r) => (typeof r.event === 'string' ? JSON.parse(r.event) : r.event) as { at: string; changes: { field: string; newValue: string; side: string }[] });
  return events.some((e) => e.at >= left.createdAt && wanted.every((w) => e.changes.some((c) => c.side === 'erp' && c.field === w.field && c.newValue === w.newValue)));
}
