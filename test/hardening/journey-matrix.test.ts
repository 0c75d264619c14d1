// The journey fault matrix, connect-dialog journeys (docs/fault-matrix.md, "Journey fault matrix"):
// search, advanced search, Load more, compare, Create in ERP. The tab's journeys and the German cells
// run in journey-matrix-tab.test.ts (two files, so a 2-core CI runs them side by side).
import { expect } from '@open-wc/testing';
import { renderDocument } from './journey-cases.js';
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

  it('docs/fault-matrix.md is the current rendering of both matrices (node scripts/fault-matrix.mjs)', async () => {
    const committed = await (await fetch('/docs/fault-matrix.md')).text();
    expect(committed).to.equal(renderDocument());
  });
});
