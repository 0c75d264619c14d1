import { LitElement, html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import type { ErpAdminBackend } from '../../../backend/erp-backend.js';
import type { ErpConnection } from '../../../model/types.js';
import { LocaleController } from '../../../i18n/locale-controller.js';
import { baseStyles } from '../../shared/base-styles.js';
import { AdminChangedEvent } from '../admin-events.js';
import { adminStyles } from '../admin-styles.js';
import { adminTerms } from '../admin-terms.js';
import type { OrderItem } from '../order-list/order-list.js';
import { renderOrderEditor } from '../order-editor-view.js';
import { OrderSaveController, type StoredOrder } from '../order-save-controller.js';

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

  private readonly orders = new OrderSaveController(this, {
    save: (order, version, idempotencyKey) => this.backend!.saveSyncPriority(order, version, { idempotencyKey }),
    load: () => this.backend!.listConnections(),
    stored: (connections) => ErpPriorityEditor.stored(connections),
    // The names of connections added meanwhile; the admin's order stays (see willUpdate).
    onReloaded: (connections) => (this.connections = connections),
    savedMessage: () => msg('The sync priority is saved.', { id: 'admin.prio.saved' }),
    keyParts: () => [],
    onSaved: () => this.dispatchEvent(new AdminChangedEvent()),
  });

  constructor() {
    super();
    new LocaleController(this, 'admin');
  }

  private static stored(connections: ErpConnection[]): StoredOrder {
    return {
      ids: connections
        .filter((c) => c.active)
        .sort((a, b) => a.priority - b.priority)
        .map((c) => c.id),
      version: connections[0]?.priorityVersion ?? '',
    };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('connections')) this.orders.take(ErpPriorityEditor.stored(this.connections));
  }

  protected override render() {
    const t = adminTerms();
    const byId = new Map(this.connections.map((c) => [c.id, c.name]));
    const items: OrderItem[] = this.orders.order.map((id) => ({ id, label: byId.get(id) ?? id }));
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
        ...this.orders.view(),
      })}
    </section>`;
  }
}
