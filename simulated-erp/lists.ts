import type { ListItem } from '../src/model/types.js';

/** ERP lists (ids as the ERP spells them) and the CRM's own lists (different ids: mapping matters). */
export const ERP_LISTS: Record<string, ListItem[]> = {
  countries: [
    { id: 'DE', label: 'Germany' },
    { id: 'GB', label: 'United Kingdom' },
    { id: 'DK', label: 'Denmark' },
    { id: 'NL', label: 'Netherlands' },
    { id: 'NO', label: 'Norway' },
    { id: 'SE', label: 'Sweden' },
    { id: 'FR', label: 'France' },
    { id: 'CH', label: 'Switzerland' },
    { id: 'US', label: 'United States' },
  ],
  currencies: [
    { id: 'EUR', label: 'Euro' },
    { id: 'GBP', label: 'Pound sterling' },
    { id: 'DKK', label: 'Danish krone' },
    { id: 'NOK', label: 'Norwegian krone' },
    { id: 'SEK', label: 'Swedish krona' },
    { id: 'CHF', label: 'Swiss franc' },
    { id: 'USD', label: 'US dollar' },
  ],
  paymentTerms: [
    { id: 'PREPAID', label: 'Prepayment' },
    { id: 'NET14', label: '14 days net' },
    { id: 'NET30', label: '30 days net' },
    { id: 'NET60', label: '60 days net' },
    { id: 'NET90', label: '90 days net' },
  ],
  projectStatus: [
    { id: 'PLANNED', label: 'Planned' },
    { id: 'ACTIVE', label: 'In progress' },
    { id: 'ONHOLD', label: 'On hold' },
    { id: 'DONE', label: 'Completed' },
  ],
};

const crm = (items: ListItem[], skip: string[] = []): ListItem[] =>
  items.filter((i) => !skip.includes(i.id)).map((i) => ({ id: `crm-${i.id.toLowerCase()}`, label: i.label }));

/** CRM lists; `paymentTerms` lacks NET90 so one ERP item maps to "(No selection)". */
export const CRM_LISTS: Record<string, ListItem[]> = {
  'crm:countries': crm(ERP_LISTS.countries!),
  'crm:currencies': crm(ERP_LISTS.currencies!),
  'crm:paymentTerms': crm(ERP_LISTS.paymentTerms!, ['NET90']),
  'crm:projectStatus': crm(ERP_LISTS.projectStatus!),
};

/** ERP list name -> CRM list name. */
export const LIST_PAIRS: Record<string, string> = {
  countries: 'crm:countries',
  currencies: 'crm:currencies',
  paymentTerms: 'crm:paymentTerms',
  projectStatus: 'crm:projectStatus',
};

/**
 * The mapping an installation starts with: the same item where the CRM has one (same code, or the
 * same text for an ERP whose ids are its own numbers).
 */
export function defaultListMap(listName: string, erpItems: ListItem[] = ERP_LISTS[listName] ?? []): Record<string, string | null> {
  const crmItems = CRM_LISTS[LIST_PAIRS[listName] ?? ''] ?? [];
  const map: Record<string, string | null> = {};
  for (const item of erpItems) {
    const crmId = `crm-${item.id.toLowerCase()}`;
    const sameText = crmItems.find((c) => c.label.trim().toLowerCase() === item.label.trim().toLowerCase());
    map[item.id] = crmItems.some((c) => c.id === crmId) ? crmId : (sameText?.id ?? null);
  }
  return map;
}

export function listLabel(items: ListItem[] | undefined, id: string): string {
  return items?.find((i) => i.id === id)?.label ?? id;
}
