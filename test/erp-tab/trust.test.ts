// Spec section 4 in <erp-tab> on the simulated ERP: match suggestions, duplicate guard, health strip,
// field provenance, conflicts after linking, history with CSV export, soft unlink.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define/erp-tab.js';
import type { ErpTab } from '../../src/elements/erp-tab/erp-tab.js';
import { deepActiveElement } from '../../src/elements/shared/active-element.js';
import { nextEvent } from '../helpers/events.js';
import { findButton, findByRole, findByText, nameOf, queryAllByRole, until } from '../helpers/queries.js';
import { useSimulator } from '../helpers/sim.js';
import { useTerms } from '../helpers/terms.js';

type Lang = 'en' | 'de' | 'da' | 'nl';
const W = useTerms({
  edit: 'action.edit',
  customer: 'actor.customer',
  dialog: 'connect.title',
  suggested: 'match.title',
  vat: 'match.reasonVat',
  strong: 'match.strong',
  noMatch: 'connect.noMatch',
  create: 'connect.create',
  anyway: 'match.createAnyway',
  sync: 'action.syncNow',
  conflictTitle: 'tab.conflictTitle',
  apply: 'picker.apply',
  history: 'history.title',
  previous: 'match.reasonPrevious',
  offline: 'health.offline',
  lastSync: 'health.lastSync',
  leadErp: 'tab.leadErp',
  kindConflict: 'history.kindConflict',
  disconnect: 'action.disconnect',
  save: 'action.save',
});
const LANGS: Lang[] = ['en', 'de', 'da', 'nl'];

async function openTab(id: string, lang: Lang = 'en') {
  const el = await fixture<ErpTab>(html`<erp-tab entity="company" entity-id=${id} lang=${lang}></erp-tab>`);
  const section = await findByRole('region', { name: 'Contoso ERP' }, el.shadowRoot!);
  return { el, section };
}

async function openConnect(section: HTMLElement, w: Record<string, string>) {
  (await findButton(w.edit!, section)).click();
  (await findButton(w.customer!, section)).click();
  return findByRole('dialog', { name: w.dialog }, section.getRootNode() as ShadowRoot);
}

const radios = (dialog: HTMLElement) => queryAllByRole('radio', {}, dialog);

describe('trust features in <erp-tab> (simulated ERP)', () => {
  const sim = useSimulator();

  for (const lang of LANGS) {
    it(`suggests matches with localized reasons and guards Create against duplicates (${lang})`, async () => {
      const w = W[lang];
      const { el, section } = await openTab('c2', lang);
      const dialog = await openConnect(section, w);
      const group = await findByRole('group', { name: w.suggested }, dialog);
      await until(() => radios(group).length > 0, 'suggestions');
      const first = radios(group)[0]!;
      expect(nameOf(first)).to.contain('100002');
      expect(group.textContent).to.contain(`${w.strong}: ${w.vat}`);
      await expect(el).to.be.accessible();

      // Duplicate guard: Create is held back while the strong candidate exists.
      (await findByRole('checkbox', { name: w.noMatch }, dialog)).click();
      const create = await findButton(w.create!, dialog);
      await until(() => create.getAttribute('aria-disabled') === 'true', 'Create held back');
      expect(create.getAttribute('aria-describedby')).to.equal('guard-note');
      await expect(el).to.be.accessible();
      (await findButton(w.anyway!, dialog)).click();
      const reason = (await findByRole('textbox', { name: /.+/ }, dialog)) as HTMLTextAreaElement;
      await until(() => deepActiveElement() === reason, 'focus on the reason');
      await sendKeys({ type: 'Other legal entity' });
      await until(() => create.getAttribute('aria-disabled') === 'false', 'Create enabled with a reason');
      await expect(el).to.be.accessible();
    });
  }

  it('records the reason of "create anyway" in the history (create.reason)', async () => {
    const { section } = await openTab('c2');
    const dialog = await openConnect(section, W.en);
    await until(() => radios(dialog).length > 0, 'suggestions');
    (await findByRole('checkbox', { name: W.en.noMatch }, dialog)).click();
    (await findButton('Create anyway', dialog)).click();
    const reason = (await findByRole('textbox', { name: /Why create/ }, dialog)) as HTMLTextAreaElement;
    reason.value = 'Separate branch with its own invoices';
    reason.dispatchEvent(new Event('input'));
    (await findButton('Create', dialog)).click();
    await until(() => dialog.querySelector('erp-create-form'), 'create form');
    const submit = await findButton('Create', dialog);
    await until(() => submit.getAttribute('aria-disabled') !== 'true', 'form ready');
    submit.click();
    await until(() => !(dialog as HTMLDialogElement).open, 'dialog closed');
    (await findButton('Save', section)).click();
    await until(() => sim().getEntityState({ type: 'company', id: 'c2' }).connections[0]!.link !== null, 'created and linked');
    const history = sim().getHistory({ type: 'company', id: 'c2' }, 'conn-a', null).items;
    const created = history.find((e) => e.kind === 'created');
    expect(created?.reason).to.equal('Separate branch with its own invoices');
  });

  it('selects a suggestion with the keyboard only and connects it', async () => {
    const { section } = await openTab('c2');
    const dialog = await openConnect(section, W.en);
    await until(() => radios(dialog).length > 0, 'suggestions');
    radios(dialog)[0]!.focus();
    await sendKeys({ press: 'Space' });
    await until(() => (radios(dialog)[0] as HTMLInputElement).checked, 'selected');
    await sendKeys({ press: 'Enter' });
    // Enter on a suggestion goes on to the comparison, like Enter in the results.
    expect(await findButton('Take all from ERP', dialog)).to.exist;
  });

  it('never suggests a strong match for a malformed organisation number', async () => {
    const c2 = { type: 'company' as const, id: 'c2' };
    for (const bad of ['DE 123 456 78O', 'N/A', 'DE12345678901234', 'XX']) {
      sim().setCrmValue('company', 'c2', 'orgNr', bad);
      const strong = sim().getMatchSuggestions(c2, 'conn-a', 'customer').filter((s) => s.reasons.includes('vat-equal'));
      expect(strong, bad).to.deep.equal([]);
    }
    // A Norwegian number with a wrong check digit does not match its twin either.
    sim().setCrmValue('company', 'c2', 'orgNr', 'NO 987 654 321 MVA');
    sim().setErpValues('conn-a', 'customer', '100002', { vatNumber: 'NO987654321' });
    expect(sim().getMatchSuggestions(c2, 'conn-a', 'customer').some((s) => s.reasons.includes('vat-equal'))).to.equal(false);
    // Written differently but well-formed: it matches.
    sim().setCrmValue('company', 'c2', 'orgNr', 'de-123.456.789');
    sim().setErpValues('conn-a', 'customer', '100002', { vatNumber: 'DE123456789' });
    expect(sim().getMatchSuggestions(c2, 'conn-a', 'customer')[0]).to.include({ key: '100002', strength: 'strong' });
  });

  for (const lang of LANGS) {
    it(`shows the health strip and field provenance as text (${lang})`, async () => {
      const w = W[lang];
      const { el, section } = await openTab('c1', lang);
      const health = await findByRole('group', { name: /.+/ }, section);
      // The first render may come before the language's strings have loaded.
      await until(() => health.textContent?.includes(w.lastSync), `health strip in ${lang}`);
      expect(health.textContent).to.contain(w.lastSync);
      expect(health.textContent).to.match(/\d/); // pending changes counted
      const provenance = Array.from(section.querySelectorAll('.provenance'));
      expect(provenance.length).to.be.greaterThan(0);
      expect(provenance.map((p) => p.textContent).join(' ')).to.contain(w.leadErp);
      await expect(el).to.be.accessible();
    });
  }

  it('keeps the last known values with a stale badge when the ERP does not answer', async () => {
    const before = Date.now();
    const { el, section } = await openTab('c1');
    expect(await findByText('ACME Limited', {}, section)).to.exist;
    const after = Date.now();
    sim().faults.inject('syncNow', { kind: 'problem', status: 503, code: 'unavailable', times: 1 });
    (await findButton('Sync now', section)).click();
    await findByText('Offline', {}, section);
    // The values' real age: when they were loaded (to the minute), not "from now".
    const stale = section.querySelector('[part~="stale"]')!.textContent!.replace(/\s+/g, ' ');
    const clock = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });
    const loadedAt = [before, after].map((t) => clock.format(new Date(t)));
    expect(loadedAt.some((t) => stale.includes(`values from ${t}.`)), `${stale} (loaded between ${loadedAt.join(' and ')})`).to.equal(true);
    expect(await findByText('ACME Limited', {}, section)).to.exist;
    expect(queryAllByRole('alert', {}, section)).to.have.length(1);
    await expect(el).to.be.accessible();

    // A failed reload keeps the tab too.
    sim().faults.inject('getEntityState', { kind: 'network' });
    el.reload();
    await findByText('The ERP data could not be loaded.', {}, el.shadowRoot!);
    expect(await findByText('ACME Limited', {}, section)).to.exist;
    expect(queryAllByRole('region', { name: 'Contoso ERP' }, el.shadowRoot!)).to.have.length(1);
  });

  it('a failed sync says what to do and keeps the values (connector error: Retry)', async () => {
    const { section } = await openTab('c4');
    (await findButton('Sync now', section)).click();
    const alert = await findByRole('alert', {}, section);
    expect(alert.textContent).to.contain('The last synchronization failed.');
    expect(await findButton('Retry', alert)).to.exist;
    expect(await findByText('Van Dijk Logistiek B.V.', {}, section)).to.exist;
  });

  it('offers Sign in again after a 401', async () => {
    const { el, section } = await openTab('c1');
    sim().faults.inject('syncNow', { kind: 'problem', status: 401, code: 'unauthorized', times: 1 });
    (await findButton('Sync now', section)).click();
    const signIn = await findButton('Sign in again', section);
    const request = nextEvent(el, 'erp-sign-in-request');
    signIn.click();
    expect((await request).connectionId).to.equal('conn-a');
  });

  for (const lang of LANGS) {
    it(`decides a sync conflict in the picker with three values and who/when, and records it (${lang})`, async () => {
      const w = W[lang];
      const { el, section } = await openTab('c3', lang);
      (await findButton(w.sync!, section)).focus();
      await sendKeys({ press: 'Enter' });
      const dialog = await findByRole('dialog', { name: w.conflictTitle }, el.shadowRoot!);
      const picker = dialog.querySelector('erp-conflict-picker')!;
      await until(() => picker.shadowRoot?.textContent?.includes('+45 33 12 34 56'), 'last synced value shown');
      expect(picker.shadowRoot!.textContent).to.contain('+45 33 12 00 00');
      expect(picker.shadowRoot!.textContent).to.contain('+45 33 99 88 77');
      expect(picker.shadowRoot!.textContent).to.contain('Ben Sales');
      expect(picker.shadowRoot!.textContent).to.contain('Lars Jensen (ERP)');
      await expect(el).to.be.accessible();

      // Keyboard only: the CRM value of the one conflict, then Apply.
      const crm = queryAllByRole('radio', {}, picker.shadowRoot!)[0]!;
      crm.focus();
      await sendKeys({ press: 'Space' });
      const apply = await findButton(w.apply!, picker.shadowRoot!);
      await until(() => apply.getAttribute('aria-disabled') === 'false', 'Apply enabled');
      apply.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => !(dialog as HTMLDialogElement).open, 'dialog closes');
      expect(sim().erpActor('conn-a', 'supplier', '50001')?.values.phone).to.equal('+45 33 12 00 00');
      const decided = sim().getHistory({ type: 'company', id: 'c3' }, 'conn-a', null).items[0]!;
      expect(decided.kind).to.equal('conflict-decided');
      expect(decided.changes[0]).to.include({ field: 'phone', oldValue: '+45 33 99 88 77', newValue: '+45 33 12 00 00', side: 'erp' });
      // Focus is back on Sync now.
      expect(nameOf(deepActiveElement()!)).to.equal(w.sync);

      // The history panel shows the decision.
      const summary = await findByText(w.history!, {}, section);
      summary.click();
      await findByText(w.kindConflict!, {}, section);
      await expect(el).to.be.accessible();
    });
  }

  it('Escape closes the conflict dialog without deciding', async () => {
    const { el, section } = await openTab('c3');
    const syncNow = await findButton('Sync now', section);
    syncNow.focus();
    await sendKeys({ press: 'Enter' });
    const dialog = await findByRole('dialog', { name: W.en.conflictTitle }, el.shadowRoot!);
    // Its title takes the focus for screen readers, with no focus ring: it is not a control. A
    // control reached by Tab has one.
    const title = dialog.querySelector('h2')!;
    await until(() => deepActiveElement() === title, 'the title focused');
    expect(getComputedStyle(title).outlineStyle).to.equal('none');
    await sendKeys({ press: 'Tab' });
    const control = deepActiveElement()!;
    expect(control).to.not.equal(title);
    expect(getComputedStyle(control).outlineStyle).to.not.equal('none');
    await sendKeys({ press: 'Escape' });
    await until(() => !(dialog as HTMLDialogElement).open, 'closed');
    expect(await findByText(/Not decided/, {}, section)).to.exist;
  });

  it('pages the history, and exports it as CSV built in the browser', async () => {
    const { section } = await openTab('c1');
    const summary = await findByText('History', {}, section);
    summary.click();
    await until(() => (section.getRootNode() as ShadowRoot).querySelector('erp-history'), 'history');
    const root = (section.getRootNode() as ShadowRoot).querySelector('erp-history')!.shadowRoot!;
    await until(() => root.querySelectorAll('li.event').length === 20, 'first page');
    (await findButton('Load more', root)).click();
    await until(() => root.querySelectorAll('li.event').length === 31, 'second page');
    expect(queryAllByRole('button', { name: 'Load more' }, root)).to.have.length(0);

    const blobs: Blob[] = [];
    const original = URL.createObjectURL;
    URL.createObjectURL = (b: Blob | MediaSource) => {
      blobs.push(b as Blob);
      return original.call(URL, b);
    };
    try {
      (await findButton('Export CSV', root)).click();
      await findByText(/Exported 31 events/, {}, root);
    } finally {
      URL.createObjectURL = original;
    }
    const text = await blobs[0]!.text();
    const lines = text.replace(/^\ufeff/, '').trimEnd().split('\r\n');
    expect(lines[0]).to.equal('Time (UTC),Event,By,ERP actor,ERP number,Field,Old value,New value,Changed,Reason');
    expect(lines.some((l) => /,Synchronized,Anna Admin,Customer,100001,Phone,'\+44 20 7946 00\d\d,/.test(l))).to.equal(true);
    expect(lines.at(-1)).to.contain(',Connected,Anna Admin,Customer,100001,');
  });

  it('after disconnecting, connecting again offers the previously connected record first', async () => {
    const { el, section } = await openTab('c1');
    (await findButton('Edit', section)).click();
    (await findButton('Disconnect', section)).click();
    const confirm = await findByRole('dialog', { name: 'Disconnect' }, el.shadowRoot!);
    (await findButton('Disconnect', confirm)).click();
    await findByText(/Disconnect is not saved yet/, {}, section);
    (await findButton('Save', section)).click();
    await findByText('This record is not connected to Contoso ERP yet.', {}, section);
    const dialog = await openConnect(section, W.en);
    await until(() => radios(dialog).length > 0, 'suggestions');
    const first = radios(dialog)[0]!;
    expect(nameOf(first)).to.contain('100001');
    expect(nameOf(first)).to.contain(W.en.previous);
    await expect(el).to.be.accessible();
  });

  for (const lang of LANGS) {
    it(`offers the previously connected record first (seeded soft unlink, ${lang})`, async () => {
      const w = W[lang];
      const { section } = await openTab('c6', lang);
      const dialog = await openConnect(section, w);
      await until(() => radios(dialog).length > 0, 'suggestions');
      expect(nameOf(radios(dialog)[0]!)).to.contain('100007');
      expect(nameOf(radios(dialog)[0]!)).to.contain(w.previous);
    });
  }
});
