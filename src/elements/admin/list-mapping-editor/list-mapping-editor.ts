import { LitElement, html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import { localized, msg, str } from '@lit/localize';
import type { ErpAdminBackend } from '../../../backend/erp-backend.js';
import type { ListItem, ListMapping } from '../../../model/types.js';
import { LocaleController } from '../../../i18n/locale-controller.js';
import { baseStyles } from '../../shared/base-styles.js';
import { dialogStyles } from '../../shared/dialog-styles.js';
import { deepActiveElement } from '../../shared/active-element.js';
import { LoadController } from '../../shared/load-controller.js';
import { IdempotencyKeys } from '../../shared/idempotency.js';
import { adminStyles } from '../admin-styles.js';
import { adminProblemMessage, adminTerms } from '../admin-terms.js';
import { reapply, reloadButton, reloadedKeptMessage } from '../conflict.js';
import { optionNodes } from '../option-nodes.js';
import { listMappingEditorStyles } from './list-mapping-editor.styles.js';

/** Rows shown at once; "Show more" adds the next page (1,000-item lists stay quick). */
export const LIST_PAGE = 50;

/** The CRM item ids used by more than one ERP item. */
export function duplicateTargets(map: Record<string, string | null>): Set<string> {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const v of Object.values(map)) {
    if (v === null) continue;
    if (seen.has(v)) dup.add(v);
    seen.add(v);
  }
  return dup;
}

/**
 * **List mapping** of one ERP list: each ERP item to one CRM item or "(No Selection)", one-to-one
 * (a CRM item chosen twice is flagged on both rows and Save waits until it is resolved). A filter
 * and paging keep long lists responsive; a failed save keeps every choice.
 *
 * @csspart dialog - The native dialog.
 */
@localized()
export class ErpListMappingEditor extends LitElement {
  static override styles = [
    baseStyles,
    dialogStyles,
    adminStyles,
    listMappingEditorStyles,
  ];

  @property({ attribute: false }) backend?: ErpAdminBackend;
  @property({ attribute: false }) connectionId = '';

  @state() private fieldLabel = '';
  @state() private mapping: ListMapping | null = null;
  @state() private map: Record<string, string | null> = {};
  @state() private message = '';
  @state() private filter = '';
  @state() private shown = LIST_PAGE;
  @state() private reloading = false;

  @query('dialog') private dialog!: HTMLDialogElement;
  private opener: HTMLElement | null = null;
  private readonly loader = new LoadController(
    this,
    ([connectionId, listName]: [string, string], signal) => this.backend!.getListMapping(connectionId, listName, { signal }),
    (mapping) => {
      this.mapping = mapping;
      this.map = { ...mapping.map };
    },
  );
  private readonly saver = new LoadController(this, async ([connectionId, body]: [string, ListMapping], signal) => {
    const saved = await this.backend!.saveListMapping(connectionId, body, { signal, idempotencyKey: this.keys.for([connectionId, body]) });
    this.keys.done();
    return saved;
  });
  private readonly keys = new IdempotencyKeys();
  private filterTimer?: ReturnType<typeof setTimeout>;
  private listName = '';

  constructor() {
    super();
    new LocaleController(this, 'admin', 'settings');
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.filterTimer);
  }

  get isOpen(): boolean {
    return this.dialog?.open ?? false;
  }

  /** Opens the list mapping of `listName` (named after the ERP field `fieldLabel`). */
  async open(listName: string, fieldLabel: string): Promise<void> {
    this.opener = deepActiveElement();
    this.listName = listName;
    this.fieldLabel = fieldLabel;
    this.mapping = null;
    this.map = {};
    this.loader.clear();
    this.saver.clear();
    this.message = '';
    this.filter = '';
    this.shown = LIST_PAGE;
    await this.updateComplete;
    this.dialog.showModal();
    await this.load();
  }

  private async load(): Promise<void> {
    await this.loader.run(this.connectionId, this.listName);
  }

  private close(): void {
    this.loader.abort();
    this.saver.abort();
    if (this.dialog.open) this.dialog.close();
    this.opener?.focus();
    this.opener = null;
  }

  /** Whether the admin changed a choice since the mapping was loaded or saved. */
  private get changed(): boolean {
    const stored = this.mapping?.map ?? {};
    const keys = new Set([...Object.keys(stored), ...Object.keys(this.map)]);
    return [...keys].some((k) => (stored[k] ?? null) !== (this.map[k] ?? null));
  }

  private async save(): Promise<void> {
    if (!this.mapping || this.saver.pending || !this.changed || duplicateTargets(this.map).size) return;
    const saved = await this.saver.run(this.connectionId, { ...this.mapping, map: this.map });
    if (!saved) return;
    this.mapping = saved;
    this.map = { ...saved.map };
    this.message = msg('List mapping saved.', { id: 'admin.list.saved' });
  }

  /** After a 409: loads the current list mapping and puts the admin's choices back on top. */
  private async loadCurrent(): Promise<void> {
    const base = this.mapping;
    const mine = this.map;
    if (!base || this.reloading) return;
    this.reloading = true;
    await this.load();
    this.reloading = false;
    if (this.loader.problem || !this.mapping) return;
    this.map = reapply(base.map, mine, this.mapping.map);
    this.saver.clear();
    this.message = reloadedKeptMessage();
  }

  protected override render() {
    const t = adminTerms();
    const label = this.fieldLabel;
    return html`<dialog
      part="dialog"
      aria-labelledby="list-title"
      @cancel=${(e: Event) => {
        e.preventDefault();
        this.close();
      }}
    >
      <h2 id="list-title">${t.listMapping}: ${label}</h2>
      ${this.loader.problem
        ? html`<div role="alert" class="error">
            ${adminProblemMessage(this.loader.problem)}
            <button type="button" @click=${() => this.load()}>${msg('Retry', { id: 'action.retry' })}</button>
          </div>`
        : nothing}
      ${this.mapping ? this.renderTable(this.mapping) : html`<p class="muted">${msg('Loading…', { id: 'admin.loadingShort' })}</p>`}
      <p role="status" class="muted">${this.message}</p>
      <div role="alert" class="error">
        ${this.saver.problem
          ? html`${msg('Not saved. Your choices are kept.', { id: 'admin.list.notSaved' })} ${adminProblemMessage(this.saver.problem)}
            ${reloadButton(this.saver.problem, this.reloading, () => void this.loadCurrent())}`
          : nothing}
      </div>
      <div class="actions dialog-actions">
        <button
          type="button"
          class="primary"
          aria-busy=${this.saver.pending ? 'true' : 'false'}
          aria-describedby="list-blocked"
          aria-disabled=${this.changed && !this.saver.pending ? 'false' : 'true'}
          ?disabled=${!this.mapping || duplicateTargets(this.map).size > 0}
          @click=${this.save}
        >
          ${t.save}
        </button>
        <button type="button" @click=${this.close}>${msg('Close', { id: 'admin.close' })}</button>
      </div>
    </dialog>`;
  }

  private renderTable(mapping: ListMapping) {
    const t = adminTerms();
    const dups = duplicateTargets(this.map);
    const q = this.filter.trim().toLowerCase();
    const matching = q ? mapping.erpItems.filter((i) => i.label.toLowerCase().includes(q)) : mapping.erpItems;
    const rows = matching.slice(0, this.shown);
    const crmLabel = new Map(mapping.crmItems.map((c) => [c.id, c.label]));
    const total = matching.length;
    const count = rows.length;
    const dupNames = [...dups].map((id) => crmLabel.get(id) ?? id).join(', ');
    return html`<p id="list-blocked" class=${dups.size ? 'error' : 'muted'}>
        ${dups.size
          ? msg(
              str`Each CRM item can be chosen for one ERP item only. Resolve the duplicates: ${dupNames}.`,
              { id: 'admin.list.duplicates' },
            )
          : ''}
      </p>
      ${mapping.erpItems.length > LIST_PAGE
        ? html`<div class="control">
            <label for="list-filter">${msg('Filter ERP items', { id: 'admin.list.filter' })}</label>
            <input
              id="list-filter"
              type="search"
              @input=${(e: Event) => {
                const value = (e.target as HTMLInputElement).value;
                clearTimeout(this.filterTimer);
                this.filterTimer = setTimeout(() => {
                  this.filter = value;
                  this.shown = LIST_PAGE;
                }, 150);
              }}
            />
          </div>`
        : nothing}
      <div class="table-wrap">
        <table aria-labelledby="list-title">
          <thead>
            <tr>
              <th scope="col">${msg('ERP item', { id: 'admin.list.erpItem' })}</th>
              <th scope="col">${msg('CRM item', { id: 'admin.list.crmItem' })}</th>
            </tr>
          </thead>
          <tbody>
            ${repeat(
              rows,
              (i) => i.id,
              (item) => {
                const value = this.map[item.id] ?? null;
                const dup = value !== null && dups.has(value);
                return guard([item, value, dup, mapping.crmItems], () => this.renderRow(item, value, dup, mapping.crmItems, t.noSelection));
              },
            )}
          </tbody>
        </table>
      </div>
      ${total > count
        ? html`<div class="actions">
            <span class="muted">${msg(str`${count} of ${total} items shown.`, { id: 'admin.list.shown' })}</span>
            <button type="button" @click=${() => (this.shown += LIST_PAGE)}>${msg('Show more', { id: 'admin.list.more' })}</button>
          </div>`
        : nothing}`;
  }

  private renderRow(item: ListItem, value: string | null, dup: boolean, crmItems: ListItem[], none: string) {
    const label = item.label;
    return html`<tr ?data-dup=${dup}>
      <th scope="row" role="rowheader">${label}</th>
      <td>
        <select
          aria-label=${msg(str`CRM item for ${label}`, { id: 'admin.list.crmFor' })}
          aria-invalid=${dup ? 'true' : 'false'}
          aria-describedby=${dup ? 'list-blocked' : nothing}
          @change=${(e: Event) => {
            const v = (e.target as HTMLSelectElement).value;
            this.map = { ...this.map, [item.id]: v === '' ? null : v };
            this.message = '';
          }}
        >
          <option value="" ?selected=${value === null}>${none}</option>
          ${optionNodes(crmItems, 'items', () => crmItems.map((c) => ({ value: c.id, label: c.label })), value)}
        </select>
        ${dup ? html`<span class="error">${msg('Chosen more than once', { id: 'admin.list.dupRow' })}</span>` : nothing}
      </td>
    </tr>`;
  }
}
