import type { ProblemBody } from '../src/model/types.js';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  428: 'Precondition Required',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

/** Builds an RFC 9457 body; `type` is a stable URI per code so hosts can document them. */
export function problemBody(status: number, code: string, detail?: string, field?: string): ProblemBody {
  const body: ProblemBody = {
    type: `https://erp-widget.example/problems/${code}`,
    title: TITLES[status] ?? 'Error',
    status,
    code,
  };
  if (detail !== undefined) body.detail = detail;
  if (field !== undefined) body.field = field;
  return body;
}

/** What the simulator throws; the handlers turn it into an application/problem+json response. */
export class SimProblem extends Error {
  readonly body: ProblemBody;
  /** Keep the state changes made before the failure (e.g. a sync that recorded its error). */
  commit = false;
  constructor(status: number, code: string, detail?: string, field?: string) {
    super(detail ?? code);
    this.name = 'SimProblem';
    this.body = problemBody(status, code, detail, field);
  }
}

export function fail(status: number, code: string, detail?: string, field?: string): never {
  throw new SimProblem(status, code, detail, field);
}
