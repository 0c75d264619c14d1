// The fault matrix (docs/fault-matrix.md): for every RestBackend operation, each fault injected into the
// simulated ERP makes the call reject with the right ErpProblem, problemMessage() gives the right (and for
// 401/403 a distinct) localized sentence, and nothing is thrown uncaught or warned about.
import { expect } from '@open-wc/testing';
import { configure, DEFAULT_TIMEOUT_MS } from '../../src/backend/config.js';
import { ErpProblem } from '../../src/backend/problem.js';
import { RestAdminBackend } from '../../src/backend/rest-backend.js';
import { problemMessage } from '../../src/i18n/problem-message.js';
import { switchLocale } from '../../src/i18n/localization.js';
import type { Fault, OperationName } from '../../simulated-erp/faults.js';
import { useSimulator } from '../helpers/sim.js';
import { CALLS } from './operations.js';
import { FAULTS, markOf, MATRIX_OPERATIONS, MATRIX_TIMEOUT_MS, NOT_APPLICABLE, operationCell, type FaultCase } from './fault-cases.js';
import { recordCells } from '../helpers/matrix-results.js';
import { capturePageErrors } from '../helpers/page-errors.js';
import { until } from '../helpers/queries.js';
import { nextTask } from '../helpers/events.js';

/** The first string leaf becomes a number (else the first number/boolean a string); `7` when there is none. */
function breakOneField(json: unknown): unknown {
  let done = false;
  const walk = (node: unknown): unknown => {
    if (done) return node;
    if (typeof node === 'string') return ((done = true), 12345);
    if (typeof node === 'number' || typeof node === 'boolean') return ((done = true), String(node));
    if (Array.isArray(node)) return node.map(walk);
    if (node && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v)]));
    return node;
  };
  const broken = walk(json);
  return done ? broken : 7;
}

const results = new Map<string, string>(); // operationCell() -> '' (pass), 'n/a' or the failure
const cell = (op: OperationName, fault: FaultCase) => operationCell(op, fault.id);

/** The fault a case injects; for the cases built from the operation's real answer, from `real`. */
function faultOf(f: FaultCase, real: string): Fault {
  if (f.fromReal === 'text/plain') return { kind: 'raw', status: 200, contentType: 'text/plain', body: real };
  if (f.fromReal === 'break') return { kind: 'body', body: breakOneField(real === '' ? undefined : JSON.parse(real)) };
  return f.fault!;
}

function printMatrix() {
  const width = Math.max(...MATRIX_OPERATIONS.map((o) => o.length));
  const head = `${'operation'.padEnd(width)} | ${FAULTS.map((f) => f.id.padEnd(8)).join(' | ')}`;
  const rows = MATRIX_OPERATIONS.map(
    (op) =>
      `${op.padEnd(width)} | ${FAULTS.map((f) => {
        const r = results.get(cell(op, f));
        return markOf(r).padEnd(8);
      }).join(' | ')}`,
  );
  const failed = [...results].filter(([, r]) => markOf(r) === 'FAIL');
  console.log(
    [
      `FAULT MATRIX (${MATRIX_OPERATIONS.length} operations x ${FAULTS.length} faults, ${results.size} run, ${failed.length} failed)`,
      head,
      '-'.repeat(head.length),
      ...rows,
      ...failed.map(([k, r]) => `FAIL ${k}: ${r}`),
    ].join('\n'),
  );
}

describe('fault matrix: every operation x every fault', () => {
  const sim = useSimulator();
  let capture: { text: string }[] = [];
  const { uncaught, warnings } = capturePageErrors();
  after(async () => {
    printMatrix();
    // docs/fault-matrix.md is written from these (scripts/fault-matrix-plugin.mjs).
    await recordCells(results);
  });
  beforeEach(() => {
    capture = [];
    const fetch: typeof globalThis.fetch = async (input, init) => {
      const response = await globalThis.fetch(input, init);
      capture.push({ text: await response.clone().text() });
      return response;
    };
    configure({ fetch });
  });
  afterEach(() => configure({ fetch: undefined }));

  for (const op of MATRIX_OPERATIONS) {
    it(`${op}: rejects with the right problem and message for each fault`, async function () {
      this.timeout(120_000);
      const api = new RestAdminBackend();
      const call = await CALLS[op](api);
      // The real answer (to break one field of it); the call must succeed without a fault.
      await call();
      const real = capture.at(-1)!.text;
      const problems: string[] = [];
      for (const f of FAULTS) {
        if (f.needsBody && real === '') {
          results.set(cell(op, f), NOT_APPLICABLE);
          continue;
        }
        const fault = faultOf(f, real);
        sim().faults.clear();
        sim().faults.inject(op, { ...fault, times: 1 });
        // Only the slow case runs with the short timeout (a 1 MB answer may take longer to arrive).
        configure({ timeoutMs: f.id === 'slow' ? MATRIX_TIMEOUT_MS : DEFAULT_TIMEOUT_MS });
        const before = { uncaught: uncaught.length, warnings: warnings.length };
        const answeredBefore = sim().faults.answered(op);
        let outcome = '';
        try {
          await call();
          outcome = 'resolved instead of rejecting';
        } catch (error) {
          if (!(error instanceof ErpProblem)) outcome = `rejected with ${String(error)}, not an ErpProblem`;
          else if (error.code !== f.code || error.status !== f.status)
            outcome = `got ${error.status} ${error.code}, want ${f.status} ${f.code}`;
          else if (!problemMessage(error).includes(f.message))
            outcome = `message "${problemMessage(error)}" lacks "${f.message}"`;
          else if (f.code === 'contract-violation' && !error.detail?.startsWith(`${op}:`))
            outcome = `contract detail "${error.detail}" does not name ${op}`;
        }
        if (f.id === 'slow') {
          // The late answer lands (and must change nothing).
          await until(() => sim().faults.answered(op) > answeredBefore, `the late ${op} answer was sent`);
          await nextTask();
        }
        // What reached the backend: exactly the one request (no silent retries, no follow-up call).
        const sent = sim().faults.answered(op) - answeredBefore;
        if (!outcome && sent !== 1) outcome = `${sent} ${op} requests reached the simulator, want 1`;
        if (!outcome && uncaught.length > before.uncaught) outcome = `uncaught: ${uncaught.slice(before.uncaught).join('; ')}`;
        if (!outcome && warnings.length > before.warnings) outcome = `console: ${warnings.slice(before.warnings).join('; ')}`;
        results.set(cell(op, f), outcome);
        if (outcome) problems.push(`${f.id}: ${outcome}`);
      }
      expect(problems, problems.join('\n')).to.deep.equal([]);
    });
  }

  it('gives 401 and 403 distinct sentences in every language', async () => {
    const sentences: Record<string, string[]> = {};
    try {
      for (const locale of ['en', 'de', 'da', 'nl'] as const) {
        await switchLocale(locale);
        sentences[locale] = [401, 403, 200].map((status) =>
          problemMessage({ status, code: status === 200 ? 'contract-violation' : `http-${status}` }),
        );
      }
    } finally {
      await switchLocale('en');
    }
    for (const [locale, [s401, s403, contract]] of Object.entries(sentences)) {
      expect(s401, locale).to.not.equal(s403);
      expect(new Set([s401, s403, contract]).size, locale).to.equal(3);
      if (locale !== 'en') expect(contract, `${locale} is translated`).to.not.equal(sentences['en']![2]);
    }
    expect(sentences['de']![0]).to.contain('Melden Sie sich');
  });

  it('can fail: a fault the client would not report is caught', async () => {
    const api = new RestAdminBackend();
    sim().faults.inject('listConnectors', { kind: 'problem', status: 403, code: 'forbidden', times: 1 });
    const problem = await api.listConnectors().catch((e: unknown) => e as ErpProblem);
    expect(problemMessage(problem as ErpProblem)).to.not.contain('Sign in again');
  });
});
