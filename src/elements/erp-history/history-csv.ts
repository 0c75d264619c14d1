import type { HistoryEvent } from '../../model/types.js';

/**
 * One CSV cell per RFC 4180: quoted when it holds a quote, comma, semicolon or line break (quotes
 * doubled). As OWASP advises against CSV injection, a cell that starts with a character a
 * spreadsheet may read as a formula (`=`, `+`, `-`, `@`, tab, carriage return, line feed, NUL) gets
 * a leading apostrophe, numbers too (`+2+3+cmd|…` is a number to no spreadsheet, and a formula to
 * some), so an ERP value such as `=HYPERLINK(…)` stays text.
 */
export function csvCell(value: string): string {
  let text = value;
  if (/^[=+\-@\t\r\n\0]/.test(text)) text = `'${text}`;
  return /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows to CSV text with CRLF line ends. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export interface CsvLabels {
  header: string[];
  kind: (kind: HistoryEvent['kind']) => string;
  side: (side: 'crm' | 'erp') => string;
  actorType: (type: NonNullable<HistoryEvent['actorType']>) => string;
}

/**
 * The history as CSV rows: one row per field change (an event without changes gets one row).
 * Times stay ISO 8601 (UTC) so spreadsheets and scripts read them in any language.
 */
export function historyRows(events: readonly HistoryEvent[], labels: CsvLabels): string[][] {
  const rows: string[][] = [labels.header];
  for (const e of events) {
    const common = [e.at, labels.kind(e.kind), e.by, e.actorType ? labels.actorType(e.actorType) : '', e.erpKey ?? ''];
    if (e.changes.length === 0) {
      rows.push([...common, '', '', '', '', e.reason ?? '']);
      continue;
    }
    for (const c of e.changes) {
      rows.push([...common, c.label, c.oldValue, c.newValue, labels.side(c.side), e.reason ?? '']);
    }
  }
  return rows;
}
