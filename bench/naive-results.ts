// The naive variant for the scrollTo2000Rows benchmark: the connect dialog's results list rendered by the
// same function with the same styles, but with every loaded row in the DOM (no window). Bench only,
// so no flag ships in src.
import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import type { ActorRow, FieldMeta } from '../src/model/types.js';
import { baseStyles } from '../src/elements/shared/base-styles.js';
import { connectDialogStyles } from '../src/elements/erp-connect-dialog/erp-connect-dialog.styles.js';
import { renderResultsList } from '../src/elements/erp-connect-dialog/results-list.js';

export class BenchNaiveResults extends LitElement {
  static override styles = [baseStyles, connectDialogStyles];

  @property({ attribute: false }) rows: ActorRow[] = [];
  @property({ attribute: false }) columns: FieldMeta[] = [];
  @property({ attribute: false }) total: number | null = null;
  @property({ attribute: false }) loading = false;

  protected override render() {
    this.style.setProperty('--_erp-result-columns', `repeat(${this.columns.length}, minmax(6rem, 1fr))`);
    return renderResultsList({
      rows: this.rows,
      columns: this.columns,
      total: this.total,
      pieces: this.rows.map((_, index) => ({ kind: 'row' as const, index })),
      rowHeight: 0,
      active: -1,
      selectedKey: null,
      busy: this.loading,
      loadingMore: this.loading,
      hasMore: true,
      listRef: () => undefined,
      onKeydown: () => undefined,
      onFocus: () => undefined,
      onPick: () => undefined,
      onActivate: () => undefined,
      onLoadMore: () => undefined,
    });
  }
}

/** A new, unattached naive list (defined here, on use: a bare side-effect import would be tree-shaken). */
export function createNaiveResults(): BenchNaiveResults {
  if (!customElements.get('bench-naive-results')) customElements.define('bench-naive-results', BenchNaiveResults);
  return document.createElement('bench-naive-results') as BenchNaiveResults;
}
