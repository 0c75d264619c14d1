// The journey fault matrix, connect-dialog journeys (docs/fault-matrix.md, "Journey fault matrix"):
// search, advanced search, Load more, compare, Create in ERP. The tab's journeys and the German cells
// run in journey-matrix-tab.test.ts (two files, so a 2-core CI runs them side by side).
import { expect } from '@open-wc/testing';
import { JOURNEY_FAULTS, journeyCell, renderDocument } from './journey-cases.js';
import { announced, describeJourneys, messageElement } from './journey-runner.js';

describeJourneys('journey fault matrix: Connect to ERP actions x every fault', [
  'suggestions',
  'search-text',
  'advanced-fields',
  'search-advanced',
  'load-more',
  'compare',
  'create-fields',
  'create-lists',
]);

describe('journey fault matrix: its checks', () => {
  it('can fail: a 403 does not read as "sign in again", and a message outside any live region is caught', () => {
    const p = document.createElement('p');
    p.textContent = 'You do not have access to this. Ask an administrator.';
    document.body.append(p);
    try {
      expect(announced(p)).to.equal(false);
      expect(messageElement(document.body, 'Sign in again')).to.equal(undefined);
    } finally {
      p.remove();
    }
  });

  it('can fail: the document shows a failing cell as FAIL and a cell the run did not reach as not run', () => {
    const results = new Map([
      [journeyCell('en', 'search-text', '500'), ''],
      [journeyCell('en', 'search-text', 'network'), 'no message containing "could not be reached"'],
    ]);
    const MARKS = ['pass', 'FAIL', 'n/a', 'not run'];
    const cells = renderDocument(results)
      .split('\n')
      .map((line) => line.split('|').slice(1, -1).map((c) => c.trim()))
      .find((c) => c[0] === '`search-text`' && c.length === JOURNEY_FAULTS.length + 1 && c.slice(1).every((m) => MARKS.includes(m)))!
      .slice(1);
    const at = (id: string) => cells[JOURNEY_FAULTS.findIndex((f) => f.id === id)];
    expect(at('500')).to.equal('pass');
    expect(at('network')).to.equal('FAIL');
    expect(at('403')).to.equal('not run');
  });
});
