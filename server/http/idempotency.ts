import { createHash } from 'node:crypto';
import type { Db, Queryable } from '../storage/db.js';
import { problem } from './problem.js';

export interface Replay {
  body: string | null;
}

/**
 * Idempotency keys as the most trusted write APIs keep them: per caller, for at least 24 hours; the
 * same key with another request answers 422, while the first is still running 409. The answer is
 * stored in the write's own transaction (`remember`), so a crash cannot leave a write applied
 * without its key, nor a key without its write.
 */
export class IdempotencyKeys {
  constructor(
    private readonly db: Db,
    /** How long a "running" key blocks a retry before it counts as abandoned (a crashed instance). */
    private readonly leaseSeconds = 60,
    private readonly keepHours = 24,
  ) {}

  static fingerprint(method: string, url: string, body: unknown): string {
    return createHash('sha256').update(`${method} ${url} ${JSON.stringify(body ?? null)}`).digest('hex');
  }

  /** Claims the key; answers the stored replay when the same request already succeeded. */
  async begin(caller: string, key: string, fingerprint: string): Promise<Replay | undefined> {
    const inserted = await this.db.query(
      `INSERT INTO idempotency_keys (caller, key, fingerprint, state) VALUES ($1, $2, $3, 'running') ON CONFLICT DO NOTHING RETURNING key`,
      [caller, key, fingerprint],
    );
    if (inserted.length) return undefined;
    const [row] = await this.db.query<{ fingerprint: string; state: string; body: string | null; stale: boolean }>(
      `SELECT fingerprint, state, body, created_at < now() - make_interval(secs => $3) AS stale FROM idempotency_keys WHERE caller = $1 AND key = $2`,
      [caller, key, this.leaseSeconds],
    );
    if (!row) return this.begin(caller, key, fingerprint);
    if (row.fingerprint !== fingerprint) problem(422, 'idempotency-key-reused', 'This Idempotency-Key was used for a different request');
    if (row.state === 'done') return { body: row.body };
    if (!row.stale) problem(409, 'request-in-progress', 'This request is still being processed; try again in a moment');
    const taken = await this.db.query(
      `UPDATE idempotency_keys SET created_at = now() WHERE caller = $1 AND key = $2 AND state = 'running' AND created_at < now() - make_interval(secs => $3) RETURNING key`,
      [caller, key, this.leaseSeconds],
    );
    if (!taken.length) problem(409, 'request-in-progress', 'This request is still being processed; try again in a moment');
    return undefined;
  }

  /** Stores the answer (inside the write's transaction when there is one). */
  async remember(q: Queryable, caller: string, key: string, body: unknown): Promise<void> {
    await q.query(`UPDATE idempotency_keys SET state = 'done', body = $3 WHERE caller = $1 AND key = $2`, [caller, key, body === undefined ? null : JSON.stringify(body)]);
  }

  /** A failed request frees its key: the user may correct the input and retry with it. */
  async release(caller: string, key: string): Promise<void> {
    await this.db.query(`DELETE FROM idempotency_keys WHERE caller = $1 AND key = $2 AND state = 'running'`, [caller, key]);
  }

  /** On an embedded database only this process can have been running a request. */
  async releaseAllRunning(): Promise<void> {
    await this.db.query(`DELETE FROM idempotency_keys WHERE state = 'running'`);
  }

  async purge(): Promise<void> {
    await this.db.query(`DELETE FROM idempotency_keys WHERE created_at < now() - make_interval(hours => $1)`, [this.keepHours + 1]);
  }
}
