// The background sync as the administration and the tab see it: the rules both backends share (who
// may see and steer it, the back-off after failures, the tab's "last background sync"), and the
// simulator's own runs, which go over every link of the connection in one step.
import type { BackgroundRun, BackgroundSyncStatus, EntityErpState, ProblemBody } from '../src/model/types.js';
import { connection, requireAdmin, type Ctx } from './context.js';
import type { ConnectionRecord } from './model.js';
import { fail, SimProblem } from './problems.js';
import { syncInBackground } from './sync.js';

/** The first back-off after a failed run; it doubles with each failure in a row, up to an hour. */
const FIRST_BACKOFF_MS = 60_000;
const MAX_BACKOFF_MS = 3_600_000;

export function backoffMs(failures: number): number {
  return failures <= 0 ? 0 : Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** (failures - 1));
}

/** The connection an administrator asks about; Run now only for an active one. */
export function backgroundConnection(ctx: Ctx, cid: string, forRun = false): ConnectionRecord {
  requireAdmin(ctx);
  const conn = connection(ctx, cid);
  if (forRun && !conn.active) fail(409, 'connection-inactive', `"${conn.name}" is not active: it is not synchronized`);
  return conn;
}

/** The tab's "last background sync" on each linked connection (left out where none runs). */
export function withLastBackgroundSync(state: EntityErpState, last: (cid: string) => string | null | undefined): EntityErpState {
  for (const c of state.connections) {
    const at = c.link && last(c.id);
    if (c.link && at !== undefined) c.link.lastBackgroundSync = at;
  }
  return state;
}

/** What the simulator keeps of a connection's background sync. */
export interface SimBackground {
  paused: boolean;
  failures: number;
  backoffUntil: string | null;
  lastRun: BackgroundRun | null;
  lastSuccess: string | null;
}

export const idleBackground = (): SimBackground => ({ paused: false, failures: 0, backoffUntil: null, lastRun: null, lastSuccess: null });

export function simStatus(cid: string, b: SimBackground): BackgroundSyncStatus {
  // The simulator runs only when asked (Run now): nothing is scheduled.
  return { connectionId: cid, paused: b.paused, lastRun: b.lastRun, nextRunAt: null, failures: b.failures, backoffUntil: b.backoffUntil };
}

/**
 * One simulated run over every link of the connection: each record synced as the service's cycle
 * does; a record that fails keeps its error; `down` (the connector unreachable) fails the run as a
 * whole and backs off.
 */
export function simRun(ctx: Ctx, cid: string, b: SimBackground, down: ProblemBody | null): void {
  backgroundConnection(ctx, cid, true);
  const startedAt = ctx.now();
  const run: BackgroundRun = { startedAt, finishedAt: startedAt, checked: 0, changed: 0, conflicts: 0, errors: 0 };
  if (down) {
    b.failures++;
    b.backoffUntil = new Date(Date.parse(startedAt) + backoffMs(b.failures)).toISOString();
    b.lastRun = { ...run, errors: 1, lastError: down };
    return;
  }
  for (const key of Object.keys(ctx.state.links).filter((k) => k.endsWith(`/${cid}`))) {
    const [type, id] = key.slice(0, -cid.length - 1).split(':') as [never, string];
    try {
      const result = syncInBackground(ctx, { type, id }, cid);
      run.checked++;
      if (result.changes) run.changed++;
      if (result.conflicts) run.conflicts++;
    } catch (error) {
      if (!(error instanceof SimProblem)) throw error;
      run.errors++;
      run.lastError = error.body;
    }
  }
  b.failures = 0;
  b.backoffUntil = null;
  b.lastRun = run;
  b.lastSuccess = startedAt;
}
