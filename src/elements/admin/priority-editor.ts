import { LitElement, html, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import type { ErpAdminBackend } from '../../backend/erp-backend.js';
import { isAbort, toProblem, type ErpProblem } from '../../backend/problem.js';
import type { ErpConnection } from '../../model/types.js';
import { LocaleController } from '../../i18n/locale-controller.js';
import { baseStyles } from '../shared/base-styles.js';
import { AdminChangedEvent } from './admin-events.js';
import { adminStyles } from './admin-styles.js';
import { adminTerms } from './admin-terms.js';
import type { OrderItem } from './order-list.js';
import { renderOrderEditor } from './order-editor-view.js';

/**
 * **Set Sync Priority**: the order of the active ERP connections (which one leads when several
 * sync the same CRM record). **Save** stores it; a failed save keeps the new order.
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

  constructor() {
    super();
    new LocaleController(this);
  }

  private get active(): ErpConnection[] {
    return this.connections.filter((c) => c.active).sort((a, b) => a.priority - b.priority);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('connections')) this.order = this.active.map((c) => c.id);
  }

  private async save(): Promise<void> {
    if (this.saving) return;
    this.saving = true;
    this.error = null;
    this.message = '';
    try {
      await this.backend!.saveSyncPriority(this.order.slice());
      this.message = msg('The sync priority is saved.', { id: 'admin.prio.saved' });
      this.dispatchEvent(new AdminChangedEvent());
    } catch (error) {
      if (!isAbort(error)) this.error = toProblem(error);
    } finally {
      this.saving = false;
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
        onOrder: (order) => {
          this.order = order;
          this.message = '';
        },
        onSave: () => this.save(),
      })}
    </section>`;
  }
}
