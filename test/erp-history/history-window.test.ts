import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/erp-history.js';
import type { ErpHistory } from '../../src/elements/erp-history/erp-history.js';
import type { ErpBackend } from '../../src/index.js';
import type { HistoryEvent } from '../../src/model/types.js';
import { findButton, findByRole, until } from '../helpers/queries.js';

function events(n: number): HistoryEvent[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `e${i}`,
    kind: 'synced' as const,
    at: new Date(Date.UTC(2025, 0, 1) - i * 60_000).toISOString(),
    by: 'Sync service',
    changes: [{ field: 'notes', label: 'Notes', oldValue: `old ${i}`, newValue: `new ${i}`, side: 'erp' as const }],
  }));
}

/** A history of `all` events whose first page holds `first` of them, then pages of 20. */
function backend(all: HistoryEvent[], first: number): ErpBackend {
  return {
    getHistory: (_entity: unknown, _connection: string, cursor: string | null) => {
      const start = cursor ? Number(cursor) : 0;
      const end = Math.min(all.length, start + (cursor ? 20 : first));
      return Promise.resolve({ items: all.slice(start, end), nextCursor: end < all.length ? String(end) : null });
    },
  } as unknown as ErpBackend;
}

/**
 * Scrolls, then tells the page so: a browser fires `scroll` in its next frame, and a test page in
 * the background (two run side by side) gets no frames.
 */
function scrollPage(scroll: () => void) {
  scroll();
  document.dispatchEvent(new Event('scroll'));
}

const rendered = (el: ErpHistory) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('li.event')];

describe('<erp-history> with many events shown', () => {
  // The page scrolls: the list sits in a document taller than the viewport, as in a CRM record view.
  async function mountHistory(all: number, first: number) {
    const el = await fixture<ErpHistory>(html`<erp-history
      .backend=${backend(events(all), first)}
      .entity=${{ type: 'company', id: 'c1' }}
      .connectionId=${'conn-a'}
      lang="en"
    ></erp-history>`);
    await findByRole('list', { name: 'History' }, el.shadowRoot!);
    return el;
  }
  afterEach(() => window.scrollTo(0, 0));

  it('keeps only the events near the viewport in the DOM, and the list its full height', async () => {
    const el = await mountHistory(2_000, 1_000);
    const list = await findByRole('list', { name: 'History' }, el.shadowRoot!);
    await until(() => rendered(el).length > 0 && rendered(el).length < 1_000, `a window of the 1,000 events, got ${rendered(el).length}`);
    // Every event says where it is in the whole list.
    const firstShown = rendered(el)[0]!;
    expect(firstShown.getAttribute('aria-setsize')).to.equal('1000');
    expect(firstShown.getAttribute('aria-posinset')).to.equal(String(Number(firstShown.id.slice('event-'.length)) + 1));
    // The left-out events keep their space: the list is as tall as 1,000 events.
    const perEvent = firstShown.getBoundingClientRect().height;
    expect(list.getBoundingClientRect().height).to.be.greaterThan(perEvent * 900);
  });

  it('renders the events the user scrolls to, in place, and Load more adds to the end', async () => {
    const el = await mountHistory(2_000, 1_000);
    await until(() => rendered(el).length < 1_000, 'windowed');
    expect(el.shadowRoot!.querySelector('#event-999'), 'the last event is far below the viewport').to.equal(null);

    const loadMore = await findButton('Load more', el.shadowRoot!);
    scrollPage(() => loadMore.scrollIntoView({ block: 'end' }));
    await until(() => el.shadowRoot!.querySelector('#event-999'), 'the last events render once the user scrolls down');
    await until(() => !el.shadowRoot!.querySelector('#event-0'), 'the first events leave the DOM');
    const before = loadMore.getBoundingClientRect().top;
    const shownBefore = rendered(el).length;

    loadMore.click();
    await until(() => el.shadowRoot!.querySelector('#event-1019'), 'the 20 new events render');
    // The user stays where they were: the new events appear above the button, which moved down.
    expect(loadMore.getBoundingClientRect().top).to.be.greaterThan(before);
    // The window drops what left the viewport (on a loaded machine a frame or two later).
    await until(() => rendered(el).length < shownBefore + 40, 'no more than two blocks more in the DOM');
    expect(el.shadowRoot!.querySelector('.status')!.textContent).to.contain('1,020 events shown.');

    scrollPage(() => window.scrollTo(0, 0));
    await until(() => el.shadowRoot!.querySelector('#event-0'), 'the first events render again at the top');
    expect(el.shadowRoot!.querySelector('#event-0')!.textContent).to.contain('new 0');
  });

  it('shows a short history whole: no window below 200 events', async () => {
    const el = await mountHistory(150, 150);
    await until(() => rendered(el).length === 150, 'all 150 events');
    expect(rendered(el)[0]!.hasAttribute('aria-setsize')).to.equal(false);
  });
});
