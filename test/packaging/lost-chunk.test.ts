import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/erp-tab.js';
import type { ErpTab } from '../../src/elements/erp-tab/erp-tab.js';
import { dropRequests, useSimulator } from '../helpers/sim.js';
import { findButton, findByRole, until } from '../helpers/queries.js';
import { useTerms } from '../helpers/terms.js';

// The German words these tests click, as the translators wrote them.
const W = useTerms({ edit: 'action.edit', customer: 'actor.customer', retry: 'action.retry', dialog: 'connect.title', network: 'error.network' });

// A file of its own: the page must not have loaded the connect dialog's code before (a module loads
// once per page).
describe('<erp-tab> when a chunk of its code is lost', () => {
  useSimulator();

  it('recovers from a lost chunk: the localized error with Retry, and Retry loads it without a reload', async () => {
    const el = await fixture<ErpTab>(html`<erp-tab entity="company" entity-id="c2" lang="de"></erp-tab>`);
    const section = await findByRole('region', { name: 'Contoso ERP' }, el.shadowRoot!);
    // The dialog's code is fetched on first use (and ahead of it, on Edit): the connection drops it.
    const lost = dropRequests('/src/define/erp-connect-dialog.');
    (await findButton(W.de.edit, section)).click();
    (await findButton(W.de.customer, section)).click();
    await lost.dropped;
    const alert = await findByRole('alert', {}, section);
    await until(() => alert.textContent?.includes(W.de.network), `the network error in German, got "${alert.textContent}"`);
    expect(customElements.get('erp-connect-dialog')).to.equal(undefined);
    expect(el.shadowRoot!.querySelector('[role="dialog"]')).to.equal(null);

    // The connection is back: Retry loads the chunk.
    lost.restore();
    (await findButton(W.de.retry, section)).click();
    const dialog = await findByRole('dialog', { name: W.de.dialog }, el.shadowRoot!);
    expect(dialog).to.exist;
    expect(customElements.get('erp-connect-dialog')).to.be.a('function');
    await until(() => !section.querySelector('[role="alert"]')?.textContent?.trim(), 'the error is gone');
  });
});
