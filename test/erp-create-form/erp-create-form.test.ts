import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define/erp-create-form.js';
import type { ErpCreateForm } from '../../src/elements/erp-create-form/erp-create-form.js';
import type { ErpCreateSubmitEvent } from '../../src/events/erp-create-submit.js';
import type { ErpBackend } from '../../src/backend/erp-backend.js';
import { ErpProblem } from '../../src/backend/problem.js';
import type { AskField, FieldMeta, ListItem } from '../../src/model/types.js';
import { findButton, findByRole, queryAllByRole, until } from '../helpers/queries.js';
import { useTerms } from '../helpers/terms.js';

const meta = (key: string, label: string, type: FieldMeta['type'] = 'text', over: Partial<FieldMeta> = {}): FieldMeta => ({
  key,
  label,
  type,
  access: 'normal',
  ...over,
});

const FIELDS: AskField[] = [
  { field: meta('name', 'Name', 'text', { access: 'mandatory', maxLength: 20 }), value: 'Acme Ltd' },
  { field: meta('vat', 'VAT number', 'text', { access: 'mandatory' }), value: null },
  { field: meta('limit', 'Credit limit', 'double'), value: 1500.25 },
  { field: meta('currency', 'Currency', 'list', { listName: 'currencies', access: 'mandatory' }), value: 'EUR' },
  { field: meta('active', 'Active', 'checkbox'), value: true },
  { field: meta('since', 'Customer since', 'datetime'), value: '2025-01-15' },
  { field: meta('info', 'Numbers are assigned by the ERP', 'label'), value: null },
];

const CURRENCIES: ListItem[] = [
  { id: 'EUR', label: 'Euro' },
  { id: 'DKK', label: 'Danish krone' },
];

/** A fake backend whose getList can fail a given number of times and records its calls. */
function fakeBackend(options: { failures?: number; hang?: boolean } = {}) {
  let failures = options.failures ?? 0;
  const calls: { listName: string; signal?: AbortSignal }[] = [];
  const backend = {
    getList: (_connectionId: string, listName: string, opts?: { signal?: AbortSignal }) => {
      calls.push({ listName, signal: opts?.signal });
      if (options.hang) return new Promise(() => undefined);
      if (failures > 0) {
        failures--;
        return Promise.reject(new ErpProblem({ status: 503, code: 'unavailable' }));
      }
      return Promise.resolve(CURRENCIES);
    },
  } as unknown as ErpBackend;
  return { backend, calls };
}

async function render(fields = FIELDS, backend = fakeBackend().backend, lang = 'en') {
  return fixture<ErpCreateForm>(
    html`<erp-create-form lang=${lang} .fields=${fields} .backend=${backend} .connectionId=${'c1'}></erp-create-form>`,
  );
}

const root = (el: ErpCreateForm) => el.shadowRoot!;
const fieldRoots = (el: ErpCreateForm) => [...root(el).querySelectorAll('erp-field')].map((f) => f.shadowRoot!);
const isEnabled = (button: HTMLButtonElement) => button.getAttribute('aria-disabled') === 'false';

async function textbox(el: ErpCreateForm, name: string) {
  return (await findByRole('textbox', { name }, root(el))) as HTMLInputElement;
}

// The words these tests look for in de, da and nl, as the translators wrote them.
const WORDS = useTerms({ title: 'create.title', create: 'action.create', cancel: 'action.cancel', retry: 'action.retry', unavailable: 'error.unavailable' });

describe('<erp-create-form>', () => {
  it('shows "Create in ERP" with one prefilled field per ask field', async () => {
    const el = await render();
    expect(await findByRole('heading', { name: 'Create in ERP' }, root(el))).to.exist;
    expect((await textbox(el, 'Name')).value).to.equal('Acme Ltd');
    expect((await textbox(el, 'Credit limit')).value).to.equal('1,500.25');
    expect((await textbox(el, 'Customer since')).value).to.equal('01/15/2025');
    expect(((await findByRole('checkbox', { name: 'Active' }, root(el))) as HTMLInputElement).checked).to.equal(true);
    expect(root(el).querySelectorAll('erp-field')).to.have.length(7);
    expect(fieldRoots(el)[6].textContent).to.contain('Numbers are assigned by the ERP');
    await expect(el).to.be.accessible();
  });

  it('loads list items from the backend for list fields', async () => {
    const { backend, calls } = fakeBackend();
    const el = await render(FIELDS, backend);
    const select = (await findByRole('combobox', { name: 'Currency' }, root(el))) as HTMLSelectElement;
    await until(() => select.options.length === 2, 'items loaded');
    expect(select.value).to.equal('EUR');
    expect(calls.map((c) => c.listName)).to.deep.equal(['currencies']);
  });

  it('shows a localized error and retries when the list fails, keeping typed values', async () => {
    const { backend, calls } = fakeBackend({ failures: 1 });
    const el = await render(FIELDS, backend, 'de');
    const vat = await textbox(el, 'VAT number');
    vat.focus();
    await sendKeys({ type: 'DE123' });
    const alert = await findByRole('alert', {}, root(el));
    await until(() => alert.textContent?.includes(WORDS.de.unavailable), 'German error text');
    (await findButton(WORDS.de.retry, root(el))).click();
    const select = (await findByRole('combobox', { name: 'Currency' }, root(el))) as HTMLSelectElement;
    await until(() => [...select.options].some((o) => o.text === 'Euro'), 'loaded after retry');
    expect(queryAllByRole('alert', {}, root(el))).to.have.length(0);
    expect(calls).to.have.length(2);
    expect(vat.value).to.equal('DE123');
  });

  it('aborts the list load when removed', async () => {
    const { backend, calls } = fakeBackend({ hang: true });
    const el = await render(FIELDS, backend);
    await until(() => calls.length === 1, 'load started');
    el.remove();
    expect(calls[0].signal!.aborted).to.equal(true);
  });

  it('enables Create only when every mandatory value is valid', async () => {
    const el = await render();
    const create = await findButton('Create', root(el));
    expect(isEnabled(create)).to.equal(false);
    const vat = await textbox(el, 'VAT number');
    vat.focus();
    await sendKeys({ type: 'GB1' });
    await until(() => isEnabled(create), 'Create enabled');
    const name = await textbox(el, 'Name');
    name.focus();
    name.select();
    await sendKeys({ type: 'A name that is clearly longer than twenty' });
    await until(() => !isEnabled(create), 'Create disabled again by max length');
    expect(fieldRoots(el)[0].querySelector('#message')!.textContent).to.contain('Use at most 20 characters');
  });

  it('shows the errors and focuses the first invalid field when Create is pressed too early', async () => {
    const el = await render();
    let fired = false;
    el.addEventListener('erp-create-submit', () => (fired = true));
    (await findButton('Create', root(el))).click();
    await el.updateComplete;
    const vatField = root(el).querySelectorAll('erp-field')[1];
    await until(() => vatField.shadowRoot!.querySelector('#message')!.textContent!.includes('Fill in this field'), 'required shown');
    expect(vatField.shadowRoot!.activeElement).to.equal(vatField.shadowRoot!.querySelector('input'));
    expect(fired).to.equal(false);
  });

  it('submits the values and their display text', async () => {
    const el = await render();
    await until(() => root(el).querySelectorAll('erp-field')[3].shadowRoot!.querySelectorAll('option').length === 2, 'items');
    const vat = await textbox(el, 'VAT number');
    vat.focus();
    await sendKeys({ type: 'GB1' });
    const limit = await textbox(el, 'Credit limit');
    limit.focus();
    limit.select();
    await sendKeys({ type: '2,000.5' });
    const create = await findButton('Create', root(el));
    await until(() => isEnabled(create), 'Create enabled');
    const event = oneEvent(el, 'erp-create-submit');
    create.click();
    const { values, preview } = (await event) as unknown as ErpCreateSubmitEvent;
    expect(values).to.deep.equal({
      name: 'Acme Ltd',
      vat: 'GB1',
      limit: 2000.5,
      currency: 'EUR',
      active: true,
      since: '2025-01-15',
    });
    expect(preview.map((p) => [p.key, p.label, p.display])).to.deep.equal([
      ['name', 'Name', 'Acme Ltd'],
      ['vat', 'VAT number', 'GB1'],
      ['limit', 'Credit limit', '2,000.5'],
      ['currency', 'Currency', 'Euro'],
      ['active', 'Active', 'Yes'],
      ['since', 'Customer since', 'Jan 15, 2025'],
    ]);
  });

  it('puts a backend error on the field it points to, until the user edits it', async () => {
    const el = await render();
    const vat = await textbox(el, 'VAT number');
    vat.focus();
    await sendKeys({ type: 'XX' });
    const create = await findButton('Create', root(el));
    await until(() => isEnabled(create), 'valid');
    expect(el.setFieldError('/create/values/vat', 'The ERP does not accept this VAT number.')).to.equal(true);
    await el.updateComplete;
    const vatRoot = fieldRoots(el)[1];
    await until(() => vatRoot.querySelector('#message')!.textContent!.includes('does not accept'), 'field error');
    expect(vat.getAttribute('aria-invalid')).to.equal('true');
    expect(vat.value).to.equal('XX');
    expect(isEnabled(create)).to.equal(false);
    expect(vatRoot.activeElement).to.equal(vat);
    await expect(el).to.be.accessible();
    await sendKeys({ type: '1' });
    await until(() => isEnabled(create), 'enabled after edit');
    expect(el.setFieldError('unknown', 'x')).to.equal(false);
  });

  it('keeps typed values when given the same fields again', async () => {
    const el = await render();
    const vat = await textbox(el, 'VAT number');
    vat.focus();
    await sendKeys({ type: 'KEEP' });
    el.fields = FIELDS.map((f) => ({ ...f }));
    await el.updateComplete;
    expect((await textbox(el, 'VAT number')).value).to.equal('KEEP');
    expect(el.currentValues.vat).to.equal('KEEP');
  });

  it('submits with Enter in a text box', async () => {
    const el = await render();
    const vat = await textbox(el, 'VAT number');
    vat.focus();
    await sendKeys({ type: 'GB9' });
    const event = oneEvent(el, 'erp-create-submit');
    await sendKeys({ press: 'Enter' });
    const { values } = (await event) as unknown as ErpCreateSubmitEvent;
    expect(values.vat).to.equal('GB9');
  });

  it('can leave the heading to its container and stays named', async () => {
    const el = await fixture<ErpCreateForm>(html`<erp-create-form hide-heading lang="da" .fields=${FIELDS}></erp-create-form>`);
    expect(queryAllByRole('heading', {}, root(el))).to.have.length(0);
    expect(await findByRole('form', { name: 'Opret i ERP' }, root(el))).to.exist;
  });

  it('fires Cancel', async () => {
    const el = await render();
    const cancel = oneEvent(el, 'erp-create-cancel');
    (await findButton('Cancel', root(el))).click();
    expect((await cancel).composed).to.equal(true);
  });

  // 1,500.25 as Intl writes it in each language (a format, not a word).
  for (const [lang, limit] of [
    ['de', '1.500,25'],
    ['da', '1.500,25'],
    ['nl', '1.500,25'],
  ] as const) {
    it(`speaks ${lang} with the glossary words and formats`, async () => {
      const { title, create, cancel } = WORDS[lang];
      const el = await render(FIELDS, fakeBackend().backend, lang);
      expect(await findByRole('heading', { name: title }, root(el))).to.exist;
      expect(await findButton(create, root(el))).to.exist;
      expect(await findButton(cancel, root(el))).to.exist;
      const input = await textbox(el, 'Credit limit');
      await until(() => input.value === limit, `number in ${lang}, got ${input.value}`);
      await expect(el).to.be.accessible();
    });
  }
});
