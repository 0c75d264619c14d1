import type { Schema } from './check.js';
import { ErpProblem } from './problem.js';

/** The code of an ErpProblem for a response that does not match the contract (`api/openapi.yaml`). */
export const CONTRACT_VIOLATION = 'contract-violation';

const escapePointer = (key: string | number) => String(key).replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * Checks a parsed response body against its schema before anything uses it. A mismatch throws an
 * `ErpProblem` with code `contract-violation`, the JSON pointer of the first offending field in
 * `field`, and the operation, the field and what was wrong in `detail`: the caller never sees (or
 * renders) part of a malformed answer.
 */
export function checkResponse<T>(operation: string, schema: Schema<T>, data: unknown, status: number): T {
  const issue = schema.check(data, []);
  if (!issue) return data as T;
  const field = issue.path.map((key) => `/${escapePointer(key)}`).join('');
  throw new ErpProblem({
    status,
    code: CONTRACT_VIOLATION,
    field,
    detail: `${operation}: response field ${field || '(body)'}: ${issue.message}`,
  });
}
