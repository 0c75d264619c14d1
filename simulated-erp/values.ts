import type { FieldMeta, FieldValue } from '../src/model/types.js';
import { ERP_LISTS, listLabel } from './lists.js';
import { sameValue } from '../src/model/text-match.js';

/** Value helpers: display text, equality, list translation between CRM and ERP ids, validation. */

/** The ERP's own display text (numbers and dates stay machine-formatted; the widget localizes values). */
export function display(meta: Pick<FieldMeta, 'type' | 'listName'>, value: FieldValue, listItems = ERP_LISTS): string {
  if (value === null || value === '') return '';
  switch (meta.type) {
    case 'list':
      return listLabel(listItems[meta.listName ?? ''], String(value));
    case 'checkbox':
      return value === true ? 'Yes' : 'No';
    case 'double':
      return typeof value === 'number' ? value.toFixed(2) : String(value);
    case 'datetime':
      return typeof value === 'string' ? value.slice(0, 10) : String(value);
    case 'password':
      return '••••';
    default:
      return String(value);
  }
}

/** The same value, as `meta`'s format sees it (an e-mail address in another case is the same); exact without `meta`. */
export function same(a: FieldValue | undefined, b: FieldValue | undefined, meta?: FieldMeta): boolean {
  return sameValue(a, b, meta?.format);
}

/** CRM list item id -> ERP list item id through a list mapping (first ERP item mapped to it). */
export function crmToErpItem(map: Record<string, string | null>, crmId: FieldValue): FieldValue {
  if (crmId === null || crmId === '') return null;
  const hit = Object.entries(map).find(([, c]) => c === crmId);
  return hit ? hit[0] : null;
}

export function erpToCrmItem(map: Record<string, string | null>, erpId: FieldValue): FieldValue {
  if (erpId === null || erpId === '') return null;
  return map[String(erpId)] ?? null;
}

/** Why a value does not fit a field, or undefined when it does. */
export function invalidReason(meta: FieldMeta, value: FieldValue, lists = ERP_LISTS): string | undefined {
  if (value === null || value === '') return meta.access === 'mandatory' ? `${meta.label} is mandatory` : undefined;
  switch (meta.type) {
    case 'text':
    case 'password':
      if (typeof value !== 'string') return `${meta.label} must be text`;
      if (meta.maxLength && value.length > meta.maxLength) return `${meta.label} is longer than ${meta.maxLength} characters`;
      return undefined;
    case 'integer':
      return Number.isInteger(value) ? undefined : `${meta.label} must be a whole number`;
    case 'double':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : `${meta.label} must be a number`;
    case 'checkbox':
      return typeof value === 'boolean' ? undefined : `${meta.label} must be true or false`;
    case 'datetime':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? undefined : `${meta.label} must be a date`;
    case 'list': {
      const items = lists[meta.listName ?? ''];
      return items?.some((i) => i.id === value) ? undefined : `${meta.label}: unknown item "${String(value)}"`;
    }
    default:
      return undefined;
  }
}
