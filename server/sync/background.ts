// Background sync on pg-boss, a kept-up Postgres job queue (jobs are rows taken with FOR UPDATE SKIP
// LOCKED; retries, back-off and expiry of a job whose worker died come with it). It runs on the
// service's own database, PostgreSQL or PGlite alike, through `Db.script`.
import { randomUUID } from 'node:crypto';
import PgBoss from 'pg-boss';
import { backoffMs } from '../../simulated-erp/background.js';
import type { BackgroundRun, BackgroundSyncStatus, ProblemBody } from '../../src/model/types.js';
import type { CrmAdapter } from '../crm/adapter.js';
import type { SyncService } from '../domain/operations.js';
import type { Db } from '../storage/db.js';
import { problemOf } from '../http/problem.js';
import { runCycle, type CycleStats } from './cycle.js';

const CYCLE = 'erp-sync-cycle';

export interface BackgroundOptions {
  /** How often each instance asks for a cycle of every active connection (default 60 s). */
  everySeconds?: number;
  /** After how long a cycle whose worker died (killed, crashed) is run again (default 300 s). */
  expireInSeconds?: number;
  /** How often pg-boss looks for such cycles (default 60 s). */
  maintenanceSeconds?: number;
}

/**
 * Schedules and runs each active connection's sync cycles. A "stately" queue keyed by connection:
 * at most one cycle of a connection runs at a time and one more waits, on however many instances;
 * a cycle that failed is retried with back-off; one whose worker died is taken up again once it
 * expires, and resumes from the cursors its pages saved.
 */
export class BackgroundSync {
  private boss?: PgBoss;
  private timer?: NodeJS.Timeout;
  private options: BackgroundOptions = {};
  private stopping = false;

  constructor(
    private readonly db: Db,
    private readonly service: SyncService,
    private readonly crm: CrmAdapter,
    private readonly timeoutMs: number,
  ) {}

  /** Whether this instance schedules and works cycles (`start`); without, Run now runs one in the request. */
  get running(): boolean {
    return this.boss !== undefined;
  }

  async start(options: BackgroundOptions = {}): Promise<void> {
    this.options = options;
    const boss = new PgBoss({
      db: { executeSql: async (text: string, values: unknown[]) => ({ rows: await this.db.script(text, values) }) },
      schema: 'pgboss',
      supervise: true,
      schedule: false,
      migrate: true,
      maintenanceIntervalSeconds: this.options.maintenanceSeconds ?? 60,
    });
    boss.on('error', (error: Error) => console.error(`[background sync] ${error.message}`));
    await boss.start();
    const queue = { name: CYCLE, policy: 'stately' as const, retryLimit: 5, retryDelay: 5, retryBackoff: true, expireInSeconds: this.options.expireInSeconds ?? 300 };
    // Made by the first instance ever; every start applies the options it was given.
    if (await boss.getQueue(CYCLE)) await boss.updateQueue(CYCLE, queue);
    else await boss.createQueue(CYCLE, queue);
    await boss.work<{ connectionId: string }>(CYCLE, { pollingIntervalSeconds: 1 }, async ([job]) => {
      if (job) await this.cycle(job.data.connectionId);
    });
    this.boss = boss;
    const every = (this.options.everySeconds ?? 60) * 1000;
    this.timer = setInterval(() => void this.scheduleAll().catch((error: Error) => console.error(`[background sync] scheduling failed: ${error.message}`)), every);
    this.timer.unref();
  }

  /** A cycle of the connection as soon as a worker is free (Run now); one already waiting is enough. */
  async runNow(connectionId: string): Promise<void> {
    if (this.boss) await this.boss.send(CYCLE, { connectionId }, { singletonKey: connectionId });
    else await this.cycle(connectionId);
  }

  async setPaused(connectionId: string, paused: boolean): Promise<void> {
    await this.db.query(
      'INSERT INTO sync_state (connection_id, paused) VALUES ($1, $2) ON CONFLICT (connection_id) DO UPDATE SET paused = $2',
      [connectionId, paused],
    );
  }

  /** What the admin screen shows of a connection's background sync. */
  async status(conn: { id: string; active: boolean }): Promise<BackgroundSyncStatus> {
    const [state] = await this.db.query<{ paused: boolean; failures: number; retry_at: Date | string | null }>(
      'SELECT paused, failures, retry_at FROM sync_state WHERE connection_id = $1',
      [conn.id],
    );
    const [run] = await this.db.query<RunRow>(
      'SELECT started_at, finished_at, checked, changed, conflicts, errors, last_error FROM sync_runs WHERE connection_id = $1 ORDER BY id DESC LIMIT 1',
      [conn.id],
    );
    const now = Date.now();
    const retryAt = state?.retry_at ? new Date(state.retry_at).getTime() : 0;
    const backoffUntil = retryAt > now ? new Date(retryAt).toISOString() : null;
    const lastRun = run ? runOf(run) : null;
    let nextRunAt: string | null = null;
    if (this.boss && conn.active && !state?.paused) {
      const due = lastRun ? Date.parse(lastRun.startedAt) + (this.options.everySeconds ?? 60) * 1000 : now;
      nextRunAt = new Date(Math.max(now, due, retryAt)).toISOString();
    }
    return { connectionId: conn.id, paused: state?.paused ?? false, lastRun, nextRunAt, failures: state?.failures ?? 0, backoffUntil };
  }

  /** When each connection's background sync last went over its changes (the tab's "last background sync"). */
  async lastSuccess(): Promise<Map<string, string | null>> {
    const rows = await this.db.query<{ connection_id: string; last_success: Date | string | null }>('SELECT connection_id, last_success FROM sync_state');
    return new Map(rows.map((r) => [r.connection_id, r.last_success ? new Date(r.last_success).toISOString() : null]));
  }

  /** A cycle of every active, unpaused connection, in the sync priority order. */
  async scheduleAll(): Promise<void> {
    const state = await this.service.configuration();
    const paused = new Set((await this.db.query<{ connection_id: string }>('SELECT connection_id FROM sync_state WHERE paused OR retry_at > now()')).map((r) => r.connection_id));
    for (const conn of state.connections) if (conn.active && !paused.has(conn.id)) await this.runNow(conn.id);
  }

  private async cycle(connectionId: string): Promise<void> {
    const lease = await Lease.take(this.db, connectionId, this.leaseSeconds());
    // Another cycle of the connection still runs (one the queue gave up on as expired): it goes on.
    if (!lease) return;
    const [run] = await this.db.query<{ id: string }>('INSERT INTO sync_runs (connection_id) VALUES ($1) RETURNING id', [connectionId]);
    const stats: CycleStats = { checked: 0, changed: 0, conflicts: 0, errors: 0, lastError: null };
    try {
      // Writes that died after their ERP save first: their changes go into the history.
      const recovered = await this.service.recoverWrites(connectionId);
      if (recovered) console.log(`[background sync] ${connectionId}: recorded ${recovered} write(s) that had reached the ERP before their transaction died`);
      await runCycle(this.db, this.service, this.crm, connectionId, this.timeoutMs, async () => {
        if (this.stopping) throw new CycleEnded('The service stopped during the run');
        await lease.renew();
        // Requests that arrived meanwhile go first: on PGlite, one connection serves both.
        await new Promise((r) => setImmediate(r));
      }, stats);
      await this.finish(run!.id, connectionId, stats, 'complete');
    } catch (error) {
      if (error instanceof CycleEnded) {
        // Not a failure: the next cycle goes on from the cursors this one saved.
        await this.finish(run!.id, connectionId, stats, 'ended');
        return;
      }
      // The connector failed as a whole (down, slow): the run says so, and the connection backs off.
      const problem = problemOf(error);
      // A fault of the service itself: logged whole, recorded without its internals.
      if (!problem) console.error(`[background sync] ${connectionId}:`, error);
      stats.errors++;
      stats.lastError = problem ?? { status: 500, code: 'internal-error', detail: 'The background sync failed' };
      await this.finish(run!.id, connectionId, stats, 'failed');
    } finally {
      await lease.release().catch(() => undefined);
    }
  }

  /** A lease outlives a renewal gap by far, and a killed worker's runs out about when its job expires. */
  private leaseSeconds(): number {
    return Math.max(3, this.options.expireInSeconds ?? 300);
  }

  /** Records the run and the connection's state: success clears the back-off, a failure doubles it. */
  private async finish(id: string, cid: string, s: CycleStats, outcome: 'complete' | 'ended' | 'failed'): Promise<void> {
    const failed = outcome === 'failed';
    await this.db.transaction(async (tx) => {
      await tx.query(
        'UPDATE sync_runs SET finished_at = now(), checked = $2, changed = $3, conflicts = $4, errors = $5, last_error = $6, failed = $7 WHERE id = $1',
        [id, s.checked, s.changed, s.conflicts, s.errors, s.lastError ? JSON.stringify(s.lastError) : null, failed],
      );
      const [state] = await tx.query<{ failures: number }>(
        'INSERT INTO sync_state (connection_id) VALUES ($1) ON CONFLICT (connection_id) DO UPDATE SET connection_id = $1 RETURNING failures',
        [cid],
      );
      const failures = failed ? state!.failures + 1 : 0;
      await tx.query(
        `UPDATE sync_state SET failures = $2, retry_at = $3, last_success = CASE WHEN $4 THEN now() ELSE last_success END WHERE connection_id = $1`,
        [cid, failures, failed ? new Date(Date.now() + backoffMs(failures)).toISOString() : null, outcome === 'complete'],
      );
      // The admin screen shows the newest run: older ones beyond a hundred go.
      await tx.query(
        'DELETE FROM sync_runs WHERE connection_id = $1 AND id <= (SELECT id FROM sync_runs WHERE connection_id = $1 ORDER BY id DESC OFFSET 100 LIMIT 1)',
        [cid],
      );
    });
  }

  async stop(): Promise<void> {
    this.stopping = true;
    clearInterval(this.timer);
    await this.boss?.stop({ graceful: true, close: true, wait: true, timeout: 10_000 } as PgBoss.StopOptions);
  }
}

/** A cycle ended before its end on purpose (the service stops, the lease went to another cycle). */
class CycleEnded extends Error {}

/** A connection's lease in sync_state: who runs its cycle, until when unless renewed. */
class Lease {
  private renewedAt = Date.now();

  private constructor(
    private readonly db: Db,
    private readonly cid: string,
    private readonly owner: string,
    private readonly seconds: number,
  ) {}

  static async take(db: Db, cid: string, seconds: number): Promise<Lease | undefined> {
    const owner = randomUUID();
    const rows = await db.query(
      `INSERT INTO sync_state (connection_id, lease_owner, lease_until) VALUES ($1, $2, now() + make_interval(secs => $3))
       ON CONFLICT (connection_id) DO UPDATE SET lease_owner = $2, lease_until = now() + make_interval(secs => $3)
       WHERE sync_state.lease_until IS NULL OR sync_state.lease_until < now() RETURNING connection_id`,
      [cid, owner, seconds],
    );
    return rows.length ? new Lease(db, cid, owner, seconds) : undefined;
  }

  /** Renewed once a third of it has passed; lost (expired and taken by another cycle) ends this one. */
  async renew(): Promise<void> {
    if (Date.now() - this.renewedAt < (this.seconds * 1000) / 3) return;
    const rows = await this.db.query(
      'UPDATE sync_state SET lease_until = now() + make_interval(secs => $3) WHERE connection_id = $1 AND lease_owner = $2 RETURNING connection_id',
      [this.cid, this.owner, this.seconds],
    );
    if (!rows.length) throw new CycleEnded('Another cycle took the connection over');
    this.renewedAt = Date.now();
  }

  async release(): Promise<void> {
    await this.db.query('UPDATE sync_state SET lease_owner = NULL, lease_until = NULL WHERE connection_id = $1 AND lease_owner = $2', [this.cid, this.owner]);
  }
}

interface RunRow {
  started_at: Date | string;
  finished_at: Date | string | null;
  checked: number;
  changed: number;
  conflicts: number;
  errors: number;
  last_error: ProblemBody | string | null;
}

function runOf(r: RunRow): BackgroundRun {
  const run: BackgroundRun = {
    startedAt: new Date(r.started_at).toISOString(),
    finishedAt: r.finished_at ? new Date(r.finished_at).toISOString() : null,
    checked: Number(r.checked),
    changed: Number(r.changed),
    conflicts: Number(r.conflicts),
    errors: Number(r.errors),
  };
  if (r.last_error) run.lastError = typeof r.last_error === 'string' ? (JSON.parse(r.last_error) as ProblemBody) : r.last_error;
  return run;
}
