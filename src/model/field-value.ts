/**
 * Parsing, formatting for editing, and validation of field values per field type and UI language.
 * Pure functions: no Lit, no DOM, no i18n strings (errors are stable codes the UI translates).
 *
 * - Numbers are typed the way the UI language writes them: `1.234,5` in de/da/nl, `1,234.5` in en.
 *   Group separators are optional but, when used, must group by three (so `1.5` in German is
 *   rejected instead of silently read as 15).
 * - Dates are typed in the language's numeric order (`31.12.2025` in de/da, `31-12-2025` in nl,
 *   `12/31/2025` in en); any non-digit separator works, as does ISO `2025-12-31`. An optional time
 *   `HH:mm` may follow. Date-only values are stored as `YYYY-MM-DD`, with a time as an ISO instant.
 */
import type { FieldMeta, FieldValue } from './types.js';
import { dateTimeFormat, numberFormat } from './intl-cache.js';

/** Why a value is not acceptable. The UI turns each into a sentence in the user's language. */
export type FieldErrorCode =
  | 'required'
  | 'too-long'
  | 'not-a-number'
  | 'not-an-integer'
  | 'out-of-range'
  | 'not-a-date';

export type ParseResult = { ok: true; value: FieldValue } | { ok: false; error: FieldErrorCode };

type FieldShape = Pick<FieldMeta, 'type' | 'access' | 'maxLength'>;

// ---------------------------------------------------------------------------------------------
// Numbers
// ---------------------------------------------------------------------------------------------

interface NumberSymbols {
  group: string;
  decimal: string;
  minus: string;
}

const symbolCache = new Map<string, NumberSymbols>();

/** The group and decimal separators the UI language uses. */
export function numberSymbols(locale: string): NumberSymbols {
  let symbols = symbolCache.get(locale);
  if (!symbols) {
    const parts = numberFormat(locale, { useGrouping: true }).formatToParts(-1234567.5);
    symbols = {
      group: parts.find((p) => p.type === 'group')?.value ?? ',',
      decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
      minus: parts.find((p) => p.type === 'minusSign')?.value ?? '-',
    };
    symbolCache.set(locale, symbols);
  }
  return symbols;
}

const SPACES = /[\s\u00a0\u202f\u2009]/g;
const isSpaceGroup = (group: string) => /^[\s\u00a0\u202f\u2009]$/.test(group);

/**
 * Reads a number typed in the UI language. Returns `null` for empty text.
 * Accepts an optional sign, optional grouping (by three), and the language's decimal separator.
 */
export function parseNumber(text: string, locale: string, integer = false): ParseResult {
  const { group, decimal, minus } = numberSymbols(locale);
  let s = text.trim();
  if (s === '') return { ok: true, value: null };
  let negative = false;
  if (s.startsWith('-') || s.startsWith('\u2212') || s.startsWith(minus)) {
    negative = true;
    s = s.slice(1).trim();
  } else if (s.startsWith('+')) {
    s = s.slice(1).trim();
  }
  // Where the language groups with a space, any kind of space counts as that group separator.
  if (isSpaceGroup(group)) s = s.replace(SPACES, ' ');
  const g = isSpaceGroup(group) ? ' ' : group;
  const decimalIndex = s.indexOf(decimal);
  if (decimalIndex !== s.lastIndexOf(decimal)) return { ok: false, error: 'not-a-number' };
  const intPart = decimalIndex >= 0 ? s.slice(0, decimalIndex) : s;
  const fracPart = decimalIndex >= 0 ? s.slice(decimalIndex + decimal.length) : '';
  if (!/^\d*$/.test(fracPart)) return { ok: false, error: 'not-a-number' };
  let digits: string;
  if (intPart.includes(g)) {
    const groups = intPart.split(g);
    if (!/^\d{1,3}$/.test(groups[0]) || !groups.slice(1).every((x) => /^\d{3}$/.test(x))) {
      return { ok: false, error: 'not-a-number' };
    }
    digits = groups.join('');
  } else {
    if (!/^\d*$/.test(intPart)) return { ok: false, error: 'not-a-number' };
    digits = intPart;
  }
  if (digits === '' && fracPart === '') return { ok: false, error: 'not-a-number' };
  if (integer && /[1-9]/.test(fracPart)) return { ok: false, error: 'not-an-integer' };
  const n = Number(`${negative ? '-' : ''}${digits || '0'}.${fracPart || '0'}`);
  if (!Number.isFinite(n)) return { ok: false, error: 'out-of-range' };
  if (integer && !Number.isSafeInteger(n)) return { ok: false, error: 'out-of-range' };
  return { ok: true, value: n === 0 ? 0 : n };
}

/** Writes a number for editing in the UI language, with grouping, losing no digits. */
export function formatNumberInput(n: number, locale: string): string {
  if (!Number.isFinite(n)) return '';
  const plain = String(Math.abs(n));
  if (/e/i.test(plain)) {
    return numberFormat(locale, { maximumSignificantDigits: 17 }).format(n);
  }
  const { group, decimal } = numberSymbols(locale);
  const [int, frac] = plain.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return `${n < 0 ? '-' : ''}${grouped}${frac ? decimal + frac : ''}`;
}

// ---------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------

type DatePart = 'day' | 'month' | 'year';

const orderCache = new Map<string, { order: DatePart[]; separator: string }>();

/** The order of day, month and year (and the separator) in the language's numeric date. */
export function dateOrder(locale: string): { order: DatePart[]; separator: string } {
  let result = orderCache.get(locale);
  if (!result) {
    const parts = dateTimeFormat(locale, {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      timeZone: 'UTC',
    }).formatToParts(new Date(Date.UTC(2025, 11, 31)));
    const order = parts
      .filter((p): p is Intl.DateTimeFormatPart & { type: DatePart } => ['day', 'month', 'year'].includes(p.type))
      .map((p) => p.type);
    const separator = parts.find((p) => p.type === 'literal')?.value ?? '/';
    result = { order: order.length === 3 ? order : ['year', 'month', 'day'], separator };
    orderCache.set(locale, result);
  }
  return result;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function validDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1 || year < 1 || year > 9999) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  date.setUTCFullYear(year);
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * Reads a date (and optional `HH:mm` time) typed in the UI language's numeric order.
 * Two-digit years mean 20xx. Returns `YYYY-MM-DD`, or an ISO instant when a time was given.
 */
export function parseDate(text: string, locale: string): ParseResult {
  const s = text.trim();
  if (s === '') return { ok: true, value: null };
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2}))?$/.exec(s);
  let year: number, month: number, day: number;
  let hour: number | undefined, minute: number | undefined;
  if (iso) {
    [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    if (iso[4] !== undefined) [hour, minute] = [Number(iso[4]), Number(iso[5])];
  } else {
    const m = /^(\d{1,4})\D{1,3}(\d{1,2})\D{1,3}(\d{1,4})\.?(?:[\s,]+(\d{1,2})[:.](\d{2}))?$/.exec(s);
    if (!m) return { ok: false, error: 'not-a-date' };
    const { order } = dateOrder(locale);
    const values: Record<DatePart, string> = { day: '', month: '', year: '' };
    order.forEach((part, i) => (values[part] = m[i + 1]));
    if (values.year.length === 3 || values.day.length > 2 || values.month.length > 2) {
      return { ok: false, error: 'not-a-date' };
    }
    year = Number(values.year);
    if (values.year.length <= 2) year += 2000;
    month = Number(values.month);
    day = Number(values.day);
    if (m[4] !== undefined) [hour, minute] = [Number(m[4]), Number(m[5])];
  }
  if (!validDate(year, month, day)) return { ok: false, error: 'not-a-date' };
  const date = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
  if (hour === undefined || minute === undefined) return { ok: true, value: date };
  if (hour > 23 || minute > 59) return { ok: false, error: 'not-a-date' };
  const local = new Date(year, month - 1, day, hour, minute);
  local.setFullYear(year);
  return { ok: true, value: local.toISOString() };
}

/** True for `YYYY-MM-DD` or an instant at exactly midnight UTC (stored dates without a time). */
export function isDateOnlyValue(iso: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) || /T00:00(:00(\.0+)?)?(Z|[+-]00:?00)?$/.test(iso);
}

/** Writes a date value for editing in the UI language (`31.12.2025`, `31-12-2025 14:30`). */
export function formatDateInput(iso: string, locale: string): string {
  const { order, separator } = dateOrder(locale);
  let year: number, month: number, day: number;
  let time = '';
  const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (dateOnly) {
    [year, month, day] = [Number(dateOnly[1]), Number(dateOnly[2]), Number(dateOnly[3])];
  } else {
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) return iso;
    if (isDateOnlyValue(iso)) {
      [year, month, day] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
    } else {
      [year, month, day] = [date.getFullYear(), date.getMonth() + 1, date.getDate()];
      time = ` ${pad(date.getHours())}:${pad(date.getMinutes())}`;
    }
  }
  const values: Record<DatePart, string> = { day: pad(day), month: pad(month), year: pad(year, 4) };
  return order.map((p) => values[p]).join(separator) + time;
}

/** An example date in the language's format, for the field's hint (`31.12.2025`). */
export function dateExample(locale: string): string {
  return formatDateInput('2025-12-31', locale);
}

// ---------------------------------------------------------------------------------------------
// Fields
// ---------------------------------------------------------------------------------------------

/** Length in characters as a user counts them (code points, not UTF-16 units). */
export const textLength = (text: string) => [...text].length;

/** True when the field has no value the user could submit. Checkboxes always have a value. */
export function isEmptyValue(field: Pick<FieldMeta, 'type'>, value: FieldValue | undefined): boolean {
  if (field.type === 'checkbox') return false;
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/**
 * Checks a parsed value against the field's rules (mandatory, max length, integer range).
 * Read-only and `label` fields are never invalid: the user cannot change them.
 */
export function validateFieldValue(field: FieldShape, value: FieldValue | undefined): FieldErrorCode | null {
  if (field.type === 'label' || field.access === 'read-only') return null;
  if (isEmptyValue(field, value)) return field.access === 'mandatory' ? 'required' : null;
  switch (field.type) {
    case 'text':
    case 'password':
      if (field.maxLength !== undefined && field.maxLength > 0 && textLength(String(value)) > field.maxLength) {
        return 'too-long';
      }
      return null;
    case 'integer':
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'not-a-number';
      return Number.isSafeInteger(value) ? null : Number.isInteger(value) ? 'out-of-range' : 'not-an-integer';
    case 'double':
      return typeof value === 'number' && Number.isFinite(value) ? null : 'not-a-number';
    case 'datetime':
      return typeof value === 'string' && !Number.isNaN(new Date(value).getTime()) ? null : 'not-a-date';
    default:
      return null;
  }
}

/**
 * Reads what the user typed into a text-like control (text, password, integer, double, datetime)
 * and validates it. `value` is the parsed value even when it breaks a rule (too long, missing),
 * and `null` only when the text cannot be read at all.
 */
export function readFieldInput(
  field: FieldShape,
  text: string,
  locale: string,
): { value: FieldValue; error: FieldErrorCode | null } {
  let parsed: ParseResult;
  switch (field.type) {
    case 'integer':
    case 'double':
      parsed = parseNumber(text, locale, field.type === 'integer');
      break;
    case 'datetime':
      parsed = parseDate(text, locale);
      break;
    default:
      parsed = { ok: true, value: text === '' ? null : text };
  }
  if (!parsed.ok) return { value: null, error: parsed.error };
  return { value: parsed.value, error: validateFieldValue(field, parsed.value) };
}

/** Like {@link readFieldInput}, as a result that is either a good value or an error code. */
export function parseFieldInput(field: FieldShape, text: string, locale: string): ParseResult {
  const { value, error } = readFieldInput(field, text, locale);
  return error ? { ok: false, error } : { ok: true, value };
}

/** The text a text-like control shows for a value, in the UI language. */
export function formatFieldInput(field: Pick<FieldMeta, 'type'>, value: FieldValue | undefined, locale: string): string {
  if (value === null || value === undefined) return '';
  switch (field.type) {
    case 'integer':
    case 'double': {
      const n = typeof value === 'number' ? value : Number(value);
      return typeof value === 'string' && value.trim() === '' ? '' : Number.isFinite(n) ? formatNumberInput(n, locale) : String(value);
    }
    case 'datetime':
      return typeof value === 'string' ? formatDateInput(value, locale) : String(value);
    default:
      return String(value);
  }
}

/** Coerces a stored value to what a checkbox shows. */
export const toBoolean = (value: FieldValue | undefined) => value === true || value === 'true' || value === 1;
