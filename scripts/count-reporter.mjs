// A web-test-runner reporter that counts the real results and writes them to
// `test-results.json`, so `.ci/run` can print one plain "N passed, N failed" line.
import { writeFileSync } from 'node:fs';

function countSuite(suite, totals) {
  for (const test of suite.tests ?? []) {
    if (test.skipped) totals.skipped++;
    else if (test.passed) totals.passed++;
    else {
      totals.failed++;
      totals.failures.push(test.name);
    }
  }
  for (const child of suite.suites ?? []) countSuite(child, totals);
}

export function countReporter({ file = 'test-results.json' } = {}) {
  return {
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0, failures: [], brokenFiles: [] };
      for (const session of sessions) {
        if (session.testResults) countSuite(session.testResults, totals);
        // A file that failed to load or threw outside a test counts as one failure.
        if (!session.passed && (session.errors?.length || !session.testResults)) {
          totals.failed++;
          totals.brokenFiles.push(session.testFile);
        }
      }
      writeFileSync(file, JSON.stringify(totals, null, 2));
    },
  };
}
