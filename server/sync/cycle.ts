// One background sync cycle of one connection: the ERP's changes (the connector's "actors changed
// since") and the CRM's (the adapter's change feed), each linked record synced like Sync now
// (server/domain/operations.ts backgroundSync), the cursors saved after each page; then the records
// whose last sync failed.
import type { ActorType, CrmEntityType, ProblemBody } from '../../src/model/types.js';
import { ConnectorClient, type WireActor } from '../connectors/client.js';
import type { CrmAdapter } from '../crm/adapter.js';
import type { SyncService } from '../domain/operations.js';
import { problemOf } from '../http/problem.js';
import type { Db } from '../storage/db.js';

export interface CycleStats {
  /** Linked records synced. */
  checked: number;
  /** Of them, records where a value changed on one side. */
  changed: number;
  /** Records with values changed on both sides: kept for the user to decide. */
  conflicts: number;
  errors: number;
  lastError: ProblemBody | null;
}

/**
 * How far back each cycle looks again. A change committed late (a long transaction in the ERP or the
 * CRM, whose time is its start) is not skipped; looking again costs a read, never a second write: a
 * record whose values equal its last-synced base is left alone.
 */
export const OVERLAP_MS = 10_000;
const PAGE = 200;

type Entity = { type: CrmEntityType; id: string };

/**
 * Called before each record: throws to end the cycle there (the service stops, or another cycle took
 * the connection over). What the cycle did stays; its cursors stop at the last page it finished.
 */
export type Checkpoint = () => Promise<void>;

/** Counts into `stats` as it goes, so that a cycle ended early still reports what it did. */
export async function runCycle(db: Db, service: SyncService, crm: CrmAdapter, cid: string, timeoutMs: number, checkpoint: Checkpoint, stats: CycleStats): Promise<void> {
  const state = await service.configuration();
  const conn = state.connections.find((c) => c.id === cid);
  const connector = conn && state.connectors.find((c) => c.id === conn.connectorId);
  if (!conn?.active || !connector) return;
  const client = new ConnectorClient(connector.url, timeoutMs);
  // A record is synced once per cycle, whichever side (or both, or an actor answered twice) changed.
  const done = new Set<string>();
  const syncOne = async (e: Entity) => {
    const key = `${e.type}:${e.id}`;
    if (done.has(key)) return;
    await checkpoint();
    done.add(key);
    try {
      const result = await service.backgroundSync(e, cid);
      stats.checked++;
      if (result.changes) stats.changed++;
      if (result.conflicts) stats.conflicts++;
    } catch (error) {
      stats.errors++;
      const problem = problemOf(error);
      // A fault of the service itself: logged whole, recorded without its internals.
      if (!problem) console.error(`[background sync] ${cid} ${key}:`, error);
      stats.lastError = problem ? { ...problem, detail: `${e.type} ${e.id}: ${problem.detail ?? problem.code}` } : { status: 500, code: 'internal-error', detail: `${e.type} ${e.id}: the background sync failed on this record` };
    }
  };

  // The ERP side, per actor type that has links.
  const types = await db.query<{ actor_type: ActorType }>('SELECT DISTINCT actor_type FROM links WHERE connection_id = $1 ORDER BY actor_type', [cid]);
  for (const { actor_type: type } of types) {
    const since = (await position(db, cid, `erp:${type}`)) ?? (await firstLinked(db, cid, type));
    let newest = Date.parse(since);
    let cursor: string | null = null;
    do {
      const page: { actors: WireActor[]; nextCursor: string | null } = await client.changedSince(conn.config as never, type, since, cursor, PAGE);
      // Every linked record the page names (an actor answered twice, once). Its lastModified is the
      // ERP's clock, which need not agree with ours: no record is left out for being synced since.
      const keys = [...new Set(page.actors.map((a) => a.erpKey))];
      if (keys.length) {
        const linked = await db.query<LinkedRow>(
          'SELECT entity_type, entity_id FROM links WHERE connection_id = $1 AND actor_type = $2 AND erp_key = ANY($3) ORDER BY entity_type, entity_id',
          [cid, type, keys],
        );
        for (const l of linked) await syncOne({ type: l.entity_type, id: l.entity_id });
      }
      // A lastModified that goes backwards never moves the cursor back.
      for (const a of page.actors) newest = Math.max(newest, Date.parse(a.lastModified) || newest);
      cursor = page.nextCursor;
    } while (cursor);
    await savePosition(db, cid, `erp:${type}`, new Date(Math.max(Date.parse(since), newest - OVERLAP_MS)).toISOString());
  }

  // The CRM side: records written since the saved change number, in pages; a first cycle starts
  // with the changes after the connection's oldest last sync (before it, every link was in sync).
  let at = (await position(db, cid, 'crm')) ?? (await crm.positionAt(db, await firstLinked(db, cid)));
  let safe = at;
  for (;;) {
    const changes = await crm.changedSince(db, at, PAGE);
    if (!changes.length) break;
    const changedAt = new Map(changes.map((c) => [`${c.type}:${c.id}`, c.at]));
    const linked = await db.query<LinkedRow>(
      `SELECT entity_type, entity_id, data::jsonb ->> 'lastSynced' AS last_synced FROM links
       WHERE connection_id = $1 AND (entity_type || ':' || entity_id) = ANY($2) ORDER BY entity_type, entity_id`,
      [cid, [...changedAt.keys()]],
    );
    for (const l of linked) if (!syncedSince(l, changedAt.get(`${l.entity_type}:${l.entity_id}`)!)) await syncOne({ type: l.entity_type, id: l.entity_id });
    // The saved position stops before the changes of the last moments (see OVERLAP_MS).
    const settled = Date.now() - OVERLAP_MS;
    for (const c of changes) if (Date.parse(c.at) < settled) safe = c.position;
    at = changes.at(-1)!.position;
    await savePosition(db, cid, 'crm', safe);
    if (changes.length < PAGE) break;
  }

  // Records whose last sync failed (the connector timed out or refused): again, until they succeed.
  const failed = await db.query<{ entity_type: CrmEntityType; entity_id: string }>(
    `SELECT entity_type, entity_id FROM links WHERE connection_id = $1 AND (data::jsonb ->> 'status') = 'error' ORDER BY entity_type, entity_id`,
    [cid],
  );
  for (const l of failed) await syncOne({ type: l.entity_type, id: l.entity_id });
}

interface LinkedRow {
  entity_type: CrmEntityType;
  entity_id: string;
  last_synced?: string | null;
}

/**
 * The link was synced well after this CRM change (by Sync now, a save, an import, an earlier cycle):
 * it holds it already. "Well after" allows for a change whose time is its transaction's start, and
 * for the database's clock and ours differing a little.
 */
function syncedSince(link: LinkedRow, changedAt: string): boolean {
  const synced = link.last_synced ? Date.parse(link.last_synced) : NaN;
  const changed = Date.parse(changedAt);
  return synced - OVERLAP_MS > changed;
}

async function position(db: Db, cid: string, side: string): Promise<string | undefined> {
  return (await db.query<{ position: string }>('SELECT position FROM sync_cursors WHERE connection_id = $1 AND actor_type = $2', [cid, side]))[0]?.position;
}

async function savePosition(db: Db, cid: string, side: string, at: string): Promise<void> {
  await db.query(
    'INSERT INTO sync_cursors (connection_id, actor_type, position) VALUES ($1, $2, $3) ON CONFLICT (connection_id, actor_type) DO UPDATE SET position = $3',
    [cid, side, at],
  );
}

/** Where a connection's side starts: the oldest last sync of its links (of that type), less the overlap; nothing since is missed. */
async function firstLinked(db: Db, cid: string, type?: ActorType): Promise<string> {
  const [row] = await db.query<{ first: Date | string | null }>(
    `SELECT min((data::jsonb ->> 'lastSynced')::timestamptz) AS first FROM links WHERE connection_id = $1 AND ($2::text IS NULL OR actor_type = $2)`,
    [cid, type ?? null],
  );
  return new Date(row?.first ? new Date(row.first).getTime() - OVERLAP_MS : 0).toISOString();
}
