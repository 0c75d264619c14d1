import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import type { ErpProblem } from '../../../backend/problem.js';
import type { TestResult } from '../../../model/types.js';
import { adminProblemMessage, adminTerms } from '../admin-terms.js';

/** Test in the connection dialog: the button, what the last test said, and why it failed. */
export interface ConnectionTestView {
  pending: boolean;
  /** The last test, with the configuration it tested (as a key). */
  test: { key: string; result: TestResult } | undefined;
  /** The configuration now, as the same kind of key. */
  currentKey: string;
  problem: ErpProblem | null;
  disabled: boolean;
  onTest(): void;
}

export function renderConnectionTest(v: ConnectionTestView) {
  const t = adminTerms();
  const test = v.test;
  const stale = test && test.key !== v.currentKey;
  const passed = !!test && test.result.ok && !stale;
  const failed = test && !test.result.ok && !stale;
  return html`<div class="actions">
      <button type="button" aria-busy=${v.pending ? 'true' : 'false'} ?disabled=${v.disabled} @click=${v.onTest}>${t.test}</button>
    </div>
    <p role="status" class=${passed ? 'result-ok' : 'muted'}>
      ${v.pending
        ? msg('Testing…', { id: 'admin.testing' })
        : passed
          ? msg(str`Test passed: ${test!.result.message}`, { id: 'admin.testPassed' })
          : stale && test!.result.ok
            ? msg('The values changed since the test passed. Test again.', { id: 'admin.conn.testStale' })
            : ''}
    </p>
    <div role="alert" class="error">
      ${failed ? msg(str`Test failed: ${test!.result.message}`, { id: 'admin.testFailed' }) : nothing}
      ${v.problem ? adminProblemMessage(v.problem) : nothing}
    </div>`;
}
