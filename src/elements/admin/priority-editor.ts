import { LitElement, html, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import type { ErpAdminBackend } from '../../backend/erp-backend.js';
import { isAbort, toProblem, type ErpProblem } from '../../backend/problem.js';
import type { ErpConnection } from '../../model/types.js';
import { LocaleController } from '../../i18n/locale-controller.js';
import { baseStyles } from '../shared/base-styles.js';
import { IdempotencyKeys } from '../shared/idempotency.js';
import { AdminChangedEvent } from './admin-events.js';
import { adminStyles } from './admin-styles.js';
import { adminTerms } from './admin-terms.js';
import { keepOrder, reloadedKeptMessage } from './conflict.js';
import type { OrderItem } from './order-list.js';
import { renderOrderEditor } from './order-editor-view.js';

/**
 * **Set Sync Priority**: the order of the active ERP connections (which one leads when several
 * sync the same CRM record). **Save** stores it with the order's version (`priorityVersion`); a failed
 * save keeps the new order, and after a 409 (another admin saved first) **Reload** takes the current
 * version and keeps the new order. New connection lists (after other changes) keep an unsaved order.
 *
 * @csspart section - The section.
 */
@localized()
export class ErpPriorityEditor extends LitElement {
  static override styles = [baseStyles, adminStyles];

  @property({ attribute: false }) backend?: ErpAdminBackend;
  @property({ attribute: false }) connections: ErpConnection[] = [];

  @state() private order: string[] = [];
  @state() private saving = false;
  @state() private error: ErpProblem | null = null;
  @state() private message = '';
  @state() private reloading = false;
  private savedOrder = '';
  private version = '';
  private readonly keys = new IdempotencyKeys();

  constructor() {
    super();
    new LocaleController(this, 'admin');
  }

  private static activeIds(connections: ErpConnection[]): string[] {
    return connections
      .filter((c) => c.active)
      .sort((a, b) => a.priority - b.priority)
      .map((c) => c.id);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('connections')) {
      const fresh = ErpPriorityEditor.activeIds(this.connections);
      const unsaved = this.order.join() !== this.savedOrder;
      this.savedOrder = fresh.join();
      this.version = this.connections[0]?.priorityVersion ?? '';
      this.order = unsaved ? keepOrder(this.order, fresh) : fresh;
    }
  }

  private async save(): Promise<void> {
    if (this.saving) return;
    this.saving = true;
    this.error = null;
    this.message = '';
    const order = this.order.slice();
    try {
      const idempotencyKey = this.keys.for([order, this.version]);
      const saved = await this.backend!.saveSyncPriority(order, this.version, { idempotencyKey });
      this.keys.done();
      // The next save (before the screen reloads the connections) goes against the new version.
      this.version = saved.version;
      this.savedOrder = order.join();
      this.message = msg('The sync priority is saved.', { id: 'admin.prio.saved' });
      this.dispatchEvent(new AdminChangedEvent());
    } catch (error) {
      if (!isAbort(error)) this.error = toProblem(error);
    } finally {
      this.saving = false;
    }
  }

  /** After a 409: takes the current connections and version, keeping the admin's order. */
  private async reload(): Promise<void> {
    if (this.reloading) return;
    this.reloading = true;
    try {
      const fresh = await this.backend!.listConnections();
      this.version = fresh[0]?.priorityVersion ?? '';
      const order = keepOrder(this.order, ErpPriorityEditor.activeIds(fresh));
      this.savedOrder = ErpPriorityEditor.activeIds(fresh).join();
      this.connections = fresh;
      this.order = order;
      this.error = null;
      this.message = reloadedKeptMessage();
    } catch (error) {
      if (!isAbort(error)) this.error = toProblem(error);
    } finally {
      this.reloading = false;
    }
  }

  protected override render() {
    const t = adminTerms();
    const byId = new Map(this.connections.map((c) => [c.id, c.name]));
    const items: OrderItem[] = this.order.map((id) => ({ id, label: byId.get(id) ?? id }));
    return html`<section part="section" aria-labelledby="prio-heading">
      <h2 id="prio-heading">${t.priority}</h2>
      <p class="muted">
        ${msg('When several active connections synchronize the same CRM record, the first one leads.', { id: 'admin.prio.help' })}
      </p>
      ${renderOrderEditor({
        items,
        label: t.priority,
        empty: msg('Fewer than two connections are active.', { id: 'admin.prio.fewer' }),
        minItems: 2,
        saving: this.saving,
        message: this.message,
        error: this.error,
        reloading: this.reloading,
        onReload: () => void this.reload(),
        onOrder: (order) => {
          this.order = order;
          this.message = '';
        },
        onSave: () => this.save(),
      })}
    </section>`;
  }
}
