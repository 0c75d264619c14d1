import type { WriteOptions } from '../src/model/types.js';
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
  return once(ctx, guard.idempotencyKey, fingerprint, () => {
    if (!guard.version) fail(428, 'version-required', 'The If-Match header is missing');
    // `*` (If-Match: *) matches whatever version is current.
    if (guard.version !== '*' && guard.version !== currentVersion()) {
      // Not remembered: after reloading, the same key may be retried with the fresh version.
      fail(409, 'version-conflict', 'This record was changed by someone else since you loaded it');
    }
    return write();
  });
}

/**
 * Runs `write` at most once per Idempotency-Key (`key`; empty = no key, always runs): a repeat with the
 * same key and `fingerprint` (the request) gets the first answer without applying again; the same key
 * for another request answers 422. Only successes are remembered: after a problem the user may fix the
 * input (or reload after a 409) and retry with the same key.
 */
export function once<T>(ctx: Ctx, key: string | null | undefined, fingerprint: string, write: () => T): T {
  const previous = key ? ctx.state.idempotency.find((r) => r.key === key) : undefined;
  if (previous) {
    if (previous.fingerprint !== fingerprint) {
      fail(422, 'idempotency-key-reused', 'This Idempotency-Key was used for a different request');
    }
    return structuredClone(previous.result) as T;
  }
  const value = write();
  if (key) {
    ctx.state.idempotency.push({ key, fingerprint, result: structuredClone(value) });
    if (ctx.state.idempotency.length > KEEP) ctx.state.idempotency.splice(0, ctx.state.idempotency.length - KEEP);
  }
  return value;
}
