import type { CrmEntityType, HistoryEvent, Page } from '../../src/model/types.js';
import type { EntityKey } from '../../src/backend/erp-backend.js';
import { connection, crmRecord, currentUser, type Ctx } from './context.js';
import { linkKey } from './model.js';
import { fail } from './problems.js';

const PAGE_SIZE = 20;

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

/** Newest first; the cursor is the offset of the next page. */
export function getHistory(ctx: Ctx, entity: EntityKey, connectionId: string, cursor: string | null): Page<HistoryEvent> {
  crmRecord(ctx, entity.type, entity.id);
  connection(ctx, connectionId);
  const start = cursor ? Number(cursor) : 0;
  if (!Number.isInteger(start) || start < 0) fail(400, 'invalid-cursor', 'The paging cursor is not valid', '/cursor');
  const all = ctx.state.history[linkKey(entity.type, entity.id, connectionId)] ?? [];
  const end = start + PAGE_SIZE;
  return { items: all.slice(start, end), nextCursor: end < all.length ? String(end) : null };
}
