import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { EntityKey, ErpBackend } from '../../backend/erp-backend.js';
import { ErpProblem } from '../../backend/problem.js';
import type {
  ActorRow,
  ActorType,
  ConnectionState,
  EntityRef,
  FieldMeta,
  FieldValue,
  MatchSuggestion,
  Side,
} from '../../model/types.js';
import { ErpConnectEvent, type PendingLink } from '../../events/erp-connect.js';
import type { ErpConflictResolveEvent } from '../../events/erp-conflict-resolve.js';
import type { ErpCreateSubmitEvent } from '../../events/erp-create-submit.js';
import { LocaleController } from '../../i18n/locale-controller.js';
import { actorTypeLabel } from '../../i18n/terms.js';
import { baseStyles } from '../shared/base-styles.js';
import { dialogStyles } from '../shared/dialog-styles.js';
import { deepActiveElement } from '../shared/active-element.js';
import { AdvancedSearchController } from './advanced-search-controller.js';
import { renderCompareStep } from './compare-step.js';
import { renderCreateStep } from './create-step.js';
import { renderSearchStep } from './search-step.js';
import { withValues, type DialogStep, type LoadedStep, type Results, type SearchPage, type SearchQuery } from './dialog-step.js';
import { ListboxController } from './listbox-controller.js';
import { renderResultsList } from './results-list.js';
import { VirtualWindowController } from './virtual-window-controller.js';
import { comparePreview, previewName } from './pending-link.js';
import { renderGuard, renderSuggestions } from './match-suggestions.js';
import { connectDialogStyles } from './erp-connect-dialog.styles.js';
import { LoadController } from '../shared/load-controller.js';

/** Rows fetched per request: the ERP may hold 100,000+ records, so results come a page at a time. */
export const PAGE_SIZE = 50;


/**
 * The **Connect to ERP** dialog: search the ERP (text or advanced criteria), pick a record and
 * compare it with the CRM record in `<erp-conflict-picker>`, or tick "Can't find match in ERP" and
 * create a new ERP actor in `<erp-create-form>`. Nothing is written to the backend: the result is an
 * `erp-connect` event with the pending link, which the tab stages until Save.
 *
 * Above the search, **suggested matches** (strong by VAT/organisation number, e-mail, ERP number;
 * weak by similar names; a previously connected record first), each with its reason, selectable
 * like results. While a strong candidate exists, Create is held back (the duplicate guard) until
 * the user chooses "Create anyway" and gives a reason (sent as `create.reason`).
 *
 * @event {ErpConnectEvent} erp-connect - The user finished (Connect in the picker or Create in the form); `pending` holds the link.
 *
 * @csspart dialog - The native `<dialog>`.
 * @csspart suggestions - The suggested matches.
 * @csspart suggestion - One suggested match.
 * @csspart duplicate-guard - The note that holds Create back while strong candidates exist.
 * @csspart title - The dialog heading.
 * @csspart search - The search form.
 * @csspart criteria - The advanced-search criteria.
 * @csspart results - The results list.
 * @csspart result - One result row.
 * @csspart load-more - The "Load more" button.
 * @csspart error - An inline error with its Retry button.
 * @csspart actions - The dialog's buttons.
 */
@localized()
export class ErpConnectDialog extends LitElement {
  static override styles = [baseStyles, dialogStyles, connectDialogStyles];

  @property({ attribute: false }) backend!: ErpBackend;
  @property({ attribute: false }) connection!: ConnectionState;
  @property({ attribute: false }) entity!: EntityRef;
  @property({ attribute: false }) actorType: ActorType = 'customer';

  @state() private step: DialogStep = { kind: 'search' };
  @state() private queryText = '';
  @state() private advanced = false;
  @state() private results: Results | null = null;
  @state() private searching: 'new' | 'more' | null = null;
  @state() private searchError: { problem: ErpProblem; more: boolean } | null = null;
  @state() private selectedKey: string | null = null;
  /** The actor a reopened compare is about (it need not be among search results). */
  @state() private reopened: { key: string; displayName: string } | null = null;
  /** Choices made before, kept where the values still differ, and why the compare was reopened. */
  @state() private kept: { choices: Record<string, Side>; notice: string } | null = null;
  @state() private noMatch = false;
  @state() private stepError: ErpProblem | null = null;
  @state() private suggestions: MatchSuggestion[] | null = null;
  @state() private createAnyway = false;
  @state() private createReason = '';
  @state() private reasonInvalid = false;

  @query('dialog') private dialog!: HTMLDialogElement;
  @query('#results-list') private listbox?: HTMLElement;


  private opener: HTMLElement | null = null;
  private searchSeq = 0;
  /** Identity of the search in flight, so a second click on Search does not send it again. */
  private searchInFlight: string | null = null;
  private readonly suggester = new LoadController(
    this,
    ([entity, connectionId, actorType]: [EntityKey, string, ActorType], signal) =>
      this.backend.getMatchSuggestions(entity, connectionId, actorType, { signal }),
    (list) => (this.suggestions = list),
  );
  private readonly searcher = new LoadController(this, ([query, page]: [SearchQuery, SearchPage], signal) =>
    query.kind === 'text'
      ? this.backend.searchActors(this.connection.id, this.actorType, { text: query.text, ...page }, { signal })
      : this.backend.searchActorsAdvanced(this.connection.id, this.actorType, { restrictions: query.restrictions, ...page }, { signal }),
  );
  private readonly advancedSearch = new AdvancedSearchController(this, () => ({
    backend: this.backend,
    connectionId: this.connection.id,
    actorType: this.actorType,
  }));
  /** The step in flight (compare, or the create form's fields); the call sets the step it leads to. */
  private readonly stepper = new LoadController(
    this,
    ([, call]: [LoadedStep, (signal: AbortSignal) => Promise<void>], signal) => call(signal),
    () => (this.pendingFocus = 'step'),
  );
  private stepKind: LoadedStep | null = null;
  private pendingFocus: 'step' | 'listbox' | 'load-more' | null = null;

  private readonly listboxController = new ListboxController(this, {
    count: () => this.results?.rows.length ?? 0,
    select: (index) => this.select(this.results?.rows[index]?.key ?? null),
    activate: (index) => {
      this.select(this.results?.rows[index]?.key ?? null);
      void this.primaryAction();
    },
    reveal: (index) => this.virtualWindow.reveal(index),
  });

  /** Only the result rows near the viewport are rendered: the ERP may return thousands. */
  private readonly virtualWindow = new VirtualWindowController(this, {
    count: () => this.results?.rows.length ?? 0,
    // The active option is always rendered, so aria-activedescendant never points at nothing.
    pinned: () => [this.listboxController.active],
    // Scrolling near the end of the loaded rows loads the next page, as Load more does; not after a
    // failed page (the error offers Retry), so a failing backend is not asked again on every scroll.
    nearEnd: () => {
      if (!this.searchError) this.loadMore();
    },
  });

  constructor() {
    super();
    new LocaleController(this, 'dialogs');
  }

  /** The suggested matches that are strong (they hold Create back). */
  get strongSuggestions(): MatchSuggestion[] {
    return (this.suggestions ?? []).filter((s) => s.strength === 'strong');
  }

  /** Whether the dialog is open. */
  get open(): boolean {
    return this.dialog?.open ?? false;
  }

  /** Opens the dialog as a modal and runs a search on the CRM record's name. */
  async show(): Promise<void> {
    this.opener = deepActiveElement();
    this.reset();
    this.queryText = this.entity?.name ?? '';
    await this.updateComplete;
    if (!this.dialog.open) this.dialog.showModal();
    void this.loadSuggestions();
    this.search();
  }

  private async loadSuggestions(): Promise<void> {
    await this.suggester.run({ type: this.entity.type, id: this.entity.id }, this.connection.id, this.actorType);
  }

  private get stepBusy(): LoadedStep | null {
    return this.stepper.pending ? this.stepKind : null;
  }



  /**
   * Reopens at the Create in ERP step with the values the user gave before, and shows a problem the
   * backend reported for one of them (a Save refused with a field pointer) on that field.
   */
  async showCreate(
    values: Record<string, FieldValue>,
    fieldError?: { key: string; message: string },
    reason?: string,
  ): Promise<void> {
    this.opener = deepActiveElement();
    this.reset();
    this.noMatch = true;
    if (reason) {
      this.createAnyway = true;
      this.createReason = reason;
    }
    await this.updateComplete;
    if (!this.dialog.open) this.dialog.showModal();
    await this.runStep('create', async (signal) => {
      const result = await this.backend.getNewActorFields(
        { type: this.entity.type, id: this.entity.id },
        this.connection.id,
        this.actorType,
        { signal },
      );
      this.step = { kind: 'create', fields: withValues(result.fields, values) };
    });
    if (!fieldError) return;
    await this.updateComplete;
    // A value the form does not show (it came from the CRM record): the message above the form.
    if (!this.renderRoot.querySelector('erp-create-form')?.setFieldError(fieldError.key, fieldError.message)) {
      this.stepError = new ErpProblem({ status: 422, code: 'validation-failed', detail: fieldError.message });
    }
  }

  /**
   * Reopens at the compare step for an actor compared before (its ERP values changed before Save):
   * compares afresh, keeps the user's choices where the values still differ and the values they
   * gave, and says why in `notice`.
   */
  async showCompare(pending: PendingLink, notice: string): Promise<void> {
    if (!pending.erpKey) return;
    this.opener = deepActiveElement();
    this.reset();
    this.reopened = { key: pending.erpKey, displayName: pending.displayName };
    this.selectedKey = pending.erpKey;
    this.kept = { choices: { ...pending.choices }, notice };
    await this.updateComplete;
    if (!this.dialog.open) this.dialog.showModal();
    await this.compareSelected(pending.values);
  }

  /** Closes the dialog, aborts requests in flight and returns focus to the element that opened it. */
  close(): void {
    this.abortAll();
    if (this.dialog?.open) this.dialog.close();
    const opener = this.opener;
    this.opener = null;
    if (opener?.isConnected) opener.focus();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.abortAll();
  }

  private abortAll(): void {
    this.searcher.abort();
    this.stepper.abort();
    this.advancedSearch.abort();
    this.suggester.abort();
    this.searchInFlight = null;
    this.searching = null;
  }

  private reset(): void {
    this.abortAll();
    this.step = { kind: 'search' };
    this.advanced = false;
    this.results = null;
    this.searchError = null;
    this.selectedKey = null;
    this.reopened = null;
    this.kept = null;
    this.noMatch = false;
    this.stepError = null;
    this.advancedSearch.clearProblems();
    this.listboxController.reset();
    this.suggestions = null;
    this.suggester.clear();
    this.createAnyway = false;
    this.createReason = '';
    this.reasonInvalid = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Another connection or actor type has other searchable fields.
    if (changed.has('connection') || changed.has('actorType')) {
      const prev = changed.get('connection');
      if (changed.has('actorType') || (prev && prev.id !== this.connection?.id)) this.advancedSearch.forget();
    }
  }

  protected override updated(): void {
    const target = this.pendingFocus;
    if (!target) return;
    this.pendingFocus = null;
    if (target === 'step') this.renderRoot.querySelector<HTMLElement>('[data-step-focus]')?.focus();
    else if (target === 'listbox') {
      (this.listbox ?? this.renderRoot.querySelector<HTMLElement>('input[name="suggestion"]'))?.focus();
      // Back from a step (or at the end of Load more): show the active row, wherever it is.
      if (this.listbox && this.listboxController.active >= 0) this.virtualWindow.reveal(this.listboxController.active);
    }
    else this.renderRoot.querySelector<HTMLElement>('[part~="load-more"]')?.focus();
  }

  // ----------------------------------------------------------------------------------------------
  // Search
  // ----------------------------------------------------------------------------------------------

  private get parentKey(): string | null | undefined {
    return this.actorType === 'person' ? (this.connection.companyErpKey ?? null) : undefined;
  }

  /** Runs a new search from the form (text or criteria). */
  private search(): void {
    if (this.advanced) {
      const restrictions = this.advancedSearch.restrictions();
      if (!restrictions) return;
      this.runSearch({ kind: 'advanced', restrictions }, null);
    } else {
      this.runSearch({ kind: 'text', text: this.queryText.trim() }, null);
    }
  }

  private loadMore(): void {
    const r = this.results;
    if (!r?.nextCursor || this.searching) return;
    this.runSearch(r.query, r.nextCursor);
  }

  private async runSearch(query: SearchQuery, cursor: string | null): Promise<void> {
    const identity = JSON.stringify([query, cursor, this.parentKey ?? null]);
    // A double click (or Enter pressed twice) on the same search sends one request.
    if (this.searchInFlight === identity) return;
    const seq = ++this.searchSeq;
    this.searchInFlight = identity;
    const more = cursor !== null;
    this.searching = more ? 'more' : 'new';
    this.searchError = null;
    // A failed new search puts back the rows and the choice it replaced: nothing the user picked is lost.
    const replaced = more ? null : { results: this.results, selectedKey: this.selectedKey };
    if (!more) {
      this.results = null;
      this.listboxController.reset();
    }
    const parentKey = this.parentKey;
    const result = await this.searcher.run(query, { cursor, limit: PAGE_SIZE, ...(parentKey !== undefined ? { parentKey } : {}) });
    // A superseded search never shows, even when the backend ignored the abort (the later one owns the state).
    if (seq !== this.searchSeq) return;
    this.searching = null;
    this.searchInFlight = null;
    const problem = this.searcher.problem;
    if (problem) {
      this.searchError = { problem, more };
      if (replaced) {
        this.results = replaced.results;
        this.selectedKey = replaced.selectedKey;
      }
    }
    if (!result) return;
    const previous = more && this.results ? this.results.rows : [];
    const seen = new Set(previous.map((r) => r.key));
    // A choice survives a new search when it is a suggestion or among the new rows.
    const key = this.selectedKey;
    if (!more && key !== null && !this.suggestions?.some((s) => s.key === key) && !result.rows.some((r) => r.key === key)) {
      this.selectedKey = null;
    }
    this.results = {
      query,
      columns: result.columns,
      rows: [...previous, ...result.rows.filter((r) => !seen.has(r.key))],
      total: result.total,
      nextCursor: result.nextCursor,
    };
    if (more) {
      // Keep the keyboard where it was: on Load more, or on the list when there is no more.
      if (this.shadowRoot?.activeElement?.matches('[part~="load-more"]')) {
        this.pendingFocus = result.nextCursor ? 'load-more' : 'listbox';
        if (!result.nextCursor) this.listboxController.active = previous.length;
      }
    }
  }

  private retrySearch(): void {
    const r = this.results;
    if (this.searchError?.more && r?.nextCursor) this.runSearch(r.query, r.nextCursor);
    else this.search();
  }

  private select(key: string | null): void {
    this.selectedKey = key;
    this.stepError = null;
  }

  private get selectedRow(): ActorRow | undefined {
    const key = this.selectedKey;
    const row = this.results?.rows.find((r) => r.key === key);
    if (row) return row;
    const suggestion = this.suggestions?.find((s) => s.key === key);
    if (suggestion) return { key: suggestion.key, displayName: suggestion.displayName, cells: {} };
    return this.reopened && this.reopened.key === key ? { ...this.reopened, cells: {} } : undefined;
  }

  // ----------------------------------------------------------------------------------------------
  // Advanced search
  // ----------------------------------------------------------------------------------------------

  private async toggleAdvanced(): Promise<void> {
    this.advanced = !this.advanced;
    if (this.advanced) await this.advancedSearch.open();
    else this.advancedSearch.clearProblems();
  }

  // ----------------------------------------------------------------------------------------------
  // Connect / Create
  // ----------------------------------------------------------------------------------------------

  private get canCreate(): boolean {
    return this.connection?.canCreateActors ?? false;
  }

  private primaryAction(): Promise<void> {
    return this.noMatch ? this.startCreate() : this.startCompare();
  }

  private startCompare(): Promise<void> {
    return this.compareSelected();
  }

  /** Compares the selected actor with the CRM record; `values` given before stay in the ask fields. */
  private async compareSelected(values: Record<string, FieldValue> = {}): Promise<void> {
    const row = this.selectedRow;
    if (!row || this.stepBusy) return;
    await this.runStep('compare', async (signal) => {
      const result = await this.backend.compare(
        { type: this.entity.type, id: this.entity.id },
        { connectionId: this.connection.id, actorType: this.actorType, erpKey: row.key },
        { signal },
      );
      this.step = { kind: 'compare', result: { ...result, askFields: withValues(result.askFields, values) } };
    });
  }

  /** The duplicate guard holds Create back while a strong candidate exists and no reason is given. */
  private get guarded(): boolean {
    return this.strongSuggestions.length > 0 && !(this.createAnyway && this.createReason.trim());
  }

  private async startCreateAnyway(): Promise<void> {
    this.createAnyway = true;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#create-reason-input')?.focus();
  }

  private async startCreate(): Promise<void> {
    if (!this.canCreate || this.stepBusy) return;
    if (this.guarded) {
      if (this.createAnyway) {
        this.reasonInvalid = true;
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>('#create-reason-input')?.focus();
      } else {
        this.renderRoot.querySelector<HTMLElement>('.create-anyway')?.focus();
      }
      return;
    }
    await this.runStep('create', async (signal) => {
      const result = await this.backend.getNewActorFields(
        { type: this.entity.type, id: this.entity.id },
        this.connection.id,
        this.actorType,
        { signal },
      );
      this.step = { kind: 'create', fields: result.fields };
    });
  }

  private async runStep(busy: LoadedStep, call: (signal: AbortSignal) => Promise<void>): Promise<void> {
    this.stepKind = busy;
    this.stepError = null;
    await this.stepper.run(busy, call);
    if (this.stepper.problem) this.stepError = this.stepper.problem;
  }

  private backToResults(): void {
    this.step = { kind: 'search' };
    this.pendingFocus = this.results?.rows.length || this.suggestions?.length ? 'listbox' : null;
  }

  private onResolve(event: ErpConflictResolveEvent): void {
    event.stopPropagation();
    const row = this.selectedRow;
    const compare = this.step.kind === 'compare' ? this.step.result : null;
    if (!row || !compare) return;
    this.finish({
      connectionId: this.connection.id,
      actorType: this.actorType,
      erpKey: row.key,
      displayName: previewName(compare, event.choices, row.displayName),
      choices: { ...event.choices },
      values: { ...event.values },
      ...(compare.erpVersion ? { erpVersion: compare.erpVersion } : {}),
      preview: comparePreview(compare, event.choices, event.values),
    });
  }

  private onCreateSubmit(event: ErpCreateSubmitEvent): void {
    event.stopPropagation();
    this.finish({
      connectionId: this.connection.id,
      actorType: this.actorType,
      displayName: this.entity.name,
      choices: {},
      values: {},
      create: {
        values: { ...event.values },
        ...(this.strongSuggestions.length && this.createAnyway && this.createReason.trim()
          ? { reason: this.createReason.trim() }
          : {}),
      },
      // The values entered, as text (the new actor's tab fields are the ERP's to decide).
      preview: event.preview.map((p) => ({ field: { key: p.key, label: p.label, type: 'text', access: 'normal' }, value: p.display, displayValue: p.display })),
    });
  }

  private finish(pending: PendingLink): void {
    this.dispatchEvent(new ErpConnectEvent(pending));
    this.close();
  }

  // ----------------------------------------------------------------------------------------------
  // Rendering
  // ----------------------------------------------------------------------------------------------

  protected override render() {
    const title =
      this.step.kind === 'create'
        ? msg('Create in ERP', { id: 'connect.createTitle' })
        : msg('Connect to ERP', { id: 'connect.title' });
    return html`<dialog
      part="dialog"
      aria-labelledby="title"
      @cancel=${(e: Event) => {
        e.preventDefault();
        this.close();
      }}
      @close=${() => {
        // A close event can arrive after the dialog was opened again at once: keep the new requests.
        if (!this.dialog?.open) this.abortAll();
      }}
    >
      <h2 id="title" part="title" tabindex="-1" ?data-step-focus=${this.step.kind === 'create'}>${title}</h2>
      ${this.connection && this.entity
        ? html`<p class="muted subtitle">
            ${msg(str`${actorTypeLabel(this.actorType)} in ${this.connection.name} for “${this.entity.name}”`, {
              id: 'connect.subtitle',
            })}
          </p>`
        : nothing}
      ${this.renderStep()}
    </dialog>`;
  }

  private renderStep() {
    const step = this.step;
    const back = () => this.backToResults();
    const context = { backend: this.backend, connectionId: this.connection.id, onBack: back };
    if (step.kind === 'compare') {
      const displayName = this.selectedRow?.displayName ?? '';
      return renderCompareStep({ ...context, result: step.result, displayName, kept: this.kept, onResolve: this.onResolve });
    }
    if (step.kind === 'create') return renderCreateStep({ ...context, fields: step.fields, onSubmit: this.onCreateSubmit });
    return this.renderSearchStep();
  }

  private renderSearchStep() {
    return renderSearchStep({
      suggestions: renderSuggestions({
        suggestions: this.suggestions,
        loading: this.suggester.pending,
        error: this.suggester.problem,
        selectedKey: this.selectedKey,
        onPick: (key) => {
          this.select(key);
          this.listboxController.reset();
        },
        onActivate: (key) => {
          this.select(key);
          if (!this.noMatch) void this.startCompare();
        },
      }),
      queryText: this.queryText,
      advanced: this.advanced,
      supportsAdvanced: this.connection?.supportsAdvancedSearch ?? false,
      criteria: this.advanced ? this.advancedSearch.render() : nothing,
      searching: this.searching,
      searchError: this.searchError?.problem ?? null,
      results: this.results,
      list: this.renderResults(),
      noMatch: this.noMatch,
      stepError: this.stepError,
      guard: this.renderGuard(),
      primary: {
        noMatch: this.noMatch,
        canCreate: this.canCreate,
        guarded: this.guarded,
        busy: this.stepBusy,
        selected: !!this.selectedRow,
        onConnect: () => void this.startCompare(),
        onCreate: () => void this.startCreate(),
      },
      onQueryText: (text) => (this.queryText = text),
      onSearch: () => this.search(),
      onShowAll: () => {
        this.queryText = '';
        this.search();
      },
      onToggleAdvanced: () => void this.toggleAdvanced(),
      onRetrySearch: () => this.retrySearch(),
      onNoMatch: (checked) => {
        this.noMatch = checked;
        this.stepError = null;
      },
      onRetryStep: () => void this.primaryAction(),
      onCancel: () => this.close(),
    });
  }

  /** With "Can't find match" ticked: the duplicate guard, or why Create is not available. */
  private renderGuard() {
    if (!this.noMatch) return nothing;
    if (!this.canCreate) {
      return html`<p id="create-reason" class="reason">
        ${msg('Create is not available: this ERP connection may not create records in the ERP.', {
          id: 'connect.createUnavailable',
        })}
      </p>`;
    }
    if (!this.strongSuggestions.length) return nothing;
    return renderGuard({
      strong: this.strongSuggestions,
      createAnyway: this.createAnyway,
      reason: this.createReason,
      reasonInvalid: this.reasonInvalid,
      onCreateAnyway: () => void this.startCreateAnyway(),
      onReason: (value) => {
        this.createReason = value;
        if (value.trim()) this.reasonInvalid = false;
      },
    });
  }

  private renderResults() {
    const r = this.results;
    if (!r || r.rows.length === 0) return nothing;
    const columns: Pick<FieldMeta, 'key' | 'label'>[] =
      r.columns.length > 0 ? r.columns : [{ key: '', label: msg('Name', { id: 'connect.nameColumn' }) }];
    // Set through the CSSOM, not a style attribute: a strict CSP (style-src 'self') blocks those.
    // Only when it changes: the list re-renders while scrolling, and each write restyles the dialog.
    const template = `repeat(${columns.length}, minmax(6rem, 1fr))`;
    if (this.style.getPropertyValue('--_erp-result-columns') !== template) this.style.setProperty('--_erp-result-columns', template);
    const active = this.listboxController.active;
    return renderResultsList({
      rows: r.rows,
      columns,
      total: r.total,
      pieces: this.virtualWindow.pieces(),
      rowHeight: this.virtualWindow.rowSize,
      active,
      selectedKey: this.selectedKey,
      busy: this.searching !== null,
      loadingMore: this.searching === 'more',
      hasMore: r.nextCursor !== null,
      listRef: this.virtualWindow.attach,
      onKeydown: this.listboxController.onKeydown,
      onFocus: () => this.listboxController.focusIn(r.rows.findIndex((row) => row.key === this.selectedKey)),
      onPick: (i) => {
        this.listboxController.active = i;
        this.select(r.rows[i]?.key ?? null);
        this.listbox?.focus();
      },
      onActivate: (i) => {
        this.select(r.rows[i]?.key ?? null);
        void this.primaryAction();
      },
      onLoadMore: () => this.loadMore(),
    });
  }
}
