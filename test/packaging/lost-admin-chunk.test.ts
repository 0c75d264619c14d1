import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/erp-sync-admin.js';
import type { ErpSyncAdmin } from '../../src/elements/admin/erp-sync-admin/erp-sync-admin.js';
import { dropRequests, useSimulator } from '../helpers/sim.js';
import { findButton, findByRole, queryAllByRole, until } from '../helpers/queries.js';
import { useTerms } from '../helpers/terms.js';

// The German words these tests click, as the translators wrote them.
const W = useTerms({
  connections: 'admin.term.connections',
  mappings: 'admin.term.mappings',
  settings: { id: 'admin.ca.heading', values: { 't.mappings': { term: 'admin.term.mappings' }, name: 'Contoso ERP' } },
  add: 'admin.term.add',
  newConnection: 'admin.term.newConnection',
  retry: 'action.retry',
  network: 'error.network',
});

async function syncScreen(): Promise<{ el: ErpSyncAdmin; connections: HTMLElement }> {
  const el = await fixture<ErpSyncAdmin>(html`<erp-sync-admin lang="de"></erp-sync-admin>`);
  return { el, connections: await findByRole('region', { name: W.de.connections }, el.shadowRoot!) };
}

const alertText = (scope: ParentNode) => queryAllByRole('alert', {}, scope).map((a) => a.textContent ?? '').join(' ');

// A file of its own: the page must not have loaded the admin's on-demand code before (a module
// loads once per page). The Sync screen loads a connection's settings and the connection dialog on
// first use; a connection that drops their code gets the localized error, and trying again loads it.
describe('<erp-sync-admin> when a chunk of its code is lost', () => {
  useSimulator();

  it("a connection's settings: the localized error with Retry, and Retry opens them without a reload", async () => {
    const { el, connections } = await syncScreen();
    const lost = dropRequests('/src/define/erp-connection-admin.');
    (await findButton(`${W.de.mappings} Contoso ERP`, connections)).click();
    await lost.dropped;
    const root = el.shadowRoot!;
    await until(() => alertText(root).includes(W.de.network), `the network error in German, got "${alertText(root)}"`);
    expect(customElements.get('erp-connection-admin')).to.equal(undefined);
    // The lists stay where they were.
    expect(connections.isConnected).to.equal(true);

    lost.restore();
    (await findButton(W.de.retry, root)).click();
    const settings = await findByRole('region', { name: W.de.settings }, root);
    expect(settings).to.exist;
    expect(customElements.get('erp-connection-admin')).to.be.a('function');
    expect(alertText(root)).not.to.include(W.de.network);
  });

  it('the connection dialog: the error in the list, and Add again opens the dialog', async () => {
    const { el, connections } = await syncScreen();
    const lost = dropRequests('/src/define/erp-connection-dialog.');
    (await findButton(W.de.add, connections)).click();
    await lost.dropped;
    const list = el.shadowRoot!.querySelector('erp-connection-list')!.shadowRoot!;
    await until(() => alertText(list).includes(W.de.network), `the network error in German, got "${alertText(list)}"`);
    expect(customElements.get('erp-connection-dialog')).to.equal(undefined);

    lost.restore();
    (await findButton(W.de.add, connections)).click();
    const dialog = await findByRole('dialog', { name: W.de.newConnection }, list);
    expect(dialog).to.exist;
    await until(() => !alertText(list).includes(W.de.network), 'the error is gone');
  });
});
