/**
 * Advanced-search criteria: which operators a field type offers, how many values each operator
 * takes, and how the rows the user edits become `Restriction[]` (combined with AND by the backend).
 * Pure functions: no Lit, no DOM, no network.
 */
import type { FieldMeta, FieldType, Restriction, RestrictionOperator } from './types.js';
import { numberFormat } from './intl-cache.js';

/** One row of the criteria editor, as the user edits it (values are the raw input texts). */
export interface Criterion {
  /** Stable id for rendering (keyed repeat) and labels. */
  id: number;
  field: string;
  operator: RestrictionOperator;
  values: string[];
}

/** How many values an operator takes: one, two (a range), or any number (one-of). */
export type Arity = 1 | 2 | 'many';

const OPERATORS: Record<FieldType, RestrictionOperator[]> = {
  text: ['begins', 'contains', 'equals'],
  password: [],
  label: [],
  integer: ['eq', 'lt', 'gt', 'between'],
  double: ['eq', 'lt', 'gt', 'between'],
  list: ['oneOf'],
  datetime: ['before', 'after', 'between'],
  checkbox: ['equals'],
};

/** The operators offered for a field type, the default first. Empty when the type is not searchable. */
export function operatorsFor(type: FieldType): readonly RestrictionOperator[] {
  return OPERATORS[type] ?? [];
}

/** Whether a field can take part in an advanced search. */
export function isSearchable(field: Pick<FieldMeta, 'type'>): boolean {
  return operatorsFor(field.type).length > 0;
}

export function arity(operator: RestrictionOperator): Arity {
  if (operator === 'between') return 2;
  if (operator === 'oneOf') return 'many';
  return 1;
}

function valuesFor(operator: RestrictionOperator, previous: string[]): string[] {
  const n = arity(operator);
  if (n === 'many') return previous.filter((v) => v !== '');
  const out = previous.slice(0, n);
  while (out.length < n) out.push('');
  return out;
}

/** A fresh row for a field: its default operator and empty values. */
export function newCriterion(id: number, field: FieldMeta): Criterion {
  const operator = operatorsFor(field.type)[0] ?? 'equals';
  return { id, field: field.key, operator, values: field.type === 'checkbox' ? ['true'] : valuesFor(operator, []) };
}

/** The row after picking another field: keeps the values only when the type stays the same. */
export function withField(criterion: Criterion, field: FieldMeta, previousField?: FieldMeta): Criterion {
  if (previousField && previousField.type === field.type && previousField.listName === field.listName) {
    return { ...criterion, field: field.key };
  }
  return newCriterion(criterion.id, field);
}

/** The row after picking another operator: values padded or cut to the operator's arity. */
export function withOperator(criterion: Criterion, operator: RestrictionOperator): Criterion {
  return { ...criterion, operator, values: valuesFor(operator, criterion.values) };
}

/**
 * Parses a number typed in the UI language ("1.234,5" in German, "1,234.5" in English).
 * Returns null when the text is not a number.
 */
export function parseLocaleNumber(text: string, locale: string): number | null {
  const parts = numberFormat(locale).formatToParts(12345.6);
  const group = parts.find((p) => p.type === 'group')?.value ?? ',';
  const decimal = parts.find((p) => p.type === 'decimal')?.value ?? '.';
  let t = text.trim().replace(/[\s\u00a0\u202f]/g, '');
  if (t === '') return null;
  t = t.split(group).join('');
  if (decimal !== '.') t = t.replace(decimal, '.');
  t = t.replace(/^\u2212/, '-');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/** A date typed in a date input (`YYYY-MM-DD`) or an ISO date-time; null when invalid. */
function normalizeDate(text: string): string | null {
  const t = text.trim();
  if (!/^\d{4}-\d{2}-\d{2}(T.*)?$/.test(t)) return null;
  return Number.isNaN(new Date(t).getTime()) ? null : t;
}

/** Why a row cannot be used yet; null when it is complete and valid. */
export type CriterionProblem = 'empty' | 'invalid-number' | 'invalid-date' | 'not-integer';

/** The values as sent to the backend, or the reason they cannot be sent. */
export function normalizeValues(
  criterion: Criterion,
  field: Pick<FieldMeta, 'type'>,
  locale: string,
): { values: string[] } | { problem: CriterionProblem } {
  const n = arity(criterion.operator);
  const raw = n === 'many' ? criterion.values : criterion.values.slice(0, n);
  // A range needs both ends: a row with fewer values than its operator takes is incomplete.
  if (raw.length === 0 || (n !== 'many' && raw.length < n) || raw.some((v) => v.trim() === '')) {
    return { problem: 'empty' };
  }
  switch (field.type) {
    case 'integer':
    case 'double': {
      const values: string[] = [];
      for (const v of raw) {
        const num = parseLocaleNumber(v, locale);
        if (num === null) return { problem: 'invalid-number' };
        if (field.type === 'integer' && !Number.isInteger(num)) return { problem: 'not-integer' };
        values.push(String(num));
      }
      return { values };
    }
    case 'datetime': {
      const values: string[] = [];
      for (const v of raw) {
        const d = normalizeDate(v);
        if (d === null) return { problem: 'invalid-date' };
        values.push(d);
      }
      return { values };
    }
    default:
      return { values: raw.map((v) => v.trim()) };
  }
}

/**
 * The restrictions for the backend: one per complete row, in row order (the backend combines them
 * with AND). Rows with an unknown field or incomplete values are left out; `problems` says which.
 */
export function buildRestrictions(
  criteria: readonly Criterion[],
  fields: readonly FieldMeta[],
  locale: string,
): { restrictions: Restriction[]; problems: Map<number, CriterionProblem> } {
  const byKey = new Map(fields.map((f) => [f.key, f]));
  const restrictions: Restriction[] = [];
  const problems = new Map<number, CriterionProblem>();
  for (const c of criteria) {
    const field = byKey.get(c.field);
    if (!field || !operatorsFor(field.type).includes(c.operator)) {
      problems.set(c.id, 'empty');
      continue;
    }
    const result = normalizeValues(c, field, locale);
    if ('problem' in result) problems.set(c.id, result.problem);
    else restrictions.push({ field: c.field, operator: c.operator, values: result.values });
  }
  return { restrictions, problems };
}
