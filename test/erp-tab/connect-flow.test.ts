// Spec 1.2 and 1.4 end to end in <erp-tab>: Edit, actor type, connect dialog, conflict picker,
// staged until Save, Save, Disconnect — on the simulated ERP.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/erp-tab.js';
import type { ErpTab } from '../../src/elements/erp-tab/erp-tab.js';
import { configure } from '../../src/backend/config.js';
import { nextEvent } from '../helpers/events.js';
import { findButton, findByRole, findByText, nameOf, queryAllByRole, until } from '../helpers/queries.js';
import { useSimulator } from '../helpers/sim.js';
import { useTerms } from '../helpers/terms.js';
import { erpText } from '../../simulated-erp/texts.js';

interface Words {
  edit: string;
  customer: string;
  dialog: string;
  search: string;
  connect: string;
  takeAllErp: string;
  takeAllCrm: string;
  saved: string;
  save: string;
  cancel: string;
  disconnect: string;
  notSaved: string;
}

const WORDS = useTerms({
  edit: 'action.edit',
  customer: 'actor.customer',
  dialog: 'connect.title',
  search: 'connect.search',
  connect: 'action.connect',
  takeAllErp: 'picker.takeAllErp',
  takeAllCrm: 'picker.takeAllCrm',
  saved: 'tab.savedLinked',
  save: 'action.save',
  cancel: 'action.cancel',
  disconnect: 'action.disconnect',
  notSaved: 'tab.badgeUnsaved',
});

async function openTab(id: string, lang = 'en') {
  const el = await fixture<ErpTab>(html`<erp-tab entity="company" entity-id=${id} lang=${lang}></erp-tab>`);
  const section = await findByRole('region', { name: 'Contoso ERP' }, el.shadowRoot!);
  return { el, section };
}

/** Edit → actor type → search → pick the row → Connect → take ERP (or CRM) values → Connect. */
async function stageLink(section: HTMLElement, w: Words, query: string, rowName: RegExp, take: 'takeAllErp' | 'takeAllCrm' = 'takeAllErp') {
  (await findButton(w.edit, section)).click();
  (await findButton(w.customer, section)).click();
  const dialog = await findByRole('dialog', { name: w.dialog }, section.getRootNode() as ShadowRoot);
  const input = (await findByRole('textbox', {}, dialog)) as HTMLInputElement;
  input.value = query;
  input.dispatchEvent(new Event('input'));
  (await findButton(w.search, dialog)).click();
  const row = await findByRole('option', { name: rowName }, dialog);
  row.click();
  (await findButton(w.connect, dialog)).click();
  (await findButton(w[take], dialog)).click();
  const connects = () => queryAllByRole('button', { name: w.connect }, dialog);
  await until(() => connects().some((b) => b.getAttribute('aria-disabled') !== 'true'), 'picker Connect enabled');
  connects().find((b) => b.getAttribute('aria-disabled') !== 'true')!.click();
  await until(() => !(dialog as HTMLDialogElement).open, 'dialog closes');
}

describe('<erp-tab> connect, save and disconnect (simulated ERP)', () => {
  const sim = useSimulator();

  for (const lang of ['en', 'de', 'da', 'nl'] as const) {
    it(`connects an unlinked company and saves it, in ${lang} with the glossary words`, async () => {
      const w = WORDS[lang];
      const { el, section } = await openTab('c2', lang);
      await stageLink(section, w, 'Brandt', /100002/);

      // Staged, not saved: the tab shows the pending values, the backend has nothing yet.
      expect(await findByText(w.notSaved, {}, section)).to.exist;
      expect(sim().getEntityState({ type: 'company', id: 'c2' }).connections[0].link).to.equal(null);
      await expect(el).to.be.accessible();

      const linked = nextEvent(el, 'erp-link-change');
      (await findButton(w.save, section)).click();
      const { detail } = await linked;
      expect(detail).to.deep.equal({ connectionId: 'conn-a', linked: true, actorType: 'customer', erpKey: '100002' });
      await until(() => queryAllByRole('button', { name: w.edit }, section).length === 1, 'back to read mode');
      expect(sim().getEntityState({ type: 'company', id: 'c2' }).connections[0].link?.erpKey).to.equal('100002');

      // A fresh tab (a reload) shows the link.
      el.remove();
      const again = await openTab('c2', lang);
      expect(await findByText('100002', {}, again.section)).to.exist;
    });
  }

  it('Cancel discards the staged link; nothing reached the backend', async () => {
    const writes: string[] = [];
    configure({
      fetch: (input, init) => {
        if (init?.method === 'PUT' || init?.method === 'DELETE') writes.push(String(input));
        return fetch(input, init);
      },
    });
    try {
      const { section } = await openTab('c2');
      await stageLink(section, WORDS.en, 'Brandt', /100002/);
      (await findButton('Cancel', section)).click();
      expect(await findByText('This record is not connected to Contoso ERP yet.', {}, section)).to.exist;
      expect(writes).to.deep.equal([]);
    } finally {
      configure({ fetch: undefined });
    }
  });

  it('offers Customer or Supplier to a company, and not the other type once linked', async () => {
    const { section } = await openTab('c2');
    (await findButton('Edit', section)).click();
    expect(await findButton('Customer', section)).to.have.attribute('aria-disabled', 'false');
    expect(await findButton('Supplier', section)).to.have.attribute('aria-disabled', 'false');
    const c3 = await fixture<ErpTab>(html`<erp-tab entity="company" entity-id="c3"></erp-tab>`);
    const linked = await findByRole('region', { name: 'Contoso ERP' }, c3.shadowRoot!);
    expect(await findByText('Supplier', {}, linked)).to.exist;
    (await findButton('Edit', linked)).click();
    // Linked: the only way to another type is Disconnect first.
    expect(queryAllByRole('button', { name: 'Customer' }, linked)).to.have.length(0);
    expect(await findButton('Disconnect', linked)).to.exist;
  });

  it('explains why a person cannot be connected before its company', async () => {
    const el = await fixture<ErpTab>(html`<erp-tab entity="person" entity-id="p2"></erp-tab>`);
    const section = await findByRole('region', { name: 'Contoso ERP' }, el.shadowRoot!);
    (await findButton('Edit', section)).click();
    const contact = await findButton('Contact', section);
    expect(contact).to.have.attribute('aria-disabled', 'true');
    const reason = section.querySelector(`#${contact.getAttribute('aria-describedby')}`);
    expect(reason?.textContent).to.contain("Connect the person's company first");
    contact.click();
    expect(queryAllByRole('dialog', {}, el.shadowRoot!)).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('searches persons under their company’s ERP actor', async () => {
    const el = await fixture<ErpTab>(html`<erp-tab entity="person" entity-id="p1"></erp-tab>`);
    const section = await findByRole('region', { name: 'Contoso ERP' }, el.shadowRoot!);
    (await findButton('Edit', section)).click();
    (await findButton('Contact', section)).click();
    const dialog = await findByRole('dialog', { name: 'Connect to ERP' }, el.shadowRoot!);
    const input = (await findByRole('textbox', {}, dialog)) as HTMLInputElement;
    input.value = '';
    input.dispatchEvent(new Event('input'));
    (await findButton('Search', dialog)).click();
    // Only the persons under customer 100001 (keys 100001-n), several of them. The search the dialog
    // runs as it opens (by the person's name: one row) may answer first: wait for this one's answer.
    let names: string[] = [];
    await until(() => {
      names = queryAllByRole('option', {}, dialog).map((o) => o.textContent ?? '');
      return !dialog.querySelector('[aria-busy="true"]') && names.length >= 2 && names.every((n) => n.includes('100001-'));
    }, 'the persons under 100001 listed');
    expect(names.length).to.be.within(2, 6);
  });

  it('tells the host about unsaved work: hasUnsavedChanges and erp-unsaved-change, through Save, Cancel and a record switch', async () => {
    const w = WORDS.en;
    const { el, section } = await openTab('c2');
    const seen: boolean[] = [];
    el.addEventListener('erp-unsaved-change', (e) => seen.push(e.unsaved));
    expect(el.hasUnsavedChanges).to.equal(false);

    // Staged, then saved.
    await stageLink(section, w, 'Brandt', /100002/);
    expect(el.hasUnsavedChanges, 'after staging').to.equal(true);
    expect(seen).to.deep.equal([true]);
    const saved = nextEvent(el, 'erp-unsaved-change');
    (await findButton(w.save, section)).click();
    expect((await saved).unsaved).to.equal(false);
    expect(el.hasUnsavedChanges, 'after Save').to.equal(false);

    // A staged Disconnect, then Cancel.
    (await findButton(w.edit, section)).click();
    (await findButton(w.disconnect, section)).click();
    (await findButton(w.disconnect, await findByRole('dialog', { name: 'Disconnect' }, el.shadowRoot!))).click();
    await until(() => el.hasUnsavedChanges, 'the disconnect is staged');
    const cancelled = nextEvent(el, 'erp-unsaved-change');
    (await findButton(w.cancel, section)).click();
    expect((await cancelled).unsaved).to.equal(false);
    expect(seen).to.deep.equal([true, false, true, false]);

    // Staged on one record, then the host shows another: the change is discarded, and the host is told.
    (await findButton(w.edit, section)).click();
    (await findButton(w.disconnect, section)).click();
    (await findButton(w.disconnect, await findByRole('dialog', { name: 'Disconnect' }, el.shadowRoot!))).click();
    await until(() => el.hasUnsavedChanges, 'staged again');
    const discarded = nextEvent(el, 'erp-unsaved-change');
    el.setAttribute('entity-id', 'c3');
    expect((await discarded).unsaved, 'switching records discards the staged change').to.equal(false);
    expect(el.hasUnsavedChanges).to.equal(false);
    await findByRole('region', { name: 'Contoso ERP' }, el.shadowRoot!);
    expect(sim().getEntityState({ type: 'company', id: 'c2' }).connections[0]!.link?.erpKey, 'the discarded disconnect reached nothing').to.equal('100002');
  });

  it('disconnects after a confirmation and Save; nothing is deleted in ERP or CRM', async () => {
    const { el, section } = await openTab('c1');
    (await findButton('Edit', section)).click();
    (await findButton('Disconnect', section)).click();
    const confirm = await findByRole('dialog', { name: 'Disconnect' }, el.shadowRoot!);
    expect((confirm.getRootNode() as ShadowRoot).host.textContent).to.contain('no longer synchronized');
    await expect(el).to.be.accessible();
    (await findButton('Disconnect', confirm)).click();
    expect(await findByText(/Disconnect is not saved yet/, {}, section)).to.exist;
    const unlinked = nextEvent(el, 'erp-link-change');
    (await findButton('Save', section)).click();
    expect((await unlinked).detail).to.deep.equal({ connectionId: 'conn-a', linked: false, actorType: 'customer', erpKey: '100001' });
    expect(await findByText('This record is not connected to Contoso ERP yet.', {}, section)).to.exist;
    expect(sim().erpActor('conn-a', 'customer', '100001')?.key).to.equal('100001');
    expect(sim().crmRecord('company', 'c1')?.name).to.equal('Acme Ltd');
  });

  it('keeps the staged link when Save fails, and a retry sends the same idempotency key', async () => {
    const keys: string[] = [];
    configure({
      fetch: (input, init) => {
        if (init?.method === 'PUT') keys.push(new Headers(init.headers).get('Idempotency-Key') ?? '');
        return fetch(input, init);
      },
    });
    try {
      const { el, section } = await openTab('c2');
      await stageLink(section, WORDS.en, 'Brandt', /100002/);
      sim().faults.inject('saveLink', { kind: 'problem', status: 500, code: 'boom', times: 1 });
      (await findButton('Save', section)).click();
      const alert = await findByRole('alert', {}, section);
      expect(alert.textContent).to.contain('not available right now');
      expect(await findByText('Not saved', {}, section)).to.exist;
      await expect(el).to.be.accessible();
      (await findButton('Retry', section)).click();
      await until(() => sim().getEntityState({ type: 'company', id: 'c2' }).connections[0].link !== null, 'linked');
      expect(keys).to.have.length(2);
      expect(keys[0]).to.equal(keys[1]);
      expect(keys[0]).to.match(/^[0-9a-f-]{36}$/);
    } finally {
      configure({ fetch: undefined });
    }
  });

  it('a double click on Save sends one request', async () => {
    let saves = 0;
    configure({
      fetch: (input, init) => {
        if (init?.method === 'PUT') saves++;
        return fetch(input, init);
      },
    });
    try {
      const { section } = await openTab('c2');
      await stageLink(section, WORDS.en, 'Brandt', /100002/);
      const save = await findButton('Save', section);
      save.click();
      save.click();
      save.click();
      await findByText('Saved. The record is now connected.', {}, section);
      expect(saves).to.equal(1);
    } finally {
      configure({ fetch: undefined });
    }
  });

  for (const [lang, take] of [['de', 'takeAllCrm'], ['en', 'takeAllErp']] as const) {
    it(`the preview before Save is the tab after Save, field by field (${lang}, ${take === 'takeAllCrm' ? 'CRM' : 'ERP'} values)`, async () => {
      const w = WORDS[lang];
      const { section } = await openTab('c2', lang);
      await stageLink(section, w, 'Brandt', /100002/, take);
      const rows = (list: Element) =>
        [...list.querySelectorAll(':scope > div')].map((d) => [d.querySelector('dt')!.textContent!.trim(), d.querySelector('dd')!.textContent!.trim()]);
      await until(() => section.querySelector('[part="pending"] dl'), 'the preview');
      const preview = rows(section.querySelector('[part="pending"] dl')!);
      (await findButton(w.save, section)).click();
      await findByText(w.saved, {}, section);
      const linked = rows(section.querySelector('[part="fields"]')!);
      // The tab adds when it last synchronized; everything before it is what the preview showed.
      expect(linked.slice(0, -1)).to.deep.equal(preview);
      expect(preview.length).to.be.greaterThan(3);
      // Formatted as the tab formats (no raw 80000.00 or ISO date), and the name once, as chosen.
      expect(preview.map(([, v]) => v).join(' ')).to.not.match(/\d{4}-\d{2}-\d{2}|\b\d{4,}\.\d{2}\b/);
      const name = take === 'takeAllCrm' ? 'Brandt Maschinenbau GmbH' : 'Brandt Maschinenbau';
      expect(preview.filter(([, v]) => v.startsWith('Brandt')).map(([, v]) => v)).to.deep.equal([name]);
    });
  }

  it('a Save against a record changed meanwhile says so, reloads on request and keeps the choices', async () => {
    const { section } = await openTab('c2');
    await stageLink(section, WORDS.en, 'Brandt', /100002/);
    // Another user links the same record first.
    const c2 = { type: 'company' as const, id: 'c2' };
    const version = sim().getEntityState(c2).connections[0].version;
    const { fields } = sim().compare(c2, { connectionId: 'conn-a', actorType: 'customer', erpKey: '100003' });
    const choices = Object.fromEntries(fields.filter((f) => f.differs).map((f) => [f.field.key, 'erp' as const]));
    sim().saveLink(c2, 'conn-a', { actorType: 'customer', erpKey: '100003', choices }, { version, idempotencyKey: 'other-user' });
    (await findButton('Save', section)).click();
    const alert = await findByRole('alert', {}, section);
    expect(alert.textContent).to.contain('Someone else changed this record');
    (await findButton('Reload', alert)).click();
    expect(await findByText(/Your choices are kept/, {}, section)).to.exist;
    expect(await findByText('Not saved', {}, section)).to.exist;
    expect(await findByText('100002', {}, section)).to.exist;
  });

  it('a Save after the ERP record changed opens the compare again on the new values, with the choices kept', async () => {
    const { el, section } = await openTab('c2', 'de');
    const w = WORDS.de;
    await stageLink(section, w, 'Brandt', /100002/);
    // Someone edits the actor in the ERP between Connect and Save.
    sim().setErpValues('conn-a', 'customer', '100002', { city: 'Hamburg' });
    (await findButton(w.save, section)).click();
    const dialog = await findByRole('dialog', { name: w.dialog }, el.shadowRoot!);
    await until(() => (dialog as HTMLDialogElement).open, 'the compare opens again');
    expect(await findByText(/Der ERP-Datensatz wurde geändert, nachdem Sie ihn verglichen haben/, {}, dialog)).to.exist;
    expect(await findByText('Hamburg', {}, dialog), 'the new ERP value').to.exist;
    expect(sim().getEntityState({ type: 'company', id: 'c2' }).connections[0].link, 'nothing saved').to.equal(null);
    // The choices made before still hold; only the field that differs now waits for a decision.
    const group = (name: string) => queryAllByRole('radiogroup', {}, dialog).find((g) => nameOf(g) === name)!;
    const checked = (name: string) => queryAllByRole('radio', {}, group(name)).filter((r) => (r as HTMLInputElement).checked).map(nameOf);
    // The ERP's field labels in German, as the simulated ERP answers them.
    const [name, creditLimit, vat, city] = ['Name', 'Credit limit', 'VAT number', 'City'].map((label) => erpText(label, 'de'));
    expect(checked(name)).to.deep.equal(['ERP: Brandt Maschinenbau']);
    expect(checked(creditLimit)).to.have.length(1);
    expect(checked(creditLimit)[0]).to.match(/^ERP: /);
    // "DE 123 456 789" in the CRM and "DE123456789" in the ERP are one VAT number: nothing to decide.
    expect(queryAllByRole('radiogroup', {}, dialog).map(nameOf)).to.not.include(vat);
    expect(checked(city), 'the new difference is not decided for the user').to.deep.equal([]);
    const connects = () => queryAllByRole('button', { name: w.connect }, dialog);
    expect(connects().every((b) => b.getAttribute('aria-disabled') === 'true')).to.equal(true);
    queryAllByRole('radio', {}, group(city)).find((r) => nameOf(r) === 'ERP: Hamburg')!.click();
    await until(() => connects().some((b) => b.getAttribute('aria-disabled') !== 'true'), 'Verbinden ready once City is decided');
    await expect(el).to.be.accessible();
    connects().find((b) => b.getAttribute('aria-disabled') !== 'true')!.click();
    await until(() => !(dialog as HTMLDialogElement).open, 'dialog closes');
    const linked = nextEvent(el, 'erp-link-change');
    (await findButton(w.save, section)).click();
    expect((await linked).detail).to.deep.include({ linked: true, erpKey: '100002' });
    expect(sim().getEntityState({ type: 'company', id: 'c2' }).connections[0].fields?.find((f) => f.field.key === 'city')?.value).to.equal('Hamburg');
  });
});
