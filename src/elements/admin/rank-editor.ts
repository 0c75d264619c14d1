import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import type { ErpAdminBackend } from '../../backend/erp-backend.js';
import { isAbort, toProblem, type ErpProblem } from '../../backend/problem.js';
import type { ActorTypeMapping } from '../../model/types.js';
import { LocaleController } from '../../i18n/locale-controller.js';
import { baseStyles } from '../shared/base-styles.js';
import { IdempotencyKeys } from '../shared/idempotency.js';
import { MappingSavedEvent } from './admin-events.js';
import { adminStyles } from './admin-styles.js';
import { adminTerms } from './admin-terms.js';
import { keepOrder, reloadedKeptMessage } from './conflict.js';
import type { OrderItem } from './order-list.js';
import { renderOrderEditor } from './order-editor-view.js';

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

  @state() private order: string[] = [];
  @state() private saving = false;
  @state() private error: ErpProblem | null = null;
  @state() private message = '';
  @state() private reloading = false;
  private savedOrder = '';
  /** The version the order is saved against (the mapping's, or a newer one after Reload). */
  private version = '';
  private readonly keys = new IdempotencyKeys();

  constructor() {
    super();
    new LocaleController(this, 'admin');
  }

  private tabFields(m: ActorTypeMapping): string[] {
    return m.fields.filter((f) => f.showInTab).map((f) => f.erpField.key);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('mapping') && this.mapping) {
      const fresh = this.tabFields(this.mapping);
      // Keep an unsaved order when only other settings changed.
      const unsaved = this.order.join() !== this.savedOrder;
      this.savedOrder = fresh.join();
      this.version = this.mapping.version;
      this.order = unsaved ? keepOrder(this.order, fresh) : fresh;
    }
  }

  private async save(): Promise<void> {
    if (this.saving || !this.mapping) return;
    this.saving = true;
    this.error = null;
    this.message = '';
    const order = this.order.slice();
    const { actorType } = this.mapping;
    try {
      const idempotencyKey = this.keys.for([this.connectionId, actorType, order, this.version]);
      const saved = await this.backend!.saveRank(this.connectionId, actorType, order, this.version, { idempotencyKey });
      this.keys.done();
      this.version = saved.version;
      this.savedOrder = order.join();
      this.message = msg('The new order is saved. The ERP tab shows the fields in this order.', { id: 'admin.rank.saved' });
      this.dispatchEvent(new MappingSavedEvent(saved));
    } catch (error) {
      if (!isAbort(error)) this.error = toProblem(error);
    } finally {
      this.saving = false;
    }
  }

  /** After a 409: takes the current version (and fields), keeping the admin's order. */
  private async reload(): Promise<void> {
    if (!this.mapping || this.reloading) return;
    this.reloading = true;
    try {
      const fresh = await this.backend!.getActorTypeMapping(this.connectionId, this.mapping.actorType);
      this.version = fresh.version;
      this.order = keepOrder(this.order, this.tabFields(fresh));
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
    const m = this.mapping;
    if (!m) return nothing;
    const label = new Map(m.fields.map((f) => [f.erpField.key, f.erpField.label]));
    const items: OrderItem[] = this.order.map((id) => ({ id, label: label.get(id) ?? id }));
    return html`<section aria-labelledby="rank-heading">
      <h3 id="rank-heading">${t.rank}</h3>
      ${renderOrderEditor({
        items,
        label: t.rank,
        empty: msg('No field is marked "Show in ERP tab" yet.', { id: 'admin.rank.none' }),
        minItems: 1,
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
