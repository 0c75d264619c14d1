// The fault matrix: every RestBackend operation x every fault, with what the client must report.
// Pure data (no DOM, no Lit): test/hardening/fault-matrix.test.ts checks each cell in the browser, and
// docs/fault-matrix.md is written from the results of that run (scripts/fault-matrix-plugin.mjs).
import { OPERATIONS, type Fault, type OperationName } from '../../simulated-erp/faults.js';

/** The client timeout the matrix runs with, and the latency that exceeds it. */
export const MATRIX_TIMEOUT_MS = 200;

export interface FaultCase {
  id: string;
  /** What is injected, for the table. */
  label: string;
  /** The simulator fault; `undefined` for the contract case built from the operation's real answer. */
  fault?: Fault;
  /** The ErpProblem the call must reject with. */
  status: number;
  code: string;
  /** A fragment of the English `problemMessage()` sentence. */
  message: string;
  /**
   * Built from the operation's real answer (`fault` is then undefined): `break` breaks one field,
   * `text/plain` sends it as it is with that content type.
   */
  fromReal?: 'break' | 'text/plain';
  /** Only where the operation answers with a body: an operation that answers 204 is n/a here. */
  needsBody?: true;
}

/** What a cell of a run came to: '' passed, 'n/a', else what failed. */
export type CellResult = string;
export const NOT_APPLICABLE = 'n/a';

/** The connector's own words, carried in a 502 `connector-error`. */
const CONNECTOR_MESSAGE = 'Tryton: the customer 4711 is locked by another user';
/** A sign-in page, as an SSO proxy in front of the API sends it when the session ended. */
const SIGN_IN_PAGE = '<!doctype html><html><head><title>Sign in</title></head><body><form action="/sign-in"><input name="user"></form></body></html>';

export const FAULTS: FaultCase[] = [
  { id: 'slow', label: `answer after ${MATRIX_TIMEOUT_MS * 2} ms (timeout ${MATRIX_TIMEOUT_MS} ms)`, fault: { kind: 'latency', ms: MATRIX_TIMEOUT_MS * 2 }, status: 0, code: 'timeout', message: 'took too long' },
  { id: '400', label: '400 problem', fault: { kind: 'problem', status: 400, code: 'invalid-body', detail: 'Injected bad request' }, status: 400, code: 'invalid-body', message: 'The request failed: Injected bad request' },
  { id: '401', label: '401 problem', fault: { kind: 'problem', status: 401, code: 'unauthenticated' }, status: 401, code: 'unauthenticated', message: 'Sign in again' },
  { id: '403', label: '403 problem', fault: { kind: 'problem', status: 403, code: 'forbidden' }, status: 403, code: 'forbidden', message: 'You do not have access' },
  { id: '404', label: '404 problem', fault: { kind: 'problem', status: 404, code: 'not-found' }, status: 404, code: 'not-found', message: 'was not found' },
  { id: '409', label: '409 version conflict', fault: { kind: 'problem', status: 409, code: 'version-conflict' }, status: 409, code: 'version-conflict', message: 'Someone else changed this record' },
  { id: '422', label: '422 problem with a field', fault: { kind: 'problem', status: 422, code: 'validation-failed', detail: 'Injected invalid value', field: '/name' }, status: 422, code: 'validation-failed', message: 'The request failed: Injected invalid value' },
  { id: '500', label: '500 problem', fault: { kind: 'problem', status: 500, code: 'internal-error' }, status: 500, code: 'internal-error', message: 'not available right now' },
  { id: '503', label: '503 problem', fault: { kind: 'problem', status: 503, code: 'unavailable' }, status: 503, code: 'unavailable', message: 'not available right now' },
  { id: 'non-json', label: '200 with a non-JSON body', fault: { kind: 'malformed' }, status: 200, code: 'malformed-response', message: 'could not be read' },
  { id: 'network', label: 'network error', fault: { kind: 'network' }, status: 0, code: 'network-error', message: 'could not be reached' },
  { id: 'shape', label: '200 with JSON of the wrong shape', fault: { kind: 'body', body: { unexpected: '<b>x</b>' } }, status: 200, code: 'contract-violation', message: 'unexpected format' },
  { id: 'field', label: '200 with the real answer, one field of the wrong type', fromReal: 'break', status: 200, code: 'contract-violation', message: 'unexpected format' },
  { id: 'huge', label: '200 with a 1 MB JSON string instead of the answer', fault: { kind: 'body', body: 'x'.repeat(1_000_000) }, status: 200, code: 'contract-violation', message: 'unexpected format' },
  { id: '502', label: "502 `connector-error` with the connector's message", fault: { kind: 'problem', status: 502, code: 'connector-error', detail: CONNECTOR_MESSAGE }, status: 502, code: 'connector-error', message: `The ERP reported an error: ${CONNECTOR_MESSAGE}` },
  { id: '429', label: '429 with `Retry-After: 30`', fault: { kind: 'problem', status: 429, code: 'rate-limited', headers: { 'Retry-After': '30' } }, status: 429, code: 'rate-limited', message: 'Try again in 30 seconds' },
  { id: 'redirect', label: '302 redirect to an HTML sign-in page', fault: { kind: 'raw', status: 302, headers: { Location: '/sign-in?next=%2Fapi%2Ferp' } }, status: 401, code: 'signed-out', message: 'Sign in again' },
  { id: 'html', label: '200 with an HTML sign-in page', fault: { kind: 'raw', status: 200, contentType: 'text/html; charset=utf-8', body: SIGN_IN_PAGE }, status: 401, code: 'signed-out', message: 'Sign in again' },
  { id: 'empty-200', label: '200 with an empty body', fault: { kind: 'raw', status: 200, contentType: 'application/json' }, needsBody: true, status: 200, code: 'contract-violation', message: 'unexpected format' },
  { id: 'empty-201', label: '201 with an empty body', fault: { kind: 'raw', status: 201, contentType: 'application/json' }, needsBody: true, status: 201, code: 'contract-violation', message: 'unexpected format' },
  { id: '204', label: '204 where a body is expected', fault: { kind: 'raw', status: 204 }, needsBody: true, status: 204, code: 'contract-violation', message: 'unexpected format' },
  { id: 'type', label: 'the real answer (valid JSON) as `text/plain`', fromReal: 'text/plain', needsBody: true, status: 200, code: 'malformed-response', message: 'could not be read' },
];

export const MATRIX_OPERATIONS: readonly OperationName[] = OPERATIONS;

const escapeCell = (s: string) => s.replace(/\|/g, '\\|');

/** The key of an operation cell in a run's results. */
export const operationCell = (op: OperationName, fault: string) => `operation ${op} ${fault}`;

/** How a cell shows in the document: its result in the run, or `not run`. */
export function markOf(result: CellResult | undefined): string {
  return result === undefined ? 'not run' : result === '' ? 'pass' : result === NOT_APPLICABLE ? 'n/a' : 'FAIL';
}

/** Counts of the marks, for the line under a grid. */
export function tally(marks: string[]): string {
  const counts = new Map<string, number>();
  for (const m of marks) counts.set(m, (counts.get(m) ?? 0) + 1);
  return ['pass', 'FAIL', 'n/a', 'not run']
    .filter((m) => counts.has(m))
    .map((m) => `${counts.get(m)} ${m}`)
    .join(', ');
}

/** docs/fault-matrix.md, first part: what is injected, what the client reports, and the grid of the run. */
export function renderMarkdown(results: ReadonlyMap<string, CellResult>): string {
  const marks = MATRIX_OPERATIONS.map((op) => FAULTS.map((f) => markOf(results.get(operationCell(op, f.id)))));
  const lines = [
    '# Fault matrix',
    '',
    '<!-- Written by `npm test` (scripts/fault-matrix-plugin.mjs) from the results of the run. Do not edit. -->',
    '',
    'This file is a record of the last full test run, not of the lists: each cell says what its test',
    'found (pass, FAIL, n/a, or not run when the run did not reach it).',
    '',
    'Every `RestBackend` operation is called against the simulated ERP with each fault injected',
    '(`sim().faults.inject(op, fault)`); `test/hardening/fault-matrix.test.ts` checks every cell in the',
    'browser: the call rejects with the `ErpProblem` below, `problemMessage()` gives the sentence below,',
    'exactly one request reached the simulator, and nothing is thrown uncaught or written to the console.',
    'A fault marked "needs a body" is n/a for an operation that answers 204 No Content.',
    '',
    '## Faults',
    '',
    '| Fault | Injected | ErpProblem status | ErpProblem code | Message (English) contains |',
    '| --- | --- | --- | --- | --- |',
    ...FAULTS.map(
      (f) =>
        `| \`${f.id}\` | ${escapeCell(f.label)}${f.needsBody ? ' (needs a body)' : ''} | ${f.status} | \`${f.code}\` | "${escapeCell(f.message)}" |`,
    ),
    '',
    '## Operation x fault',
    '',
    `| Operation | ${FAULTS.map((f) => `\`${f.id}\``).join(' | ')} |`,
    `| --- | ${FAULTS.map(() => ':---:').join(' | ')} |`,
    ...MATRIX_OPERATIONS.map((op, i) => `| \`${op}\` | ${marks[i]!.join(' | ')} |`),
    '',
    `${MATRIX_OPERATIONS.length} operations x ${FAULTS.length} faults = ${MATRIX_OPERATIONS.length * FAULTS.length} cells: ${tally(marks.flat())}.`,
    '',
  ];
  return lines.join('\n');
}
