// The widget against the real sync service (server/ on PGlite with the simulated ERP connector, a
// process of its own, cross-origin over HTTP), by role and accessible name, in German: connect a
// company, save, sync now, and see that it lasted. web-test-runner.config.mjs starts the service.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/erp-tab.js';
import type { ErpTab } from '../../src/elements/erp-tab/erp-tab.js';
import { configure } from '../../src/backend/config.js';
import { nextEvent } from '../helpers/events.js';
import { findButton, findByRole, findByText, queryAllByRole, until } from '../helpers/queries.js';
import { useTerms } from '../helpers/terms.js';

// The German words these tests click, as the translators wrote them.
const W = useTerms({ edit: 'action.edit', customer: 'actor.customer', dialog: 'connect.title', search: 'connect.search', connect: 'connect.connect', takeAllErp: 'picker.takeAllErp', badgeUnsaved: 'tab.badgeUnsaved', save: 'action.save', syncNow: 'action.syncNow' });

interface Service {
  apiUrl: string;
  token: string;
}
let service: Service;

async function state(id: string) {
  const res = await fetch(`${service.apiUrl}/entities/company/${id}/erp-state`, { headers: { Authorization: `Bearer ${service.token}` } });
  return (await res.json()) as { connections: { link: { erpKey: string; lastSynced: string } | null; version: string }[] };
}

async function openTab(id: string) {
  const el = await fixture<ErpTab>(html`<erp-tab entity="company" entity-id=${id} lang="de"></erp-tab>`);
  const section = await findByRole('region', { name: 'Contoso ERP' }, el.shadowRoot!);
  return { el, section };
}

describe('<erp-tab> on the sync service (real HTTP, real database)', () => {
  before(async () => {
    service = (await (await fetch('/__sync-service')).json()) as Service;
    configure({ baseUrl: service.apiUrl, headers: { Authorization: `Bearer ${service.token}` }, credentials: 'omit' });
  });
  after(() => configure({ baseUrl: '/api/erp', headers: {}, credentials: 'same-origin' }));

  it('Bearbeiten → Kunde → Mit ERP verbinden → Verbinden → Speichern → Jetzt synchronisieren, and it lasts', async () => {
    expect(new URL(service.apiUrl).origin).not.to.equal(location.origin);
    expect((await state('c2')).connections[0]!.link).to.equal(null);
    const { el, section } = await openTab('c2');
    (await findButton(W.de.edit, section)).click();
    (await findButton(W.de.customer, section)).click();
    const dialog = await findByRole('dialog', { name: W.de.dialog }, section.getRootNode() as ShadowRoot);
    const input = (await findByRole('textbox', {}, dialog)) as HTMLInputElement;
    input.value = 'Brandt';
    input.dispatchEvent(new Event('input'));
    (await findButton(W.de.search, dialog)).click();
    (await findByRole('option', { name: /100002/ }, dialog)).click();
    (await findButton(W.de.connect, dialog)).click();
    (await findButton(W.de.takeAllErp, dialog)).click();
    const connects = () => queryAllByRole('button', { name: W.de.connect }, dialog);
    await until(() => connects().some((b) => b.getAttribute('aria-disabled') !== 'true'), 'picker Verbinden enabled');
    connects().find((b) => b.getAttribute('aria-disabled') !== 'true')!.click();
    await until(() => !(dialog as HTMLDialogElement).open, 'dialog closes');
    expect(await findByText(W.de.badgeUnsaved, {}, section)).to.exist;
    expect((await state('c2')).connections[0]!.link, 'staged, not saved').to.equal(null);

    const linked = nextEvent(el, 'erp-link-change');
    (await findButton(W.de.save, section)).click();
    expect((await linked).detail).to.deep.equal({ connectionId: 'conn-a', linked: true, actorType: 'customer', erpKey: '100002' });
    expect((await state('c2')).connections[0]!.link?.erpKey, 'stored in the service').to.equal('100002');

    const before = (await state('c2')).connections[0]!.link!.lastSynced;
    const synced = nextEvent(el, 'erp-sync');
    (await findButton(W.de.syncNow, section)).click();
    await synced;
    expect((await state('c2')).connections[0]!.link!.lastSynced >= before, 'the sync is recorded').to.equal(true);

    // A fresh tab (a reload of the CRM page) reads the link back from the service.
    el.remove();
    const again = await openTab('c2');
    expect(await findByText('100002', {}, again.section)).to.exist;
    await expect(again.el).to.be.accessible();
  });
});
