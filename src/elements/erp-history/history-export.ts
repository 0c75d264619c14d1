import { msg, str } from '@lit/localize';
import type { EntityKey, ErpBackend } from '../../backend/erp-backend.js';
import type { HistoryEvent } from '../../model/types.js';
import { getLocale } from '../../i18n/localization.js';
import { numberFormat } from '../../model/intl-cache.js';
import { historyRows, toCsv, type CsvLabels } from './history-csv.js';

/** Events per request of an export (the contract's largest page): 10,000 events in 20 requests. */
const EXPORT_PAGE_SIZE = 500;
const yieldToBrowser = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** What the export starts from: the record, and the events the history has shown so far. */
export interface ExportSource {
  backend: ErpBackend;
  entity: EntityKey;
  connectionId: string;
  events: readonly HistoryEvent[];
  nextCursor: string | null;
  /** Whether the first page is loaded (else the export fetches from the start). */
  loaded: boolean;
}

/**
 * Every event of the record, page by page without rendering them (`progress` says how many every
 * thousand), as CSV built in chunks so 10,000 events never block the page for long.
 */
export async function buildHistoryExport(
  src: ExportSource,
  labels: CsvLabels,
  signal: AbortSignal,
  progress: (text: string) => void,
): Promise<{ filename: string; csv: string; count: string }> {
  const nf = numberFormat(getLocale());
  const all = src.loaded ? [...src.events] : [];
  let cursor = src.loaded ? src.nextCursor : null;
  let first = !src.loaded;
  while (first || cursor) {
    first = false;
    const page = await src.backend.getHistory(src.entity, src.connectionId, cursor, { signal, limit: EXPORT_PAGE_SIZE });
    signal.throwIfAborted();
    all.push(...page.items);
    cursor = page.nextCursor;
    // Let the page breathe between pages (a host backend may answer from memory).
    await yieldToBrowser();
    signal.throwIfAborted();
    if (all.length % 1000 < page.items.length) {
      const count = nf.format(all.length);
      progress(msg(str`Preparing the export… ${count} events`, { id: 'history.exportingCount' }));
    }
  }
  const parts: string[] = [];
  const CHUNK = 1000;
  for (let i = 0; i < all.length || i === 0; i += CHUNK) {
    const rows = historyRows(all.slice(i, i + CHUNK), labels);
    parts.push(toCsv(i === 0 ? rows : rows.slice(1)));
    await yieldToBrowser();
    signal.throwIfAborted();
  }
  const filename = `erp-history-${src.entity.type}-${src.entity.id}-${src.connectionId}.csv`.replace(/[^\w.-]+/g, '_');
  return { filename, csv: parts.join(''), count: nf.format(all.length) };
}

/** Hands the CSV to the browser as a download (through a link in `root`). */
export function downloadCsv(root: ParentNode, filename: string, csv: string): void {
  // A byte order mark tells spreadsheet programs that the file is UTF-8.
  const blob = new Blob(['\ufeff', csv], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.hidden = true;
  root.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
