import type { WriteOptions } from '../../src/model/types.js';
import type { Ctx } from './context.js';
import { fail } from './problems.js';

// Each record holds a whole answer; keep few so the persisted demo state stays small.
const KEEP = 50;

/** The parts of WriteOptions the simulator needs (the signal stays with the client). */
export type WriteGuard = Pick<WriteOptions, 'version' | 'idempotencyKey'>;

/**
 * Runs a write at most once per Idempotency-Key: a retry with the same key and request gets the first
 * answer, so a lost response never links or creates twice. The version check runs
 * inside, so a retry of a successful save does not fail on the version it itself advanced.
 */
export function guardedWrite<T>(
  ctx: Ctx,
  guard: WriteGuard,
  fingerprint: string,
  currentVersion: () => string,
  write: () => T,
): T {
  const key = guard.idempotencyKey;
  const previous = key ? ctx.state.idempotency.find((r) => r.key === key) : undefined;
  if (previous) {
    if (previous.fingerprint !== fingerprint) {
      fail(422, 'idempotency-key-reused', 'This Idempotency-Key was used for a different request');
    }
    return structuredClone(previous.result) as T;
  }
  const remember = (result: unknown) => {
    if (!key) return;
    ctx.state.idempotency.push({ key, fingerprint, result });
    if (ctx.state.idempotency.length > KEEP) ctx.state.idempotency.splice(0, ctx.state.idempotency.length - KEEP);
  };
  if (!guard.version) fail(428, 'version-required', 'The If-Match header is missing');
  if (guard.version !== currentVersion()) {
    // Not remembered: after reloading, the same key may be retried with the fresh version.
    fail(409, 'version-conflict', 'This record was changed by someone else since you loaded it');
  }
  // Only successes are remembered: after a problem the user may fix the input and retry.
  const value = write();
  remember(structuredClone(value));
  return value;
}
