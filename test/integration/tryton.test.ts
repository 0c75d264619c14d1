// The widget on the sync service with the Tryton connector, on a live Tryton (TRYTON_URL, started by
// .ci/tryton.sh; web-test-runner.config.mjs starts the service), by role and accessible name, in
// German, reading back over Tryton's JSON-RPC what arrived there: connect a company to a Tryton party
// with the values chosen where they differ, save, sync now (a change made in Tryton shows), and
// disconnect (nothing is deleted in Tryton).
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/erp-tab.js';
import type { ErpTab } from '../../src/elements/erp-tab/erp-tab.js';
import { configure } from '../../src/backend/config.js';
import { nextEvent } from '../helpers/events.js';
import { findButton, findByRole, findByText, nameOf, queryAllByRole, until } from '../helpers/queries.js';
import { useTerms } from '../helpers/terms.js';

// The German words these tests click, as the translators wrote them.
const W = useTerms({ edit: 'action.edit', customer: 'actor.customer', dialog: 'connect.title', connect: 'connect.connect', takeAllErp: 'picker.takeAllErp', badgeUnsaved: 'tab.badgeUnsaved', save: 'action.save', syncNow: 'action.syncNow', disconnect: 'action.disconnect', noMatch: 'connect.noMatch', create: 'connect.create', createTitle: 'connect.createTitle' });

interface Service {
  apiUrl?: string;
  token?: string;
}
const service = (await (await fetch('/__tryton-service')).json()) as Service;

/** One Tryton model call, made by the test runner (Tryton answers no browser). */
async function tryton<T>(method: string, args: unknown[]): Promise<T> {
  const res = await fetch('/__tryton-rpc', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ method, args }) });
  if (!res.ok) throw new Error(`Tryton: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}
type Party = { id: number; name: string; 'contact_mechanisms.': { id: number; type: string; value: string }[]; 'addresses.': { id: number; city: string }[] };
const readParty = async (id: number) => (await tryton<Party[]>('party.party.read', [[id], ['name', 'contact_mechanisms.type', 'contact_mechanisms.value', 'addresses.city']]))[0];

async function openTab(id: string) {
  const el = await fixture<ErpTab>(html`<erp-tab entity="company" entity-id=${id} lang="de"></erp-tab>`);
  const section = await findByRole('region', { name: 'Tryton ERP' }, el.shadowRoot!);
  return { el, section };
}

// Only where the run has a Tryton (CI always has one: .ci/run starts it).
if (service.apiUrl) {
  describe('<erp-tab> on Tryton (sync service, Tryton connector, real ERP)', () => {
    let partyId: number;
    before(async () => {
      configure({ baseUrl: service.apiUrl!, headers: { Authorization: `Bearer ${service.token}` }, credentials: 'omit' });
      // The seeded party as seeded, with an e-mail of Tryton's own (other suites write into it too).
      [partyId] = await tryton<number[]>('party.party.search', [[['name', 'in', ['Brandt Maschinenbau', 'Brandt Maschinenbau GmbH']]], 0, 1, [['id', 'ASC']]]);
      await tryton('party.party.write', [[partyId], { name: 'Brandt Maschinenbau' }]);
      const party = (await readParty(partyId!))!;
      await tryton('party.contact_mechanism.write', [party['contact_mechanisms.'].filter((c) => c.type === 'email').map((c) => c.id), { value: 'office@brandt.tryton.example' }]);
      await tryton('party.address.write', [party['addresses.'].map((a) => a.id), { city: 'Berlin' }]);
    });
    after(() => configure({ baseUrl: '/api/erp', headers: {}, credentials: 'same-origin' }));

    it('Bearbeiten → Kunde → pre-searched party → Verbinden → choose → Verbinden → Speichern → Jetzt synchronisieren → Verbindung trennen', async function () {
      // A real ERP behind a real service: every step is a round trip to Tryton.
      this.timeout(120_000);
      const { el, section } = await openTab('c2');
      (await findButton(W.de.edit, section)).click();
      (await findButton(W.de.customer, section)).click();
      const dialog = await findByRole('dialog', { name: W.de.dialog }, section.getRootNode() as ShadowRoot);
      // Pre-searched on the company's name; Tryton's party lacks the "GmbH".
      const input = (await findByRole('textbox', {}, dialog)) as HTMLInputElement;
      expect(input.value).to.equal('Brandt Maschinenbau GmbH');
      await until(() => queryAllByRole('option', {}, dialog).some((o) => /Brandt Maschinenbau(?! \d)/.test(nameOf(o))), 'the Tryton party among the results');
      queryAllByRole('option', {}, dialog).find((o) => /Brandt Maschinenbau(?! \d)/.test(nameOf(o)))!.click();
      (await findButton(W.de.connect, dialog)).click();

      // Where the values differ: Tryton's for all, then the CRM's e-mail.
      (await findButton(W.de.takeAllErp, dialog)).click();
      const email = await findByRole('radiogroup', { name: 'E-mail' }, dialog);
      const crmEmail = queryAllByRole('radio', {}, email).find((r) => nameOf(r).startsWith('CRM'))!;
      expect(nameOf(crmEmail)).to.contain('info@brandt-maschinenbau.example');
      crmEmail.click();
      const connects = () => queryAllByRole('button', { name: W.de.connect }, dialog);
      await until(() => connects().some((b) => b.getAttribute('aria-disabled') !== 'true'), 'picker Verbinden enabled');
      connects().find((b) => b.getAttribute('aria-disabled') !== 'true')!.click();
      await until(() => !(dialog as HTMLDialogElement).open, 'dialog closes');
      expect(await findByText(W.de.badgeUnsaved, {}, section)).to.exist;
      expect((await readParty(partyId))!['contact_mechanisms.'].find((c) => c.type === 'email')?.value, 'nothing in Tryton before Speichern').to.equal('office@brandt.tryton.example');

      const linked = nextEvent(el, 'erp-link-change');
      (await findButton(W.de.save, section)).click();
      expect((await linked).detail).to.deep.include({ connectionId: 'conn-t', linked: true, erpKey: String(partyId) });
      const saved = (await readParty(partyId))!;
      expect(saved['contact_mechanisms.'].find((c) => c.type === 'email')?.value, 'the chosen CRM e-mail in Tryton').to.equal('info@brandt-maschinenbau.example');
      expect(saved.name, "Tryton's name kept").to.equal('Brandt Maschinenbau');

      // A change made in Tryton afterwards shows in the tab after Jetzt synchronisieren.
      await tryton('party.address.write', [saved['addresses.'].map((a) => a.id), { city: 'Dresden' }]);
      const synced = nextEvent(el, 'erp-sync');
      (await findButton(W.de.syncNow, section)).click();
      await synced;
      expect(await findByText('Dresden', {}, section)).to.exist;
      await expect(el).to.be.accessible();

      // Verbindung trennen: the link goes, the party stays in Tryton.
      (await findButton(W.de.edit, section)).click();
      (await findButton(W.de.disconnect, section)).click();
      const confirm = await findByRole('dialog', { name: W.de.disconnect }, el.shadowRoot!);
      (await findButton(W.de.disconnect, confirm)).click();
      const unlinked = nextEvent(el, 'erp-link-change');
      const save = await findButton(W.de.save, section);
      await until(() => save.isConnected && save.getAttribute('aria-disabled') !== 'true' && !save.hasAttribute('disabled'), 'Speichern enabled');
      save.click();
      expect((await unlinked).detail).to.deep.include({ connectionId: 'conn-t', linked: false });
      expect((await readParty(partyId))?.name, 'the party is still in Tryton').to.equal('Brandt Maschinenbau');
    });

    it('In ERP erstellen: Tryton refuses the VAT number, the form comes back with its message; without it, the party appears in Tryton', async function () {
      this.timeout(120_000);
      // Parties an earlier run on this Tryton created for this company (the duplicate guard would hold Create back).
      const earlier = await tryton<number[]>('party.party.search', [[['name', '=', 'Hostile Strings Corp']], 0, null, null]);
      if (earlier.length) await tryton('party.party.delete', [earlier]);
      const { el, section } = await openTab('c5');
      (await findButton(W.de.edit, section)).click();
      (await findButton(W.de.customer, section)).click();
      const dialog = await findByRole('dialog', { name: W.de.dialog }, el.shadowRoot!);
      (await findByRole('checkbox', { name: W.de.noMatch }, dialog)).click();
      (await findButton(W.de.create, dialog)).click();
      let create = await findByRole('dialog', { name: W.de.createTitle }, el.shadowRoot!);
      const vat = (await findByRole('textbox', { name: /VAT number/ }, create)) as HTMLInputElement;
      expect(vat.value, "the CRM's VAT number, prefilled").to.equal('US999999999');
      const submit = await findButton(W.de.create, create);
      await until(() => submit.getAttribute('aria-disabled') !== 'true', 'Erstellen enabled');
      submit.click();
      await until(() => !(create as HTMLDialogElement).open, 'dialog closes');

      // Speichern: Tryton checks the VAT number and refuses it; nothing is created there.
      (await findButton(W.de.save, section)).click();
      create = await findByRole('dialog', { name: W.de.createTitle }, el.shadowRoot!);
      await until(() => (create as HTMLDialogElement).open, 'Create in ERP opens again');
      const again = (await findByRole('textbox', { name: /VAT number/ }, create)) as HTMLInputElement;
      await until(() => again.getAttribute('aria-invalid') === 'true', 'the VAT field marked invalid');
      expect(await findByText(/Tryton: The European VAT Number "US999999999"/, {}, create)).to.exist;
      expect(await tryton<number[]>('party.party.search', [[['name', '=', 'Hostile Strings Corp']], 0, null, null])).to.deep.equal([]);
      await expect(el).to.be.accessible();

      // Without it: Erstellen → Speichern, and the party is in Tryton, in the customer category.
      again.value = '';
      again.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      again.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
      const submitAgain = await findButton(W.de.create, create);
      await until(() => submitAgain.getAttribute('aria-disabled') !== 'true', 'Erstellen enabled');
      submitAgain.click();
      await until(() => !(create as HTMLDialogElement).open, 'dialog closes');
      const linked = nextEvent(el, 'erp-link-change');
      (await findButton(W.de.save, section)).click();
      const { detail } = await linked;
      expect(detail).to.deep.include({ connectionId: 'conn-t', linked: true, actorType: 'customer' });
      const [party] = await tryton<{ name: string; 'categories.': { name: string }[]; 'contact_mechanisms.': { type: string; value: string }[] }[]>('party.party.read', [
        [Number(detail.erpKey)],
        ['name', 'categories.name', 'contact_mechanisms.type', 'contact_mechanisms.value'],
      ]);
      expect(party!.name).to.equal('Hostile Strings Corp');
      expect(party!['categories.'].map((c) => c.name)).to.deep.equal(['Customer']);
      expect(party!['contact_mechanisms.'].find((c) => c.type === 'email')?.value).to.equal('x@hostile.example');
    });
  });
}
