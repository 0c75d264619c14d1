import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/erp-tab.js';
import type { ErpTab } from '../../src/elements/erp-tab/erp-tab.js';
import { dropNextRequest, useSimulator } from '../helpers/sim.js';
import { findButton, findByRole, until } from '../helpers/queries.js';

// A file of its own: the page must not have loaded the connect dialog's code before (a module loads
// once per page).
describe('<erp-tab> when a chunk of its code is lost', () => {
  useSimulator();

  it('recovers from a lost chunk: the localized error with Retry, and Retry loads it without a reload', async () => {
    const el = await fixture<ErpTab>(html`<erp-tab entity="company" entity-id="c2" lang="de"></erp-tab>`);
    const section = await findByRole('region', { name: 'Contoso ERP' }, el.shadowRoot!);
    // The dialog's code is fetched on first use: that request is dropped once.
    const dropped = dropNextRequest('/src/define/erp-connect-dialog.');
    (await findButton('Bearbeiten', section)).click();
    (await findButton('Kunde', section)).click();
    await dropped;
    const alert = await findByRole('alert', {}, section);
    await until(() => alert.textContent?.includes('Der Server ist nicht erreichbar'), `the network error in German, got "${alert.textContent}"`);
    expect(customElements.get('erp-connect-dialog')).to.equal(undefined);
    expect(el.shadowRoot!.querySelector('[role="dialog"]')).to.equal(null);

    (await findButton('Erneut versuchen', section)).click();
    const dialog = await findByRole('dialog', { name: 'Mit ERP verbinden' }, el.shadowRoot!);
    expect(dialog).to.exist;
    expect(customElements.get('erp-connect-dialog')).to.be.a('function');
    await until(() => !section.querySelector('[role="alert"]')?.textContent?.trim(), 'the error is gone');
  });
});
