import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { computeAccessibleDescription } from 'dom-accessibility-api';
import '../../src/define/erp-field.js';
import type { ErpFieldChangeEvent } from '../../src/events/erp-field-change.js';
import type { ErpField } from '../../src/elements/erp-field/erp-field.js';
import type { FieldMeta, FieldValue, ListItem } from '../../src/model/types.js';
import { findByRole, queryAllByRole, until } from '../helpers/queries.js';
import { nextTask } from '../helpers/events.js';
import { useTerms } from '../helpers/terms.js';

const meta = (over: Partial<FieldMeta>): FieldMeta => ({ key: 'k', label: 'Name', type: 'text', access: 'normal', ...over });

async function render(field: FieldMeta, value: FieldValue = null, lang = 'en', items?: ListItem[]) {
  // The element itself carries `lang` (a plain wrapper would make fixture() wait for a frame,
  // which a background test page never renders).
  const el = await fixture<ErpField>(
    html`<erp-field lang=${lang} .field=${field} .value=${value} .items=${items}></erp-field>`,
  );
  return { el };
}

const messageOf = (el: ErpField) => el.shadowRoot!.querySelector('#message')!;

/** Replaces the control's text the way a user does: select all, type. */
async function retype(input: HTMLInputElement, text: string) {
  input.focus();
  input.select();
  if (text === '') await sendKeys({ press: 'Backspace' });
  else await sendKeys({ type: text });
}

// The Danish message these tests look for, as the translators wrote it.
const WORDS = useTerms({ requiredChoice: 'field.error.requiredChoice' });

describe('<erp-field>', () => {
  it('names a text control by its label, marks mandatory and describes it', async () => {
    const { el } = await render(meta({ access: 'mandatory', description: 'As on the invoice', maxLength: 10 }), 'Acme');
    const input = (await findByRole('textbox', { name: 'Name' }, el.shadowRoot!)) as HTMLInputElement;
    expect(input.value).to.equal('Acme');
    expect(input.getAttribute('aria-required')).to.equal('true');
    expect(el.shadowRoot!.querySelector('label')!.textContent).to.contain('*');
    expect(computeAccessibleDescription(input)).to.contain('As on the invoice');
    expect(computeAccessibleDescription(input)).to.contain('Up to 10 characters.');
    expect(el.valid).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('says beside the field when text is too long, and keeps what was typed', async () => {
    const { el } = await render(meta({ maxLength: 5 }), 'Acme');
    const input = (await findByRole('textbox', { name: 'Name' }, el.shadowRoot!)) as HTMLInputElement;
    const region = messageOf(el);
    expect(region.getAttribute('aria-live')).to.equal('polite');
    const event = oneEvent(el, 'erp-field-change');
    input.focus();
    await sendKeys({ press: 'End' });
    await sendKeys({ type: ' AG' });
    const change = (await event) as unknown as ErpFieldChangeEvent;
    expect(change.key).to.equal('k');
    await until(() => region.textContent?.includes('Use at most 5 characters (now 7).'), 'too-long message');
    expect(input.value).to.equal('Acme AG');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(computeAccessibleDescription(input)).to.contain('Use at most 5 characters');
    expect(el.valid).to.equal(false);
    expect(el.value).to.equal('Acme AG');
    await expect(el).to.be.accessible();
  });

  it('asks for a mandatory value once the user leaves it empty', async () => {
    const { el } = await render(meta({ access: 'mandatory' }), 'x');
    const input = (await findByRole('textbox', { name: 'Name' }, el.shadowRoot!)) as HTMLInputElement;
    await retype(input, '');
    await sendKeys({ press: 'Tab' });
    await until(() => messageOf(el).textContent?.includes('Fill in this field'), 'required message');
    expect(el.valid).to.equal(false);
    expect(el.value).to.equal(null);
  });

  it('shows a password field without revealing it as text', async () => {
    const { el } = await render(meta({ type: 'password', label: 'Secret' }), 's3cret');
    const input = el.shadowRoot!.querySelector('input')!;
    expect(input.type).to.equal('password');
    expect(el.shadowRoot!.querySelector('label')!.htmlFor).to.equal(input.id);
    await expect(el).to.be.accessible();
  });

  for (const lang of ['de', 'da', 'nl']) {
    it(`reads and shows numbers the ${lang} way`, async () => {
      const { el } = await render(meta({ type: 'double', label: 'Limit' }), 1234.5, lang);
      const input = (await findByRole('textbox', { name: 'Limit' }, el.shadowRoot!)) as HTMLInputElement;
      await until(() => input.value === '1.234,5', `1.234,5 in ${lang}, got ${input.value}`);
      await retype(input, '2.500,75');
      expect(el.value).to.equal(2500.75);
      expect(el.valid).to.equal(true);
      await retype(input, '1.5');
      await sendKeys({ press: 'Tab' });
      expect(el.valid).to.equal(false);
      await until(() => input.getAttribute('aria-invalid') === 'true', 'aria-invalid');
      expect(messageOf(el).textContent).to.contain('1.234,5');
      expect(input.value).to.equal('1.5');
    });
  }

  it('reformats a readable number when the user leaves the field', async () => {
    const { el } = await render(meta({ type: 'integer', label: 'Count' }), null, 'de');
    const input = (await findByRole('textbox', { name: 'Count' }, el.shadowRoot!)) as HTMLInputElement;
    await retype(input, '1234567');
    await sendKeys({ press: 'Tab' });
    await until(() => input.value === '1.234.567', 'grouped');
    expect(el.value).to.equal(1234567);
  });

  it('rejects a fraction in an integer field in German', async () => {
    const { el } = await render(meta({ type: 'integer', label: 'Count' }), null, 'de');
    const input = (await findByRole('textbox', { name: 'Count' }, el.shadowRoot!)) as HTMLInputElement;
    await retype(input, '3,5');
    await sendKeys({ press: 'Tab' });
    await until(() => messageOf(el).textContent?.includes('Geben Sie eine ganze Zahl ein'), 'German integer message');
    await expect(el).to.be.accessible();
  });

  it('reads and shows dates in the UI language', async () => {
    const { el } = await render(meta({ type: 'datetime', label: 'Since' }), '2025-12-31', 'nl');
    const input = (await findByRole('textbox', { name: 'Since' }, el.shadowRoot!)) as HTMLInputElement;
    await until(() => input.value === '31-12-2025', `nl date, got ${input.value}`);
    expect(computeAccessibleDescription(input)).to.contain('31-12-2025');
    await retype(input, '1-2-2026');
    expect(el.value).to.equal('2026-02-01');
    await retype(input, '30-2-2026');
    await sendKeys({ press: 'Tab' });
    await until(() => messageOf(el).textContent?.includes('Voer een datum in'), 'nl date error');
    expect(el.valid).to.equal(false);
  });

  it('toggles a checkbox with the keyboard', async () => {
    const { el } = await render(meta({ type: 'checkbox', label: 'Active' }), false);
    const box = (await findByRole('checkbox', { name: 'Active' }, el.shadowRoot!)) as HTMLInputElement;
    box.focus();
    const event = oneEvent(el, 'erp-field-change');
    await sendKeys({ press: 'Space' });
    expect(((await event) as unknown as ErpFieldChangeEvent).value).to.equal(true);
    expect(el.value).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('offers list items with a "(No Selection)" option when not mandatory', async () => {
    const items = [
      { id: 'EUR', label: 'Euro' },
      { id: 'DKK', label: 'Danish krone' },
    ];
    const { el } = await render(meta({ type: 'list', label: 'Currency', listName: 'currencies' }), 'EUR', 'en', items);
    const select = (await findByRole('combobox', { name: 'Currency' }, el.shadowRoot!)) as HTMLSelectElement;
    expect([...select.options].map((o) => o.text)).to.deep.equal(['(No Selection)', 'Euro', 'Danish krone']);
    expect(select.value).to.equal('EUR');
    select.focus();
    await sendKeys({ press: 'ArrowDown' });
    await until(() => el.value === 'DKK', 'DKK chosen');
    await expect(el).to.be.accessible();
  });

  it('asks to choose from a mandatory list and has no empty choice once set', async () => {
    const items = [{ id: 'A', label: 'Alpha' }];
    const { el } = await render(meta({ type: 'list', label: 'Group', access: 'mandatory' }), null, 'da', items);
    const select = (await findByRole('combobox', { name: 'Group' }, el.shadowRoot!)) as HTMLSelectElement;
    expect(select.getAttribute('aria-required')).to.equal('true');
    expect(el.valid).to.equal(false);
    expect(el.reportValidity()).to.equal(false);
    await until(() => messageOf(el).textContent?.includes(WORDS.da.requiredChoice), 'Danish required message');
    expect(select.getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('says "(No Selection)" in German', async () => {
    const { el } = await render(meta({ type: 'list', label: 'Group' }), null, 'de', []);
    const select = (await findByRole('combobox', { name: 'Group' }, el.shadowRoot!)) as HTMLSelectElement;
    await until(() => select.options[0].text === '(Keine Selektion)', 'German no selection');
  });

  it('shows a label field as read-only text without a control', async () => {
    const { el } = await render(meta({ type: 'label', label: 'Synchronized by the ERP' }), null);
    expect(el.shadowRoot!.textContent).to.contain('Synchronized by the ERP');
    expect(queryAllByRole('textbox', {}, el.shadowRoot!)).to.have.length(0);
    expect(el.valid).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('respects read-only access', async () => {
    const { el } = await render(meta({ access: 'read-only', label: 'Number' }), '10001');
    const input = (await findByRole('textbox', { name: 'Number' }, el.shadowRoot!)) as HTMLInputElement;
    expect(input.readOnly).to.equal(true);
    const list = await render(meta({ type: 'list', access: 'read-only', label: 'Group' }), 'A', 'en', [{ id: 'A', label: 'Alpha' }]);
    const select = list.el.shadowRoot!.querySelector('select')!;
    expect(select.disabled).to.equal(true);
  });

  it('shows an error set from outside the same way, until the user edits', async () => {
    const { el } = await render(meta({ label: 'VAT number' }), 'DK123');
    el.error = 'The ERP rejected this VAT number.';
    await el.updateComplete;
    const input = (await findByRole('textbox', { name: 'VAT number' }, el.shadowRoot!)) as HTMLInputElement;
    expect(messageOf(el).textContent).to.contain('The ERP rejected this VAT number.');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(el.valid).to.equal(false);
    input.focus();
    await sendKeys({ type: '4' });
    await until(() => !messageOf(el).textContent?.trim(), 'message cleared');
    expect(el.valid).to.equal(true);
    expect(input.value).to.equal('DK1234');
  });

  it('rewrites a shown value when the language changes, but never text being typed', async () => {
    const { el } = await render(meta({ type: 'double', label: 'Limit' }), 1234.5, 'en');
    const input = (await findByRole('textbox', { name: 'Limit' }, el.shadowRoot!)) as HTMLInputElement;
    await until(() => input.value === '1,234.5', 'en number');
    el.setAttribute('lang', 'de');
    await until(() => input.value === '1.234,5', 'de number after switch');
    input.focus();
    input.select();
    await sendKeys({ type: '2.500,' });
    el.setAttribute('lang', 'nl');
    await el.updateComplete;
    await nextTask(); // the language change has been observed and rendered
    await el.updateComplete;
    await sendKeys({ type: '75' });
    expect(input.value).to.equal('2.500,75');
    expect(el.value).to.equal(2500.75);
  });

  it('delegates focus to its control', async () => {
    const { el } = await render(meta({}), null);
    el.focus();
    expect(el.shadowRoot!.activeElement).to.equal(el.shadowRoot!.querySelector('input'));
  });

  it('keeps typed text when the host sets the same value again', async () => {
    const { el } = await render(meta({ type: 'double', label: 'Limit' }), 5, 'de');
    const input = (await findByRole('textbox', { name: 'Limit' }, el.shadowRoot!)) as HTMLInputElement;
    await retype(input, 'abc');
    el.value = null; // what the host stores from the change event
    await el.updateComplete;
    expect(input.value).to.equal('abc');
    el.value = 7;
    await el.updateComplete;
    expect(input.value).to.equal('7');
  });
});
