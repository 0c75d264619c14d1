import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { localized, msg, str } from '@lit/localize';
import type { FieldMeta, FieldValue, ListItem } from '../../model/types.js';
import {
  dateExample,
  formatFieldInput,
  readFieldInput,
  toBoolean,
  validateFieldValue,
  type FieldErrorCode,
} from '../../model/field-value.js';
import { formatFieldValue } from '../../model/format.js';
import { ErpFieldChangeEvent } from '../../events/erp-field-change.js';
import { LocaleController } from '../../i18n/locale-controller.js';
import { getLocale } from '../../i18n/localization.js';
import { formatWords } from '../../i18n/terms.js';
import { baseStyles } from '../shared/base-styles.js';
import { fieldErrorMessage } from './field-messages.js';
import { fieldStyles } from './erp-field.styles.js';

const TEXT_LIKE = new Set(['text', 'password', 'integer', 'double', 'datetime']);
const UNSET = Symbol('unset');

interface ControlAttrs {
  invalid: 'true' | 'false';
  describedBy: string | typeof nothing;
  required: 'true' | 'false';
}

/**
 * One field rendered from its metadata (`FieldMeta`): text (with max length), password, integer,
 * double, checkbox, list (a `<select>` of `items`), datetime, or label (read-only text).
 * Numbers and dates are typed and shown in the UI language. The field's label names the control;
 * mandatory fields are marked and `aria-required`; the description is the control's help text;
 * validation messages appear beside the control in a live region and set `aria-invalid`.
 *
 * Used by the conflict picker, the Create in ERP form and the connector configuration form.
 *
 * @event {ErpFieldChangeEvent} erp-field-change - The user changed the value (`key`, parsed `value`, `valid`).
 * @csspart field - The field's container.
 * @csspart label - The visible label.
 * @csspart control - The input or select.
 * @csspart help - The description text.
 * @csspart message - The validation message (a live region).
 */
@localized()
export class ErpField extends LitElement {
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  static override styles = [baseStyles, fieldStyles];

  /** The field's metadata. */
  @property({ attribute: false }) field!: FieldMeta;
  /** The parsed value: string, number, boolean, ISO date, list item id, or `null`. */
  @property({ attribute: false }) value: FieldValue = null;
  /** The allowed items of a `list` field. */
  @property({ attribute: false }) items?: ListItem[];
  /** Disables the control (e.g. while a request is in flight). */
  @property({ type: Boolean, reflect: true }) disabled = false;
  /** A message set from outside (e.g. the backend rejected the value); cleared when the user edits. */
  @property() error = '';

  /** The text in a text-like control: kept as typed, even when it cannot be read. */
  @state() private text = '';
  /** Whether to show validation errors (after the user left the field, or `reportValidity()`). */
  @state() private touched = false;

  private syncedValue: FieldValue | typeof UNSET = UNSET;
  private textLocale = '';

  constructor() {
    super();
    new LocaleController(this, 'dialogs');
  }

  /** Whether the current value passes the field's rules and no outside error is set. */
  get valid(): boolean {
    return !this.error && this.validation() === null;
  }

  /** Shows the validation message (if any) and returns whether the field is valid. */
  reportValidity(): boolean {
    this.touched = true;
    return this.valid;
  }

  private get textLike(): boolean {
    return TEXT_LIKE.has(this.field?.type);
  }

  private validation(): FieldErrorCode | null {
    if (!this.field) return null;
    if (this.textLike && this.syncedValue !== UNSET && this.field.access !== 'read-only') {
      return readFieldInput(this.field, this.text, this.textLocale || getLocale()).error;
    }
    return validateFieldValue(this.field, this.value);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const locale = getLocale();
    if (!this.field) return;
    const valueChangedOutside =
      (changed.has('value') || changed.has('field') || this.syncedValue === UNSET) && this.value !== this.syncedValue;
    if (valueChangedOutside) {
      this.text = formatFieldInput(this.field, this.value, locale);
      this.syncedValue = this.value;
      this.textLocale = locale;
    } else if (locale !== this.textLocale) {
      // The language changed: rewrite text we formatted ourselves; never touch what the user is
      // typing (reformatting `2.500,` to `2.500` mid-keystroke would corrupt their input).
      if (this.text === formatFieldInput(this.field, this.value, this.textLocale)) {
        this.text = formatFieldInput(this.field, this.value, locale);
      }
      this.textLocale = locale;
    }
  }

  private emit(): void {
    this.dispatchEvent(new ErpFieldChangeEvent(this.field.key, this.value, this.valid));
  }

  private onTextInput(event: Event): void {
    this.text = (event.target as HTMLInputElement).value;
    const { value } = readFieldInput(this.field, this.text, getLocale());
    this.textLocale = getLocale();
    this.value = value;
    this.syncedValue = value;
    this.error = '';
    this.emit();
  }

  private onTextChange(): void {
    this.touched = true;
    // Show what was understood in the language's own way (e.g. `1234,5` -> `1.234,5`).
    const type = this.field.type;
    if (type !== 'integer' && type !== 'double' && type !== 'datetime') return;
    const { value, error } = readFieldInput(this.field, this.text, getLocale());
    if (value !== null && error === null) {
      this.text = formatFieldInput(this.field, value, getLocale());
      this.textLocale = getLocale();
    }
  }

  private onSelectChange(event: Event): void {
    const id = (event.target as HTMLSelectElement).value;
    this.value = id === '' ? null : id;
    this.syncedValue = this.value;
    this.touched = true;
    this.error = '';
    this.emit();
  }

  private onCheckboxChange(event: Event): void {
    this.value = (event.target as HTMLInputElement).checked;
    this.syncedValue = this.value;
    this.touched = true;
    this.error = '';
    this.emit();
  }

  private message(): string {
    if (this.error) return this.error;
    const code = this.validation();
    if (!code || (!this.touched && code !== 'too-long')) return '';
    return fieldErrorMessage(code, this.field, this.value, this.text, getLocale());
  }

  protected override render() {
    const f = this.field;
    if (!f) return nothing;
    if (f.type === 'label') return this.renderLabelField(f);
    const message = this.message();
    const describedBy = [
      f.description ? 'help' : '',
      this.hint(f) ? 'hint' : '',
      message ? 'message' : '',
    ]
      .filter(Boolean)
      .join(' ');
    const control = this.renderControl(f, message !== '', describedBy);
    return html`<div part="field" class="field">
      ${f.type === 'checkbox'
        ? html`<div class="check">${control}${this.renderLabel(f)}</div>`
        : html`${this.renderLabel(f)}${control}`}
      ${f.description ? html`<p id="help" part="help" class="help">${f.description}</p>` : nothing}
      ${this.hint(f) ? html`<p id="hint" class="hint">${this.hint(f)}</p>` : nothing}
      <p id="message" part="message" class="message" aria-live="polite">
        ${message ? html`<span class="error">${message}</span>` : nothing}
      </p>
    </div>`;
  }

  private renderLabel(f: FieldMeta) {
    return html`<label id="label" part="label" for="control"
      >${f.label}${f.access === 'mandatory'
        ? html`<span class="required-mark" aria-hidden="true">*</span>`
        : nothing}</label
    >`;
  }

  private hint(f: FieldMeta): string {
    if (f.access === 'read-only') return '';
    if (f.type === 'datetime') {
      const example = dateExample(getLocale());
      return msg(str`Format: ${example}`, { id: 'field.hint.date' });
    }
    if ((f.type === 'text' || f.type === 'password') && f.maxLength) {
      const max = f.maxLength;
      return msg(str`Up to ${max} characters.`, { id: 'field.hint.maxLength' });
    }
    return '';
  }

  private renderControl(f: FieldMeta, invalid: boolean, describedBy: string) {
    const readOnly = f.access === 'read-only';
    const required = f.access === 'mandatory' && !readOnly;
    const common: ControlAttrs = {
      invalid: invalid ? 'true' : 'false',
      describedBy: describedBy || nothing,
      required: required ? 'true' : 'false',
    };
    switch (f.type) {
      case 'checkbox':
        return html`<input
          id="control"
          part="control"
          type="checkbox"
          .checked=${live(toBoolean(this.value))}
          ?disabled=${this.disabled || readOnly}
          aria-invalid=${common.invalid}
          aria-describedby=${common.describedBy}
          aria-required=${common.required}
          @change=${this.onCheckboxChange}
        />`;
      case 'list':
        return this.renderSelect(f, readOnly, common);
      default: {
        const type = f.type === 'password' ? 'password' : 'text';
        const inputMode = f.type === 'integer' ? 'numeric' : f.type === 'double' ? 'decimal' : nothing;
        return html`<input
          id="control"
          part="control"
          type=${type}
          inputmode=${inputMode}
          autocomplete=${f.type === 'password' ? 'new-password' : 'off'}
          spellcheck="false"
          .value=${live(this.text)}
          ?readonly=${readOnly}
          ?disabled=${this.disabled}
          aria-invalid=${common.invalid}
          aria-describedby=${common.describedBy}
          aria-required=${common.required}
          @input=${this.onTextInput}
          @change=${this.onTextChange}
          @blur=${() => (this.touched = true)}
        />`;
      }
    }
  }

  private renderSelect(
    f: FieldMeta,
    readOnly: boolean,
    common: ControlAttrs,
  ) {
    const items = this.items ?? [];
    const value = this.value === null || this.value === undefined ? '' : String(this.value);
    const known = value === '' || items.some((item) => item.id === value);
    return html`<select
      id="control"
      part="control"
      ?disabled=${this.disabled || readOnly}
      aria-invalid=${common.invalid}
      aria-describedby=${common.describedBy}
      aria-required=${common.required}
      @change=${this.onSelectChange}
    >
      ${f.access === 'mandatory'
        ? value === ''
          ? html`<option value="" selected disabled>${msg('(Choose a value)', { id: 'field.choose' })}</option>`
          : nothing
        : html`<option value="" ?selected=${value === ''}>${msg('(No Selection)', { id: 'field.noSelection' })}</option>`}
      ${known ? nothing : html`<option value=${value} selected>${value}</option>`}
      ${items.map((item) => html`<option value=${item.id} ?selected=${item.id === value}>${item.label}</option>`)}
    </select>`;
  }

  private renderLabelField(f: FieldMeta) {
    const hasValue = this.value !== null && this.value !== undefined && this.value !== '';
    return html`<div part="field" class="field">
      <span id="label" part="label" class="label">${f.label}</span>
      ${hasValue
        ? html`<span class="value">${formatFieldValue(f, this.value, undefined, getLocale(), formatWords())}</span>`
        : nothing}
      ${f.description ? html`<p id="help" part="help" class="help">${f.description}</p>` : nothing}
    </div>`;
  }
}
