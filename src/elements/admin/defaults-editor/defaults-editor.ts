import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { ErpAdminBackend } from '../../../backend/erp-backend.js';
import { isAbort, toProblem, type ErpProblem } from '../../../backend/problem.js';
import type { ActorType, DefaultValue, FieldMeta, FieldValue, ListItem } from '../../../model/types.js';
import type { ErpFieldChangeEvent } from '../../../events/erp-field-change.js';
import { LocaleController } from '../../../i18n/locale-controller.js';
import { getLocale } from '../../../i18n/localization.js';
import { formatWords } from '../../../i18n/terms.js';
import { formatFieldValue } from '../../../model/format.js';
import { baseStyles } from '../../shared/base-styles.js';
import { dialogStyles } from '../../shared/dialog-styles.js';
import { deepActiveElement } from '../../shared/active-element.js';
import { LoadController } from '../../shared/load-controller.js';
import { IdempotencyKeys } from '../../shared/idempotency.js';
import { adminStyles } from '../admin-styles.js';
import { adminProblemMessage, adminTerms } from '../admin-terms.js';
import { isVersionConflict, reloadButton, reloadedKeptMessage } from '../conflict.js';
import { renderDefaultsTable } from './defaults-table.js';

const hasValue = (v: FieldValue) => v !== null && v !== '';

/**
 * **Defaults** of one actor type: per ERP field a default value, **Ask user for value** and
 * **Mandatory – User must fill in value** (which needs one of the other two). **Add** opens **Add
 * sync default value** (ERP field first, then the three choices; the value is edited with
 * `<erp-field>`). Connector-mandatory defaults are locked (always mandatory, cannot be removed).
 * These drive the Create in ERP dialog and the conflict picker's extra fields.
 *
 * Saves carry the defaults' version: when another admin saved first (409) the dialog keeps the input
 * and **Reload** loads the current defaults, so OK puts the input on top of them.
 *
 * @csspart dialog - The native dialog.
 */
@localized()
export class ErpDefaultsEditor extends LitElement {
  static override styles = [baseStyles, dialogStyles, adminStyles];

  @property({ attribute: false }) backend?: ErpAdminBackend;
  @property({ attribute: false }) connectionId = '';
  @property({ attribute: false }) actorType: ActorType = 'customer';
  /** The actor type's ERP fields. */
  @property({ attribute: false }) fields: FieldMeta[] = [];

  @state() private defaults: DefaultValue[] | null = null;
  /** The version of `defaults`, sent as If-Match. */
  private version = '';
  @state() private reloading = false;
  @state() private message = '';
  @state() private listError = '';
  @state() private removing = new Set<string>();
  // The dialog's state
  @state() private editing: string | null = null;
  @state() private field = '';
  @state() private value: FieldValue = null;
  @state() private useValue = false;
  @state() private askUser = false;
  @state() private mandatory = false;
  @state() private valueValid = true;
  /** Why Reload (after a 409 in the dialog) failed; Save's own failure is `saver.problem`. */
  @state() private reloadError: ErpProblem | null = null;
  @state() private items = new Map<string, ListItem[]>();

  @query('dialog') private dialog!: HTMLDialogElement;
  private opener: HTMLElement | null = null;
  private readonly loader = new LoadController(
    this,
    ([connectionId, actorType]: [string, ActorType], signal) => this.backend!.getDefaults(connectionId, actorType, { signal }),
    (loaded) => {
      this.defaults = loaded.defaults;
      this.version = loaded.version;
    },
  );
  private readonly saver = new LoadController(this, ([list]: [DefaultValue[]], signal) => this.store(list, signal).then(() => true));
  private readonly keys = new IdempotencyKeys();

  constructor() {
    super();
    new LocaleController(this, 'admin', 'settings');
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('connectionId') || changed.has('backend')) {
      // Another connection has lists of its own.
      this.items = new Map();
      this.itemsAsked.clear();
    }
    if ((changed.has('connectionId') || changed.has('actorType') || changed.has('backend')) && this.backend && this.connectionId) {
      void this.load();
    }
    // The table shows a list default by its text ("30 days net"), not its key ("NET30"). `defaults`
    // is private: PropertyValues does not know its name.
    if (changed.has('fields') || (changed as Map<string, unknown>).has('defaults')) {
      for (const d of this.defaults ?? []) if (hasValue(d.value)) void this.loadItems(d.field);
    }
  }

  private async load(): Promise<void> {
    await this.loader.run(this.connectionId, this.actorType);
  }

  private get saveError(): ErpProblem | null {
    return this.saver.problem ?? this.reloadError;
  }

  /** After a 409 in the dialog: loads the current defaults; the dialog's input stays for OK. */
  private async reload(): Promise<void> {
    if (this.reloading) return;
    this.reloading = true;
    await this.load();
    this.reloading = false;
    if (this.loader.problem) {
      // Shown in the dialog (the section's own alert is behind the modal dialog).
      this.saver.clear();
      this.reloadError = this.loader.problem;
      return;
    }
    this.saver.clear();
    this.reloadError = null;
    this.message = reloadedKeptMessage();
  }

  /** Saves a new list of defaults against the loaded version (one idempotency key per list). */
  private async store(list: DefaultValue[], signal?: AbortSignal): Promise<void> {
    const body = { defaults: list, version: this.version };
    const idempotencyKey = this.keys.for([this.connectionId, this.actorType, body]);
    const saved = await this.backend!.saveDefaults(this.connectionId, this.actorType, body, { signal, idempotencyKey });
    this.keys.done();
    if (signal?.aborted) return;
    this.defaults = saved.defaults;
    this.version = saved.version;
  }

  private meta(key: string): FieldMeta | undefined {
    return this.fields.find((f) => f.key === key);
  }

  /** Fields that can get a default: writable ones without a default yet (or the one being edited). */
  private get candidates(): FieldMeta[] {
    const taken = new Set((this.defaults ?? []).map((d) => d.field));
    return this.fields.filter((f) => f.type !== 'label' && f.access !== 'read-only' && (!taken.has(f.key) || f.key === this.editing));
  }

  private get locked(): boolean {
    return !!this.editing && !!this.defaults?.find((d) => d.field === this.editing)?.locked;
  }

  /** Why OK is disabled ('' when it is enabled). */
  private get blocked(): string {
    if (!this.field) return msg('Choose an ERP field.', { id: 'admin.def.needField' });
    if (!this.useValue && !this.askUser && !this.mandatory) {
      return msg('Choose at least one option.', { id: 'admin.def.needOption' });
    }
    if (this.useValue && !this.valueValid) return msg('Correct the default value.', { id: 'admin.def.needValid' });
    if (this.mandatory && !this.askUser && !(this.useValue && hasValue(this.value))) {
      return msg('Mandatory needs a default value or Ask user for value.', { id: 'admin.def.needMandatory' });
    }
    return '';
  }

  /** Opens Add sync default value (or edits an existing default). */
  async openAdd(existing?: DefaultValue): Promise<void> {
    this.opener = deepActiveElement();
    this.editing = existing?.field ?? null;
    this.field = existing?.field ?? '';
    this.value = existing?.value ?? null;
    this.useValue = !!existing && hasValue(existing.value);
    this.askUser = existing?.askUser ?? false;
    this.mandatory = existing?.mandatory ?? false;
    this.valueValid = true;
    this.saver.clear();
    this.reloadError = null;
    this.message = '';
    await this.updateComplete;
    this.dialog.showModal();
    if (this.field) void this.loadItems(this.field);
  }

  private close(): void {
    this.saver.abort();
    if (this.dialog.open) this.dialog.close();
    this.opener?.focus();
    this.opener = null;
  }

  /** List names whose items are loading or loaded: each is asked for once (again after a failure). */
  private readonly itemsAsked = new Set<string>();

  private async loadItems(key: string): Promise<void> {
    const meta = this.meta(key);
    if (meta?.type !== 'list' || !meta.listName || this.itemsAsked.has(meta.listName) || !this.backend) return;
    const listName = meta.listName;
    this.itemsAsked.add(listName);
    try {
      const mapping = await this.backend.getListMapping(this.connectionId, listName);
      this.items = new Map([...this.items, [listName, mapping.erpItems]]);
      this.listError = '';
    } catch (error) {
      this.itemsAsked.delete(listName);
      if (!isAbort(error)) this.listError = adminProblemMessage(toProblem(error));
    }
  }

  private async submit(event: Event): Promise<void> {
    event.preventDefault();
    if (this.saver.pending || this.blocked || !this.defaults) return;
    const entry: DefaultValue = {
      field: this.field,
      value: this.useValue ? this.value : null,
      askUser: this.askUser,
      mandatory: this.mandatory || this.locked,
    };
    if (this.locked) entry.locked = true;
    // After a reload the field may have got a default meanwhile (or lost it): replace or add.
    const list = this.defaults.some((d) => d.field === entry.field)
      ? this.defaults.map((d) => (d.field === entry.field ? entry : d))
      : [...this.defaults, entry];
    this.reloadError = null;
    if (!(await this.saver.run(list))) return;
    const label = this.meta(entry.field)?.label ?? entry.field;
    this.close();
    this.message = msg(str`Default for ${label} saved.`, { id: 'admin.def.saved' });
  }

  private async removeDefault(d: DefaultValue): Promise<void> {
    if (!this.defaults || this.removing.has(d.field)) return;
    this.removing = new Set([...this.removing, d.field]);
    const label = this.meta(d.field)?.label ?? d.field;
    try {
      await this.store(this.defaults.filter((x) => x.field !== d.field));
      this.message = msg(str`Default for ${label} removed.`, { id: 'admin.def.removed' });
    } catch (error) {
      if (isAbort(error)) return;
      const problem = toProblem(error);
      if (isVersionConflict(problem)) {
        // Nothing to keep but the intent: show the current defaults, so Remove can be pressed again.
        await this.load();
        this.message = msg(str`Not removed: another administrator changed the defaults meanwhile. The current defaults are shown; remove the default for ${label} again if it is still needed.`, {
          id: 'admin.def.removeConflict',
        });
      } else this.message = adminProblemMessage(problem);
    } finally {
      const next = new Set(this.removing);
      next.delete(d.field);
      this.removing = next;
    }
  }

  private display(d: DefaultValue): string {
    const meta = this.meta(d.field);
    if (!meta || !hasValue(d.value)) return '';
    const item = meta.listName ? this.items.get(meta.listName)?.find((i) => i.id === d.value)?.label : undefined;
    return formatFieldValue(meta, d.value, item, getLocale(), formatWords());
  }

  protected override render() {
    const t = adminTerms();
    return html`<section aria-labelledby="defaults-heading">
        <div class="head">
          <h3 id="defaults-heading">${t.defaults}</h3>
          <button type="button" ?disabled=${!this.defaults} @click=${() => this.openAdd()}>${t.add}</button>
        </div>
        ${this.loader.problem
          ? html`<div role="alert" class="error">
              ${adminProblemMessage(this.loader.problem)}
              <button type="button" @click=${() => this.load()}>${msg('Retry', { id: 'action.retry' })}</button>
            </div>`
          : nothing}
        <p role="status" class="muted">${this.message}</p>
        ${this.defaults && this.defaults.length
          ? renderDefaultsTable({
              defaults: this.defaults,
              label: (d) => this.meta(d.field)?.label ?? d.field,
              display: (d) => this.display(d),
              removing: this.removing,
              onEdit: (d) => void this.openAdd(d),
              onRemove: (d) => void this.removeDefault(d),
            })
          : this.defaults
            ? html`<p class="muted">${msg('No defaults yet.', { id: 'admin.def.none' })}</p>`
            : nothing}
      </section>
      ${this.renderDialog()}`;
  }

  private renderDialog() {
    const t = adminTerms();
    const meta = this.field ? this.meta(this.field) : undefined;
    const blocked = this.blocked;
    const locked = this.locked;
    return html`<dialog
      part="dialog"
      aria-labelledby="def-title"
      @cancel=${(e: Event) => {
        e.preventDefault();
        this.close();
      }}
    >
      <h2 id="def-title">${this.editing ? msg('Edit default value', { id: 'admin.def.editTitle' }) : t.addDefault}</h2>
      <form novalidate @submit=${this.submit}>
        <div class="control">
          <label for="def-field">${t.erpField}</label>
          <select
            id="def-field"
            ?disabled=${!!this.editing}
            @change=${(e: Event) => {
              this.field = (e.target as HTMLSelectElement).value;
              this.value = null;
              this.valueValid = true;
              void this.loadItems(this.field);
            }}
          >
            <option value="" ?selected=${!this.field} disabled>${msg('(Choose a field)', { id: 'admin.def.chooseField' })}</option>
            ${this.candidates.map((f) => html`<option value=${f.key} ?selected=${f.key === this.field}>${f.label}</option>`)}
          </select>
        </div>
        ${meta
          ? html`<label>
                <input
                  type="checkbox"
                  .checked=${this.useValue}
                  @change=${(e: Event) => (this.useValue = (e.target as HTMLInputElement).checked)}
                />
                ${t.setDefault}
              </label>
              ${this.useValue
                ? html`<erp-field
                    .field=${{ ...meta, access: 'normal' as const, defaultValue: undefined }}
                    .value=${this.value}
                    .items=${meta.listName ? (this.items.get(meta.listName) ?? []) : undefined}
                    @erp-field-change=${(e: ErpFieldChangeEvent) => {
                      e.stopPropagation();
                      this.value = e.value;
                      this.valueValid = e.valid;
                    }}
                  ></erp-field>`
                : nothing}
              ${this.listError ? html`<p class="error">${this.listError}</p>` : nothing}
              <label>
                <input
                  type="checkbox"
                  .checked=${this.askUser}
                  @change=${(e: Event) => (this.askUser = (e.target as HTMLInputElement).checked)}
                />
                ${t.askUser}
              </label>
              <label>
                <input
                  type="checkbox"
                  aria-describedby=${locked ? 'def-locked' : nothing}
                  .checked=${this.mandatory || locked}
                  ?disabled=${locked}
                  @change=${(e: Event) => (this.mandatory = (e.target as HTMLInputElement).checked)}
                />
                ${t.mandatory}
              </label>
              ${locked
                ? html`<p id="def-locked" class="muted">
                    ${msg('The connector requires this field: it stays mandatory.', { id: 'admin.def.lockedExplain' })}
                  </p>`
                : nothing}`
          : nothing}
        <div role="alert" class="error">
          ${this.saveError
            ? html`${msg('Not saved. Your input is kept.', { id: 'admin.def.notSaved' })} ${adminProblemMessage(this.saveError)}
              ${reloadButton(this.saveError, this.reloading, () => void this.reload())}`
            : nothing}
        </div>
        <p id="def-blocked" class="muted">${blocked}</p>
        <div class="actions dialog-actions">
          <button
            type="submit"
            class="primary"
            ?disabled=${blocked !== ''}
            aria-describedby="def-blocked"
            aria-busy=${this.saver.pending ? 'true' : 'false'}
          >
            ${t.ok}
          </button>
          <button type="button" @click=${this.close}>${t.cancel}</button>
        </div>
      </form>
    </dialog>`;
  }
}
