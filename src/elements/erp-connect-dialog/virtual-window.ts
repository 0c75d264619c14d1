// Pure arithmetic of a windowed list with rows of one fixed height: which rows to render for a scroll
// position, where the empty space goes, and where to scroll to show a row. No DOM here, so it can be
// tested on its own.

export interface Viewport {
  /** Scroll offset of the list, in px. */
  scrollTop: number;
  /** Visible height of the list, in px. */
  height: number;
  /** Height of one row, in px (> 0). */
  rowHeight: number;
  /** Rows in the list. */
  count: number;
  /** Extra rows rendered above and below the visible ones, so fast scrolling does not show blanks. */
  overscan: number;
}

/** Rows `start` (inclusive) to `end` (exclusive). */
export interface RowRange {
  start: number;
  end: number;
}

/** What to render, top to bottom: a row, or empty space standing for `rows` rows not rendered. */
export type Piece = { kind: 'row'; index: number } | { kind: 'gap'; rows: number };

const clamp = (n: number, min: number, max: number) => Math.max(min, Math.min(max, n));

/** The rows intersecting the viewport, plus the overscan, clamped to the list. */
export function visibleRange({ scrollTop, height, rowHeight, count, overscan }: Viewport): RowRange {
  if (count <= 0 || rowHeight <= 0) return { start: 0, end: 0 };
  const shown = Math.max(1, Math.ceil(Math.max(0, height) / rowHeight));
  // A scroll offset past the end (the list just got shorter) shows the last rows, not nothing.
  const first = clamp(Math.floor(Math.max(0, scrollTop) / rowHeight), 0, Math.max(0, count - shown));
  const last = Math.ceil((Math.max(0, scrollTop) + Math.max(0, height)) / rowHeight);
  const pad = Math.max(0, Math.floor(overscan));
  return { start: clamp(first - pad, 0, count), end: clamp(Math.max(last, first + 1) + pad, 0, count) };
}

/**
 * The range's rows plus the `pinned` ones (rows that must stay rendered wherever the list is scrolled,
 * such as the active option), in order, with the space of the rows left out as gaps.
 */
export function layoutPieces(range: RowRange, count: number, pinned: readonly number[] = []): Piece[] {
  const extra = pinned.filter((i) => Number.isInteger(i) && i >= 0 && i < count && (i < range.start || i >= range.end));
  const rows = [...new Set(extra)];
  for (let i = Math.max(0, range.start); i < Math.min(count, range.end); i++) rows.push(i);
  rows.sort((a, b) => a - b);
  const pieces: Piece[] = [];
  let next = 0;
  for (const index of rows) {
    if (index > next) pieces.push({ kind: 'gap', rows: index - next });
    pieces.push({ kind: 'row', index });
    next = index + 1;
  }
  if (count > next) pieces.push({ kind: 'gap', rows: count - next });
  return pieces;
}

/** The scroll offset that shows row `index` whole, moving as little as possible ("nearest"). */
export function scrollTopToReveal(index: number, scrollTop: number, height: number, rowHeight: number): number {
  const top = index * rowHeight;
  const bottom = top + rowHeight;
  if (top < scrollTop || height < rowHeight) return top;
  if (bottom > scrollTop + height) return bottom - height;
  return scrollTop;
}

/** Whether the viewport's bottom is within `rows` rows of the list's end (time to load the next page). */
export function nearEnd({ scrollTop, height, rowHeight, count }: Omit<Viewport, 'overscan'>, rows: number): boolean {
  if (count <= 0 || rowHeight <= 0) return false;
  return scrollTop + height >= (count - rows) * rowHeight;
}
