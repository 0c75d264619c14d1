import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { ErpBackend } from '../../backend/erp-backend.js';
import { ErpProblem, isAbort, toProblem } from '../../backend/problem.js';
import type { ConnectionState, EntityRef, SyncResult } from '../../model/types.js';
import { formatDateTime, formatFieldValue, formatRelativeTime } from '../../model/format.js';
import { ErpErrorEvent } from '../../events/erp-error.js';
import { ErpSyncEvent } from '../../events/erp-sync.js';
import { getLocale } from '../../i18n/localization.js';
import { actorTypeLabel, connectionNotLinkedText, formatWords } from '../../i18n/terms.js';
import { problemMessage } from '../../i18n/problem-message.js';
import { baseStyles } from '../shared/base-styles.js';
import { ConnectionUpdateEvent } from '../shared/events-internal.js';
import { connectionStyles } from './erp-tab-connection.styles.js';

/**
 * One ERP connection's section inside `<erp-tab>` (internal: hosts use `<erp-tab>`).
 * Owns the section's own interaction state: edit mode, Sync now in flight, the last message.
 *
 * @csspart connection - The section.
 * @csspart connection-title - The heading with the connection's name.
 * @csspart fields - The list of ERP values.
 * @csspart actions - The row of buttons.
 * @csspart error - An error message with its Retry button.
 */
@localized()
export class ErpTabConnection extends LitElement {
  static override styles = [baseStyles, connectionStyles];

  @property({ attribute: false }) connection!: ConnectionState;
  @property({ attribute: false }) entity!: EntityRef;
  @property({ attribute: false }) backend!: ErpBackend;
  @property({ attribute: false }) now = Date.now();

  @state() private editing = false;
  @state() private syncing = false;
  @state() private statusText = '';
  @state() private error: ErpProblem | null = null;

  private syncAbort?: AbortController;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.syncAbort?.abort();
  }

  private async syncNow(): Promise<void> {
    if (this.syncing) return; // a double click sends one request
    this.syncing = true;
    this.error = null;
    this.statusText = msg('Synchronizing…', { id: 'tab.syncing' });
    this.syncAbort = new AbortController();
    try {
      const result: SyncResult = await this.backend.syncNow(
        { type: this.entity.type, id: this.entity.id },
        this.connection.id,
        { signal: this.syncAbort.signal },
      );
      this.dispatchEvent(new ConnectionUpdateEvent(result.connection));
      if (result.status === 'synced') {
        this.statusText = msg('Synchronized.', { id: 'tab.synced' });
        this.dispatchEvent(new ErpSyncEvent(this.connection.id, result.connection.link?.lastSynced ?? null));
      } else {
        this.statusText = msg('Some values changed on both sides since the last synchronization.', {
          id: 'tab.syncConflict',
        });
      }
    } catch (error) {
      if (isAbort(error)) return;
      this.statusText = '';
      this.error = toProblem(error);
      this.dispatchEvent(new ErpErrorEvent('syncNow', this.error.toJSON()));
    } finally {
      this.syncing = false;
    }
  }

  private startEditing(): void {
    this.editing = true;
    this.statusText = '';
    this.error = null;
  }

  private cancelEditing(): void {
    this.editing = false;
  }

  protected override render() {
    const c = this.connection;
    const titleId = `title-${c.id}`;
    return html`
      <section part="connection" class="connection" aria-labelledby=${titleId}>
        <header>
          <h3 id=${titleId} part="connection-title">${c.name}</h3>
          ${c.link
            ? html`<span class="badge linked">${msg('Connected', { id: 'tab.badgeLinked' })}</span>`
            : html`<span class="badge">${msg('Not connected', { id: 'tab.badgeNotLinked' })}</span>`}
        </header>
        ${c.link ? this.renderLinked() : this.renderNotLinked()}
        <p class="status" role="status">${this.statusText}</p>
        ${this.error ? this.renderError(this.error) : nothing}
        <div class="actions" part="actions">${this.editing ? this.renderEditActions() : this.renderActions()}</div>
      </section>
    `;
  }

  private renderLinked() {
    const link = this.connection.link!;
    const locale = getLocale();
    const words = formatWords();
    return html`
      <dl part="fields" class="fields">
        <div>
          <dt>${msg('ERP actor', { id: 'tab.actorType' })}</dt>
          <dd>${actorTypeLabel(link.actorType)}</dd>
        </div>
        <div>
          <dt>${msg('ERP number', { id: 'tab.erpKey' })}</dt>
          <dd>${link.erpKey}</dd>
        </div>
        <div>
          <dt>${msg('Name', { id: 'tab.displayName' })}</dt>
          <dd>${link.displayName}</dd>
        </div>
        ${this.connection.fields.map(
          (f) => html`<div>
            <dt>${f.field.label}</dt>
            <dd>${formatFieldValue(f.field, f.value, f.displayValue, locale, words)}</dd>
          </div>`,
        )}
        <div>
          <dt>${msg('Last synchronized', { id: 'tab.lastSynced' })}</dt>
          <dd>
            ${link.lastSynced
              ? html`<time datetime=${link.lastSynced} title=${formatDateTime(link.lastSynced, locale)}
                  >${formatRelativeTime(link.lastSynced, this.now, locale)}</time
                >`
              : msg('Never', { id: 'tab.neverSynced' })}
          </dd>
        </div>
      </dl>
      ${link.status === 'error' && link.lastError && !this.error
        ? html`<p class="warning">
            ${msg(str`The last synchronization failed: ${problemMessage(link.lastError)}`, {
              id: 'tab.lastSyncFailed',
            })}
          </p>`
        : nothing}
    `;
  }

  private renderNotLinked() {
    return html`<div class="empty" part="empty">
      <p>${connectionNotLinkedText(this.connection.name)}</p>
      <p class="muted">
        ${msg('To connect it, choose Edit, then the type of ERP actor, and pick the matching ERP record.', {
          id: 'tab.howToConnect',
        })}
      </p>
    </div>`;
  }

  private renderError(error: ErpProblem) {
    return html`<div class="error-box" part="error" role="alert">
      <p>${problemMessage(error)}</p>
      <button type="button" @click=${this.syncNow}>${msg('Retry', { id: 'action.retry' })}</button>
    </div>`;
  }

  private renderActions() {
    return html`
      <button type="button" @click=${this.startEditing}>${msg('Edit', { id: 'action.edit' })}</button>
      ${this.connection.link
        ? html`<button
            type="button"
            aria-disabled=${this.syncing ? 'true' : 'false'}
            aria-busy=${this.syncing ? 'true' : 'false'}
            @click=${this.syncNow}
          >
            ${msg('Sync now', { id: 'action.syncNow' })}
          </button>`
        : nothing}
    `;
  }

  private renderEditActions() {
    return html`
      <p class="muted edit-hint">
        ${msg('Edit mode: changes are kept here until you save.', { id: 'tab.editHint' })}
      </p>
      <button type="button" class="primary" disabled>${msg('Save', { id: 'action.save' })}</button>
      <button type="button" @click=${this.cancelEditing}>${msg('Cancel', { id: 'action.cancel' })}</button>
    `;
  }
}
