import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { msg, str } from '@lit/localize';
import type { SearchResult } from '../../../model/types.js';
import { adminTerms } from '../admin-terms.js';

/** The import wizard's search results: rows to tick (those already to import stay ticked), Show more, Add Import. */
export interface ImportResultsView {
  result: SearchResult;
  selected: ReadonlySet<string>;
  /** Rows already in the list to import. */
  queued: ReadonlySet<string>;
  /** A search (or its next page) is running. */
  busy: boolean;
  onSelect(key: string, selected: boolean): void;
  onMore(): void;
  onAdd(): void;
}

export function renderImportResults(v: ImportResultsView) {
  const r = v.result;
  const columns = r.columns.filter((c) => c.key !== 'name');
  return html`<div class="table-wrap">
      <table aria-label=${msg('Search results', { id: 'admin.import.results' })}>
        <thead>
          <tr>
            <th scope="col"><span class="visually-hidden">${msg('Select', { id: 'admin.import.select' })}</span></th>
            <th scope="col">${msg('Name', { id: 'admin.col.name' })}</th>
            ${columns.map((c) => html`<th scope="col">${c.label}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${repeat(
            r.rows,
            (row) => row.key,
            (row) => {
              const name = row.displayName;
              return html`<tr>
                <td>
                  <input
                    type="checkbox"
                    aria-label=${msg(str`Select ${name}`, { id: 'admin.import.selectNamed' })}
                    ?disabled=${v.queued.has(row.key)}
                    .checked=${v.selected.has(row.key) || v.queued.has(row.key)}
                    @change=${(e: Event) => v.onSelect(row.key, (e.target as HTMLInputElement).checked)}
                  />
                </td>
                <th scope="row" role="rowheader">${name}</th>
                ${columns.map((c) => html`<td>${row.cells[c.key] ?? ''}</td>`)}
              </tr>`;
            },
          )}
        </tbody>
      </table>
    </div>
    <div class="actions">
      ${r.nextCursor
        ? html`<button type="button" aria-busy=${v.busy ? 'true' : 'false'} @click=${v.onMore}>${msg('Show more', { id: 'admin.list.more' })}</button>`
        : nothing}
      <button type="button" ?disabled=${v.selected.size === 0} @click=${v.onAdd}>${adminTerms().addImport}</button>
    </div>`;
}
