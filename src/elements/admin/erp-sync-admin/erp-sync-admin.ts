import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import type { ErpAdminBackend } from '../../../backend/erp-backend.js';
import { onConfigChange } from '../../../backend/config.js';
import { isAbort, toProblem, type ErpProblem } from '../../../backend/problem.js';
import type { ErpConnection, Principal, SyncConnector } from '../../../model/types.js';
import { ErpErrorEvent } from '../../../events/erp-error.js';
import { LocaleController } from '../../../i18n/locale-controller.js';
import { LoadController } from '../../shared/load-controller.js';
import { baseStyles } from '../../shared/base-styles.js';
import { adminProblemMessage, adminTerms } from '../admin-terms.js';
import { resolveAdminBackend } from '../resolve-admin-backend.js';
import { loadAdminPart } from '../lazy-admin.js';
import type { ErpConnectionList } from '../connection-list/connection-list.js';
import type { ErpConnectionAdmin } from '../connection-admin/connection-admin.js';
import type { ManageConnectionEvent } from '../admin-events.js';
import { erpSyncAdminStyles } from './erp-sync-admin.styles.js';

/**
 * The administrator's **Sync** screen, for a CRM host's settings pages: the **Sync Connectors** and
 * the **ERP connections** (with their scope, configuration, test and **Active** switch), **Set Sync
 * Priority** and **Import from ERP**; per connection (its **Mappings** button) the mappings, list
 * mappings, defaults, **Rank Fields** and **Resync from CRM** (`<erp-connection-admin>`).
 *
 * Backend: the `backend` property (an `ErpAdminBackend`), else `backend-url`, else `configure()`.
 *
 * @event {ErpErrorEvent} erp-error - Loading the lists failed (the screen shows the error too).
 * @csspart screen - The screen's container.
 * @csspart load-error - The message and Retry button after a failed load.
 */
@localized()
export class ErpSyncAdmin extends LitElement {
  static override styles = [
    baseStyles,
    erpSyncAdminStyles,
  ];

  /** Base URL of the REST backend; ignored when `backend` is set. */
  @property({ attribute: 'backend-url' }) backendUrl?: string;
  /** The host's own admin backend; overrides `backend-url` and `configure()`. */
  @property({ attribute: false }) backend?: ErpAdminBackend;
  /** Whether to show the screen's own heading ("Sync"); hosts with their own heading set false. */
  @property({ type: Boolean, attribute: 'no-heading' }) noHeading = false;

  @state() private connectors: SyncConnector[] | null = null;
  @state() private connections: ErpConnection[] | null = null;
  @state() private principals = new Map<string, Principal>();
  /** The last load's failure: it stays, with its Retry, while a retry runs. */
  @state() private loadError: ErpProblem | null = null;
  private readonly loader = new LoadController(
    this,
    ([backend]: [ErpAdminBackend], signal) =>
      Promise.all([
        backend.listConnectors({ signal }),
        backend.listConnections({ signal }),
        backend.listPrincipals('', { signal }).catch((error: unknown) => {
          if (isAbort(error)) throw error;
          return [] as Principal[];
        }),
      ]),
    ([connectors, connections, principals]) => {
      this.connectors = connectors;
      this.connections = connections;
      this.principals = new Map(principals.map((p) => [p.id, p]));
      this.loadError = null;
    },
  );
  @state() private configVersion = 0;
  /** The connection whose settings are open (its Mappings button), or null for the lists. */
  @state() private managing: string | null = null;
  /** The settings' code could not be loaded (a dropped connection): Retry opens them again. */
  @state() private partError: { problem: ErpProblem; retry: () => void } | null = null;

  private effectiveBackend: ErpAdminBackend = resolveAdminBackend(undefined, undefined);
  private unsubscribeConfig?: () => void;

  constructor() {
    super();
    new LocaleController(this, 'admin');
  }

  /** Loads the connectors and connections again. */
  reload(): Promise<void> {
    return this.load();
  }

  /** Opens Define new ERP connection (as the Add button of the ERP connections list does). */
  async addConnection(): Promise<void> {
    await this.updateComplete;
    await this.renderRoot.querySelector<ErpConnectionList>('erp-connection-list')?.add();
  }

  /** Opens the settings of one connection (as its Mappings button does), loading their code on first use. */
  async manage(connectionId: string): Promise<void> {
    this.partError = null;
    try {
      await loadAdminPart('settings');
    } catch (error) {
      this.partError = { problem: toProblem(error), retry: () => void this.manage(connectionId) };
      this.dispatchEvent(new ErpErrorEvent('loadElement', this.partError.problem.toJSON()));
      return;
    }
    this.managing = connectionId;
    await this.updateComplete;
    this.renderRoot.querySelector<ErpConnectionAdmin>('erp-connection-admin')?.focusHeading();
  }

  private async closeManaging(): Promise<void> {
    const id = this.managing;
    this.managing = null;
    await this.updateComplete;
    const list = this.renderRoot.querySelector<ErpConnectionList>('erp-connection-list');
    await list?.updateComplete;
    const name = this.connections?.find((c) => c.id === id)?.name ?? '';
    const button = Array.from(list?.shadowRoot?.querySelectorAll<HTMLButtonElement>('button') ?? []).find(
      (b) => b.getAttribute('aria-label') === `${adminTerms().mappings} ${name}`,
    );
    button?.focus();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.unsubscribeConfig = onConfigChange(() => {
      if (!this.backend && !this.backendUrl) this.configVersion++;
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribeConfig?.();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const keys = changed as Map<PropertyKey, unknown>;
    if (keys.has('backend') || keys.has('backendUrl') || keys.has('configVersion') || !this.hasUpdated) {
      this.effectiveBackend = resolveAdminBackend(this.backend, this.backendUrl);
      void this.load();
    }
  }

  private async load(): Promise<void> {
    await this.loader.run(this.effectiveBackend);
    if (this.loader.problem) {
      this.loadError = this.loader.problem;
      this.dispatchEvent(new ErpErrorEvent('listConnections', this.loadError.toJSON()));
    }
  }

  protected override render() {
    const t = adminTerms();
    const backend = this.effectiveBackend;
    return html`<div part="screen" class="screen" aria-busy=${this.loader.pending ? 'true' : 'false'}>
      ${this.noHeading ? nothing : html`<h1>${t.sync}</h1>`}
      ${this.loadError
        ? html`<div part="load-error" role="alert">
            <p class="error">
              <strong>${msg('The sync settings could not be loaded.', { id: 'admin.loadFailed' })}</strong>
              ${adminProblemMessage(this.loadError)}
            </p>
            <button type="button" @click=${() => this.load()}>${msg('Retry', { id: 'action.retry' })}</button>
          </div>`
        : nothing}
      ${this.partError
        ? html`<div part="load-error" role="alert">
            <p class="error">${adminProblemMessage(this.partError.problem)}</p>
            <button type="button" @click=${this.partError.retry}>${msg('Retry', { id: 'action.retry' })}</button>
          </div>`
        : nothing}
      ${this.connectors === null && !this.loadError
        ? html`<p role="status" class="muted">${msg('Loading the sync settings…', { id: 'admin.loading' })}</p>`
        : nothing}
      ${this.connectors && this.connections && this.managing
        ? html`<erp-connection-admin
            .backend=${backend}
            .connection=${this.connections.find((c) => c.id === this.managing)}
            @erp-internal-connection-admin-close=${() => this.closeManaging()}
            @erp-internal-admin-changed=${() => this.load()}
          ></erp-connection-admin>`
        : nothing}
      ${this.connectors && this.connections && !this.managing
        ? html`<erp-connector-list
              .backend=${backend}
              .connectors=${this.connectors}
              @erp-internal-admin-changed=${() => this.load()}
            ></erp-connector-list>
            <erp-connection-list
              .backend=${backend}
              .connections=${this.connections}
              .connectors=${this.connectors}
              .principals=${this.principals}
              @erp-internal-admin-changed=${() => this.load()}
              @erp-internal-manage-connection=${(e: ManageConnectionEvent) => this.manage(e.connection.id)}
            ></erp-connection-list>
            <erp-priority-editor
              .backend=${backend}
              .connections=${this.connections}
              @erp-internal-admin-changed=${() => this.load()}
            ></erp-priority-editor>
            <erp-import-wizard
              .backend=${backend}
              .connections=${this.connections}
              @erp-internal-admin-changed=${() => this.load()}
            ></erp-import-wizard>`
        : nothing}
    </div>`;
  }
}
