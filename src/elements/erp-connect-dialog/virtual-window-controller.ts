import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { layoutPieces, nearEnd, scrollTopToReveal, visibleRange, type Piece, type RowRange } from './virtual-window.js';

export interface VirtualWindowOptions {
  /** Rows loaded. */
  count(): number;
  /** Rows that must be rendered wherever the list is scrolled (the active option). */
  pinned(): number[];
  /** The viewport came near the end of the loaded rows (called again on each scroll while near). */
  nearEnd(): void;
  /** Rows rendered beyond each edge of the viewport. */
  overscan?: number;
  /** How close to the end (in rows) counts as near. */
  endThreshold?: number;
}

/** Used until a row has been measured (the dialog is not laid out yet). */
const FALLBACK_ROW_HEIGHT = 36;

/**
 * Keeps a scrolling list windowed: tracks the scroll offset and height of the element given to
 * `attach` (use it with Lit's `ref()`), measures the row height once from a rendered row, and tells
 * the host which rows to render (`pieces()`). Re-renders only when rows in view are not rendered.
 */
export class VirtualWindowController implements ReactiveController {
  private el: HTMLElement | undefined;
  private scrollTop = 0;
  private height = 0;
  private rowHeight = 0;
  private rendered: RowRange = { start: 0, end: 0 };
  private readonly resize = new ResizeObserver(() => this.sync());

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: VirtualWindowOptions,
  ) {
    host.addController(this);
  }

  /** Height of one row in px (measured, or an estimate before the first row is laid out). */
  get rowSize(): number {
    return this.rowHeight || FALLBACK_ROW_HEIGHT;
  }

  /** Lit `ref()` callback for the scrolling element. */
  readonly attach = (el: Element | undefined): void => {
    if (el === this.el) return;
    this.el?.removeEventListener('scroll', this.onScroll);
    if (this.el) this.resize.unobserve(this.el);
    this.el = el instanceof HTMLElement ? el : undefined;
    // A new list element starts at the top; its rows are measured again (fonts may have changed).
    this.scrollTop = 0;
    this.rowHeight = 0;
    if (!this.el) return;
    this.el.addEventListener('scroll', this.onScroll, { passive: true });
    this.resize.observe(this.el);
  };

  /** What to render now, top to bottom. */
  pieces(): Piece[] {
    const count = this.options.count();
    this.rendered = this.range(count);
    return layoutPieces(this.rendered, count, this.options.pinned());
  }

  /** Scrolls so that row `index` is wholly visible. */
  reveal(index: number): void {
    const el = this.el;
    if (!el || index < 0) return;
    const target = scrollTopToReveal(index, el.scrollTop, el.clientHeight, this.rowSize);
    if (target !== el.scrollTop) el.scrollTop = target;
    this.sync();
  }

  hostConnected(): void {
    if (this.el) this.resize.observe(this.el);
  }

  hostDisconnected(): void {
    this.resize.disconnect();
  }

  hostUpdated(): void {
    // After the host's update, not during it: state changes here would schedule a second update.
    queueMicrotask(() => {
      if (!this.el) return;
      // The list's height normally comes from the ResizeObserver; read it here too, so the first
      // window does not wait for the observer (which a page in the background does not run).
      if (!this.height) this.sync();
      if (!this.rowHeight) {
        const row = this.el.querySelector<HTMLElement>('[role="option"]');
        const measured = row?.getBoundingClientRect().height ?? 0;
        if (measured > 0) {
          this.rowHeight = measured;
          this.host.requestUpdate();
        }
      }
      this.checkEnd();
    });
  }

  private readonly onScroll = (): void => this.sync();

  /** Reads the element's scroll offset and height; re-renders if that moves the window. */
  private sync(): void {
    const el = this.el;
    if (!el) return;
    this.scrollTop = el.scrollTop;
    this.height = el.clientHeight;
    // Re-render only when rows in view are missing, not on every scroll step: the overscan then
    // covers several frames of fast scrolling, and each re-render renders a full overscan again.
    const inView = this.range(this.options.count(), 0);
    if (inView.start < this.rendered.start || inView.end > this.rendered.end) this.host.requestUpdate();
    this.checkEnd();
  }

  private checkEnd(): void {
    const viewport = { scrollTop: this.scrollTop, height: this.height, rowHeight: this.rowSize, count: this.options.count() };
    if (this.el && this.height > 0 && nearEnd(viewport, this.options.endThreshold ?? 10)) this.options.nearEnd();
  }

  private range(count: number, overscan = this.options.overscan ?? 12): RowRange {
    return visibleRange({ scrollTop: this.scrollTop, height: this.height, rowHeight: this.rowSize, count, overscan });
  }
}
