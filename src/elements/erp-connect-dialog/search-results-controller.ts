import { nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { msg } from '@lit/localize';
import type { ErpProblem } from '../../backend/problem.js';
import type { FieldMeta, SearchResult } from '../../model/types.js';
import { LoadController } from '../shared/load-controller.js';
import type { Results, SearchPage, SearchQuery } from './dialog-step.js';
import { ListboxController } from './listbox-controller.js';
import { renderResultsList } from './results-list.js';
import { VirtualWindowController } from './virtual-window-controller.js';

/** Rows fetched per request: the ERP may hold 100,000+ records, so results come a page at a time. */
export const PAGE_SIZE = 50;

export interface SearchResultsOptions {
  search(query: SearchQuery, page: SearchPage, signal: AbortSignal): Promise<SearchResult>;
  /** The company a person search is limited to (`null`: persons without one; undefined: not a person search). */
  parentKey(): string | null | undefined;
  /** The record chosen in the dialog (a result row or a suggestion). */
  selectedKey(): string | null;
  select(key: string | null): void;
  /** A choice that survives a new search that does not find it (a suggestion). */
  keeps(key: string): boolean;
  /** Enter or a double click on a row: the dialog's primary action. */
  activate(): void;
}

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };

/**
 * The connect dialog's search results: runs a search (one request for a double click, a superseded
 * one never shows), pages with Load more and by scrolling near the end, puts back the rows a failed
 * search replaced, and renders the windowed listbox with its keyboard.
 */
export class SearchResultsController implements ReactiveController {
  results: Results | null = null;
  searching: 'new' | 'more' | null = null;
  /** The last search's problem; `more` when it was a further page. */
  error: { problem: ErpProblem; more: boolean } | null = null;

  private seq = 0;
  /** Identity of the search in flight, so a second click on Search does not send it again. */
  private inFlight: string | null = null;
  private pendingFocus: 'listbox' | 'load-more' | null = null;
  private readonly searcher: LoadController<[SearchQuery, SearchPage], SearchResult>;
  readonly listbox: ListboxController;
  /** Only the result rows near the viewport are rendered: the ERP may return thousands. */
  private readonly window: VirtualWindowController;

  constructor(
    private readonly host: Host,
    private readonly options: SearchResultsOptions,
  ) {
    host.addController(this);
    this.searcher = new LoadController(host, ([query, page], signal) => options.search(query, page, signal));
    this.listbox = new ListboxController(host, {
      count: () => this.results?.rows.length ?? 0,
      select: (index) => options.select(this.results?.rows[index]?.key ?? null),
      activate: (index) => {
        options.select(this.results?.rows[index]?.key ?? null);
        options.activate();
      },
      reveal: (index) => this.window.reveal(index),
    });
    this.window = new VirtualWindowController(host, {
      count: () => this.results?.rows.length ?? 0,
      // The active option is always rendered, so aria-activedescendant never points at nothing.
      pinned: () => [this.listbox.active],
      // Scrolling near the end of the loaded rows loads the next page, as Load more does; not after a
      // failed page (the error offers Retry), so a failing backend is not asked again on every scroll.
      nearEnd: () => {
        if (!this.error) this.loadMore();
      },
    });
  }

  hostUpdated(): void {
    const target = this.pendingFocus;
    if (!target) return;
    this.pendingFocus = null;
    if (target === 'listbox') this.focusList();
    else this.host.renderRoot.querySelector<HTMLElement>('[part~="load-more"]')?.focus();
  }

  /** Focuses the listbox and shows its active row, wherever it is; false when there is no list. */
  focusList(): boolean {
    const list = this.host.renderRoot.querySelector<HTMLElement>('#results-list');
    if (!list) return false;
    list.focus();
    if (this.listbox.active >= 0) this.window.reveal(this.listbox.active);
    return true;
  }

  /** Aborts the search in flight. */
  abort(): void {
    this.searcher.abort();
    this.inFlight = null;
    this.searching = null;
  }

  /** Aborts and forgets every result (the dialog opens afresh). */
  reset(): void {
    this.abort();
    this.results = null;
    this.error = null;
    this.listbox.reset();
  }

  /** Runs a new search, or the next page of the last one (`cursor`). */
  async run(query: SearchQuery, cursor: string | null): Promise<void> {
    const parentKey = this.options.parentKey();
    const identity = JSON.stringify([query, cursor, parentKey ?? null]);
    // A double click (or Enter pressed twice) on the same search sends one request.
    if (this.inFlight === identity) return;
    const seq = ++this.seq;
    this.inFlight = identity;
    const more = cursor !== null;
    this.searching = more ? 'more' : 'new';
    this.error = null;
    // A failed new search puts back the rows and the choice it replaced: nothing the user picked is lost.
    const replaced = more ? null : { results: this.results, selectedKey: this.options.selectedKey() };
    if (!more) {
      this.results = null;
      this.listbox.reset();
    }
    this.host.requestUpdate();
    const result = await this.searcher.run(query, { cursor, limit: PAGE_SIZE, ...(parentKey !== undefined ? { parentKey } : {}) });
    // A superseded search never shows, even when the backend ignored the abort (the later one owns the state).
    if (seq !== this.seq) return;
    this.searching = null;
    this.inFlight = null;
    this.host.requestUpdate();
    const problem = this.searcher.problem;
    if (problem) {
      this.error = { problem, more };
      if (replaced) {
        this.results = replaced.results;
        this.options.select(replaced.selectedKey);
      }
    }
    if (!result) return;
    const previous = more && this.results ? this.results.rows : [];
    const seen = new Set(previous.map((r) => r.key));
    // A choice survives a new search when it is a suggestion or among the new rows.
    const key = this.options.selectedKey();
    if (!more && key !== null && !this.options.keeps(key) && !result.rows.some((r) => r.key === key)) {
      this.options.select(null);
    }
    this.results = {
      query,
      columns: result.columns,
      rows: [...previous, ...result.rows.filter((r) => !seen.has(r.key))],
      total: result.total,
      nextCursor: result.nextCursor,
    };
    // Keep the keyboard where it was: on Load more, or on the list when there is no more.
    if (more && this.host.shadowRoot?.activeElement?.matches('[part~="load-more"]')) {
      this.pendingFocus = result.nextCursor ? 'load-more' : 'listbox';
      if (!result.nextCursor) this.listbox.active = previous.length;
    }
  }

  loadMore(): void {
    const r = this.results;
    if (!r?.nextCursor || this.searching) return;
    void this.run(r.query, r.nextCursor);
  }

  /** Retry after an error: the page that failed, or the search. */
  retry(search: () => void): void {
    const r = this.results;
    if (this.error?.more && r?.nextCursor) void this.run(r.query, r.nextCursor);
    else search();
  }

  render() {
    const r = this.results;
    if (!r || r.rows.length === 0) return nothing;
    const columns: Pick<FieldMeta, 'key' | 'label'>[] =
      r.columns.length > 0 ? r.columns : [{ key: '', label: msg('Name', { id: 'connect.nameColumn' }) }];
    // Set through the CSSOM, not a style attribute: a strict CSP (style-src 'self') blocks those.
    // Only when it changes: the list re-renders while scrolling, and each write restyles the dialog.
    const template = `repeat(${columns.length}, minmax(6rem, 1fr))`;
    const style = this.host.style;
    if (style.getPropertyValue('--_erp-result-columns') !== template) style.setProperty('--_erp-result-columns', template);
    const selectedKey = this.options.selectedKey();
    return renderResultsList({
      rows: r.rows,
      columns,
      total: r.total,
      pieces: this.window.pieces(),
      rowHeight: this.window.rowSize,
      active: this.listbox.active,
      selectedKey,
      busy: this.searching !== null,
      loadingMore: this.searching === 'more',
      hasMore: r.nextCursor !== null,
      listRef: this.window.attach,
      onKeydown: this.listbox.onKeydown,
      onFocus: () => this.listbox.focusIn(r.rows.findIndex((row) => row.key === this.options.selectedKey())),
      onPick: (i) => {
        this.listbox.active = i;
        this.options.select(r.rows[i]?.key ?? null);
        this.host.renderRoot.querySelector<HTMLElement>('#results-list')?.focus();
      },
      onActivate: (i) => {
        this.options.select(r.rows[i]?.key ?? null);
        this.options.activate();
      },
      onLoadMore: () => this.loadMore(),
    });
  }
}
