import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define/erp-sync-admin.js';
// Its editors are also used on their own below.
import '../../src/define/erp-connection-admin.js';
import '../../src/define/erp-tab.js';
import type { ErpSyncAdmin } from '../../src/elements/admin/erp-sync-admin/erp-sync-admin.js';
import type { ErpListMappingEditor } from '../../src/elements/admin/list-mapping-editor/list-mapping-editor.js';
import type { ErpMappingEditor } from '../../src/elements/admin/mapping-editor/mapping-editor.js';
import { suggestCrmFields } from '../../src/elements/admin/mapping-editor/mapping-editor.js';
import type { ErpAdminBackend } from '../../src/backend/erp-backend.js';
import type { ErpTab } from '../../src/elements/erp-tab/erp-tab.js';
import type { ActorTypeMapping, FieldMapping, ListMapping } from '../../src/model/types.js';
import { deepElements, findButton, findByRole, nameOf, queryAllByRole, until } from '../helpers/queries.js';
import { useSimulator } from '../helpers/sim.js';
import { choose, findControl, type } from './admin-helpers.js';
import { term, useTerms } from '../helpers/terms.js';
import { erpText } from '../../simulated-erp/texts.js';

const WORDS = useTerms({
  connections: 'admin.term.connections',
  mappings: 'admin.term.mappings',
  customer: 'actor.customer',
  supplier: 'actor.supplier',
  person: 'actor.person',
  project: 'actor.project',
  enable: { id: 'admin.map.enable', values: { actor: { term: 'actor.customer' }, entity: { term: 'entity.company' } } },
  crmField: 'admin.term.crmField',
  direction: 'admin.term.direction',
  showInTab: 'admin.term.showInTab',
  showInSearch: 'admin.term.showInSearch',
  done: 'admin.term.done',
  saved: 'admin.map.saved',
  defaults: 'admin.term.defaults',
  add: 'admin.term.add',
  addDefault: 'admin.term.addDefault',
  editDefault: 'admin.def.editTitle',
  erpField: 'admin.term.erpField',
  setDefault: 'admin.term.setDefault',
  askUser: 'admin.term.askUser',
  mandatory: 'admin.term.mandatory',
  rank: 'admin.term.rank',
  priority: 'admin.term.priority',
  resync: 'admin.term.resync',
  importVia: 'admin.term.importVia',
  select: 'admin.term.selectConnection',
  actorType: 'admin.term.actorType',
  searchErp: 'admin.term.searchErp',
  addImport: 'admin.term.addImport',
  import: 'admin.term.import',
  search: 'admin.term.search',
  listMapping: 'admin.term.listMapping',
  noSelection: 'admin.term.noSelection',
  save: 'admin.term.save',
  ok: 'admin.term.ok',
  cancel: 'action.cancel',
});
type Lang = keyof typeof WORDS;

const root = (el: Element) => el.shadowRoot!;

async function admin(lang: Lang = 'en'): Promise<ErpSyncAdmin> {
  const el = await fixture<ErpSyncAdmin>(html`<erp-sync-admin lang=${lang}></erp-sync-admin>`);
  await findByRole('region', { name: WORDS[lang].connections }, root(el));
  return el;
}

/** Opens the per-connection settings with the row's Mappings button; returns its region. */
async function openMappings(el: ErpSyncAdmin, lang: Lang = 'en', connection = 'Contoso ERP'): Promise<HTMLElement> {
  const w = WORDS[lang];
  (await findButton(`${w.mappings} ${connection}`, root(el))).click();
  const region = await findByRole('region', { name: `${w.mappings}: ${connection}` }, root(el));
  await findByRole('tab', { name: w.customer }, region);
  return region;
}

const panel = (region: HTMLElement) => findByRole('tabpanel', {}, region);
const textOf = (el: Element) =>
  [el, ...deepElements(el)]
    .flatMap((e) => [...Array.from(e.childNodes), ...Array.from(e.shadowRoot?.childNodes ?? [])])
    .filter((n) => n.nodeType === Node.TEXT_NODE)
    .map((n) => n.textContent)
    .join(' ')
    .replace(/\s+/g, ' ');
const status = async (scope: HTMLElement, text: string | RegExp) =>
  until(
    () => queryAllByRole('status', {}, scope).some((s) => (typeof text === 'string' ? textOf(s).includes(text) : text.test(textOf(s)))),
    `status ${String(text)}`,
  );
const dialogNamed = (scope: ParentNode, name: string) => findByRole('dialog', { name }, scope);
/** The field labels of a connection's section in the ERP tab, in order. */
async function tabLabels(connection: string): Promise<string[]> {
  const tab = await fixture<ErpTab>(html`<erp-tab entity="company" entity-id="c1"></erp-tab>`);
  const section = await findByRole('region', { name: connection }, root(tab));
  await until(() => deepElements(section).some((e) => e.tagName === 'DT'), 'fields shown');
  return deepElements(section)
    .filter((e) => e.tagName === 'DT')
    .map((e) => e.textContent!.trim());
}

describe('suggestCrmFields', () => {
  it('suggests unused compatible CRM fields with matching names only', () => {
    const f = (key: string, label: string, type: FieldMapping['erpField']['type'], crmField: string | null = null): FieldMapping => ({
      erpField: { key, label, type, access: 'normal' },
      crmField,
      direction: null,
      showInSearch: false,
      showInTab: false,
    });
    const out = suggestCrmFields(
      [f('email', 'E-mail', 'text'), f('phone', 'Phone', 'text', 'phone'), f('employees', 'Employees', 'text'), f('city', 'Town', 'text')],
      [
        { key: 'email', label: 'E-mail', type: 'text' },
        { key: 'phone', label: 'Phone', type: 'text' },
        { key: 'employees', label: 'Employees', type: 'integer' },
        { key: 'town', label: 'City', type: 'text' },
      ],
    );
    expect(out).to.deep.equal([
      { erpField: 'email', crmField: 'email' },
      { erpField: 'city', crmField: 'town' },
    ]);
  });
});

describe('connection settings (simulated ERP)', () => {
  const sim = useSimulator();

  for (const lang of ['en', 'de', 'da', 'nl'] as const) {
    it(`main path in ${lang}: Mappings tabs, enable, CRM field, Direction, Done; Defaults; Rank; Resync; Import`, async function () {
      this.timeout(120_000);
      const w = WORDS[lang];
      const el = await admin(lang);
      const region = await openMappings(el, lang);
      for (const name of [w.customer, w.supplier, w.person, w.project]) expect(await findByRole('tab', { name }, region)).to.exist;
      const p = await panel(region);
      const enable = (await findByRole('checkbox', { name: w.enable }, p)) as HTMLInputElement;
      expect(enable.checked).to.equal(true);
      // The ERP's field label in the UI language, as the simulated ERP answers it.
      const notes = erpText('Notes', lang);
      const crm = await findControl<HTMLSelectElement>(`${w.crmField} ${notes}`, p);
      const dir = await findControl<HTMLSelectElement>(`${w.direction} ${notes}`, p);
      choose(crm, '');
      await until(() => dir.disabled, 'direction disabled without a CRM field');
      choose(crm, 'notes');
      await until(() => !dir.disabled, 'direction enabled');
      choose(dir, 'erp-to-crm');
      (await findButton(w.done, p)).click();
      await status(p, w.saved);
      expect(sim().getActorTypeMapping('conn-a', 'customer').fields.find((f) => f.erpField.key === 'notes')).to.include({
        crmField: 'notes',
        direction: 'erp-to-crm',
      });
      await expect(el).to.be.accessible();

      // Defaults: Add sync default value
      const defaults = await findByRole('region', { name: w.defaults }, p);
      (await findButton(w.add, defaults)).click();
      const dialog = await dialogNamed(p, w.addDefault);
      choose(await findControl<HTMLSelectElement>(w.erpField, dialog), 'phone');
      (await findByRole('checkbox', { name: w.askUser }, dialog)).click();
      await expect(el).to.be.accessible();
      (await findButton(w.ok, dialog)).click();
      await until(() => sim().getDefaults('conn-a', 'customer').defaults.some((d) => d.field === 'phone' && d.askUser), 'default saved');
      await findByRole('rowheader', { name: erpText('Phone', lang) }, defaults);
      // Its Edit opens the same dialog, titled for editing.
      (await findButton(await term(lang, 'admin.def.editNamed', { label: erpText('Phone', lang) }), defaults)).click();
      const editing = await dialogNamed(p, w.editDefault);
      (await findButton(w.cancel, editing)).click();
      await until(() => !(editing as unknown as HTMLDialogElement).open, 'the edit dialog closed');

      // Rank Fields, Resync from CRM
      expect(await findByRole('region', { name: w.rank }, p)).to.exist;
      const resync = await findByRole('region', { name: w.resync }, region);
      (await findButton(w.resync, resync)).click();
      const confirm = await dialogNamed(resync, w.resync);
      // The confirmation names the action, not "Yes".
      (await findButton(w.resync, confirm)).click();
      await status(resync, /\d/);

      // Import: ERP sync
      el.remove();
      const el2 = await admin(lang);
      expect(await findByRole('region', { name: w.priority }, root(el2))).to.exist;
      (await findButton(w.importVia, root(el2))).click();
      const wizard = await dialogNamed(root(el2), w.select);
      expect(await findControl<HTMLSelectElement>(w.actorType, wizard)).to.exist;
    });
  }

  it('switches actor-type tabs with the arrow keys (keyboard only)', async () => {
    const el = await admin();
    const region = await openMappings(el);
    const customer = await findByRole('tab', { name: 'Customer' }, region);
    customer.focus();
    await sendKeys({ press: 'ArrowRight' });
    const supplier = await findByRole('tab', { name: 'Supplier' }, region);
    await until(() => supplier.getAttribute('aria-selected') === 'true', 'supplier selected');
    expect(supplier.matches(':focus')).to.equal(true);
    await findByRole('checkbox', { name: 'Sync ERP Supplier to CRM Company' }, region);
    await sendKeys({ press: 'End' });
    await until(() => (queryAllByRole('tab', { name: 'Project' }, region)[0]?.getAttribute('aria-selected')) === 'true', 'project');
    await sendKeys({ press: 'ArrowRight' });
    await until(() => customer.getAttribute('aria-selected') === 'true', 'wraps to customer');
    expect(customer.getAttribute('tabindex')).to.equal('0');
    expect(supplier.getAttribute('tabindex')).to.equal('-1');
  });

  it('fields that cannot be synced say why; only compatible CRM fields are offered', async () => {
    const el = await admin();
    const p = await panel(await openMappings(el));
    const number = await findControl<HTMLSelectElement>('CRM field Customer number', p).catch(() => null);
    // A disabled select is still visible: it is described by the reason.
    const selects = deepElements(p).filter((e): e is HTMLSelectElement => e instanceof HTMLSelectElement && nameOf(e) === 'CRM field Customer number');
    const sel = number ?? selects[0]!;
    expect(sel.disabled).to.equal(true);
    expect(textOf(p)).to.contain('Cannot be synchronized: the ERP does not allow changing this field.');
    const employees = await findControl<HTMLSelectElement>('CRM field Employees', p);
    const offered = Array.from(employees.options).map((o) => o.value);
    expect(offered).to.include('employees').and.include('creditLimit').and.not.include('name');
  });

  it('suggests CRM fields by matching names; the admin confirms', async () => {
    const el = await admin();
    const p = await panel(await openMappings(el));
    choose(await findControl<HTMLSelectElement>('CRM field E-mail', p), '');
    choose(await findControl<HTMLSelectElement>('CRM field Notes', p), '');
    (await findButton('Suggest CRM fields', p)).click();
    const group = await findByRole('group', { name: 'Suggested CRM fields (matching names)' }, p);
    const notes = (await findByRole('checkbox', { name: 'Notes to Notes' }, group)) as HTMLInputElement;
    expect(notes.checked).to.equal(true);
    notes.click();
    (await findButton('Apply selected suggestions', group)).click();
    await status(p, '1 suggestions applied');
    expect((await findControl<HTMLSelectElement>('CRM field E-mail', p)).value).to.equal('email');
    expect((await findControl<HTMLSelectElement>('CRM field Notes', p)).value).to.equal('');
    (await findButton('Done', p)).click();
    await status(p, 'Mappings saved.');
    const saved = sim().getActorTypeMapping('conn-a', 'customer').fields;
    expect(saved.find((f) => f.erpField.key === 'email')!.crmField).to.equal('email');
    expect(saved.find((f) => f.erpField.key === 'notes')!.crmField).to.equal(null);
  });

  it('keeps every edit when Done fails; after a 409 from another admin Reload keeps the edits and Done saves them', async () => {
    const el = await admin();
    const p = await panel(await openMappings(el));
    const tabBox = (await findByRole('checkbox', { name: 'Show in ERP tab City' }, p)) as HTMLInputElement;
    tabBox.click();
    sim().faults.inject('saveActorTypeMapping', { kind: 'problem', status: 503, code: 'unavailable', times: 1 });
    (await findButton('Done', p)).click();
    await until(() => textOf(p).includes('Not saved. Your changes are kept.'), 'failure shown');
    expect(tabBox.checked).to.equal(false);
    // Another admin saves meanwhile.
    sim().saveActorTypeMapping('conn-a', sim().getActorTypeMapping('conn-a', 'customer'));
    (await findButton('Done', p)).click();
    await until(() => textOf(p).includes('Another administrator saved these settings meanwhile'), '409 explained');
    expect(tabBox.checked).to.equal(false);
    await expect(el).to.be.accessible();
    // Reload loads the other admin's version and keeps this admin's edit on top; Done then saves it.
    (await findButton('Reload', p)).click();
    await status(p, 'Reloaded. Your changes are kept: save again to apply them.');
    const city = () => deepElements(p).find((e) => e instanceof HTMLInputElement && nameOf(e) === 'Show in ERP tab City') as HTMLInputElement;
    expect(city().checked).to.equal(false);
    (await findButton('Done', p)).click();
    await status(p, 'Mappings saved.');
    expect(sim().getActorTypeMapping('conn-a', 'customer').fields.find((f) => f.erpField.key === 'city')!.showInTab).to.equal(false);
  });

  it('List mapping: one-to-one with duplicates flagged, (No Selection) allowed, Save', async () => {
    const el = await admin();
    const p = await panel(await openMappings(el));
    const opener = await findButton('List mapping Country', p);
    opener.focus();
    opener.click();
    const dialog = await dialogNamed(p, 'List mapping: Country');
    const germany = await findControl<HTMLSelectElement>('CRM item for Germany', dialog);
    await expect(el).to.be.accessible();
    choose(germany, 'crm-dk');
    await until(() => germany.getAttribute('aria-invalid') === 'true', 'duplicate flagged');
    const denmark = await findControl<HTMLSelectElement>('CRM item for Denmark', dialog);
    expect(denmark.getAttribute('aria-invalid')).to.equal('true');
    const save = await findButton('Save', dialog);
    expect(save.disabled).to.equal(true);
    expect(textOf(dialog)).to.contain('Resolve the duplicates: Denmark');
    await expect(el).to.be.accessible();
    choose(germany, '');
    await until(() => !save.disabled, 'save enabled');
    expect(germany.selectedOptions[0]!.textContent!.trim()).to.equal('(No Selection)');
    save.click();
    await status(dialog, 'List mapping saved.');
    expect(sim().getListMapping('conn-a', 'countries').map.DE).to.equal(null);
    await sendKeys({ press: 'Escape' });
    await until(() => !(dialog as unknown as HTMLDialogElement).open, 'closed');
    expect(nameOf(deepActiveOf(p)!)).to.equal('List mapping Country');
  });

  it('Defaults: mandatory needs a value or Ask user; the connector-mandatory field is locked; failed save keeps input', async () => {
    const el = await admin();
    const p = await panel(await openMappings(el));
    const defaults = await findByRole('region', { name: 'Defaults' }, p);
    (await findButton('Edit default for Name', defaults)).click();
    let dialog = await dialogNamed(p, 'Edit default value');
    const locked = (await findByRole('checkbox', { name: 'Mandatory – User must fill in value' }, dialog)) as HTMLInputElement;
    expect(locked.checked && locked.disabled).to.equal(true);
    expect(queryAllByRole('button', { name: 'Remove default for Name' }, defaults)).to.have.length(0);
    await expect(el).to.be.accessible();
    (await findButton('Cancel', dialog)).click();

    (await findButton('Add', defaults)).click();
    dialog = await dialogNamed(p, 'Add sync default value');
    choose(await findControl<HTMLSelectElement>('ERP field', dialog), 'city');
    (await findByRole('checkbox', { name: 'Mandatory – User must fill in value' }, dialog)).click();
    const ok = await findButton('OK', dialog);
    await until(() => ok.disabled && textOf(dialog).includes('Mandatory needs a default value or Ask user for value.'), 'blocked');
    (await findByRole('checkbox', { name: 'Set default value' }, dialog)).click();
    const value = await findControl('City', dialog);
    type(value, 'Berlin');
    await until(() => !ok.disabled, 'ok enabled');
    await expect(el).to.be.accessible();
    sim().faults.inject('saveDefaults', { kind: 'problem', status: 500, code: 'internal-error', times: 1 });
    ok.click();
    await until(() => textOf(dialog).includes('Not saved. Your input is kept.'), 'failure');
    expect((await findControl('City', dialog)).value).to.equal('Berlin');
    ok.click();
    await status(defaults, 'Default for City saved.');
    expect(sim().getDefaults('conn-a', 'customer').defaults.find((d) => d.field === 'city')).to.deep.include({ value: 'Berlin', mandatory: true });
  });

  it('Rank Fields by keyboard: the ERP tab follows the new order; Show in ERP tab hides a field (admin changes reach the end user)', async function () {
    this.timeout(120_000);
    const el = await admin();
    const p = await panel(await openMappings(el));
    const before = await tabLabels('Contoso ERP');
    const at = (labels: string[], l: string) => labels.findIndex((x) => x.startsWith(l));
    expect(at(before, 'Name')).to.be.lessThan(at(before, 'VAT number'));
    el.remove();
    const el2 = await admin();
    const p2 = await panel(await openMappings(el2));
    const rank = await findByRole('region', { name: 'Rank Fields' }, p2);
    const item = await findByRole('listitem', { name: /^Name, position 1 of/ }, rank);
    item.focus();
    await sendKeys({ down: 'Alt' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ up: 'Alt' });
    await findByRole('listitem', { name: /^Name, position 2 of/ }, rank);
    expect(deepActiveOf(rank)?.getAttribute('data-id')).to.equal('name');
    (await findButton('Move Name down', rank)).click();
    await findByRole('listitem', { name: /^Name, position 3 of/ }, rank);
    (await findButton('Save', rank)).click();
    await status(rank, 'The new order is saved.');
    // Show in ERP tab off for City, then Done.
    (await findByRole('checkbox', { name: 'Show in ERP tab City' }, p2)).click();
    (await findButton('Done', p2)).click();
    await status(p2, 'Mappings saved.');
    void p;
    el2.remove();
    const after = await tabLabels('Contoso ERP');
    const i = (l: string) => at(after, l);
    expect(i('VAT number')).to.be.lessThan(i('E-mail'));
    expect(i('E-mail')).to.be.lessThan(i('Name'));
    expect(i('E-mail')).to.be.greaterThan(-1);
    expect(i('City')).to.equal(-1);
  });

  it('Set Sync Priority reorders the active connections', async () => {
    const el = await admin();
    const region = await findByRole('region', { name: 'Set Sync Priority' }, root(el));
    (await findButton('Move Northwind Finance up', region)).click();
    await findByRole('listitem', { name: /^Northwind Finance, position 1 of 2/ }, region);
    (await findButton('Save', region)).click();
    await until(() => sim().listConnections()[0]!.id === 'conn-b', 'saved');
    await expect(el).to.be.accessible();
  });

  it('Resync from CRM: confirmation (Escape cancels), progress, result', async () => {
    const el = await admin();
    const region = await openMappings(el);
    const resync = await findByRole('region', { name: 'Resync from CRM' }, region);
    const button = await findButton('Resync from CRM', resync);
    button.focus();
    await sendKeys({ press: 'Enter' });
    const confirm = await dialogNamed(resync, 'Resync from CRM');
    expect(textOf(resync)).to.contain('overwrite the ERP values');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await until(() => !(confirm as unknown as HTMLDialogElement).open, 'closed');
    expect(deepActiveOf(resync)).to.equal(button);
    sim().faults.inject('resync', { kind: 'latency', ms: 300, times: 1 });
    button.click();
    (await findButton('Resync from CRM', await dialogNamed(resync, 'Resync from CRM'))).click();
    await findByRole('progressbar', { name: 'Resync progress' }, resync);
    await status(resync, /Resync finished: \d+ records sent, \d+ failed\./);
    expect(queryAllByRole('progressbar', {}, resync)).to.have.length(0);
  });

  it('Import from ERP: only while the connection is not active; search, Add Import, Import, results', async () => {
    const el = await admin();
    (await findButton('ERP sync', root(el))).click();
    const dialog = await dialogNamed(root(el), 'Select ERP connection');
    await expect(el).to.be.accessible();
    choose(await findControl<HTMLSelectElement>('ERP connection', dialog), 'conn-a');
    await until(() => textOf(dialog).includes('Synchronization of Contoso ERP is switched on (Active)'), 'active note');
    expect((await findButton('Next', dialog)).disabled).to.equal(true);
    choose(await findControl<HTMLSelectElement>('ERP connection', dialog), 'conn-c');
    const typeSelect = await findControl<HTMLSelectElement>('Actor type', dialog);
    await until(() => typeSelect.options.length > 0, 'types');
    expect(Array.from(typeSelect.options).map((o) => o.value)).to.deep.equal(['customer', 'supplier', 'person', 'project']);
    const next = await findButton('Next', dialog);
    await until(() => !next.disabled, 'next enabled');
    next.click();
    await dialogNamed(root(el), 'Search ERP');
    await expect(el).to.be.accessible();
    const value = await findControl('Value', dialog);
    type(value, '1000');
    (await findButton('Search', dialog)).click();
    const results = await findByRole('table', { name: 'Search results' }, dialog);
    const boxes = queryAllByRole('checkbox', { name: /^Select / }, results).slice(0, 2) as HTMLInputElement[];
    expect(boxes.length).to.equal(2);
    boxes.forEach((b) => b.click());
    (await findButton('Add Import', dialog)).click();
    await findByRole('heading', { name: 'To import (2)' }, dialog);
    await expect(el).to.be.accessible();
    (await findButton('Import', dialog)).click();
    await dialogNamed(root(el), 'Import');
    await until(() => textOf(dialog).includes('Import finished: 2 created, 0 updated.'), 'result');
    expect(textOf(dialog)).to.contain('Created CRM records');
    await expect(el).to.be.accessible();
  });

  it('Configure ERP connection offers the items of list configuration fields (getConnectorList)', async () => {
    const el = await admin();
    (await findButton('Configure Legacy AX', root(el))).click();
    const dialog = await dialogNamed(root(el), 'Configure ERP connection');
    const region = await findControl<HTMLSelectElement>('Data centre', dialog);
    await until(() => Array.from(region.options).some((o) => o.textContent!.trim() === 'Germany'), 'list items');
  });
});

function deepActiveOf(scope: Node): HTMLElement | null {
  let a: Element | null = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a && scope.getRootNode() && (a as HTMLElement);
}

describe('long lists stay responsive (host backend)', () => {
  const fields = (n: number): FieldMapping[] =>
    Array.from({ length: n }, (_, i) => ({
      erpField: { key: `f${i}`, label: `Field ${i}`, type: 'text', access: 'normal' },
      crmField: null,
      direction: null,
      showInSearch: false,
      showInTab: i % 2 === 0,
    }));
  const items = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}`, label: `${prefix} item ${i}` }));

  it('300 ERP fields: a change re-renders one row, not the table', async () => {
    const mapping: ActorTypeMapping = {
      actorType: 'customer',
      entity: 'company',
      enabled: true,
      fields: fields(300),
      crmFields: Array.from({ length: 60 }, (_, i) => ({ key: `c${i}`, label: `CRM ${i}`, type: 'text' as const })),
      version: 'v1',
    };
    const editor = await fixture<ErpMappingEditor>(html`<erp-mapping-editor .mapping=${mapping} connectionId="x"></erp-mapping-editor>`);
    const rows = editor.shadowRoot!.querySelectorAll('tbody tr');
    expect(rows.length).to.equal(300);
    const last = rows[299]!.querySelector('select')!;
    choose(last, 'c5');
    await editor.updateComplete;
    expect(editor.value!.fields[299]!.crmField).to.equal('c5');
    // The other rows' DOM was left alone (guarded): the first select is the same node.
    expect(editor.shadowRoot!.querySelectorAll('tbody tr')[0]).to.equal(rows[0]);
  });

  it('1,000 list items: pages of 50, filter, Save keeps choices when it fails', async function () {
    this.timeout(120_000);
    let fail = true;
    const mapping: ListMapping = {
      listName: 'big',
      crmListName: 'crm:big',
      erpItems: items('E', 1000),
      crmItems: items('C', 1000),
      map: {},
      version: 'v1',
    };
    const backend = {
      getListMapping: async () => structuredClone(mapping),
      saveListMapping: async (_c: string, m: ListMapping) => {
        if (fail) throw Object.assign(new Error('x'), { status: 503, code: 'unavailable' });
        return { ...m, version: 'v2' };
      },
    } as unknown as ErpAdminBackend;
    const el = await fixture<ErpListMappingEditor>(html`<erp-list-mapping-editor .backend=${backend} connectionId="x"></erp-list-mapping-editor>`);
    await el.open('big', 'Big');
    await el.updateComplete;
    const dialog = el.shadowRoot!.querySelector('dialog')!;
    await until(() => dialog.querySelectorAll('tbody tr').length === 50, 'first page');
    const first = await findControl<HTMLSelectElement>('CRM item for E item 0', dialog);
    choose(first, 'C7');
    await el.updateComplete;
    type(await findControl('Filter ERP items', dialog), 'item 999');
    await until(() => dialog.querySelectorAll('tbody tr').length === 1, 'filtered');
    (await findButton('Save', dialog)).click();
    await until(() => textOf(dialog).includes('Not saved. Your choices are kept.'), 'failed');
    fail = false;
    (await findButton('Save', dialog)).click();
    await until(() => textOf(dialog).includes('List mapping saved.'), 'saved');
    type(await findControl('Filter ERP items', dialog), '');
    await until(() => dialog.querySelectorAll('tbody tr').length === 50, 'all');
    expect((await findControl<HTMLSelectElement>('CRM item for E item 0', dialog)).value).to.equal('C7');
  });
});
