import type { ProblemBody } from '../model/types.js';

/** Codes the client itself produces when no problem body arrived from the server. */
export const CLIENT_CODES = {
  network: 'network-error',
  timeout: 'timeout',
  malformed: 'malformed-response',
  aborted: 'aborted',
  /** A redirect or an HTML page where the API should answer: a sign-in page in the way (status 401). */
  signedOut: 'signed-out',
} as const;

/** A problem as the client knows it: the body, and what the answer's headers added. */
export interface ProblemInfo extends ProblemBody {
  /** Seconds until a retry may succeed: the answer's `Retry-After` header (429), not a body field. */
  retryAfter?: number;
}

/**
 * Every failure of an {@link ErpBackend} call arrives as an `ErpProblem`: the server's problem body
 * (RFC 9457 with a stable `code`), or one the client made for a timeout, a dropped connection or a
 * response it could not read.
 */
export class ErpProblem extends Error implements ProblemInfo {
  readonly status: number;
  readonly code: string;
  readonly detail?: string;
  readonly title?: string;
  readonly type?: string;
  readonly field?: string;
  readonly retryAfter?: number;

  constructor(body: ProblemInfo) {
    super(body.detail ?? body.title ?? body.code);
    this.name = 'ErpProblem';
    this.status = body.status;
    this.code = body.code;
    this.detail = body.detail;
    this.title = body.title;
    this.type = body.type;
    this.field = body.field;
    this.retryAfter = body.retryAfter;
  }

  get aborted(): boolean {
    return this.code === CLIENT_CODES.aborted;
  }

  toJSON(): ProblemInfo {
    const { status, code, detail, title, type, field, retryAfter } = this;
    return { status, code, detail, title, type, field, retryAfter };
  }
}

/** True for an abort (a superseded request or a removed element): never shown to the user. */
export function isAbort(error: unknown): boolean {
  return (
    (error instanceof ErpProblem && error.aborted) ||
    (error instanceof DOMException && error.name === 'AbortError')
  );
}

/** Turns anything thrown into an ErpProblem, so UI code handles one type. */
export function toProblem(error: unknown): ErpProblem {
  if (error instanceof ErpProblem) return error;
  if (error instanceof DOMException && error.name === 'AbortError') {
    return new ErpProblem({ status: 0, code: CLIENT_CODES.aborted });
  }
  if (error instanceof DOMException && error.name === 'TimeoutError') {
    return new ErpProblem({ status: 0, code: CLIENT_CODES.timeout });
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new ErpProblem({ status: 0, code: CLIENT_CODES.network, detail });
}
