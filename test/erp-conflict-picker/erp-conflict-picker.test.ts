import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define/erp-conflict-picker.js';
import type { ErpConflictPicker } from '../../src/elements/erp-conflict-picker/erp-conflict-picker.js';
import type { ErpConflictResolveEvent } from '../../src/events/erp-conflict-resolve.js';
import type { ErpBackend } from '../../src/backend/erp-backend.js';
import type { AskField, CompareField, FieldMeta, SyncDirection } from '../../src/model/types.js';
import { findButton, findByRole, queryAllByRole, until } from '../helpers/queries.js';
import { useTerms } from '../helpers/terms.js';

const meta = (key: string, label: string, type: FieldMeta['type'] = 'text', access: FieldMeta['access'] = 'normal'): FieldMeta => ({
  key,
  label,
  type,
  access,
});

function compare(key: string, label: string, crm: string, erp: string, direction: SyncDirection = 'both'): CompareField {
  return {
    field: meta(key, label),
    direction,
    crmValue: crm,
    erpValue: erp,
    crmDisplay: crm,
    erpDisplay: erp,
    differs: crm !== erp,
  };
}

const FIELDS: CompareField[] = [
  compare('name', 'Name', 'Acme Ltd', 'ACME Limited'),
  compare('city', 'City', 'Oslo', 'Bergen'),
  compare('phone', 'Phone', '+47 1', '+47 1'),
  compare('number', 'Customer number', '', 'C-1001', 'erp-to-crm'),
  compare('note', 'Note', 'CRM note', 'ERP note', 'crm-to-erp'),
  {
    field: meta('limit', 'Credit limit', 'double'),
    direction: 'both',
    crmValue: 1000,
    erpValue: 2500.5,
    crmDisplay: '',
    erpDisplay: '',
    differs: true,
  },
];

const ASK: AskField[] = [
  { field: meta('vat', 'VAT number', 'text', 'mandatory'), value: null },
  { field: meta('ref', 'Reference'), value: 'R1' },
];

async function render(fields = FIELDS, askFields = ASK, lang = 'en') {
  return fixture<ErpConflictPicker>(
    html`<erp-conflict-picker lang=${lang} .fields=${fields} .askFields=${askFields}></erp-conflict-picker>`,
  );
}

const root = (el: ErpConflictPicker) => el.shadowRoot!;
const isEnabled = (button: HTMLButtonElement) => button.getAttribute('aria-disabled') === 'false';

async function fillVat(el: ErpConflictPicker, text = 'NO999') {
  const input = (await findByRole('textbox', { name: 'VAT number' }, root(el))) as HTMLInputElement;
  input.focus();
  await sendKeys({ type: text });
}

describe('<erp-conflict-picker>', () => {
  it('shows every field side by side with a radio group per two-way conflict, nothing chosen', async () => {
    const el = await render();
    const groups = queryAllByRole('radiogroup', {}, root(el));
    expect(groups).to.have.length(3);
    const nameGroup = await findByRole('radiogroup', { name: 'Name' }, root(el));
    const radios = queryAllByRole('radio', {}, nameGroup) as HTMLInputElement[];
    expect(radios.map((r) => r.checked)).to.deep.equal([false, false]);
    expect(await findByRole('radio', { name: 'CRM: Acme Ltd' }, root(el))).to.exist;
    expect(await findByRole('radio', { name: 'ERP: ACME Limited' }, root(el))).to.exist;
    // Numbers are shown formatted by type.
    expect(await findByRole('radio', { name: 'ERP: 2,500.5' }, root(el))).to.exist;
    // Equal fields have no choice.
    expect(queryAllByRole('radiogroup', { name: 'Phone' }, root(el))).to.have.length(0);
    expect(root(el).textContent).to.contain('Same value');
    expect(root(el).textContent).to.contain('overwritten');
    await expect(el).to.be.accessible();
  });

  it('locks one-way fields and says which side wins', async () => {
    const el = await render();
    const group = await findByRole('group', { name: 'Customer number' }, root(el));
    expect(queryAllByRole('radio', {}, group)).to.have.length(0);
    expect(group.textContent).to.contain('Always taken from ERP');
    const note = await findByRole('group', { name: 'Note' }, root(el));
    expect(note.textContent).to.contain('Always taken from CRM');
    expect(note.querySelector('.outcome.kept')!.closest('.cell')!.textContent).to.contain('CRM note');
  });

  it('is operated by keyboard: arrows choose within a group', async () => {
    const el = await render();
    const crm = (await findByRole('radio', { name: 'CRM: Acme Ltd' }, root(el))) as HTMLInputElement;
    crm.focus();
    await sendKeys({ press: 'Space' });
    expect(crm.checked).to.equal(true);
    await sendKeys({ press: 'ArrowDown' });
    const erp = (await findByRole('radio', { name: 'ERP: ACME Limited' }, root(el))) as HTMLInputElement;
    expect(erp.checked).to.equal(true);
    expect(root(el).activeElement).to.equal(erp);
    await until(() => root(el).querySelector('[role=status]')!.textContent!.includes('2 conflicts left'), 'status 2 left');
  });

  it('enables Connect only when all conflicts are decided and mandatory values filled', async () => {
    const el = await render();
    const connect = await findButton('Connect', root(el));
    const status = root(el).querySelector('[role=status]')!;
    expect(status.textContent).to.contain('3 conflicts left to decide.');
    expect(isEnabled(connect)).to.equal(false);
    (await findButton('Take all from ERP', root(el))).click();
    await el.updateComplete;
    expect(status.textContent).to.not.contain('conflicts left');
    expect(status.textContent).to.contain('Fill in the mandatory values.');
    expect(isEnabled(connect)).to.equal(false);
    let fired = false;
    el.addEventListener('erp-conflict-resolve', () => (fired = true));
    connect.click();
    await el.updateComplete;
    expect(fired).to.equal(false);
    await fillVat(el);
    await until(() => isEnabled(connect), 'Connect enabled');
    expect(status.textContent).to.contain('All conflicts decided.');
  });

  it('emits the winning side for every differing field and the asked values', async () => {
    const el = await render();
    (await findButton('Take all from CRM', root(el))).click();
    await el.updateComplete;
    ((await findByRole('radio', { name: 'ERP: Bergen' }, root(el))) as HTMLInputElement).click();
    await fillVat(el);
    const connect = await findButton('Connect', root(el));
    await until(() => isEnabled(connect), 'Connect enabled');
    const event = oneEvent(el, 'erp-conflict-resolve');
    connect.click();
    const { choices, values } = (await event) as unknown as ErpConflictResolveEvent;
    expect(choices).to.deep.equal({ name: 'crm', city: 'erp', number: 'erp', note: 'crm', limit: 'crm' });
    expect(values).to.deep.equal({ vat: 'NO999', ref: 'R1' });
  });

  it('take-all marks the other side as overwritten', async () => {
    const el = await render();
    (await findButton('Take all from ERP', root(el))).click();
    await el.updateComplete;
    const radios = queryAllByRole('radio', {}, root(el)) as HTMLInputElement[];
    expect(radios.filter((r) => r.checked).map((r) => r.value)).to.deep.equal(['erp', 'erp', 'erp']);
    const group = await findByRole('radiogroup', { name: 'City' }, root(el));
    expect(group.querySelector('.outcome.lost')!.closest('.cell')!.textContent).to.contain('Oslo');
    await expect(el).to.be.accessible();
  });

  it('focuses the first undecided conflict when Connect is pressed too early', async () => {
    const el = await render();
    (await findButton('Connect', root(el))).click();
    await el.updateComplete;
    expect(root(el).activeElement).to.equal(await findByRole('radio', { name: 'CRM: Acme Ltd' }, root(el)));
  });

  it('needs no decision when nothing differs, and fires Cancel', async () => {
    const el = await render([compare('a', 'A', 'x', 'x')], []);
    const connect = await findButton('Connect', root(el));
    expect(isEnabled(connect)).to.equal(true);
    expect(queryAllByRole('button', { name: /Take all/ }, root(el))).to.have.length(0);
    const cancel = oneEvent(el, 'erp-conflict-cancel');
    (await findButton('Cancel', root(el))).click();
    const event = await cancel;
    expect(event.bubbles && event.composed).to.equal(true);
  });

  it('puts many equal values behind one button, the decisions first, and shows them on request', async () => {
    const fields = [
      compare('a', 'Street', 'Main St 1', 'Main St 1'),
      compare('name', 'Name', 'Acme Ltd', 'ACME Limited'),
      compare('b', 'Zip', '0150', '0150'),
      compare('c', 'Country', 'Norway', 'Norway'),
      compare('city', 'City', 'Oslo', 'Bergen'),
      compare('d', 'Currency', 'NOK', 'NOK'),
    ];
    const el = await fixture<ErpConflictPicker>(html`<erp-conflict-picker lang="en" .fields=${fields}></erp-conflict-picker>`);
    const root = el.shadowRoot!;
    const names = () => [...root.querySelectorAll('[part="row"] .name > span:first-child')].map((n) => n.textContent);
    expect(names()).to.deep.equal(['Name', 'City']);
    const toggle = await findButton('4 equal values', root);
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    toggle.click();
    await until(() => names().length === 6, 'the equal values shown');
    expect(names()).to.deep.equal(['Name', 'City', 'Street', 'Zip', 'Country', 'Currency']);
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    await expect(el).to.be.accessible();
    // Three equal values or fewer stay in their place, as they are.
    el.fields = fields.slice(0, 5);
    await el.updateComplete;
    expect(queryAllByRole('button', { name: /equal values/ }, root)).to.have.length(0);
    expect(names()).to.deep.equal(['Street', 'Name', 'Zip', 'Country', 'City']);
  });

  it('keeps decisions when the fields are given again', async () => {
    const el = await render();
    ((await findByRole('radio', { name: 'CRM: Oslo' }, root(el))) as HTMLInputElement).click();
    el.fields = [...FIELDS];
    await el.updateComplete;
    expect(((await findByRole('radio', { name: 'CRM: Oslo' }, root(el))) as HTMLInputElement).checked).to.equal(true);
  });

  it('loads list items for ask fields when given a backend', async () => {
    const backend = {
      getList: async (_c: string, name: string) => (name === 'groups' ? [{ id: 'g1', label: 'Wholesale' }] : []),
    } as unknown as ErpBackend;
    const ask: AskField[] = [{ field: { ...meta('group', 'Group', 'list', 'mandatory'), listName: 'groups' }, value: null }];
    const el = await fixture<ErpConflictPicker>(
      html`<erp-conflict-picker .fields=${[]} .askFields=${ask} .backend=${backend} .connectionId=${'c1'}></erp-conflict-picker>`,
    );
    const select = (await findByRole('combobox', { name: 'Group' }, el.shadowRoot!)) as HTMLSelectElement;
    await until(() => [...select.options].some((o) => o.text === 'Wholesale'), 'list loaded');
  });

  const WORDS = useTerms({ connect: 'action.connect', takeCrm: 'picker.takeAllCrm', hint: 'picker.hint' });
  for (const lang of ['de', 'da', 'nl'] as const) {
    it(`uses the glossary words in ${lang}`, async () => {
      const { connect, takeCrm, hint } = WORDS[lang];
      const el = await render(FIELDS, ASK, lang);
      expect(await findButton(connect, root(el))).to.exist;
      expect(await findButton(takeCrm, root(el))).to.exist;
      expect(root(el).querySelector('[part=hint]')!.textContent!.replace(/\s+/g, ' ')).to.contain(hint);
      await expect(el).to.be.accessible();
    });
  }

  it('shows a backend error on an ask field and holds Connect until it is edited', async () => {
    const el = await render([], ASK);
    await fillVat(el, 'X');
    const connect = await findButton('Connect', root(el));
    await until(() => isEnabled(connect), 'enabled');
    expect(el.setFieldError('/values/vat', 'Unknown VAT number.')).to.equal(true);
    await el.updateComplete;
    const vatRoot = root(el).querySelector('erp-field')!.shadowRoot!;
    await until(() => vatRoot.querySelector('#message')!.textContent!.includes('Unknown VAT number.'), 'field error');
    expect(isEnabled(connect)).to.equal(false);
    expect(vatRoot.activeElement).to.equal(vatRoot.querySelector('input'));
    await sendKeys({ type: 'Y' });
    await until(() => isEnabled(connect), 'enabled after edit');
  });

  it('moves between conflicts with Tab, one stop per group', async () => {
    const el = await render();
    const crmName = (await findByRole('radio', { name: 'CRM: Acme Ltd' }, root(el))) as HTMLInputElement;
    crmName.focus();
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement).to.equal(await findByRole('radio', { name: 'CRM: Oslo' }, root(el)));
    await sendKeys({ press: 'ArrowRight' });
    expect(((await findByRole('radio', { name: 'ERP: Bergen' }, root(el))) as HTMLInputElement).checked).to.equal(true);
  });

  it('stacks the columns at 320 px and then writes the side before each value', async () => {
    const el = await render();
    el.style.inlineSize = '300px';
    await el.updateComplete;
    const prefix = root(el).querySelector('.side-prefix')!;
    await until(() => getComputedStyle(prefix).position === 'static', 'prefix visible when narrow');
    expect(getComputedStyle(root(el).querySelector('.row.head')!).display).to.equal('none');
    expect(root(el).querySelector('.rows')!.scrollWidth).to.be.at.most(300);
    await expect(el).to.be.accessible();
  });

  it('handles 60 fields', async () => {
    const many = Array.from({ length: 60 }, (_, i) => compare(`f${i}`, `Field ${i}`, `crm ${i}`, i % 2 ? `erp ${i}` : `crm ${i}`));
    const el = await render(many, []);
    expect(queryAllByRole('radiogroup', {}, root(el))).to.have.length(30);
    (await findButton('Take all from CRM', root(el))).click();
    await el.updateComplete;
    expect(isEnabled(await findButton('Connect', root(el)))).to.equal(true);
  });
});
