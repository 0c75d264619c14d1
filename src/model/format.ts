import type { FieldMeta, FieldValue } from './types.js';
import { dateTimeFormat, numberFormat, relativeTimeFormat } from './intl-cache.js';

/** Words the formatter needs that depend on the UI language (passed in: the model has no i18n). */
export interface FormatWords {
  yes: string;
  no: string;
  empty: string;
}

const numberOf = (locale: string, integer: boolean) => numberFormat(locale, { maximumFractionDigits: integer ? 0 : 2 });

/** True for an ISO date without a time part, or a time at exactly midnight UTC. */
function isDateOnly(iso: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) || /T00:00(:00(\.0+)?)?(Z|[+-]00:?00)?$/.test(iso);
}

/** Formats a date/time value for the UI language; invalid dates show as the raw text. */
export function formatDateTime(iso: string, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return isDateOnly(iso)
    ? dateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date)
    : dateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/**
 * The text shown for a field value: lists use the ERP's display text, numbers and dates follow
 * the UI language, checkboxes say yes/no, passwords are never shown.
 */
export function formatFieldValue(
  field: Pick<FieldMeta, 'type'>,
  value: FieldValue,
  displayValue: string | undefined,
  locale: string,
  words: FormatWords,
): string {
  if (value === null || value === undefined || value === '') {
    return displayValue ? displayValue : words.empty;
  }
  switch (field.type) {
    case 'integer':
    case 'double': {
      const n = typeof value === 'number' ? value : Number(value);
      return Number.isFinite(n) ? numberOf(locale, field.type === 'integer').format(n) : String(value);
    }
    case 'checkbox':
      return value === true || value === 'true' ? words.yes : words.no;
    case 'datetime':
      return formatDateTime(String(value), locale);
    case 'list':
      return displayValue || String(value);
    case 'password':
      return '••••••';
    default:
      return displayValue || String(value);
  }
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

/** "5 minutes ago" / "vor 5 Minuten" for an ISO time, relative to `now`. */
export function formatRelativeTime(iso: string, now: number, locale: string): string {
  const then = new Date(iso).getTime();
  if (Number.isNaN(then)) return iso;
  const seconds = Math.round((then - now) / 1000);
  const format = relativeTimeFormat(locale, { numeric: 'auto' });
  if (Math.abs(seconds) < 45) return format.format(0, 'second');
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return format.format(seconds, 'second');
}
