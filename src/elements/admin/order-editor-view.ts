import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { ErpProblem } from '../../backend/problem.js';
import { adminProblemMessage, adminTerms } from './admin-terms.js';
import { reloadButton } from './conflict.js';
import type { OrderChangeEvent, OrderItem } from './order-list/order-list.js';

export interface OrderEditorView {
  items: OrderItem[];
  label: string;
  /** Shown instead of the list when there are fewer than `minItems` items. */
  empty: string;
  minItems: number;
  /** The order differs from the stored one: Save is enabled only then. */
  changed: boolean;
  saving: boolean;
  message: string;
  error: ErpProblem | null;
  /** Reload after a version conflict (keeps the order). */
  reloading: boolean;
  onReload: () => void;
  onOrder: (order: string[]) => void;
  onSave: () => void;
}

/** The reorderable list with Save, status and error: shared by Rank Fields and Set Sync Priority. */
export function renderOrderEditor(v: OrderEditorView): TemplateResult {
  return html`${v.items.length >= v.minItems
      ? html`<erp-order-list
            .items=${v.items}
            label=${v.label}
            @erp-internal-order-change=${(e: OrderChangeEvent) => {
              e.stopPropagation();
              v.onOrder(e.order);
            }}
          ></erp-order-list>
          <div class="actions">
            <button
              type="button"
              class="primary"
              aria-disabled=${v.changed && !v.saving ? 'false' : 'true'}
              aria-busy=${v.saving ? 'true' : 'false'}
              @click=${v.onSave}
            >
              ${adminTerms().save}
            </button>
          </div>`
      : html`<p class="muted">${v.empty}</p>`}
    <p role="status" class="muted">${v.message}</p>
    <div role="alert" class="error">
      ${v.error
        ? html`${msg('Not saved. The new order is kept.', { id: 'admin.rank.notSaved' })} ${adminProblemMessage(v.error)}
          ${reloadButton(v.error, v.reloading, v.onReload)}`
        : nothing}
    </div>`;
}
