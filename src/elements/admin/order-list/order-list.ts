import { LitElement, html } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { localized, msg, str } from '@lit/localize';
import { LocaleController } from '../../../i18n/locale-controller.js';
import { baseStyles } from '../../shared/base-styles.js';
import { adminStyles } from '../admin-styles.js';
import { orderListStyles } from './order-list.styles.js';

export interface OrderItem {
  id: string;
  label: string;
}

/** Internal: the order of an `<erp-order-list>` changed. */
export class OrderChangeEvent extends Event {
  static readonly eventName = 'erp-internal-order-change';
  constructor(readonly order: string[]) {
    super(OrderChangeEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'erp-internal-order-change': OrderChangeEvent;
  }
}

/**
 * A list the admin reorders: **Move up** / **Move down** buttons per item, and on a focused item
 * Alt+Arrow Up / Alt+Arrow Down (focus follows the item). Position changes are announced.
 *
 * @csspart list - The ordered list.
 */
@localized()
export class ErpOrderList extends LitElement {
  static override styles = [
    baseStyles,
    adminStyles,
    orderListStyles,
  ];

  @property({ attribute: false }) items: OrderItem[] = [];
  /** The accessible name of the list. */
  @property() label = '';

  @state() private announcement = '';

  constructor() {
    super();
    new LocaleController(this, 'admin');
  }

  private async move(index: number, delta: number, focus: 'item' | 'up' | 'down'): Promise<void> {
    const to = index + delta;
    if (to < 0 || to >= this.items.length) return;
    const items = this.items.slice();
    const [moved] = items.splice(index, 1);
    items.splice(to, 0, moved!);
    this.items = items;
    const label = moved!.label;
    const position = to + 1;
    const total = items.length;
    this.announcement = msg(str`${label} moved to position ${position} of ${total}.`, { id: 'admin.order.moved' });
    this.dispatchEvent(new OrderChangeEvent(items.map((i) => i.id)));
    await this.updateComplete;
    const li = this.renderRoot.querySelector<HTMLElement>(`li[data-id="${CSS.escape(moved!.id)}"]`);
    if (!li) return;
    if (focus === 'item') li.focus();
    else {
      const button = li.querySelector<HTMLButtonElement>(`button[data-dir="${focus}"]`);
      // At the end of the list the pressed button is disabled: focus the other one.
      (button && !button.disabled ? button : li.querySelector<HTMLButtonElement>('button:not([disabled])') ?? li).focus();
    }
  }

  private onKey(event: KeyboardEvent, index: number): void {
    if (event.target !== event.currentTarget || !event.altKey) return;
    if (event.key === 'ArrowUp') {
      event.preventDefault();
      void this.move(index, -1, 'item');
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      void this.move(index, 1, 'item');
    }
  }

  protected override render() {
    const total = this.items.length;
    return html`<p class="muted" id="order-help">
        ${msg('Use the buttons, or focus an item and press Alt+Arrow Up or Alt+Arrow Down.', { id: 'admin.order.help' })}
      </p>
      <ol part="list" aria-label=${this.label} aria-describedby="order-help">
        ${repeat(
          this.items,
          (i) => i.id,
          (item, index) => {
            const label = item.label;
            return html`<li
              data-id=${item.id}
              tabindex="0"
              aria-label=${msg(str`${label}, position ${index + 1} of ${total}`, { id: 'admin.order.item' })}
              @keydown=${(e: KeyboardEvent) => this.onKey(e, index)}
            >
              <span class="pos" aria-hidden="true">${index + 1}.</span>
              <span class="label" aria-hidden="true">${label}</span>
              <button
                type="button"
                data-dir="up"
                aria-label=${msg(str`Move ${label} up`, { id: 'admin.order.upNamed' })}
                ?disabled=${index === 0}
                @click=${() => this.move(index, -1, 'up')}
              >
                <span aria-hidden="true">↑</span>
              </button>
              <button
                type="button"
                data-dir="down"
                aria-label=${msg(str`Move ${label} down`, { id: 'admin.order.downNamed' })}
                ?disabled=${index === total - 1}
                @click=${() => this.move(index, 1, 'down')}
              >
                <span aria-hidden="true">↓</span>
              </button>
            </li>`;
          },
        )}
      </ol>
      <p role="status" class="visually-hidden">${this.announcement}</p>`;
  }
}
