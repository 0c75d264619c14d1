import { LitElement, html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { localized, msg, str } from '@lit/localize';
import type { ErpAdminBackend } from '../../../backend/erp-backend.js';
import { isAbort, toProblem } from '../../../backend/problem.js';
import type { ErpConnection, Principal, SyncConnector } from '../../../model/types.js';
import { LocaleController } from '../../../i18n/locale-controller.js';
import { getLocale } from '../../../i18n/localization.js';
import { baseStyles } from '../../shared/base-styles.js';
import { IdempotencyKeys } from '../../shared/idempotency.js';
import { AdminChangedEvent, ManageConnectionEvent } from '../admin-events.js';
import { loadAdminPart } from '../lazy-admin.js';
import { adminStyles } from '../admin-styles.js';
import { adminProblemMessage, adminTerms, nameList } from '../admin-terms.js';
import type { ErpConnectionDialog } from '../connection-dialog/connection-dialog.js';

/**
 * The **ERP connections** list: name, sync connector, scope summary and the **Active** switch, with
 * **Add** (Define new ERP connection) and Configure (Configure ERP connection) per connection, and
 * **Mappings** (the per-connection settings; fires `erp-internal-manage-connection`).
 *
 * @csspart section - The list's section.
 */
@localized()
export class ErpConnectionList extends LitElement {
  static override styles = [baseStyles, adminStyles];

  @property({ attribute: false }) backend?: ErpAdminBackend;
  @property({ attribute: false }) connections: ErpConnection[] = [];
  @property({ attribute: false }) connectors: SyncConnector[] = [];
  @property({ attribute: false }) principals: Map<string, Principal> = new Map();

  @state() private busy = new Set<string>();
  @state() private message = '';
  @state() private error = '';
  /** Optimistic Active values while a request is in flight. */
  @state() private pendingActive = new Map<string, boolean>();

  @query('erp-connection-dialog') private dialog!: ErpConnectionDialog;

  private readonly activeKeys = new IdempotencyKeys();

  constructor() {
    super();
    new LocaleController(this, 'admin');
  }

  /** Opens Define new ERP connection. */
  async add(): Promise<void> {
    if (await this.dialogLoaded()) await this.dialog.openNew();
  }

  /** Opens Configure ERP connection for one connection. */
  async configure(id: string): Promise<void> {
    if (!(await this.dialogLoaded())) return;
    const known = this.connections.find((c) => c.id === id);
    try {
      const fresh = await this.backend!.getConnection(id);
      await this.dialog.openEdit(fresh);
    } catch (error) {
      if (isAbort(error)) return;
      if (known) await this.dialog.openEdit(known);
      else this.error = adminProblemMessage(toProblem(error));
    }
  }

  /** Loads the connection dialog on first use; a failure (a dropped connection) says so, and the button tries again. */
  private async dialogLoaded(): Promise<boolean> {
    this.message = this.error = '';
    try {
      await loadAdminPart('connection-dialog');
      await this.updateComplete;
      return true;
    } catch (error) {
      this.error = adminProblemMessage(toProblem(error));
      return false;
    }
  }

  private async setActive(connection: ErpConnection, active: boolean, input: HTMLInputElement): Promise<void> {
    if (this.busy.has(connection.id)) {
      input.checked = !active;
      return;
    }
    this.message = this.error = '';
    this.busy = new Set([...this.busy, connection.id]);
    this.pendingActive = new Map([...this.pendingActive, [connection.id, active]]);
    const name = connection.name;
    try {
      const updated = await this.backend!.setConnectionActive(connection.id, active, {
        idempotencyKey: this.activeKeys.for([connection.id, active]),
      });
      this.activeKeys.done();
      this.message = updated.active
        ? msg(str`${name} is active.`, { id: 'admin.conn.nowActive' })
        : msg(str`${name} is not active.`, { id: 'admin.conn.nowInactive' });
      this.dispatchEvent(new AdminChangedEvent(updated));
    } catch (error) {
      if (isAbort(error)) return;
      const problem = toProblem(error);
      input.checked = connection.active;
      this.error = active
        ? msg(str`${name} could not be activated.`, { id: 'admin.conn.activateFailed' }) + ' ' + adminProblemMessage(problem)
        : adminProblemMessage(problem);
    } finally {
      const busy = new Set(this.busy);
      busy.delete(connection.id);
      this.busy = busy;
      const pending = new Map(this.pendingActive);
      pending.delete(connection.id);
      this.pendingActive = pending;
    }
  }

  private scopeSummary(c: ErpConnection): string {
    if (c.scope.kind === 'everyone') return adminTerms().everyone;
    return nameList(
      c.scope.principals.map((id) => this.principals.get(id)?.name ?? id),
      getLocale(),
    );
  }

  protected override render() {
    const t = adminTerms();
    const connectorName = (id: string) => this.connectors.find((c) => c.id === id)?.name ?? id;
    return html`<section part="section" aria-labelledby="connections-heading">
        <div class="head">
          <h2 id="connections-heading">${t.connections}</h2>
          <button type="button" class="primary" ?disabled=${!this.connectors.length} @click=${this.add}>${t.add}</button>
        </div>
        <p role="status" class="muted">${this.message}</p>
        <div role="alert" class="error">${this.error}</div>
        <div class="table-wrap">
          <table aria-labelledby="connections-heading">
            <thead>
              <tr>
                <th scope="col">${msg('Name', { id: 'admin.col.name' })}</th>
                <th scope="col">${msg('Sync connector', { id: 'admin.col.connector' })}</th>
                <th scope="col">${t.scope}</th>
                <th scope="col">${t.active}</th>
                <th scope="col"><span class="visually-hidden">${msg('Actions', { id: 'admin.col.actions' })}</span></th>
              </tr>
            </thead>
            <tbody>
              ${repeat(
                this.connections,
                (c) => c.id,
                (c) => {
                  const active = this.pendingActive.get(c.id) ?? c.active;
                  return html`<tr>
                    <th scope="row" role="rowheader">
                      ${c.name}
                      ${c.description ? html`<div class="muted">${c.description}</div>` : nothing}
                    </th>
                    <td>${connectorName(c.connectorId)}</td>
                    <td>${this.scopeSummary(c)}</td>
                    <td>
                      <input
                        type="checkbox"
                        role="switch"
                        aria-label=${`${t.active} ${c.name}`}
                        aria-busy=${this.busy.has(c.id) ? 'true' : 'false'}
                        .checked=${active}
                        @change=${(e: Event) => {
                          const input = e.target as HTMLInputElement;
                          void this.setActive(c, input.checked, input);
                        }}
                      />
                    </td>
                    <td class="buttons">
                      <button
                        type="button"
                        aria-label=${msg(str`Configure ${c.name}`, { id: 'admin.conn.configureNamed' })}
                        @click=${() => this.configure(c.id)}
                      >
                        ${msg('Configure', { id: 'admin.conn.configure' })}
                      </button>
                      <button
                        type="button"
                        aria-label=${`${t.mappings} ${c.name}`}
                        @click=${() => this.dispatchEvent(new ManageConnectionEvent(c))}
                      >
                        ${t.mappings}
                      </button>
                    </td>
                  </tr>`;
                },
              )}
            </tbody>
          </table>
        </div>
      </section>
      <erp-connection-dialog
        .backend=${this.backend}
        .connectors=${this.connectors}
        .principals=${this.principals}
        @erp-internal-admin-changed=${(e: AdminChangedEvent) => {
          const name = e.connection?.name ?? '';
          if (e.connection && !this.dialog.open) this.message = msg(str`Saved ${name}.`, { id: 'admin.connector.saved' });
        }}
      ></erp-connection-dialog>`;
  }
}
