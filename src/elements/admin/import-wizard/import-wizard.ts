import { LitElement, html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { ErpAdminBackend, ErpBackend } from '../../../backend/erp-backend.js';
import { isAbort, toProblem, type ErpProblem } from '../../../backend/problem.js';
import type {
  ActorRow,
  ActorType,
  AdvancedSearchRequest,
  EntityRef,
  ErpConnection,
  FieldMeta,
  ImportRequest,
  ImportResult,
  ListItem,
  SearchResult,
} from '../../../model/types.js';
import { buildRestrictions, newCriterion, type Criterion, type CriterionProblem } from '../../../model/criteria.js';
import { renderCriteriaEditor } from '../../erp-connect-dialog/criteria-editor.js';
import { LocaleController } from '../../../i18n/locale-controller.js';
import { getLocale } from '../../../i18n/localization.js';
import { actorTypeLabel } from '../../../i18n/terms.js';
import { baseStyles } from '../../shared/base-styles.js';
import { dialogStyles } from '../../shared/dialog-styles.js';
import { deepActiveElement } from '../../shared/active-element.js';
import { AdminChangedEvent } from '../admin-events.js';
import { adminStyles } from '../admin-styles.js';
import { adminProblemMessage, adminTerms } from '../admin-terms.js';
import { LoadController } from '../../shared/load-controller.js';
import { IdempotencyKeys } from '../../shared/idempotency.js';
import { renderImportResults } from './import-results.js';
import { importWizardStyles } from './import-wizard.styles.js';

const ACTOR_TYPES: ActorType[] = ['customer', 'supplier', 'person', 'project', 'partner'];
type Step = 'select' | 'search' | 'result';
type SearchBackend = ErpAdminBackend & Partial<Pick<ErpBackend, 'getSearchableFields' | 'searchActorsAdvanced'>>;

/**
 * **Import from ERP** ("ERP sync" as the import source): **Select ERP connection** (connection and
 * **Actor type**: only types with searchable fields), **Search ERP** by criteria, select rows, **Add
 * Import** (the preview list), **Import**; then the created and updated CRM records. Only while
 * synchronization of that connection is off: the dialog says so for an active connection.
 *
 * @csspart dialog - The native dialog.
 */
@localized()
export class ErpImportWizard extends LitElement {
  static override styles = [
    baseStyles,
    dialogStyles,
    adminStyles,
    importWizardStyles,
  ];

  @property({ attribute: false }) backend?: ErpAdminBackend;
  @property({ attribute: false }) connections: ErpConnection[] = [];

  @state() private step: Step = 'select';
  @state() private connectionId = '';
  @state() private types: { type: ActorType; fields: FieldMeta[] }[] | null = null;
  @state() private actorType: ActorType | '' = '';
  @state() private criteria: Criterion[] = [];
  @state() private problems = new Map<number, CriterionProblem>();
  @state() private lists = new Map<string, ListItem[]>();
  @state() private result: SearchResult | null = null;
  @state() private selected = new Set<string>();
  @state() private queue: ActorRow[] = [];
  @state() private message = '';
  @state() private done: ImportResult | null = null;

  @query('dialog') private dialog!: HTMLDialogElement;
  private opener: HTMLElement | null = null;
  private readonly keys = new IdempotencyKeys();
  /** The actor types of a connection that have a mapping, with their searchable fields. */
  private readonly typesLoad = new LoadController(
    this,
    ([id]: [string], signal) => {
      const backend = this.backend as SearchBackend;
      if (!backend.getSearchableFields) return Promise.reject(new TypeError('no search'));
      const getFields = backend.getSearchableFields.bind(backend);
      return Promise.all(
        ACTOR_TYPES.map(async (type) => {
          try {
            await backend.getActorTypeMapping(id, type, { signal });
            return { type, fields: await getFields(id, type, { signal }) };
          } catch (error) {
            if (isAbort(error)) throw error;
            if (toProblem(error).status === 404) return { type, fields: [] as FieldMeta[] };
            throw error;
          }
        }),
      );
    },
    (probes) => {
      this.types = probes.filter((p) => p.fields.length > 0);
      this.actorType = this.types[0]?.type ?? '';
    },
  );
  private readonly searcher = new LoadController(this, ([actorType, request]: [ActorType, AdvancedSearchRequest], signal) =>
    (this.backend as SearchBackend).searchActorsAdvanced!(this.connectionId, actorType, request, { signal }),
  );
  private readonly importer = new LoadController(this, ([connectionId, request]: [string, ImportRequest], signal) =>
    this.backend!.importActors(connectionId, request, { signal, idempotencyKey: this.keys.for([connectionId, request]) }),
  );
  private nextId = 1;

  constructor() {
    super();
    new LocaleController(this, 'admin');
  }

  /** Why the last search or import failed (each clears the other's, as the dialog shows one). */
  private get error(): ErpProblem | null {
    return this.searcher.problem ?? this.importer.problem;
  }

  private clearError(): void {
    this.searcher.clear();
    this.importer.clear();
  }

  private get connection(): ErpConnection | undefined {
    return this.connections.find((c) => c.id === this.connectionId);
  }

  private get fields(): FieldMeta[] {
    return this.types?.find((t) => t.type === this.actorType)?.fields ?? [];
  }

  /** Opens the wizard at Select ERP connection. */
  async open(): Promise<void> {
    this.opener = deepActiveElement();
    this.step = 'select';
    this.connectionId = '';
    this.types = null;
    this.actorType = '';
    this.queue = [];
    this.result = null;
    this.selected = new Set();
    this.done = null;
    this.clearError();
    this.typesLoad.clear();
    this.message = '';
    await this.updateComplete;
    this.dialog.showModal();
  }

  private close(): void {
    this.searcher.abort();
    this.importer.abort();
    this.typesLoad.abort();
    if (this.dialog.open) this.dialog.close();
    this.opener?.focus();
    this.opener = null;
  }

  private async chooseConnection(id: string): Promise<void> {
    this.connectionId = id;
    this.types = null;
    this.actorType = '';
    this.typesLoad.abort();
    this.typesLoad.clear();
    if (id) await this.typesLoad.run(id);
  }

  private async toSearch(): Promise<void> {
    if (!this.actorType || this.connection?.active) return;
    this.step = 'search';
    this.criteria = this.fields[0] ? [newCriterion(this.nextId++, this.fields[0])] : [];
    this.problems = new Map();
    this.result = null;
    this.selected = new Set();
    this.clearError();
    void this.loadLists();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#import-title')?.focus();
  }

  private async loadLists(): Promise<void> {
    for (const f of this.fields) {
      if (f.type !== 'list' || !f.listName || this.lists.has(f.listName)) continue;
      const name = f.listName;
      try {
        const m = await this.backend!.getListMapping(this.connectionId, name);
        this.lists = new Map([...this.lists, [name, m.erpItems]]);
      } catch {
        this.lists = new Map([...this.lists, [name, []]]);
      }
    }
  }

  private async search(more = false): Promise<void> {
    const backend = this.backend as SearchBackend;
    if (this.searcher.pending || !backend.searchActorsAdvanced || !this.actorType) return;
    const { restrictions, problems } = buildRestrictions(this.criteria, this.fields, getLocale());
    this.problems = problems;
    if (problems.size) return;
    this.importer.abort();
    this.importer.clear();
    const cursor = more ? this.result?.nextCursor : null;
    const page = await this.searcher.run(this.actorType, { restrictions, cursor, limit: 50 });
    if (!page) return;
    this.result = more && this.result ? { ...page, rows: [...this.result.rows, ...page.rows] } : page;
    if (!more) this.selected = new Set();
    const n = this.result.total ?? this.result.rows.length;
    this.message = msg(str`${n} records found.`, { id: 'admin.import.found' });
  }

  private addImport(): void {
    if (!this.result) return;
    const have = new Set(this.queue.map((r) => r.key));
    const rows = this.result.rows.filter((r) => this.selected.has(r.key) && !have.has(r.key));
    this.queue = [...this.queue, ...rows];
    this.selected = new Set();
    const n = this.queue.length;
    this.message = msg(str`${n} records will be imported.`, { id: 'admin.import.queued' });
  }

  private async runImport(): Promise<void> {
    if (this.importer.pending || !this.queue.length || !this.actorType) return;
    this.searcher.abort();
    this.searcher.clear();
    const result = await this.importer.run(this.connectionId, { actorType: this.actorType, keys: this.queue.map((r) => r.key) });
    if (!result) return;
    this.keys.done();
    this.done = result;
    this.step = 'result';
    this.dispatchEvent(new AdminChangedEvent());
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#import-title')?.focus();
  }

  protected override render() {
    const t = adminTerms();
    const title = this.step === 'select' ? t.selectConnection : this.step === 'search' ? t.searchErp : t.import;
    return html`<section aria-labelledby="import-heading">
        <h2 id="import-heading">${msg('Import from ERP', { id: 'admin.import.heading' })}</h2>
        <p class="muted">
          ${msg('Creates CRM records (with links) from ERP records. Only while synchronization of the connection is switched off.', {
            id: 'admin.import.help',
          })}
        </p>
        <div class="actions"><button type="button" @click=${() => this.open()}>${t.importVia}</button></div>
      </section>
      <dialog
        part="dialog"
        aria-labelledby="import-title"
        @cancel=${(e: Event) => {
          e.preventDefault();
          this.close();
        }}
      >
        <h2 id="import-title" tabindex="-1">${title}</h2>
        ${this.step === 'select' ? this.renderSelect() : this.step === 'search' ? this.renderSearch() : this.renderResult()}
        <div role="alert" class="error">
          ${this.error ? html`${msg('Not imported.', { id: 'admin.import.failed' })} ${adminProblemMessage(this.error)}` : nothing}
        </div>
      </dialog>`;
  }

  private renderSelect() {
    const t = adminTerms();
    const c = this.connection;
    const name = c?.name ?? '';
    return html`<div class="control">
        <label for="import-conn">${msg('ERP connection', { id: 'admin.import.connection' })}</label>
        <select id="import-conn" @change=${(e: Event) => this.chooseConnection((e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${!this.connectionId} disabled>${msg('(Choose a connection)', { id: 'admin.import.chooseConn' })}</option>
          ${this.connections.map((x) => html`<option value=${x.id} ?selected=${x.id === this.connectionId}>${x.name}</option>`)}
        </select>
      </div>
      ${c?.active
        ? html`<p class="notice" id="import-active">
            ${msg(str`Synchronization of ${name} is switched on (Active). Import from ERP is only possible while it is not active: switch Active off in the ERP connections list first.`, {
              id: 'admin.import.activeNote',
            })}
          </p>`
        : nothing}
      ${this.typesLoad.problem
        ? html`<p class="error">${adminProblemMessage(this.typesLoad.problem)}</p>`
        : nothing}
      <div class="control">
        <label for="import-type">${t.actorType}</label>
        <select
          id="import-type"
          ?disabled=${!this.types?.length}
          aria-describedby="import-type-help"
          @change=${(e: Event) => (this.actorType = (e.target as HTMLSelectElement).value as ActorType)}
        >
          ${(this.types ?? []).map((x) => html`<option value=${x.type} ?selected=${x.type === this.actorType}>${actorTypeLabel(x.type)}</option>`)}
        </select>
        <p id="import-type-help" class="muted">
          ${this.types && !this.types.length
            ? msg('This connection has no actor types with searchable fields.', { id: 'admin.import.noTypes' })
            : msg('Only actor types with searchable fields are offered.', { id: 'admin.import.typesHelp' })}
        </p>
      </div>
      <div class="actions dialog-actions">
        <button
          type="button"
          class="primary"
          aria-describedby=${c?.active ? 'import-active' : nothing}
          ?disabled=${!this.actorType || !!c?.active}
          @click=${this.toSearch}
        >
          ${msg('Next', { id: 'admin.import.next' })}
        </button>
        <button type="button" @click=${this.close}>${t.cancel}</button>
      </div>`;
  }

  private renderSearch() {
    const t = adminTerms();
    const r = this.result;
    const queued = new Set(this.queue.map((x) => x.key));
    return html`<form
        novalidate
        @submit=${(e: Event) => {
          e.preventDefault();
          void this.search();
        }}
      >
        ${renderCriteriaEditor({
          fields: this.fields,
          criteria: this.criteria,
          lists: this.lists,
          problems: this.problems,
          onChange: (c) => (this.criteria = this.criteria.map((x) => (x.id === c.id ? c : x))),
          onAdd: () => (this.criteria = [...this.criteria, newCriterion(this.nextId++, this.fields[0]!)]),
          onRemove: (id) => (this.criteria = this.criteria.filter((x) => x.id !== id)),
        })}
        <div class="actions">
          <button type="submit" class="primary" aria-busy=${this.searcher.pending ? 'true' : 'false'}>${t.search}</button>
        </div>
      </form>
      <p role="status" class="muted">${this.message}</p>
      ${r
        ? renderImportResults({
            result: r,
            selected: this.selected,
            queued,
            busy: this.searcher.pending,
            onSelect: (key, on) => {
              const next = new Set(this.selected);
              if (on) next.add(key);
              else next.delete(key);
              this.selected = next;
            },
            onMore: () => void this.search(true),
            onAdd: () => this.addImport(),
          })
        : nothing}
      <section aria-labelledby="queue-heading">
        <h3 id="queue-heading">${msg(str`To import (${this.queue.length})`, { id: 'admin.import.queue' })}</h3>
        ${this.queue.length
          ? html`<ul>
              ${this.queue.map((row) => {
                const name = row.displayName;
                return html`<li>
                  ${name}
                  <button
                    type="button"
                    aria-label=${msg(str`Remove ${name}`, { id: 'admin.import.removeNamed' })}
                    @click=${() => (this.queue = this.queue.filter((x) => x.key !== row.key))}
                  >
                    ${msg('Remove', { id: 'admin.def.remove' })}
                  </button>
                </li>`;
              })}
            </ul>`
          : html`<p class="muted">${msg('Select rows and press Add Import.', { id: 'admin.import.queueEmpty' })}</p>`}
      </section>
      <div class="actions dialog-actions">
        <button
          type="button"
          class="primary"
          ?disabled=${!this.queue.length}
          aria-busy=${this.importer.pending ? 'true' : 'false'}
          @click=${this.runImport}
        >
          ${t.import}
        </button>
        <button type="button" @click=${() => (this.step = 'select')}>${msg('Back', { id: 'admin.back' })}</button>
        <button type="button" @click=${this.close}>${t.cancel}</button>
      </div>`;
  }

  private renderResult() {
    const d = this.done!;
    const created = d.created.length;
    const updated = d.updated.length;
    const list = (refs: EntityRef[]) =>
      refs.length ? html`<ul class="refs">${refs.map((r) => html`<li>${r.name}</li>`)}</ul>` : html`<p class="muted">—</p>`;
    return html`<p role="status">
        ${msg(str`Import finished: ${created} created, ${updated} updated.`, { id: 'admin.import.done' })}
      </p>
      <h3>${msg('Created CRM records', { id: 'admin.import.created' })}</h3>
      ${list(d.created)}
      <h3>${msg('Updated CRM records', { id: 'admin.import.updated' })}</h3>
      ${list(d.updated)}
      <div class="actions dialog-actions">
        <button type="button" class="primary" @click=${this.close}>${msg('Close', { id: 'admin.close' })}</button>
      </div>`;
  }
}
