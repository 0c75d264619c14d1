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
 * A list the admin reorders: by dragging an item by its handle (mouse, pen or touch), with the
 * **Move up** / **Move down** buttons per item, or on a focused item with Alt+Arrow Up / Alt+Arrow
 * Down (focus follows the item). Position changes are announced.
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
  /** The item being dragged, with the order before the drag (a cancelled pointer puts it back). */
  @state() private drag: { id: string; pointerId: number; before: OrderItem[] } | null = null;

  constructor() {
    super();
    new LocaleController(this, 'admin');
  }

  private async move(index: number, delta: number, focus: 'item' | 'up' | 'down'): Promise<void> {
    const to = index + delta;
    if (to < 0 || to >= this.items.length) return;
    this.items = moved(this.items, index, to);
    const li = await this.settle(this.items[to]!);
    if (!li) return;
    if (focus === 'item') li.focus();
    else {
      const button = li.querySelector<HTMLButtonElement>(`button[data-dir="${focus}"]`);
      // At the end of the list the pressed button is disabled: focus the other one.
      (button && !button.disabled ? button : li.querySelector<HTMLButtonElement>('button:not([disabled])') ?? li).focus();
    }
  }

  /** Announces where `item` went, tells the host the new order, and returns its row once rendered. */
  private async settle(item: OrderItem): Promise<HTMLElement | null> {
    const label = item.label;
    const position = this.items.indexOf(item) + 1;
    const total = this.items.length;
    this.announcement = msg(str`${label} moved to position ${position} of ${total}.`, { id: 'admin.order.moved' });
    this.dispatchEvent(new OrderChangeEvent(this.items.map((i) => i.id)));
    await this.updateComplete;
    return this.renderRoot.querySelector<HTMLElement>(`li[data-id="${CSS.escape(item.id)}"]`);
  }

  // Dragging: the list holds the pointer (its rows move while the pointer does), and the item goes
  // where the pointer passes the middle of another row.
  private startDrag(event: PointerEvent, item: OrderItem): void {
    if (event.button !== 0 || this.drag) return;
    event.preventDefault();
    this.renderRoot.querySelector('ol')!.setPointerCapture(event.pointerId);
    this.drag = { id: item.id, pointerId: event.pointerId, before: this.items };
  }

  private dragTo(event: PointerEvent): void {
    const drag = this.drag;
    if (!drag || event.pointerId !== drag.pointerId) return;
    const from = this.items.findIndex((i) => i.id === drag.id);
    const others = [...this.renderRoot.querySelectorAll<HTMLElement>('li')].filter((li) => li.dataset.id !== drag.id);
    const to = others.filter((li) => {
      const r = li.getBoundingClientRect();
      return event.clientY > r.top + r.height / 2;
    }).length;
    if (to !== from) this.items = moved(this.items, from, to);
  }

  private async endDrag(event: PointerEvent, cancelled: boolean): Promise<void> {
    const drag = this.drag;
    if (!drag || event.pointerId !== drag.pointerId) return;
    this.drag = null;
    if (cancelled) {
      this.items = drag.before;
      return;
    }
    const item = this.items.find((i) => i.id === drag.id)!;
    if (this.items.indexOf(item) === drag.before.indexOf(item)) return;
    (await this.settle(item))?.focus();
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
        ${msg('Drag an item by its handle, use the buttons, or focus an item and press Alt+Arrow Up or Alt+Arrow Down.', {
          id: 'admin.order.help',
        })}
      </p>
      <ol
        part="list"
        aria-label=${this.label}
        aria-describedby="order-help"
        @pointermove=${this.dragTo}
        @pointerup=${(e: PointerEvent) => void this.endDrag(e, false)}
        @pointercancel=${(e: PointerEvent) => void this.endDrag(e, true)}
      >
        ${repeat(
          this.items,
          (i) => i.id,
          (item, index) => {
            const label = item.label;
            return html`<li
              data-id=${item.id}
              class=${this.drag?.id === item.id ? 'dragging' : ''}
              tabindex="0"
              aria-label=${msg(str`${label}, position ${index + 1} of ${total}`, { id: 'admin.order.item' })}
              @keydown=${(e: KeyboardEvent) => this.onKey(e, index)}
            >
              <span class="grip" aria-hidden="true" @pointerdown=${(e: PointerEvent) => this.startDrag(e, item)}>⠿</span>
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

/** `items` with the one at `from` moved to `to`. */
function moved<T>(items: readonly T[], from: number, to: number): T[] {
  const next = items.slice();
  next.splice(to, 0, ...next.splice(from, 1));
  return next;
}
