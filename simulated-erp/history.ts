import type { ActorType, CrmEntityType, FieldValue, HistoryChange, HistoryEvent, HistoryEventPage, Side } from '../src/model/types.js';
import type { EntityKey } from '../src/backend/erp-backend.js';
import { connection, crmRecord, currentUser, erpFields, erpLists, erpMeta, type Ctx } from './context.js';
import { linkKey } from './model.js';
import { fail } from './problems.js';
import { display } from './values.js';

/** Events per page when the request names no `limit`, and the most it may name (the spec's bounds). */
const PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 500;

export function addHistory(
  ctx: Ctx,
  type: CrmEntityType,
  id: string,
  connectionId: string,
  event: Omit<HistoryEvent, 'id' | 'at' | 'by'>,
): HistoryEvent {
  const full: HistoryEvent = { id: ctx.nextId('h'), at: ctx.now(), by: currentUser(ctx).name, ...event };
  (ctx.state.history[linkKey(type, id, connectionId)] ??= []).unshift(full);
  return full;
}

/** `ctx` answering in English, whatever the request asked for. */
const inEnglish = (ctx: Ctx): Ctx => Object.create(ctx, { lang: { value: undefined } }) as Ctx;

/**
 * A change as the history keeps it: in English, whoever made it (a reader sees the labels in their
 * own language, see getHistory; list values stay the ERP's English texts).
 */
export function historyChange(ctx: Ctx, connectionId: string, actorType: ActorType, key: string, from: FieldValue, to: FieldValue, side: Side): HistoryChange {
  const en = inEnglish(ctx);
  const meta = erpMeta(en, connectionId, actorType, key);
  const lists = erpLists(en, connectionId);
  return { field: key, label: meta.label, oldValue: display(meta, from, lists), newValue: display(meta, to, lists), side };
}

/** Newest first; the cursor is the offset of the next page, `limit` the page size (as text, from the query). */
export function getHistory(
  ctx: Ctx,
  entity: EntityKey,
  connectionId: string,
  cursor: string | null,
  limit: string | null = null,
): HistoryEventPage {
  crmRecord(ctx, entity.type, entity.id);
  connection(ctx, connectionId);
  const size = limit === null ? PAGE_SIZE : /^\d+$/.test(limit) ? Number(limit) : NaN;
  if (!(size >= 1 && size <= MAX_PAGE_SIZE)) {
    fail(400, 'invalid-request', `querystring /limit must be a whole number from 1 to ${MAX_PAGE_SIZE}`, '/limit');
  }
  const start = cursor ? Number(cursor) : 0;
  if (!Number.isInteger(start) || start < 0) fail(400, 'invalid-cursor', 'The paging cursor is not valid', '/cursor');
  const all = ctx.state.history[linkKey(entity.type, entity.id, connectionId)] ?? [];
  const end = start + size;
  return { items: inReadersLanguage(ctx, entity, connectionId, all.slice(start, end)), nextCursor: end < all.length ? String(end) : null };
}

/** History events with their field labels in the reader's language, where the link's actor type still has the field. */
export function inReadersLanguage(ctx: Ctx, entity: EntityKey, connectionId: string, items: HistoryEvent[]): HistoryEvent[] {
  const key = linkKey(entity.type, entity.id, connectionId);
  const actorType = ctx.state.links[key]?.actorType ?? ctx.state.previousLinks[key]?.actorType;
  if (!actorType || !ctx.lang) return items;
  const labels = new Map(erpFields(ctx, connectionId, actorType).map((f) => [f.key, f.label]));
  return items.map((e) => ({ ...e, changes: e.changes.map((c) => ({ ...c, label: labels.get(c.field) ?? c.label })) }));
}
