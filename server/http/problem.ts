import type { ProblemBody } from '../../src/model/types.js';
import { problemBody } from '../../simulated-erp/problems.js';

/** A problem the service answers as application/problem+json (never with a stack or an internal message). */
export class ServiceProblem extends Error {
  readonly body: ProblemBody;
  constructor(status: number, code: string, detail?: string, field?: string) {
    super(detail ?? code);
    this.body = problemBody(status, code, detail, field);
  }
}

export function problem(status: number, code: string, detail?: string, field?: string): never {
  throw new ServiceProblem(status, code, detail, field);
}

/** The answer an error carries: the service's own problems and the domain model's (SimProblem). */
export function problemOf(error: unknown): ProblemBody | undefined {
  const body = (error as { body?: ProblemBody } | null)?.body;
  return body && typeof body.status === 'number' && typeof body.code === 'string' ? body : undefined;
}
