import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { localized, msg } from '@lit/localize';
import type { ErpBackend } from '../../backend/erp-backend.js';
import type { AskField, FieldValue } from '../../model/types.js';
import { formatFieldValue } from '../../model/format.js';
import type { PreviewValue } from '../../events/erp-connect.js';
import { ErpCreateSubmitEvent, ERP_CREATE_CANCEL } from '../../events/erp-create-submit.js';
import type { ErpFieldChangeEvent } from '../../events/erp-field-change.js';
import { LocaleController } from '../../i18n/locale-controller.js';
import { getLocale } from '../../i18n/localization.js';
import { problemMessage } from '../../i18n/problem-message.js';
import { formatWords } from '../../i18n/terms.js';
import { baseStyles } from '../shared/base-styles.js';
import type { ErpField } from '../erp-field/erp-field.js';
import {
  applyFieldChange,
  askFieldValues,
  emptyAskFieldState,
  isAskFieldInvalid,
  reconcileAskFields,
  resolveAskFieldKey,
  type AskFieldState,
} from '../erp-field/ask-field-state.js';
import { ListItemsController } from '../erp-field/list-items-controller.js';
import { createFormStyles } from './erp-create-form.styles.js';

/**
 * **Create in ERP**: the fields the admin set to "ask user for value" or "mandatory", prefilled,
 * with list items loaded from the backend. **Create** is enabled once every value is valid; it
 * hands the values to the host (nothing is sent to the ERP here: the tab stores them on Save).
 * Values the user typed survive every failure and a new `fields` array with the same keys.
 *
 * @event {ErpCreateSubmitEvent} erp-create-submit - Create: `values` by field key and their `preview` display texts.
 * @event {Event} erp-create-cancel - Cancel.
 * @csspart heading - The "Create in ERP" heading.
 * @csspart fields - The list of fields.
 * @csspart error - A failed list load with its Retry button.
 * @csspart status - What still keeps Create disabled.
 * @csspart actions - Create and Cancel.
 */
@localized()
export class ErpCreateForm extends LitElement {
  static override styles = [baseStyles, createFormStyles];

  /** The fields to ask for, with their prefilled values. */
  @property({ attribute: false }) fields: AskField[] = [];
  /** Loads the items of `list` fields. */
  @property({ attribute: false }) backend?: ErpBackend;
  /** The connection the actor is created in. */
  @property({ attribute: false }) connectionId?: string;
  /** Disables the form (e.g. while the host is busy). */
  @property({ type: Boolean, reflect: true }) disabled = false;
  /**
   * Leaves out the "Create in ERP" heading, for a container that already shows it (e.g. a dialog
   * titled so); the form is then named by `aria-label` with the same words.
   */
  @property({ type: Boolean, attribute: 'hide-heading' }) hideHeading = false;

  @state() private ask: AskFieldState = emptyAskFieldState();

  private readonly lists = new ListItemsController(this, () => ({
    backend: this.backend,
    connectionId: this.connectionId,
    fields: this.fields.map((a) => a.field),
  }));

  constructor() {
    super();
    new LocaleController(this, 'dialogs');
  }

  /** Whether every value is valid (Create is enabled). */
  get valid(): boolean {
    return this.fields.every((a) => !isAskFieldInvalid(this.ask, a.field.key));
  }

  /** The current values by field key. */
  get currentValues(): Record<string, FieldValue> {
    return askFieldValues(this.fields, this.ask);
  }

  /**
   * Shows a message on one field (e.g. the backend rejected its value: a problem with a field
   * pointer such as `/create/values/vatNo`; the last pointer segment is taken as the key) and
   * moves focus there. Returns false when no such field exists.
   */
  setFieldError(key: string, message: string): boolean {
    const fieldKey = resolveAskFieldKey(this.fields, key);
    if (fieldKey === undefined) return false;
    this.ask = { ...this.ask, errors: { ...this.ask.errors, [fieldKey]: message } };
    void this.updateComplete.then(() => this.fieldElement(fieldKey)?.focus());
    return true;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('fields')) this.ask = reconcileAskFields(this.fields, this.ask);
  }

  private fieldElement(key: string): ErpField | undefined {
    const index = this.fields.findIndex((a) => a.field.key === key);
    return this.renderRoot.querySelectorAll<ErpField>('erp-field')[index];
  }

  private onFieldChange(event: ErpFieldChangeEvent): void {
    event.stopPropagation();
    this.ask = applyFieldChange(this.ask, event.key, event.value, event.valid);
  }

  private submit(event: Event): void {
    event.preventDefault();
    if (this.disabled) return;
    if (!this.valid) {
      const invalid = [...this.renderRoot.querySelectorAll<ErpField>('erp-field')].filter((f) => !f.reportValidity());
      invalid[0]?.focus();
      return;
    }
    this.dispatchEvent(new ErpCreateSubmitEvent(this.currentValues, this.preview()));
  }

  /** Enter in a text box submits, as in a native form (the boxes live in the fields' shadow roots). */
  private onKeydown(event: KeyboardEvent): void {
    const target = event.composedPath()[0];
    if (
      event.key === 'Enter' &&
      !event.isComposing &&
      target instanceof HTMLInputElement &&
      (target.type === 'text' || target.type === 'password')
    ) {
      this.submit(event);
    }
  }

  private preview(): PreviewValue[] {
    const locale = getLocale();
    const words = formatWords();
    return this.fields
      .filter((a) => a.field.type !== 'label')
      .map(({ field }) => {
        const value = this.ask.values[field.key] ?? null;
        const label = this.lists.itemsFor(field)?.find((item) => item.id === value)?.label;
        return { key: field.key, label: field.label, display: formatFieldValue(field, value, label, locale, words) };
      });
  }

  private cancel(): void {
    this.dispatchEvent(new Event(ERP_CREATE_CANCEL, { bubbles: true, composed: true }));
  }

  protected override render() {
    const invalidCount = this.fields.filter((a) => isAskFieldInvalid(this.ask, a.field.key)).length;
    const title = msg('Create in ERP', { id: 'create.title' });
    return html`<form
      novalidate
      aria-labelledby=${this.hideHeading ? nothing : 'heading'}
      aria-label=${this.hideHeading ? title : nothing}
      @submit=${this.submit}
      @keydown=${this.onKeydown}
    >
      ${this.hideHeading ? nothing : html`<h2 id="heading" part="heading">${title}</h2>`}
      <p class="muted">
        ${msg('These values are used for the new ERP actor. Fields marked * are mandatory.', { id: 'create.intro' })}
      </p>
      ${this.lists.error
        ? html`<div part="error" class="error-box" role="alert">
            <p class="error">${problemMessage(this.lists.error)}</p>
            <button type="button" @click=${() => this.lists.retry()}>${msg('Retry', { id: 'action.retry' })}</button>
          </div>`
        : nothing}
      <div part="fields" class="fields">
        ${repeat(
          this.fields,
          (a) => a.field.key,
          (a) => html`<erp-field
            .field=${a.field}
            .value=${this.ask.values[a.field.key] ?? null}
            .items=${this.lists.itemsFor(a.field)}
            .error=${this.ask.errors[a.field.key] ?? ''}
            ?disabled=${this.disabled}
            @erp-field-change=${this.onFieldChange}
          ></erp-field>`,
        )}
      </div>
      <p part="status" id="status" role="status">
        ${invalidCount > 0
          ? msg('Fill in the mandatory fields and correct the marked values to create.', { id: 'create.incomplete' })
          : ''}
      </p>
      <div part="actions" class="actions">
        <button
          type="submit"
          class="primary"
          aria-disabled=${this.valid && !this.disabled ? 'false' : 'true'}
          aria-describedby="status"
        >
          ${msg('Create', { id: 'action.create' })}
        </button>
        <button type="button" @click=${this.cancel}>${msg('Cancel', { id: 'action.cancel' })}</button>
      </div>
    </form>`;
  }
}
