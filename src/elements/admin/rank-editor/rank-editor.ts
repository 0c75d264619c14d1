import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import type { ErpAdminBackend } from '../../../backend/erp-backend.js';
import type { ActorTypeMapping } from '../../../model/types.js';
import { LocaleController } from '../../../i18n/locale-controller.js';
import { baseStyles } from '../../shared/base-styles.js';
import { MappingSavedEvent } from '../admin-events.js';
import { adminStyles } from '../admin-styles.js';
import { adminTerms } from '../admin-terms.js';
import type { OrderItem } from '../order-list/order-list.js';
import { renderOrderEditor } from '../order-editor-view.js';
import { OrderSaveController, type StoredOrder } from '../order-save-controller.js';

/**
 * **Rank Fields**: the order of the "Show in ERP tab" fields of one actor type in the end user's
 * ERP tab (buttons and keyboard via `<erp-order-list>`); **Save** stores it with the mapping's
 * version. A failed save keeps the new order; after a 409 (another admin saved first) **Reload** takes
 * the current version and keeps the new order.
 *
 * @event erp-internal-mapping-saved - The rank was saved (the mapping with its fields reordered).
 */
@localized()
export class ErpRankEditor extends LitElement {
  static override styles = [baseStyles, adminStyles];

  @property({ attribute: false }) backend?: ErpAdminBackend;
  @property({ attribute: false }) connectionId = '';
  @property({ attribute: false }) mapping?: ActorTypeMapping;

  private readonly orders = new OrderSaveController(this, {
    save: (order, version, idempotencyKey) =>
      this.backend!.saveRank(this.connectionId, this.mapping!.actorType, order, version, { idempotencyKey }),
    load: () => this.backend!.getActorTypeMapping(this.connectionId, this.mapping!.actorType),
    stored: (mapping) => ErpRankEditor.stored(mapping),
    savedMessage: () =>
      msg('The new order is saved. The ERP tab shows the fields in this order.', { id: 'admin.rank.saved' }),
    keyParts: () => [this.connectionId, this.mapping!.actorType],
    onSaved: (saved) => this.dispatchEvent(new MappingSavedEvent(saved)),
  });

  constructor() {
    super();
    new LocaleController(this, 'admin', 'settings');
  }

  /** The "Show in ERP tab" fields in their order, and the version they are saved against. */
  private static stored(m: ActorTypeMapping): StoredOrder {
    return { ids: m.fields.filter((f) => f.showInTab).map((f) => f.erpField.key), version: m.version };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Keeps an unsaved order when only other settings changed.
    if (changed.has('mapping') && this.mapping) this.orders.take(ErpRankEditor.stored(this.mapping));
  }

  protected override render() {
    const t = adminTerms();
    const m = this.mapping;
    if (!m) return nothing;
    const label = new Map(m.fields.map((f) => [f.erpField.key, f.erpField.label]));
    const items: OrderItem[] = this.orders.order.map((id) => ({ id, label: label.get(id) ?? id }));
    return html`<section aria-labelledby="rank-heading">
      <h3 id="rank-heading">${t.rank}</h3>
      ${renderOrderEditor({
        items,
        label: t.rank,
        empty: msg('No field is marked "Show in ERP tab" yet.', { id: 'admin.rank.none' }),
        minItems: 1,
        ...this.orders.view(),
      })}
    </section>`;
  }
}
