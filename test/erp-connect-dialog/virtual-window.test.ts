// The windowed list's arithmetic (src/elements/erp-connect-dialog/virtual-window.ts): examples and
// properties over arbitrary scroll positions, heights and list sizes.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  layoutPieces,
  nearEnd,
  scrollTopToReveal,
  visibleRange,
  type Piece,
} from '../../src/elements/erp-connect-dialog/virtual-window.js';

const rowsOf = (pieces: Piece[]) => pieces.flatMap((p) => (p.kind === 'row' ? [p.index] : []));
const spanOf = (pieces: Piece[]) => pieces.reduce((n, p) => n + (p.kind === 'row' ? 1 : p.rows), 0);

const viewport = fc.record({
  rowHeight: fc.integer({ min: 1, max: 80 }),
  height: fc.integer({ min: 0, max: 2000 }),
  count: fc.integer({ min: 0, max: 200_000 }),
  overscan: fc.integer({ min: 0, max: 20 }),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
});

describe('virtual window: visible range', () => {
  it('renders the rows in view plus the overscan', () => {
    expect(visibleRange({ scrollTop: 0, height: 100, rowHeight: 20, count: 1000, overscan: 3 })).to.deep.equal({ start: 0, end: 8 });
    expect(visibleRange({ scrollTop: 1000, height: 100, rowHeight: 20, count: 1000, overscan: 3 })).to.deep.equal({ start: 47, end: 58 });
    // Half a row scrolled: both partly visible rows count.
    expect(visibleRange({ scrollTop: 1010, height: 100, rowHeight: 20, count: 1000, overscan: 0 })).to.deep.equal({ start: 50, end: 56 });
    expect(visibleRange({ scrollTop: 0, height: 100, rowHeight: 20, count: 0, overscan: 3 })).to.deep.equal({ start: 0, end: 0 });
  });

  it('shows the last rows when the offset is past the end (the list got shorter)', () => {
    expect(visibleRange({ scrollTop: 50_000, height: 100, rowHeight: 20, count: 30, overscan: 2 })).to.deep.equal({ start: 23, end: 30 });
  });

  it('property: within the list, covers every row in view, and stays small', () => {
    fc.assert(
      fc.property(viewport, ({ rowHeight, height, count, overscan, at }) => {
        // Any offset the browser allows: from the top to the last row at the bottom.
        const scrollTop = Math.floor(at * Math.max(0, count * rowHeight - Math.max(height, rowHeight)));
        const { start, end } = visibleRange({ scrollTop, height, rowHeight, count, overscan });
        expect(start).to.be.within(0, count);
        expect(end).to.be.within(start, count);
        const firstInView = Math.floor(scrollTop / rowHeight);
        const lastInView = Math.min(count, Math.ceil((scrollTop + height) / rowHeight)) - 1;
        if (count > 0) {
          expect(start).to.be.at.most(firstInView);
          expect(end - 1).to.be.at.least(Math.max(firstInView, lastInView));
        }
        expect(end - start).to.be.at.most(Math.ceil(height / rowHeight) + 2 + 2 * overscan);
      }),
    );
  });
});

describe('virtual window: pieces', () => {
  it('puts gaps for the rows not rendered, and keeps a pinned row far from the window', () => {
    expect(layoutPieces({ start: 10, end: 12 }, 100, [50])).to.deep.equal([
      { kind: 'gap', rows: 10 },
      { kind: 'row', index: 10 },
      { kind: 'row', index: 11 },
      { kind: 'gap', rows: 38 },
      { kind: 'row', index: 50 },
      { kind: 'gap', rows: 49 },
    ]);
    expect(layoutPieces({ start: 0, end: 2 }, 2, [-1, 1, 7])).to.deep.equal([
      { kind: 'row', index: 0 },
      { kind: 'row', index: 1 },
    ]);
  });

  it('property: rows in order, once each, window and pinned rows present, spanning the whole list', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: 0, max: 300 }),
        fc.array(fc.integer({ min: -5, max: 5100 }), { maxLength: 3 }),
        (count, from, size, pinned) => {
          const range = { start: Math.min(from, count), end: Math.min(from + size, count) };
          const pieces = layoutPieces(range, count, pinned);
          const rows = rowsOf(pieces);
          expect(rows).to.deep.equal([...new Set(rows)].sort((a, b) => a - b));
          for (let i = range.start; i < range.end; i++) expect(rows).to.include(i);
          for (const p of pinned) if (p >= 0 && p < count) expect(rows).to.include(p);
          expect(rows.length).to.be.at.most(range.end - range.start + pinned.length);
          expect(spanOf(pieces)).to.equal(count);
          // A gap is never empty and never next to another gap.
          pieces.forEach((p, i) => {
            if (p.kind === 'gap') {
              expect(p.rows).to.be.greaterThan(0);
              expect(pieces[i + 1]?.kind).to.not.equal('gap');
            }
          });
        },
      ),
    );
  });
});

describe('virtual window: reveal and near end', () => {
  it('scrolls as little as possible to show a row whole', () => {
    expect(scrollTopToReveal(3, 0, 100, 20)).to.equal(0); // already in view
    expect(scrollTopToReveal(10, 0, 100, 20)).to.equal(120); // below: its bottom at the bottom
    expect(scrollTopToReveal(2, 200, 100, 20)).to.equal(40); // above: its top at the top
  });

  it('property: the row ends up wholly in view, and a row in view does not move the list', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 60, max: 1000 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 0, max: 6_000_000 }),
        (rowHeight, height, index, scrollTop) => {
          const top = scrollTopToReveal(index, scrollTop, height, rowHeight);
          expect(index * rowHeight).to.be.at.least(top);
          expect((index + 1) * rowHeight).to.be.at.most(top + height);
          if (index * rowHeight >= scrollTop && (index + 1) * rowHeight <= scrollTop + height) expect(top).to.equal(scrollTop);
        },
      ),
    );
  });

  it('is near the end within the given number of rows of the last row', () => {
    const v = { height: 100, rowHeight: 20, count: 100 };
    expect(nearEnd({ ...v, scrollTop: 1900 }, 10)).to.equal(true);
    expect(nearEnd({ ...v, scrollTop: 1700 }, 10)).to.equal(true);
    expect(nearEnd({ ...v, scrollTop: 1699 }, 10)).to.equal(false);
    expect(nearEnd({ ...v, scrollTop: 0 }, 10)).to.equal(false);
    expect(nearEnd({ ...v, count: 0, scrollTop: 0 }, 10)).to.equal(false);
  });
});
