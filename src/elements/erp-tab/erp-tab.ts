import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { localized, msg } from '@lit/localize';
import { Task, TaskStatus, initialState } from '@lit/task';
import type { ErpBackend } from '../../backend/erp-backend.js';
import { onConfigChange } from '../../backend/config.js';
import { isAbort, toProblem } from '../../backend/problem.js';
import type { ConnectionState, CrmEntityType, EntityErpState, UnavailableReason } from '../../model/types.js';
import { CRM_ENTITY_TYPES, isCrmEntityType } from '../../model/entity-types.js';
import { ErpAvailabilityChangeEvent } from '../../events/erp-availability-change.js';
import { ErpErrorEvent } from '../../events/erp-error.js';
import { LocaleController } from '../../i18n/locale-controller.js';
import { problemMessage } from '../../i18n/problem-message.js';
import { baseStyles } from '../shared/base-styles.js';
import { resolveBackend } from '../shared/resolve-backend.js';
import { ConnectionUpdateEvent, type StagedChangeEvent } from '../shared/events-internal.js';
import { ErpUnsavedChangeEvent } from '../../events/erp-unsaved-change.js';
import { ClockController } from '../shared/clock-controller.js';
import { tabStyles } from './erp-tab.styles.js';
import { isUnreachable } from './health-strip.js';

/**
 * The ERP tab of a CRM record: one section per ERP connection the user may use, showing the linked
 * ERP actor's data or how to connect one.
 *
 * @event {ErpAvailabilityChangeEvent} erp-availability-change - Whether the tab is available to the current user, and why not.
 * @event {ErpLinkChangeEvent} erp-link-change - A link was saved or removed.
 * @event {ErpSyncEvent} erp-sync - Sync now succeeded.
 * @event {ErpErrorEvent} erp-error - A backend call failed (the tab shows the error too).
 * @event {ErpUnsavedChangeEvent} erp-unsaved-change - The tab started or stopped holding staged, unsaved changes (`unsaved`); also when a change of `entity-id` discards them.
 * @event {ErpSignInRequestEvent} erp-sign-in-request - The user pressed "Sign in again" after a 401 (`connectionId`): renew the session, then call `reload()`.
 * @csspart tab - The tab's outer container.
 * @csspart loading - The busy state while the ERP data loads.
 * @csspart load-error - The message and Retry button after a failed load.
 */
@localized()
export class ErpTab extends LitElement {
  static override styles = [baseStyles, tabStyles];

  /** The CRM record type: `company`, `person` or `project`. */
  @property({ reflect: true }) entity?: CrmEntityType;
  /** The CRM record's id. */
  @property({ attribute: 'entity-id', reflect: true }) entityId?: string;
  /** Base URL of the REST backend; ignored when `backend` is set. */
  @property({ attribute: 'backend-url' }) backendUrl?: string;
  /** The host's own backend implementation; overrides `backend-url` and `configure()`. */
  @property({ attribute: false }) backend?: ErpBackend;

  @state() private erpState?: EntityErpState;
  @state() private configVersion = 0;
  /** When `erpState` was loaded (epoch ms); a failed reload keeps it and shows its age. */
  @state() private loadedAt?: number;

  private effectiveBackend: ErpBackend = resolveBackend(undefined, undefined);
  private unsubscribeConfig?: () => void;
  private lastAvailability?: string;
  private readonly clock = new ClockController(this, 30_000);

  /** The UI language: its texts from the ERP (labels, list texts) are loaded again when it changes. */
  private readonly language = new LocaleController(this);

  /** Whether the tab is available to the current user; undefined until known. */
  get available(): boolean | undefined {
    return this.erpState?.available;
  }

  /** Why the tab is unavailable (`no-licence`, `no-access`, `no-active-connection`), else null. */
  get unavailableReason(): UnavailableReason | null {
    return this.erpState && !this.erpState.available ? (this.erpState.unavailableReason ?? 'no-access') : null;
  }

  /**
   * Whether a link or a disconnect is staged and not yet saved. Staged changes belong to the record
   * on screen: changing `entity-id` discards them (and fires `erp-unsaved-change`), so a host asks
   * its user first when this is true.
   */
  get hasUnsavedChanges(): boolean {
    return this.stagedIn.size > 0;
  }

  /** Connection ids whose section holds a staged change. */
  private readonly stagedIn = new Set<string>();

  private setStaged(connectionId: string | null, staged: boolean): void {
    const before = this.hasUnsavedChanges;
    if (connectionId === null) this.stagedIn.clear();
    else if (staged) this.stagedIn.add(connectionId);
    else this.stagedIn.delete(connectionId);
    if (before !== this.hasUnsavedChanges) this.dispatchEvent(new ErpUnsavedChangeEvent(this.hasUnsavedChanges));
  }

  private readonly onStaged = (event: StagedChangeEvent): void => this.setStaged(event.connectionId, event.staged);

  /**
   * Connections a write answered while a load was in flight: the load may have read before the
   * write, so its older answer must not put back what the write changed (a stale response).
   */
  private readonly updatedDuringLoad = new Map<string, ConnectionState>();

  /** Loads the record's ERP state again. */
  reload(): void {
    void this.loadTask.run();
  }

  private readonly loadTask = new Task(this, {
    args: () => [this.effectiveBackend, this.entity, this.entityId, this.configVersion, this.language.locale] as const,
    task: async ([backend, type, id], { signal }) => {
      this.updatedDuringLoad.clear();
      if (!isCrmEntityType(type) || !id) return initialState;
      return backend.getEntityState({ type, id }, { signal });
    },
    onComplete: (loaded) => {
      const newer = this.updatedDuringLoad;
      const value = newer.size ? { ...loaded, connections: loaded.connections.map((c) => newer.get(c.id) ?? c) } : loaded;
      newer.clear();
      this.erpState = value;
      this.loadedAt = Date.now();
      this.announceAvailability(value);
    },
    onError: (error) => {
      if (isAbort(error)) return;
      this.dispatchEvent(new ErpErrorEvent('getEntityState', toProblem(error).toJSON()));
    },
  });

  override connectedCallback(): void {
    super.connectedCallback();
    this.unsubscribeConfig = onConfigChange(() => {
      if (!this.backend && !this.backendUrl) this.configVersion++;
    });
    // A load aborted by an earlier removal starts again when the element comes back.
    if (this.loadTask.status === TaskStatus.ERROR && isAbort(this.loadTask.error)) this.reload();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribeConfig?.();
    // Nothing may update a removed element: abort the load in flight.
    if (this.loadTask.status === TaskStatus.PENDING) this.loadTask.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('backend') || changed.has('backendUrl')) {
      this.effectiveBackend = resolveBackend(this.backend, this.backendUrl);
    }
    if (changed.has('entity') && this.entity && !isCrmEntityType(this.entity)) {
      console.warn(`erp-widget: <erp-tab> entity="${String(this.entity)}" is none of ${CRM_ENTITY_TYPES.join(', ')}; the tab stays empty.`);
    }
    if (changed.has('entity') || changed.has('entityId')) {
      this.erpState = undefined;
      // The sections of the old record go, and their staged changes with them.
      this.setStaged(null, false);
    }
    this.toggleAttribute('unavailable', this.erpState?.available === false);
  }

  private announceAvailability(value: EntityErpState): void {
    const key = `${value.available}|${value.unavailableReason ?? ''}`;
    if (key === this.lastAvailability) return;
    this.lastAvailability = key;
    this.dispatchEvent(new ErpAvailabilityChangeEvent(value.available, this.unavailableReason));
  }

  private onConnectionUpdate(event: ConnectionUpdateEvent): void {
    if (!this.erpState) return;
    const updated = event.connection;
    if (this.loadTask.status === TaskStatus.PENDING) this.updatedDuringLoad.set(updated.id, updated);
    this.erpState = {
      ...this.erpState,
      connections: this.erpState.connections.map((c) => (c.id === updated.id ? updated : c)),
    };
  }

  protected override render() {
    if (!isCrmEntityType(this.entity) || !this.entityId) return nothing;
    const state = this.erpState;
    if (state && !state.available) return nothing;
    if (!state) {
      return this.loadTask.status === TaskStatus.ERROR && !isAbort(this.loadTask.error)
        ? this.renderLoadError()
        : this.renderLoading();
    }
    const backend = this.effectiveBackend;
    // A failed reload keeps the last loaded state on screen, marked stale with its age.
    const failed = this.loadTask.status === TaskStatus.ERROR && !isAbort(this.loadTask.error);
    const stale = failed && isUnreachable(toProblem(this.loadTask.error));
    return html`
      <div part="tab" class="tab" aria-busy=${this.loadTask.status === TaskStatus.PENDING ? 'true' : 'false'}>
        ${this.loadTask.status === TaskStatus.ERROR && !isAbort(this.loadTask.error)
          ? this.renderLoadError()
          : nothing}
        ${repeat(
          state.connections,
          (c) => c.id,
          (c) => html`<erp-tab-connection
            .connection=${c}
            .entity=${state.entity}
            .backend=${backend}
            .now=${this.clock.now}
            .loadedAt=${this.loadedAt}
            .stale=${stale}
            @erp-internal-connection-update=${this.onConnectionUpdate}
            @erp-internal-reload=${this.reload}
            @erp-internal-staged=${this.onStaged}
          ></erp-tab-connection>`,
        )}
      </div>
    `;
  }

  private renderLoading() {
    return html`<div part="loading" class="loading" role="status" aria-busy="true">
      <span class="visually-hidden">${msg('Loading ERP data…', { id: 'tab.loading' })}</span>
      <div class="skeleton" aria-hidden="true"><span></span><span></span><span></span></div>
    </div>`;
  }

  private renderLoadError() {
    const problem = toProblem(this.loadTask.error);
    return html`<div part="load-error" class="load-error" role="alert">
      <p>
        <strong>${msg('The ERP data could not be loaded.', { id: 'tab.loadFailed' })}</strong>
        ${problemMessage(problem)}
      </p>
      <button type="button" @click=${this.reload}>${msg('Retry', { id: 'action.retry' })}</button>
    </div>`;
  }
}
