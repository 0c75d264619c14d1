import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { ref } from 'lit/directives/ref.js';
import { msg } from '@lit/localize';
import type { ActorRow, FieldMeta } from '../../model/types.js';
import { blockSize } from './block-size.js';
import type { Piece } from './virtual-window.js';
import { formatDateTime, formatFieldValue } from '../../model/format.js';
import { formatWords } from '../../i18n/terms.js';
import { getLocale } from '../../i18n/localization.js';

export interface ResultsListView {
  rows: ActorRow[];
  /** The columns: the name (key `''`), then the result's own, whose type tells how its cells read. */
  columns: (Pick<FieldMeta, 'key' | 'label'> & Partial<Pick<FieldMeta, 'type'>>)[];
  /** The backend's total count when it gives one (announced as the set size). */
  total: number | null;
  /** Which rows to render and the space standing for the others (see virtual-window.ts). */
  pieces: Piece[];
  rowHeight: number;
  active: number;
  selectedKey: string | null;
  busy: boolean;
  loadingMore: boolean;
  hasMore: boolean;
  /** Lit `ref()` callback for the scrolling listbox. */
  listRef: (el: Element | undefined) => void;
  onKeydown: (event: KeyboardEvent) => void;
  onFocus: () => void;
  onPick: (index: number) => void;
  onActivate: (index: number) => void;
  onLoadMore: () => void;
}

/**
 * The results listbox, windowed: only the rows near the viewport (and the active one) are in the DOM;
 * spacers keep the full scroll height, and every option carries its position in the whole set.
 */
export function renderResultsList(v: ResultsListView) {
  const setSize = Math.max(v.total ?? 0, v.rows.length);
  return html`<div class="results" part="results">
    <div class="result-header" aria-hidden="true">${v.columns.map((c) => html`<span>${c.label}</span>`)}</div>
    <div
      role="listbox"
      id="results-list"
      tabindex="0"
      class="listbox"
      aria-label=${msg('Search results', { id: 'connect.resultsLabel' })}
      aria-describedby="result-count"
      aria-activedescendant=${v.active >= 0 && v.active < v.rows.length ? `opt-${v.active}` : nothing}
      aria-busy=${v.busy ? 'true' : 'false'}
      @keydown=${v.onKeydown}
      @focus=${v.onFocus}
      ${ref(v.listRef)}
    >
      ${repeat(
        v.pieces,
        (p, n) => (p.kind === 'row' ? `r:${v.rows[p.index].key}` : `g:${n}`),
        (p) => {
          if (p.kind === 'gap') return html`<div class="spacer" aria-hidden="true" ${blockSize(p.rows * v.rowHeight)}></div>`;
          const i = p.index;
          const row = v.rows[i];
          return html`<div
            role="option"
            id="opt-${i}"
            part="result"
            class=${i === v.active ? 'option active' : 'option'}
            aria-selected=${row.key === v.selectedKey ? 'true' : 'false'}
            aria-setsize=${setSize}
            aria-posinset=${i + 1}
            @click=${() => v.onPick(i)}
            @dblclick=${() => v.onActivate(i)}
          >
            ${v.columns.map((c) => {
              const text = c.key === '' ? row.displayName : cellText(c, row.cells[c.key] ?? '');
              // The space keeps cells apart in the option's accessible name; the title shows a cell
              // cut by its ellipsis in full.
              return html`<span class="cell" title=${text}>${text}</span> `;
            })}
          </div>`;
        },
      )}
    </div>
    ${v.hasMore
      ? html`<button type="button" part="load-more" class="load-more" aria-busy=${v.loadingMore ? 'true' : 'false'} @click=${v.onLoadMore}>
          ${msg('Load more', { id: 'connect.loadMore' })}
        </button>`
      : nothing}
  </div>`;
}

/**
 * A cell as the UI language writes it: the server sends numbers, dates and yes/no in a machine form
 * (`80000.00`, `2025-06-01`, `true`; see ActorRow.cells in api/openapi.yaml); other text as it is.
 */
function cellText(column: Partial<Pick<FieldMeta, 'type'>>, text: string): string {
  const locale = getLocale();
  switch (column.type) {
    case 'integer':
    case 'double':
      return /^-?\d+(\.\d+)?$/.test(text) ? formatFieldValue({ type: column.type }, Number(text), text, locale, formatWords()) : text;
    case 'datetime':
      return text && formatDateTime(text, locale);
    case 'checkbox':
      return /^(true|yes)$/i.test(text) ? formatWords().yes : /^(false|no)$/i.test(text) ? formatWords().no : text;
    default:
      return text;
  }
}
