import type { CompareField, Side } from '../../model/types.js';
import type { PreviewValue } from '../../events/erp-connect.js';

/** The side whose value a compare field will have after synchronization. */
export function winningSide(field: CompareField, choices: Record<string, Side>): Side {
  switch (field.direction) {
    case 'erp-to-crm':
      return 'erp';
    case 'crm-to-erp':
      return 'crm';
    default:
      return field.differs ? (choices[field.field.key] ?? 'erp') : 'erp';
  }
}

/**
 * What the tab shows for a pending link: per compared field the value that will win (the chosen
 * side for differing two-way fields, the direction's winner for one-way fields).
 */
export function comparePreview(fields: readonly CompareField[], choices: Record<string, Side>): PreviewValue[] {
  return fields.map((f) => ({
    key: f.field.key,
    label: f.field.label,
    display: winningSide(f, choices) === 'crm' ? f.crmDisplay : f.erpDisplay,
  }));
}
