import type { CrmEntityType, HistoryEvent, HistoryEventPage } from '../src/model/types.js';
import type { EntityKey } from '../src/backend/erp-backend.js';
import { connection, crmRecord, currentUser, type Ctx } from './context.js';
import { linkKey } from './model.js';
import { fail } from './problems.js';

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
  return { items: all.slice(start, end), nextCursor: end < all.length ? String(end) : null };
}
