import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { ErpBackend } from '../../backend/erp-backend.js';
import { ErpProblem } from '../../backend/problem.js';
import type { ActorRow, ActorType, ConnectionState, EntityRef, FieldValue, MatchSuggestion, Side } from '../../model/types.js';
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
import { withValues, type DialogStep, type LoadedStep } from './dialog-step.js';
import { SearchResultsController } from './search-results-controller.js';
import { linkToActor, linkToNewActor, type LinkTarget } from './pending-link.js';
import { SuggestionsController } from './suggestions-controller.js';
import { CreateGuardController } from './create-guard-controller.js';
import { connectDialogStyles } from './erp-connect-dialog.styles.js';
import { LoadController } from '../shared/load-controller.js';

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
  @state() private selectedKey: string | null = null;
  /** The actor a reopened compare is about (it need not be among search results). */
  @state() private reopened: { key: string; displayName: string } | null = null;
  /** Choices made before, kept where the values still differ, and why the compare was reopened. */
  @state() private kept: { choices: Record<string, Side>; notice: string } | null = null;
  @state() private noMatch = false;
  @state() private stepError: ErpProblem | null = null;

  @query('dialog') private dialog!: HTMLDialogElement;

  private opener: HTMLElement | null = null;
  private readonly suggestions = new SuggestionsController(this);
  private readonly guard = new CreateGuardController(this, {
    strong: () => this.strongSuggestions,
    canCreate: () => this.canCreate,
  });
  private readonly found = new SearchResultsController(this, {
    search: (query, page, signal) =>
      query.kind === 'text'
        ? this.backend.searchActors(this.connection.id, this.actorType, { text: query.text, ...page }, { signal })
        : this.backend.searchActorsAdvanced(this.connection.id, this.actorType, { restrictions: query.restrictions, ...page }, { signal }),
    parentKey: () => (this.actorType === 'person' ? (this.connection.companyErpKey ?? null) : undefined),
    selectedKey: () => this.selectedKey,
    select: (key) => this.select(key),
    keeps: (key) => !!this.suggestions.find(key),
    activate: () => void this.primaryAction(),
  });
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
  private pendingFocus: 'step' | 'listbox' | null = null;

  constructor() {
    super();
    new LocaleController(this, 'dialogs');
  }

  /** The suggested matches that are strong (they hold Create back). */
  get strongSuggestions(): MatchSuggestion[] {
    return this.suggestions.strong;
  }

  /** Whether the dialog is open. */
  get open(): boolean {
    return this.dialog?.open ?? false;
  }

  /** Opens the dialog as a modal and runs a search on the CRM record's name. */
  async show(): Promise<void> {
    await this.openAfresh(() => (this.queryText = this.entity?.name ?? ''));
    this.suggestions.load(this.backend, { type: this.entity.type, id: this.entity.id }, this.connection.id, this.actorType);
    this.search();
  }

  /** Opens as a modal with nothing of the last opening left; `prepare` sets what this opening starts with. */
  private async openAfresh(prepare: () => void): Promise<void> {
    this.opener = deepActiveElement();
    this.reset();
    prepare();
    await this.updateComplete;
    if (!this.dialog.open) this.dialog.showModal();
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
    await this.openAfresh(() => {
      this.noMatch = true;
      this.guard.reset(reason);
    });
    await this.loadCreate(values);
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
    const key = pending.erpKey;
    await this.openAfresh(() => {
      this.reopened = { key, displayName: pending.displayName };
      this.selectedKey = key;
      this.kept = { choices: { ...pending.choices }, notice };
    });
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
    this.found.abort();
    this.stepper.abort();
    this.advancedSearch.abort();
    this.suggestions.abort();
  }

  private reset(): void {
    this.abortAll();
    this.found.reset();
    this.step = { kind: 'search' };
    this.advanced = false;
    this.selectedKey = null;
    this.reopened = null;
    this.kept = null;
    this.noMatch = false;
    this.stepError = null;
    this.advancedSearch.clearProblems();
    this.suggestions.reset();
    this.guard.reset();
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
    // Back from a step: the results, or the suggestions when there are none.
    else if (!this.found.focusList()) this.renderRoot.querySelector<HTMLElement>('input[name="suggestion"]')?.focus();
  }

  /** Runs a new search from the form (text or criteria). */
  private search(): void {
    if (this.advanced) {
      const restrictions = this.advancedSearch.restrictions();
      if (restrictions) void this.found.run({ kind: 'advanced', restrictions }, null);
    } else {
      void this.found.run({ kind: 'text', text: this.queryText.trim() }, null);
    }
  }

  private select(key: string | null): void {
    this.selectedKey = key;
    this.stepError = null;
  }

  private get selectedRow(): ActorRow | undefined {
    const key = this.selectedKey;
    const row = this.found.results?.rows.find((r) => r.key === key);
    if (row) return row;
    const suggestion = this.suggestions.find(key);
    if (suggestion) return { key: suggestion.key, displayName: suggestion.displayName, cells: {} };
    return this.reopened && this.reopened.key === key ? { ...this.reopened, cells: {} } : undefined;
  }

  private async toggleAdvanced(): Promise<void> {
    this.advanced = !this.advanced;
    if (this.advanced) await this.advancedSearch.open();
    else this.advancedSearch.clearProblems();
  }

  private get canCreate(): boolean {
    return this.connection?.canCreateActors ?? false;
  }

  private primaryAction(): Promise<void> {
    return this.noMatch ? this.startCreate() : this.compareSelected();
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

  private async startCreate(): Promise<void> {
    if (!this.canCreate || this.stepBusy) return;
    if (this.guard.held) return this.guard.block();
    await this.loadCreate();
  }

  /** Loads the create form's fields; `values` given before stay in them. */
  private loadCreate(values: Record<string, FieldValue> = {}): Promise<void> {
    return this.runStep('create', async (signal) => {
      const entity = { type: this.entity.type, id: this.entity.id };
      const result = await this.backend.getNewActorFields(entity, this.connection.id, this.actorType, { signal });
      this.step = { kind: 'create', fields: withValues(result.fields, values) };
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
    this.pendingFocus = this.found.results?.rows.length || this.suggestions.count ? 'listbox' : null;
  }

  private onResolve(event: ErpConflictResolveEvent): void {
    event.stopPropagation();
    const row = this.selectedRow;
    if (!row || this.step.kind !== 'compare') return;
    this.finish(linkToActor(this.target, row, this.step.result, event.choices, event.values));
  }

  private onCreateSubmit(event: ErpCreateSubmitEvent): void {
    event.stopPropagation();
    this.finish(linkToNewActor(this.target, this.entity.name, event.values, event.preview, this.guard.givenReason));
  }

  private get target(): LinkTarget {
    return { connectionId: this.connection.id, actorType: this.actorType };
  }

  private finish(pending: PendingLink): void {
    this.dispatchEvent(new ErpConnectEvent(pending));
    this.close();
  }

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
      suggestions: this.suggestions.render({
        selectedKey: this.selectedKey,
        onPick: (key) => {
          this.select(key);
          this.found.listbox.reset();
        },
        onActivate: (key) => {
          this.select(key);
          if (!this.noMatch) void this.compareSelected();
        },
      }),
      queryText: this.queryText,
      advanced: this.advanced,
      supportsAdvanced: this.connection?.supportsAdvancedSearch ?? false,
      criteria: this.advanced ? this.advancedSearch.render() : nothing,
      searching: this.found.searching,
      searchError: this.found.error?.problem ?? null,
      results: this.found.results,
      list: this.found.render(),
      noMatch: this.noMatch,
      stepError: this.stepError,
      guard: this.guard.render(this.noMatch),
      primary: {
        noMatch: this.noMatch,
        canCreate: this.canCreate,
        guarded: this.guard.held,
        busy: this.stepBusy,
        selected: !!this.selectedRow,
        onConnect: () => void this.compareSelected(),
        onCreate: () => void this.startCreate(),
      },
      onQueryText: (text) => (this.queryText = text),
      onSearch: () => this.search(),
      onShowAll: () => {
        this.queryText = '';
        this.search();
      },
      onToggleAdvanced: () => void this.toggleAdvanced(),
      onRetrySearch: () => this.found.retry(() => this.search()),
      onNoMatch: (checked) => {
        this.noMatch = checked;
        this.stepError = null;
      },
      onRetryStep: () => void this.primaryAction(),
      onCancel: () => this.close(),
    });
  }
}
