import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import type { ErpBackend } from '../../backend/erp-backend.js';
import { ErpProblem, toProblem } from '../../backend/problem.js';
import type { ActorType, ActorTypeOffer, ConnectionState, EntityRef, SaveLinkRequest, SyncConflict } from '../../model/types.js';
import { ErpSignInRequestEvent } from '../../events/erp-sign-in-request.js';
import { ErpConnectEvent, type PendingLink } from '../../events/erp-connect.js';
import { ErpErrorEvent } from '../../events/erp-error.js';
import { ErpLinkChangeEvent } from '../../events/erp-link-change.js';
import { ErpSyncEvent } from '../../events/erp-sync.js';
import { problemMessage } from '../../i18n/problem-message.js';
import { baseStyles } from '../shared/base-styles.js';
import { dialogStyles } from '../shared/dialog-styles.js';
import { deepActiveElement } from '../shared/active-element.js';
import { ConnectionUpdateEvent, ReloadRequestEvent, StagedChangeEvent } from '../shared/events-internal.js';
import type { ErpConnectDialog } from '../erp-connect-dialog/erp-connect-dialog.js';
import type { ErpConfirmDialog } from '../erp-confirm-dialog/erp-confirm-dialog.js';
import { connectionStyles } from './erp-tab-connection.styles.js';
import { renderBadge, renderLinkedFields, renderNotLinked, renderPendingLink, type LinkHealth } from './connection-views.js';
import { renderActorOffers } from './actor-offers.js';
import { renderHistory } from './history-disclosure.js';
import { renderActionError, renderActions, renderDisconnectConfirm } from './connection-actions.js';
import { isUnreachable, renderHealthStrip } from './health-strip.js';
import { IdempotencyKeys } from '../shared/idempotency.js';
import { loadConflicts, loadElement, type LazyTag } from './lazy-elements.js';
import type { SyncConflictsController } from './sync-conflicts-controller.js';
import { LoadController } from '../shared/load-controller.js';

/** A change staged in edit mode: nothing reaches the backend before Save. */
type Staged =
  | { kind: 'link'; link: PendingLink; idempotencyKey: string }
  | { kind: 'unlink'; idempotencyKey: string };

/** `load`: an element shown on demand (a dialog, the history) could not be loaded. */
type Operation = 'syncNow' | 'saveLink' | 'removeLink' | 'load';

/**
 * One ERP connection's section inside `<erp-tab>` (internal: hosts use `<erp-tab>`).
 * Owns the section's interaction state: edit mode, the staged link or unlink, requests in flight.
 *
 * @csspart connection - The section.
 * @csspart connection-title - The heading with the connection's name.
 * @csspart fields - The list of ERP values.
 * @csspart pending - The values of a link that is not saved yet.
 * @csspart actions - The row of buttons.
 * @csspart error - An error message with its Retry button.
 * @csspart health - The health strip (last sync, pending changes, last error, offline badge).
 * @csspart provenance - A field's sync direction and leading side.
 * @csspart conflict-dialog - The dialog that asks to decide values changed on both sides.
 * @csspart history - The "History" disclosure.
 * @event {ErpSignInRequestEvent} erp-sign-in-request - The user pressed "Sign in again" after a 401.
 */
@localized()
export class ErpTabConnection extends LitElement {
  static override styles = [baseStyles, dialogStyles, connectionStyles];

  @property({ attribute: false }) connection!: ConnectionState;
  @property({ attribute: false }) entity!: EntityRef;
  @property({ attribute: false }) backend!: ErpBackend;
  @property({ attribute: false }) now = Date.now();
  /** When the values shown were loaded (epoch ms): their age when the ERP does not answer. */
  @property({ attribute: false }) loadedAt?: number;
  /** The tab's last reload failed because the ERP did not answer: the values shown are stale. */
  @property({ attribute: false }) stale = false;

  @state() private editing = false;
  @state() private staged: Staged | null = null;
  @state() private statusText = '';
  @state() private error: { operation: Operation; problem: ErpProblem } | null = null;
  @state() private connectingAs: ActorType | null = null;
  @state() private historyOpen = false;

  @query('erp-connect-dialog') private connectDialog?: ErpConnectDialog;
  @query('erp-confirm-dialog') private confirmDialog?: ErpConfirmDialog;
  /** The one backend call at a time (Sync now, Save, Disconnect): Cancel and removal abort it. */
  private readonly action = new LoadController(this, ([, call]: [Operation, (signal: AbortSignal) => Promise<unknown>], signal) => call(signal));
  private operation: Operation | null = null;
  private readonly syncKeys = new IdempotencyKeys();
  /** Repeats the action whose element failed to load (Retry). */
  private retryLoad?: () => void;
  /** Values changed on both sides: loaded when a Sync now first finds them. */
  private conflicts?: SyncConflictsController;
  private readonly createdAt = Date.now();

  /** The operation in flight, if any. */
  private get busy(): Operation | null {
    return this.action.pending ? this.operation : null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const previous = changed.get('connection');
    // After a reload that followed a 409, the staged choices are still here: say so.
    if (previous && previous.version !== this.connection.version && this.error?.problem.status === 409) {
      this.error = null;
      this.statusText = msg('Reloaded. Your choices are kept: Save again to apply them, or Cancel.', {
        id: 'tab.reloadedKeptChoices',
      });
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    // `staged` is private: PropertyValues does not know its name.
    const before = (changed as Map<string, unknown>).get('staged');
    if ((changed as Map<string, unknown>).has('staged') && !!before !== !!this.staged) {
      this.dispatchEvent(new StagedChangeEvent(this.connection.id, !!this.staged));
    }
  }

  private get entityKey() {
    return { type: this.entity.type, id: this.entity.id };
  }

  /** Runs one backend call at a time; a second click while one is in flight does nothing. */
  private async run<T>(operation: Operation, call: (signal: AbortSignal) => Promise<T>): Promise<T | undefined> {
    if (this.busy) return undefined;
    this.operation = operation;
    this.error = null;
    const result = (await this.action.run(operation, call)) as T | undefined;
    const problem = this.action.problem;
    if (problem) {
      this.statusText = '';
      this.error = { operation, problem };
      this.dispatchEvent(new ErpErrorEvent(operation, problem.toJSON()));
    }
    return result;
  }

  /** Loads an element shown on demand (see ensureLoaded). */
  private ensureElement(tag: LazyTag, action: () => void): Promise<boolean> {
    return this.ensureLoaded(() => loadElement(tag), action);
  }

  /** Loads code shown on demand. A failure (a dropped connection) shows the error; Retry repeats `action`. */
  private async ensureLoaded(load: () => Promise<unknown>, action: () => void): Promise<boolean> {
    try {
      await load();
      if (this.error?.operation === 'load') this.error = null;
      return true;
    } catch (error) {
      const problem = toProblem(error);
      this.retryLoad = action;
      this.error = { operation: 'load', problem };
      this.dispatchEvent(new ErpErrorEvent('loadElement', problem.toJSON()));
      return false;
    }
  }

  /** Opens the decision on values changed on both sides, loading its code (and the picker) first. */
  private async decideConflicts(conflicts: SyncConflict[]): Promise<void> {
    if (!(await this.ensureLoaded(loadConflicts, () => void this.decideConflicts(conflicts)))) return;
    // Loaded: the same promise, already settled.
    const { SyncConflictsController } = await loadConflicts();
    this.conflicts ??= new SyncConflictsController(this, () => ({
      backend: this.backend,
      entity: this.entityKey,
      connection: this.connection,
      now: this.now,
      ensurePicker: (again) => this.ensureElement('erp-conflict-picker', again),
      say: (text) => (this.statusText = text),
    }));
    await this.conflicts.open(conflicts);
  }

  private async syncNow(): Promise<void> {
    // A sync may end in conflicts to decide: fetch their code meanwhile.
    void loadConflicts().catch(() => undefined);
    this.statusText = msg('Synchronizing…', { id: 'tab.syncing' });
    const idempotencyKey = this.syncKeys.for([this.entityKey, this.connection.id]);
    const result = await this.run('syncNow', (signal) =>
      this.backend.syncNow(this.entityKey, this.connection.id, { signal, idempotencyKey }),
    );
    if (!result) return;
    this.syncKeys.done();
    this.dispatchEvent(new ConnectionUpdateEvent(result.connection));
    if (result.status === 'synced') {
      this.statusText = msg('Synchronized.', { id: 'tab.synced' });
      this.dispatchEvent(new ErpSyncEvent(this.connection.id, result.connection.link?.lastSynced ?? null));
    } else {
      this.statusText = msg('Some values changed on both sides since the last synchronization.', {
        id: 'tab.syncConflict',
      });
      await this.decideConflicts(result.conflicts);
    }
  }

  private async save(): Promise<void> {
    const staged = this.staged;
    if (!staged) return;
    const options = { version: this.connection.version, idempotencyKey: staged.idempotencyKey };
    const before = this.connection.link;
    const result = await this.run(staged.kind === 'link' ? 'saveLink' : 'removeLink', (signal) =>
      staged.kind === 'link'
        ? this.backend.saveLink(this.entityKey, this.connection.id, saveRequest(staged.link), { ...options, signal })
        : this.backend.removeLink(this.entityKey, this.connection.id, { ...options, signal }),
    );
    if (!result) {
      if (this.error?.problem.code === 'erp-changed' && staged.kind === 'link') void this.compareAgain(staged.link, problemMessage(this.error.problem));
      else this.offerFieldCorrection(staged);
      return;
    }
    this.staged = null;
    this.editing = false;
    this.dispatchEvent(new ConnectionUpdateEvent(result));
    const link = result.link ?? before;
    if (link) {
      this.dispatchEvent(
        new ErpLinkChangeEvent({
          connectionId: this.connection.id,
          linked: result.link !== null,
          actorType: link.actorType,
          erpKey: link.erpKey,
        }),
      );
    }
    this.statusText =
      result.link !== null
        ? msg('Saved. The record is now connected.', { id: 'tab.savedLinked' })
        : msg('Saved. The record is no longer synchronized.', { id: 'tab.savedUnlinked' });
    void this.keepFocus('[data-edit]');
  }

  /**
   * After a render that removes the focused button (Edit, Save, Cancel, an actor type, Disconnect),
   * moves focus to the next sensible control instead of leaving it on <body>. Does nothing when focus
   * is elsewhere on the page.
   */
  private async keepFocus(selector: string): Promise<void> {
    await this.updateComplete;
    const active = deepActiveElement();
    const lost = !active || active === document.body || !active.isConnected;
    if (!lost && !this.renderRoot.contains(active)) return;
    if (!lost && active.matches(selector)) return;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  /**
   * The backend refused a value of a new actor (a problem pointing at `/create/values/<key>`):
   * reopen Create in ERP with everything the user entered and the message on that field.
   */
  private async offerFieldCorrection(staged: Staged): Promise<void> {
    const problem = this.error?.problem;
    const key = problem?.field?.match(/^\/create\/values\/(.+)$/)?.[1];
    if (!problem || !key || staged.kind !== 'link' || !staged.link.create) return;
    this.connectingAs = staged.link.actorType;
    await this.updateComplete;
    await this.connectDialog?.showCreate(
      staged.link.create.values,
      { key: decodeURIComponent(key), message: problem.detail ?? problemMessage(problem) },
      staged.link.create.reason,
    );
  }

  /**
   * The ERP values changed between Connect and Save: the compare opens again on the new values,
   * with the user's choices kept where they still differ. Connect there stages the link anew.
   */
  private async compareAgain(pending: PendingLink, notice: string): Promise<void> {
    if (!(await this.ensureElement('erp-connect-dialog', () => void this.compareAgain(pending, notice)))) return;
    this.connectingAs = pending.actorType;
    await this.updateComplete;
    await this.connectDialog?.showCompare(pending, notice);
  }

  private startEditing(): void {
    // The next step needs one of these: fetch them while the user chooses.
    void loadElement(this.connection.link ? 'erp-confirm-dialog' : 'erp-connect-dialog').catch(() => undefined);
    this.editing = true;
    this.statusText = '';
    this.error = null;
    // The actor types to connect as, or Cancel on a linked record (Save waits for a change).
    void this.keepFocus('.offers button, .actions [data-cancel]');
  }

  private cancelEditing(): void {
    this.action.abort();
    this.editing = false;
    this.staged = null;
    this.error = null;
    this.statusText = '';
    void this.keepFocus('[data-edit]');
  }

  private async openConnect(offer: ActorTypeOffer): Promise<void> {
    if (!offer.available) return;
    if (!(await this.ensureElement('erp-connect-dialog', () => void this.openConnect(offer)))) return;
    this.connectingAs = offer.type;
    await this.updateComplete;
    this.connectDialog?.show();
  }

  private onConnect(event: ErpConnectEvent): void {
    event.stopPropagation(); // the tab reports links to the host only once they are saved
    this.staged = { kind: 'link', link: event.pending, idempotencyKey: crypto.randomUUID() };
    this.error = null;
    this.statusText = msg('Connection prepared. Save to store it, or Cancel to discard it.', {
      id: 'tab.pendingAnnounce',
    });
    void this.keepFocus('[data-save]');
  }

  private async askDisconnect(): Promise<void> {
    if (!(await this.ensureElement('erp-confirm-dialog', () => void this.askDisconnect()))) return;
    await this.updateComplete;
    if (!this.confirmDialog || !(await this.confirmDialog.ask())) return;
    this.staged = { kind: 'unlink', idempotencyKey: crypto.randomUUID() };
    this.statusText = msg('Will be disconnected when you save.', { id: 'tab.unlinkPending' });
    void this.keepFocus('[data-save]');
  }

  private retry(): void {
    const operation = this.error?.operation;
    if (operation === 'load') {
      this.error = null;
      this.retryLoad?.();
    } else if (operation === 'syncNow') void this.syncNow();
    else if (operation) void this.save();
  }

  protected override render() {
    const c = this.connection;
    const titleId = `title-${c.id}`;
    const staged = this.staged;
    return html`
      <section part="connection" class="connection" aria-labelledby=${titleId}>
        <header>
          <h3 id=${titleId} part="connection-title">${c.name}</h3>
          ${renderBadge(this.staged ? 'unsaved' : !c.link ? 'not-linked' : this.linkHealth)}
        </header>
        ${c.link && staged?.kind !== 'link' ? this.renderHealth() : nothing}
        ${staged?.kind === 'link'
          ? renderPendingLink(staged.link)
          : c.link
            ? renderLinkedFields(c, this.now, staged?.kind === 'unlink', false)
            : renderNotLinked(c)}
        ${this.editing && !c.link && !staged ? renderActorOffers(c.id, c.actorTypes, (offer) => void this.openConnect(offer)) : nothing}
        <p class="status" role="status">${this.statusText}</p>
        ${this.error && !(this.error.operation === 'syncNow' && c.link)
          ? renderActionError(this.error.problem, () => this.retry(), () => this.dispatchEvent(new ReloadRequestEvent()))
          : nothing}
        <div class="actions" part="actions">
          ${renderActions({
            editing: this.editing,
            linked: !!c.link,
            staged: !!staged,
            busy: this.busy === 'syncNow' ? 'syncNow' : this.busy ? 'saving' : null,
            onEdit: () => this.startEditing(),
            onSyncNow: () => void this.syncNow(),
            onSave: () => void this.save(),
            onCancel: () => this.cancelEditing(),
            onDisconnect: () => void this.askDisconnect(),
          })}
        </div>
        ${c.link && !staged
          ? renderHistory({
              backend: this.backend,
              entity: this.entityKey,
              connection: c,
              now: this.now,
              open: this.historyOpen,
              onToggle: (open) => {
                this.historyOpen = open;
                if (open) this.loadHistory();
              },
            })
          : nothing}
      </section>
      ${this.conflicts?.render() ?? nothing}
      ${this.connectingAs
        ? html`<erp-connect-dialog
            .backend=${this.backend}
            .connection=${c}
            .entity=${this.entity}
            .actorType=${this.connectingAs}
            @erp-connect=${this.onConnect}
          ></erp-connect-dialog>`
        : nothing}
      ${this.editing && c.link ? renderDisconnectConfirm(c) : nothing}
    `;
  }

  /** This session's failed Sync now, if any, and whether the ERP does not answer (the badge and the health strip both say it). */
  private syncHealth(): { session: ErpProblem | null; unreachable: boolean } {
    const session = this.error?.operation === 'syncNow' ? this.error.problem : null;
    return { session, unreachable: this.stale || (session !== null && isUnreachable(session)) };
  }

  /** Whether a connected record's last sync failed or its ERP does not answer. */
  private get linkHealth(): LinkHealth {
    const { session, unreachable } = this.syncHealth();
    return unreachable ? 'unreachable' : session || this.connection.link?.status === 'error' ? 'failed' : 'linked';
  }

  private renderHealth() {
    const c = this.connection;
    const link = c.link!;
    const { session, unreachable } = this.syncHealth();
    const stored = link.status === 'error' && link.lastError ? link.lastError : null;
    return renderHealthStrip({
      connectionId: c.id,
      connectionName: c.name,
      lastSynced: link.lastSynced,
      lastBackgroundSync: link.lastBackgroundSync,
      pendingChanges: link.pendingChanges,
      pendingConflicts: link.pendingConflicts,
      error: session ? { problem: session, live: true } : stored ? { problem: stored, live: false } : null,
      staleSince: unreachable ? (this.loadedAt ?? this.createdAt) : null,
      now: this.now,
      busy: this.busy === 'syncNow',
      // Also Decide now: Sync now finds the values changed on both sides and opens the conflict picker.
      onRetry: () => void this.syncNow(),
      onSignIn: () => this.dispatchEvent(new ErpSignInRequestEvent(c.id)),
    });
  }

  private readonly loadHistory = (): void => void this.ensureElement('erp-history', this.loadHistory);
}

function saveRequest(link: PendingLink): SaveLinkRequest {
  return {
    actorType: link.actorType,
    ...(link.create ? { create: link.create } : { erpKey: link.erpKey }),
    choices: link.choices,
    values: link.values,
    ...(link.erpVersion && !link.create ? { erpVersion: link.erpVersion } : {}),
  };
}
