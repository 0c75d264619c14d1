/**
 * Idempotency keys for non-idempotent writes: one key per user action. Retrying the same action (the
 * same request after a failure) reuses its key, so the server applies it at most once; a different
 * request, or any request after a success (`done()`), gets a fresh key.
 */
export class IdempotencyKeys {
  private last: { request: string; key: string } | null = null;

  /** The key for this request (anything JSON-serializable that identifies the action and its body). */
  for(request: unknown): string {
    const json = JSON.stringify(request);
    if (this.last?.request !== json) this.last = { request: json, key: crypto.randomUUID() };
    return this.last.key;
  }

  /** The last action succeeded: the next request is a new action. */
  done(): void {
    this.last = null;
  }
}
