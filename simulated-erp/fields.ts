import type { ActorType, CrmEntityType, CrmFieldInfo, FieldMeta } from '../src/model/types.js';

const text = (key: string, label: string, maxLength: number, extra: Partial<FieldMeta> = {}): FieldMeta => ({
  key,
  label,
  type: 'text',
  maxLength,
  access: 'normal',
  ...extra,
});
const f = (key: string, label: string, type: FieldMeta['type'], extra: Partial<FieldMeta> = {}): FieldMeta => ({
  key,
  label,
  type,
  access: 'normal',
  ...extra,
});
const list = (key: string, label: string, listName: string): FieldMeta => f(key, label, 'list', { listName });

/** ERP field metadata per actor type (the same for every connection in the simulator). */
export const ERP_FIELDS: Record<ActorType, FieldMeta[]> = {
  customer: [
    text('number', 'Customer number', 10, { access: 'read-only', description: 'Assigned by the ERP' }),
    text('name', 'Name', 50, { access: 'mandatory' }),
    text('vatNumber', 'VAT number', 20, { format: 'vat-number' }),
    text('email', 'E-mail', 80, { format: 'email' }),
    text('phone', 'Phone', 30, { format: 'phone' }),
    text('street', 'Street', 60),
    text('city', 'City', 40),
    list('countryCode', 'Country', 'countries'),
    list('currencyCode', 'Currency', 'currencies'),
    list('paymentTerms', 'Payment terms', 'paymentTerms'),
    f('creditLimit', 'Credit limit', 'double'),
    f('employees', 'Employees', 'integer'),
    f('founded', 'Founded', 'datetime'),
    f('active', 'Active', 'checkbox'),
    f('vip', 'Key account', 'checkbox'),
    text('notes', 'Notes', 200),
    f('balance', 'Open balance', 'double', { access: 'read-only' }),
    f('creditStatus', 'Credit check', 'label', { access: 'read-only' }),
  ],
  supplier: [
    text('number', 'Supplier number', 10, { access: 'read-only' }),
    text('name', 'Name', 50, { access: 'mandatory' }),
    text('vatNumber', 'VAT number', 20, { format: 'vat-number' }),
    text('email', 'E-mail', 80, { format: 'email' }),
    text('phone', 'Phone', 30, { format: 'phone' }),
    text('city', 'City', 40),
    list('countryCode', 'Country', 'countries'),
    list('currencyCode', 'Currency', 'currencies'),
    list('paymentTerms', 'Payment terms', 'paymentTerms'),
    f('active', 'Active', 'checkbox'),
    text('bankAccount', 'Bank account (IBAN)', 34),
  ],
  person: [
    text('number', 'Contact number', 14, { access: 'read-only' }),
    text('name', 'Name', 60, { access: 'mandatory' }),
    text('email', 'E-mail', 80, { format: 'email' }),
    text('phone', 'Phone', 30, { format: 'phone' }),
    text('title', 'Job title', 40),
    f('birthday', 'Birthday', 'datetime'),
    f('active', 'Active', 'checkbox'),
  ],
  project: [
    text('number', 'Project number', 10, { access: 'read-only' }),
    text('name', 'Name', 60, { access: 'mandatory' }),
    list('status', 'Status', 'projectStatus'),
    f('startDate', 'Start date', 'datetime'),
    f('budget', 'Budget', 'double'),
    f('hours', 'Budgeted hours', 'integer'),
    f('closed', 'Closed', 'checkbox'),
    text('description', 'Description', 200),
  ],
  partner: [text('number', 'Partner number', 10, { access: 'read-only' }), text('name', 'Name', 50)],
};

export const ENTITY_OF: Record<ActorType, CrmEntityType> = {
  customer: 'company',
  supplier: 'company',
  partner: 'company',
  person: 'person',
  project: 'project',
};

/** CRM fields per entity type, what the admin can map ERP fields to. */
export const CRM_FIELDS: Record<CrmEntityType, CrmFieldInfo[]> = {
  company: [
    { key: 'name', label: 'Name', type: 'text' },
    { key: 'orgNr', label: 'Org./VAT number', type: 'text' },
    { key: 'email', label: 'E-mail', type: 'text' },
    { key: 'phone', label: 'Phone', type: 'text' },
    { key: 'address', label: 'Street address', type: 'text' },
    { key: 'city', label: 'City', type: 'text' },
    { key: 'country', label: 'Country', type: 'list', listName: 'crm:countries' },
    { key: 'currency', label: 'Currency', type: 'list', listName: 'crm:currencies' },
    { key: 'paymentTerms', label: 'Payment terms', type: 'list', listName: 'crm:paymentTerms' },
    { key: 'creditLimit', label: 'Credit limit', type: 'double' },
    { key: 'employees', label: 'Number of employees', type: 'integer' },
    { key: 'founded', label: 'Founded', type: 'datetime' },
    { key: 'active', label: 'Active', type: 'checkbox' },
    { key: 'vip', label: 'VIP', type: 'checkbox' },
    { key: 'notes', label: 'Notes', type: 'text' },
  ],
  person: [
    { key: 'name', label: 'Name', type: 'text' },
    { key: 'email', label: 'E-mail', type: 'text' },
    { key: 'phone', label: 'Phone', type: 'text' },
    { key: 'title', label: 'Title', type: 'text' },
    { key: 'birthday', label: 'Birthday', type: 'datetime' },
    { key: 'active', label: 'Active', type: 'checkbox' },
  ],
  project: [
    { key: 'name', label: 'Name', type: 'text' },
    { key: 'status', label: 'Status', type: 'list', listName: 'crm:projectStatus' },
    { key: 'startDate', label: 'Start date', type: 'datetime' },
    { key: 'budget', label: 'Budget', type: 'double' },
    { key: 'hours', label: 'Hours', type: 'integer' },
    { key: 'closed', label: 'Closed', type: 'checkbox' },
    { key: 'description', label: 'Description', type: 'text' },
  ],
};

export function erpField(actorType: ActorType, key: string): FieldMeta | undefined {
  return ERP_FIELDS[actorType].find((m) => m.key === key);
}

/** Why an ERP field can never be synced (read-only in the ERP, or a display-only label). */
export function notSyncableReason(meta: FieldMeta): string | undefined {
  if (meta.type === 'label') return 'display-only';
  if (meta.access === 'read-only') return 'read-only-in-erp';
  return undefined;
}
