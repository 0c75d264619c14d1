import { expect } from '@open-wc/testing';

describe('the side-effect-free entry', () => {
  it('importing the classes defines no element', async () => {
    // This test file imports nothing else, so only the entry below can register tags.
    const before = ['erp-tab', 'erp-connect-dialog', 'erp-field', 'erp-sync-admin'].map((t) => customElements.get(t));
    expect(before.every((c) => c === undefined)).to.equal(true);
    const entry = await import('../../src/index.js');
    expect(entry.ErpTab).to.be.a('function');
    expect(entry.RestBackend).to.be.a('function');
    expect(entry.configure).to.be.a('function');
    for (const tag of ['erp-tab', 'erp-tab-connection', 'erp-connect-dialog', 'erp-conflict-picker', 'erp-create-form', 'erp-field', 'erp-confirm-dialog']) {
      expect(customElements.get(tag), tag).to.equal(undefined);
    }
  });
});
