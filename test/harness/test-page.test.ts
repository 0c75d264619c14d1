import { expect } from '@open-wc/testing';

// Read as the module loads, before any test could start msw: the page itself must already be under
// the msw worker (scripts/test-page-html.mjs), or msw would reload it mid-run.
const controlledAtLoad = navigator.serviceWorker.controller?.scriptURL ?? null;

describe('the test page', () => {
  it('is controlled by the msw worker before the tests load', () => {
    expect(controlledAtLoad).to.equal(new URL('/mockServiceWorker.js', location.href).href);
  });
});
