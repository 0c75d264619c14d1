import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { localized, msg, str } from '@lit/localize';
import type { ErpBackend } from '../../backend/erp-backend.js';
import type { AskField, CompareField, Side, SyncConflict } from '../../model/types.js';
import { formatDateTime, formatFieldValue, formatRelativeTime } from '../../model/format.js';
import { ErpConflictResolveEvent, ERP_CONFLICT_CANCEL } from '../../events/erp-conflict-resolve.js';
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
import { narrowStyles, pickerStyles } from './erp-conflict-picker.styles.js';

/** The value columns, in order. Sync conflicts add a third, read-only "Last synchronized" column. */
const SIDES: readonly Side[] = ['crm', 'erp'];

/** From this many fields with the same value on both sides, they are collapsed behind one button. */
const COLLAPSE_EQUAL_FROM = 4;

/** A sync conflict as a compare row: a two-way field that differs. */
const conflictField = (c: SyncConflict): CompareField => ({
  field: c.field,
  direction: 'both',
  crmValue: c.crmValue,
  erpValue: c.erpValue,
  crmDisplay: c.crmDisplay,
  erpDisplay: c.erpDisplay,
  differs: true,
});

const sideName = (side: Side) =>
  side === 'crm' ? msg('CRM', { id: 'picker.sideCrm' }) : msg('ERP', { id: 'picker.sideErp' });

/** The side whose value wins for a one-way field. */
const fixedWinner = (field: CompareField): Side | null =>
  field.direction === 'erp-to-crm' ? 'erp' : field.direction === 'crm-to-erp' ? 'crm' : null;

const isChoice = (field: CompareField) => field.differs && field.direction === 'both';

/**
 * Shows every synchronized field with its CRM and ERP value side by side. Where a two-way field
 * differs, the user picks the value to keep (one radio group per field, nothing preselected);
 * one-way fields show which side wins and cannot be flipped. Also asks for the admin's "ask user" /
 * mandatory values. **Connect** is enabled once every conflict is decided and every mandatory
 * value filled.
 *
 * @event {ErpConflictResolveEvent} erp-conflict-resolve - Connect: `choices` (winning side per differing field) and `values`.
 * @event {Event} erp-conflict-cancel - Cancel.
 * @csspart hint - The "not chosen is overwritten" hint.
 * @csspart take-all - The "Take all from …" buttons.
 * @csspart fields - The side-by-side grid.
 * @csspart row - One field's row.
 * @csspart ask - The section with the values the user is asked for.
 * @csspart status - How many conflicts remain.
 * @csspart actions - Connect and Cancel.
 */
@localized()
export class ErpConflictPicker extends LitElement {
  static override styles = [baseStyles, pickerStyles, narrowStyles];

  /** Every synchronized field with both values. */
  @property({ attribute: false }) fields: CompareField[] = [];
  /** The fields the user is asked for (admin: "ask user for value" / "mandatory"). */
  @property({ attribute: false }) askFields: AskField[] = [];
  /** Optional: loads the items of `list` ask fields. Without it they show their current value only. */
  @property({ attribute: false }) backend?: ErpBackend;
  /** Optional: the connection whose lists are loaded. */
  @property({ attribute: false }) connectionId?: string;
  /**
   * Conflicts found by Sync now on a linked record (both sides changed since the last sync). When
   * set, they replace `fields`: each row shows the CRM and ERP values with who changed them and
   * when, plus the last synchronized value; the primary button says **Apply**.
   */
  @property({ attribute: false }) conflicts: SyncConflict[] = [];
  /** The current time for "changed 2 hours ago" (defaults to the time of rendering). */
  @property({ attribute: false }) now?: number;
  /** Decisions made before (a compare shown again): kept for the fields that still differ. */
  @property({ attribute: false }) presetChoices: Record<string, Side> = {};
  /** Disables the controls (e.g. while the host is busy). */
  @property({ type: Boolean, reflect: true }) disabled = false;

  @state() private choices: Record<string, Side> = {};
  @state() private ask: AskFieldState = emptyAskFieldState();
  /** Whether the many fields with the same value on both sides are shown (collapsed at first). */
  @state() private equalShown = false;

  private readonly lists = new ListItemsController(this, () => ({
    backend: this.backend,
    connectionId: this.connectionId,
    fields: this.askFields.map((a) => a.field),
  }));

  constructor() {
    super();
    new LocaleController(this, 'dialogs');
  }

  /** The two-way differing fields that are not decided yet. */
  get remainingConflicts(): number {
    return this.fields.filter((f) => isChoice(f) && !this.choices[f.field.key]).length;
  }

  /** Whether Connect may be pressed. */
  get ready(): boolean {
    return (
      this.remainingConflicts === 0 &&
      this.askFields.every((a) => !isAskFieldInvalid(this.ask, a.field.key))
    );
  }

  /**
   * Shows a message on one ask field (e.g. a backend problem whose field pointer names it; the
   * last pointer segment is taken as the key). Returns false when no such field exists.
   */
  setFieldError(key: string, message: string): boolean {
    const fieldKey = resolveAskFieldKey(this.askFields, key);
    if (fieldKey === undefined) return false;
    const index = this.askFields.findIndex((a) => a.field.key === fieldKey);
    this.ask = { ...this.ask, errors: { ...this.ask.errors, [fieldKey]: message } };
    void this.updateComplete.then(() => this.renderRoot.querySelectorAll<ErpField>('erp-field')[index]?.focus());
    return true;
  }

  private get syncMode(): boolean {
    return this.conflicts.length > 0;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('conflicts') && this.conflicts.length > 0) {
      this.fields = this.conflicts.map(conflictField);
    }
    if (changed.has('presetChoices')) this.choices = { ...this.presetChoices, ...this.choices };
    if (changed.has('fields') || changed.has('conflicts') || changed.has('presetChoices')) {
      // Keep the decisions for fields that are still two-way conflicts.
      const keep: Record<string, Side> = {};
      for (const f of this.fields) {
        const choice = this.choices[f.field.key];
        if (isChoice(f) && choice) keep[f.field.key] = choice;
      }
      this.choices = keep;
    }
    if (changed.has('askFields')) {
      this.ask = reconcileAskFields(this.askFields, this.ask);
    }
  }

  /** Takes every two-way conflict from one side. */
  takeAll(side: Side): void {
    const choices = { ...this.choices };
    for (const f of this.fields) if (isChoice(f)) choices[f.field.key] = side;
    this.choices = choices;
  }

  private choose(key: string, side: Side): void {
    this.choices = { ...this.choices, [key]: side };
  }

  private onFieldChange(event: ErpFieldChangeEvent): void {
    event.stopPropagation();
    this.ask = applyFieldChange(this.ask, event.key, event.value, event.valid);
  }

  private connect(): void {
    if (this.disabled) return;
    if (!this.ready) {
      this.showWhatIsMissing();
      return;
    }
    const choices: Record<string, Side> = {};
    for (const f of this.fields) {
      if (!f.differs) continue;
      const side = fixedWinner(f) ?? this.choices[f.field.key];
      if (side) choices[f.field.key] = side;
    }
    this.dispatchEvent(new ErpConflictResolveEvent(choices, askFieldValues(this.askFields, this.ask)));
  }

  /** Moves focus to the first undecided conflict, else shows the invalid ask fields' messages. */
  private showWhatIsMissing(): void {
    const undecided = this.fields.findIndex((f) => isChoice(f) && !this.choices[f.field.key]);
    if (undecided >= 0) {
      this.renderRoot.querySelector<HTMLInputElement>(`#row-${undecided} input[type=radio]`)?.focus();
      return;
    }
    const fields = [...this.renderRoot.querySelectorAll<ErpField>('erp-field')];
    const invalid = fields.filter((f) => !f.reportValidity());
    invalid[0]?.focus();
  }

  private cancel(): void {
    this.dispatchEvent(new Event(ERP_CONFLICT_CANCEL, { bubbles: true, composed: true }));
  }

  private display(f: CompareField, side: Side): string {
    const value = side === 'crm' ? f.crmValue : f.erpValue;
    const text = side === 'crm' ? f.crmDisplay : f.erpDisplay;
    return formatFieldValue(f.field, value, text, getLocale(), formatWords());
  }

  protected override render() {
    const conflicts = this.fields.some(isChoice);
    return html`<div class="picker">
      <p part="hint" class="hint">
        ${msg('Where the values differ, choose the one to keep. The value you do not choose is overwritten when you save.', {
          id: 'picker.hint',
        })}
      </p>
      ${conflicts
        ? html`<div part="take-all" class="actions">
            <button type="button" ?disabled=${this.disabled} @click=${() => this.takeAll('crm')}>
              ${msg('Take all from CRM', { id: 'picker.takeAllCrm' })}
            </button>
            <button type="button" ?disabled=${this.disabled} @click=${() => this.takeAll('erp')}>
              ${msg('Take all from ERP', { id: 'picker.takeAllErp' })}
            </button>
          </div>`
        : nothing}
      ${this.fields.length
        ? html`<div part="fields" class=${this.syncMode ? 'rows three' : 'rows'}>
            <div class="row head" aria-hidden="true">
              <span>${msg('Field', { id: 'picker.columnField' })}</span>
              ${SIDES.map((side) => html`<span>${sideName(side)}</span>`)}
              ${this.syncMode ? html`<span>${msg('Last synchronized', { id: 'picker.columnLastSynced' })}</span>` : nothing}
            </div>
            ${this.renderRows()}
          </div>`
        : nothing}
      ${this.askFields.length ? this.renderAskFields() : nothing}
      <p part="status" id="status" class="status" role="status">${this.statusText()}</p>
      <div part="actions" class="actions">
        <button
          type="button"
          class="primary"
          aria-disabled=${this.ready && !this.disabled ? 'false' : 'true'}
          aria-describedby="status"
          @click=${this.connect}
        >
          ${this.syncMode ? msg('Apply', { id: 'picker.apply' }) : msg('Connect', { id: 'action.connect' })}
        </button>
        <button type="button" @click=${this.cancel}>${msg('Cancel', { id: 'action.cancel' })}</button>
      </div>
    </div>`;
  }

  private statusText(): string {
    const remaining = this.remainingConflicts;
    const missing = this.askFields.filter((a) => isAskFieldInvalid(this.ask, a.field.key)).length;
    const parts: string[] = [];
    if (remaining === 1) parts.push(msg('1 conflict left to decide.', { id: 'picker.remainingOne' }));
    else if (remaining > 1) parts.push(msg(str`${remaining} conflicts left to decide.`, { id: 'picker.remainingMany' }));
    if (missing > 0) parts.push(msg('Fill in the mandatory values.', { id: 'picker.fillMandatory' }));
    if (parts.length) return parts.join(' ');
    return this.fields.some(isChoice)
      ? msg('All conflicts decided.', { id: 'picker.allDecided' })
      : msg('No conflicts to decide.', { id: 'picker.noConflicts' });
  }

  /**
   * The rows in their order; when many fields have the same value on both sides, the ones that
   * differ come first and the equal ones wait behind "N equal values", so the decisions are in view.
   */
  private renderRows() {
    const rows = this.fields.map((f, i) => ({ f, i }));
    const equal = rows.filter((r) => !r.f.differs);
    const row = (r: { f: CompareField; i: number }) => this.renderRow(r.f, r.i);
    if (equal.length < COLLAPSE_EQUAL_FROM) return repeat(rows, (r) => r.f.field.key, row);
    const count = equal.length;
    return html`${repeat(rows.filter((r) => r.f.differs), (r) => r.f.field.key, row)}
      <div class="row equal-toggle">
        <button type="button" part="equal-toggle" aria-expanded=${this.equalShown ? 'true' : 'false'} @click=${() => (this.equalShown = !this.equalShown)}>
          ${msg(str`${count} equal values`, { id: 'picker.equalValues' })}
        </button>
      </div>
      ${this.equalShown ? repeat(equal, (r) => r.f.field.key, row) : nothing}`;
  }

  private renderRow(f: CompareField, i: number) {
    const labelId = `name-${i}`;
    const choice = isChoice(f);
    const winner = fixedWinner(f) ?? this.choices[f.field.key] ?? null;
    const undecided = choice && !winner;
    return html`<div
      id="row-${i}"
      part="row"
      class="row ${choice ? 'conflict' : ''} ${undecided ? 'undecided' : ''}"
      role=${choice ? 'radiogroup' : 'group'}
      aria-labelledby=${labelId}
      aria-required=${choice ? 'true' : 'false'}
    >
      <span class="name"
        ><span id=${labelId}>${f.field.label}</span>${this.renderRowNote(f)}</span
      >
      ${SIDES.map((side) =>
        choice ? this.renderChoiceCell(f, i, side, winner) : this.renderValueCell(f, side, f.differs ? winner : null),
      )}
      ${this.syncMode ? this.renderLastSyncedCell(i) : nothing}
    </div>`;
  }

  private renderLastSyncedCell(i: number) {
    const c = this.conflicts[i];
    if (!c) return nothing;
    const text = formatFieldValue(c.field, c.lastSyncedValue, c.lastSyncedDisplay, getLocale(), formatWords());
    return html`<div class="cell last-synced">
      <span class="side-prefix visually-hidden">${msg('Last synchronized', { id: 'picker.columnLastSynced' })}: </span
      ><span>${text}</span>
    </div>`;
  }

  /** "Changed by Ben Sales, 2 hours ago" under a conflict's CRM or ERP value. */
  private renderChangedBy(i: number, side: Side) {
    const c = this.syncMode ? this.conflicts[i] : undefined;
    if (!c) return nothing;
    const by = side === 'crm' ? c.crmChangedBy : c.erpChangedBy;
    const at = side === 'crm' ? c.crmChangedAt : c.erpChangedAt;
    if (!by && !at) return nothing;
    const locale = getLocale();
    const when = at
      ? html`<time datetime=${at} title=${formatDateTime(at, locale)}
          >${formatRelativeTime(at, this.now ?? Date.now(), locale)}</time
        >`
      : nothing;
    return html`<span class="changed-by"
      >${by && at
        ? html`${msg('Changed by', { id: 'picker.changedBy' })} ${by}, ${when}`
        : by
          ? html`${msg('Changed by', { id: 'picker.changedBy' })} ${by}`
          : html`${msg('Changed', { id: 'picker.changed' })} ${when}`}</span
    >`;
  }

  private renderRowNote(f: CompareField) {
    if (!f.differs) return html`<span class="note">${msg('Same value', { id: 'picker.same' })}</span>`;
    if (f.direction === 'erp-to-crm') {
      return html`<span class="note">${msg('Always taken from ERP', { id: 'picker.oneWayErp' })}</span>`;
    }
    if (f.direction === 'crm-to-erp') {
      return html`<span class="note">${msg('Always taken from CRM', { id: 'picker.oneWayCrm' })}</span>`;
    }
    return nothing;
  }

  private renderOutcome(side: Side, winner: Side | null) {
    if (!winner) return nothing;
    return side === winner
      ? html`<span class="outcome kept">${msg('Kept', { id: 'picker.kept' })}</span>`
      : html`<span class="outcome lost">${msg('Will be overwritten', { id: 'picker.overwritten' })}</span>`;
  }

  private renderValueCell(f: CompareField, side: Side, winner: Side | null) {
    return html`<div class="cell">
      <span class="side-prefix visually-hidden">${sideName(side)}: </span
      ><span class=${winner && winner !== side ? 'lost-value' : ''}>${this.display(f, side)}</span>
      ${this.renderOutcome(side, winner)}
    </div>`;
  }

  private renderChoiceCell(f: CompareField, i: number, side: Side, winner: Side | null) {
    return html`<div class="cell">
      <label class="choice">
        <input
          type="radio"
          name="choice-${i}"
          value=${side}
          .checked=${live(this.choices[f.field.key] === side)}
          ?disabled=${this.disabled}
          @change=${() => this.choose(f.field.key, side)}
        /><span
          ><span class="side-prefix visually-hidden">${sideName(side)}: </span
          ><span class=${winner && winner !== side ? 'lost-value' : ''}>${this.display(f, side)}</span></span
        >
      </label>
      ${this.renderChangedBy(i, side)} ${this.renderOutcome(side, winner)}
    </div>`;
  }

  private renderAskFields() {
    return html`<section part="ask" class="ask" aria-labelledby="ask-heading">
      <h3 id="ask-heading">${msg('Values for the ERP', { id: 'picker.askHeading' })}</h3>
      ${this.lists.error
        ? html`<div role="alert" class="error">
            <p>${problemMessage(this.lists.error)}</p>
            <button type="button" @click=${() => this.lists.retry()}>${msg('Retry', { id: 'action.retry' })}</button>
          </div>`
        : nothing}
      ${repeat(
        this.askFields,
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
    </section>`;
  }
}
