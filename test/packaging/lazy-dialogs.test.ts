import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/erp-tab.js';
import type { ErpTab } from '../../src/elements/erp-tab/erp-tab.js';
import { useSimulator } from '../helpers/sim.js';
import { findButton, findByRole, findByText, until } from '../helpers/queries.js';
import { useTerms } from '../helpers/terms.js';

// The German words these tests click, as the translators wrote them.
const W = useTerms({ edit: 'action.edit', customer: 'actor.customer', dialog: 'connect.title' });

// This file imports only <erp-tab>: its dialogs and history must arrive on first use, with their
// translations already there when they show.
describe('<erp-tab> loads its dialogs on first use', () => {
  useSimulator();
  const LAZY = ['erp-connect-dialog', 'erp-create-form', 'erp-conflict-picker', 'erp-confirm-dialog', 'erp-history', 'erp-field'];

  it('defines none of them to show a record, and each one when the user needs it, in German', async () => {
    const el = await fixture<ErpTab>(html`<erp-tab entity="company" entity-id="c2" lang="de"></erp-tab>`);
    const section = await findByRole('region', { name: 'Contoso ERP' }, el.shadowRoot!);
    await findButton(W.de.edit, section);
    for (const tag of LAZY) expect(customElements.get(tag), tag).to.equal(undefined);

    (await findButton(W.de.edit, section)).click();
    (await findButton(W.de.customer, section)).click();
    // The dialog shows in German at once: its strings loaded with its code.
    const dialog = await findByRole('dialog', { name: W.de.dialog }, el.shadowRoot!);
    expect(dialog.textContent).not.to.contain('Connect to ERP');
    expect(customElements.get('erp-connect-dialog')).to.be.a('function');
    expect(customElements.get('erp-history')).to.equal(undefined);
  });

  it('loads the history when the disclosure opens', async () => {
    const el = await fixture<ErpTab>(html`<erp-tab entity="company" entity-id="c1" lang="en"></erp-tab>`);
    const section = await findByRole('region', { name: 'Contoso ERP' }, el.shadowRoot!);
    const summary = await findByText('History', {}, section);
    summary.click();
    await until(() => customElements.get('erp-history'), 'erp-history defined');
    const history = section.querySelector('erp-history');
    expect(history?.shadowRoot, 'upgraded in place').to.exist;
    expect(await findByRole('list', { name: 'History' }, history!.shadowRoot!)).to.exist;
  });
});
