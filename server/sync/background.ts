// Background sync on pg-boss, a kept-up Postgres job queue (jobs are rows taken with FOR UPDATE SKIP
// LOCKED; retries, back-off and expiry of a job whose worker died come with it). It runs on the
// service's own database, PostgreSQL or PGlite alike, through `Db.script`.
import PgBoss from 'pg-boss';
import type { ProblemBody } from '../../src/model/types.js';
import type { CrmAdapter } from '../crm/adapter.js';
import type { SyncService } from '../domain/operations.js';
import type { Db } from '../storage/db.js';
import { runCycle } from './cycle.js';

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

  constructor(
    private readonly db: Db,
    private readonly service: SyncService,
    private readonly crm: CrmAdapter,
    private readonly timeoutMs: number,
    private readonly options: BackgroundOptions = {},
  ) {}

  async start(): Promise<void> {
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
    await this.boss?.send(CYCLE, { connectionId }, { singletonKey: connectionId });
  }

  /** A cycle of every active, unpaused connection, in the sync priority order. */
  async scheduleAll(): Promise<void> {
    const state = await this.service.configuration();
    const paused = new Set((await this.db.query<{ connection_id: string }>('SELECT connection_id FROM sync_state WHERE paused OR retry_at > now()')).map((r) => r.connection_id));
    for (const conn of state.connections) if (conn.active && !paused.has(conn.id)) await this.runNow(conn.id);
  }

  private async cycle(connectionId: string): Promise<void> {
    const [run] = await this.db.query<{ id: string }>('INSERT INTO sync_runs (connection_id) VALUES ($1) RETURNING id', [connectionId]);
    let stats;
    try {
      stats = await runCycle(this.db, this.service, this.crm, connectionId, this.timeoutMs);
    } catch (error) {
      // The connector failed as a whole (down, slow): the run says so, and the connection backs off.
      const problem: ProblemBody | undefined = (error as { body?: ProblemBody }).body;
      // A fault of the service itself: logged whole, recorded without its internals.
      if (!problem) console.error(`[background sync] ${connectionId}:`, error);
      await this.finish(run!.id, { checked: 0, changed: 0, conflicts: 0, errors: 1, lastError: problem ?? { status: 500, code: 'internal-error', detail: 'The background sync failed' } });
      await this.db.query(
        `INSERT INTO sync_state (connection_id, failures, retry_at) VALUES ($1, 1, now() + interval '1 minute')
         ON CONFLICT (connection_id) DO UPDATE SET failures = sync_state.failures + 1,
           retry_at = now() + least(interval '1 hour', interval '1 minute' * power(2, sync_state.failures))`,
        [connectionId],
      );
      return;
    }
    await this.finish(run!.id, stats);
    await this.db.query('UPDATE sync_state SET failures = 0, retry_at = NULL WHERE connection_id = $1', [connectionId]);
  }

  private async finish(id: string, s: { checked: number; changed: number; conflicts: number; errors: number; lastError: ProblemBody | null }): Promise<void> {
    await this.db.query(
      'UPDATE sync_runs SET finished_at = now(), checked = $2, changed = $3, conflicts = $4, errors = $5, last_error = $6 WHERE id = $1',
      [id, s.checked, s.changed, s.conflicts, s.errors, s.lastError ? JSON.stringify(s.lastError) : null],
    );
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.boss?.stop({ graceful: true, close: true, wait: true, timeout: 10_000 } as PgBoss.StopOptions);
  }
}
