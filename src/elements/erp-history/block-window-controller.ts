import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What to render, top to bottom: a block of events, or empty space of the blocks left out. */
export type BlockPiece = { kind: 'block'; index: number } | { kind: 'gap'; first: number; height: number };

export interface BlockWindowOptions {
  /** Blocks loaded. */
  blocks(): number;
  /** Whether the list is long enough to window (short lists stay whole: find-in-page sees them). */
  windowed(): boolean;
  /** Blocks that stay rendered wherever the list is scrolled (the one holding focus). */
  pinned(): number[];
  /** Height of a block not measured yet, in px. */
  estimate(): number;
}

/**
 * Windows a list of blocks of varying height that scrolls with whatever contains it (the page, a
 * host's panel): renders the blocks within a viewport's height above and below what is visible, and
 * one empty item of their measured height for each run of the others, so the list keeps its size
 * and nothing moves. Heights are measured as blocks render. The visible part is the viewport's; it
 * is recomputed after each update, on any scroll in the document, on a window resize, and when a
 * gap enters or leaves the view (an IntersectionObserver also sees scroll containers inside shadow
 * roots). No ResizeObserver: the list resizes as the window changes, and observing that would make
 * the browser report a ResizeObserver loop.
 * The list's items carry `data-block` (their block's index); gaps carry `data-gap`.
 */
export class BlockWindowController implements ReactiveController {
  private list: HTMLElement | undefined;
  private readonly heights: number[] = [];
  private start = 0;
  private end = Infinity;
  /** The window reached the last block: blocks Load more appends join it at once. */
  private endIsLast = true;
  private scheduled = false;
  private readonly intersections = new IntersectionObserver(() => this.schedule(), {
    rootMargin: '100% 0px',
    threshold: [0, 0.25, 0.5, 0.75, 1],
  });

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: BlockWindowOptions,
  ) {
    host.addController(this);
  }

  /** Lit `ref()` callback for the list element. */
  readonly attach = (el: Element | undefined): void => {
    this.list = el instanceof HTMLElement ? el : undefined;
  };

  /** Forgets measured heights (a new list: another link, or the first page loaded again). */
  reset(): void {
    this.heights.length = 0;
    this.start = 0;
    this.end = Infinity;
    this.endIsLast = true;
  }

  pieces(): BlockPiece[] {
    const count = this.options.blocks();
    if (!this.options.windowed()) return Array.from({ length: count }, (_, index) => ({ kind: 'block', index }));
    const shown = new Set(this.options.pinned());
    const end = this.endIsLast ? count : Math.min(this.end, count);
    for (let b = this.start; b < end; b++) shown.add(b);
    const pieces: BlockPiece[] = [];
    for (let b = 0; b < count; b++) {
      if (shown.has(b)) {
        pieces.push({ kind: 'block', index: b });
        continue;
      }
      const last = pieces[pieces.length - 1];
      const height = this.heightOf(b);
      if (last?.kind === 'gap') last.height += height;
      else pieces.push({ kind: 'gap', first: b, height });
    }
    return pieces;
  }

  hostConnected(): void {
    document.addEventListener('scroll', this.schedule, { capture: true, passive: true });
    window.addEventListener('resize', this.schedule, { passive: true });
  }

  hostDisconnected(): void {
    document.removeEventListener('scroll', this.schedule, { capture: true });
    window.removeEventListener('resize', this.schedule);
    this.intersections.disconnect();
  }

  hostUpdated(): void {
    const list = this.list;
    if (!list || !this.options.windowed()) return;
    this.measure(list);
    this.intersections.disconnect();
    for (const gap of list.querySelectorAll(':scope > [data-gap]')) this.intersections.observe(gap);
    this.schedule();
  }

  private heightOf(block: number): number {
    return this.heights[block] ?? this.options.estimate();
  }

  /** Each rendered block's height: from its first item's top to the next block's (or its own end). */
  private measure(list: HTMLElement): void {
    let block = -1;
    let top = 0;
    let bottom = 0;
    const close = (next: number) => {
      if (block >= 0) this.heights[block] = Math.max(0, next - top);
    };
    for (const item of list.children) {
      const rect = item.getBoundingClientRect();
      const index = item instanceof HTMLElement && item.dataset['block'] !== undefined ? Number(item.dataset['block']) : -1;
      if (index !== block) {
        close(rect.top);
        block = index;
        top = rect.top;
      }
      bottom = rect.bottom;
    }
    close(bottom);
  }

  // A microtask, not an animation frame: a page in the background runs no frames, and the window
  // must still follow its updates.
  private readonly schedule = (): void => {
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      this.update();
    });
  };

  /** The blocks within a viewport's height of what is visible; re-renders when that changes. */
  private update(): void {
    const list = this.list;
    if (!list || !this.options.windowed() || !list.isConnected) return;
    const count = this.options.blocks();
    const offset = -list.getBoundingClientRect().top;
    const view = window.innerHeight;
    const from = offset - view;
    const to = offset + 2 * view;
    let start = count;
    let end = 0;
    let y = 0;
    for (let b = 0; b < count && y < to; b++) {
      const height = this.heightOf(b);
      if (y + height > from) {
        start = Math.min(start, b);
        end = b + 1;
      }
      y += height;
    }
    // The list is out of view: keep its last blocks (where Load more appends).
    if (start >= end) {
      start = Math.max(0, count - 2);
      end = count;
    }
    const endIsLast = end >= count;
    if (start !== this.start || end !== Math.min(this.end, count) || endIsLast !== this.endIsLast) {
      this.start = start;
      this.end = end;
      this.endIsLast = endIsLast;
      this.host.requestUpdate();
    }
  }
}
