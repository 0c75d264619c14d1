// What the Tryton connector offers: its config fields and, per actor type, the field metadata and
// where each field lives in Tryton (see the README's "Tryton connector" section for the mapping).
import type { ActorType, FieldMeta } from '../../src/model/types.js';

const text = (key: string, label: string, maxLength: number, extra: Partial<FieldMeta> = {}): FieldMeta => ({ key, label, type: 'text', maxLength, access: 'normal', ...extra });
const list = (key: string, label: string, listName: string, extra: Partial<FieldMeta> = {}): FieldMeta => ({ key, label, type: 'list', listName, access: 'normal', ...extra });

export const CONFIG_FIELDS: FieldMeta[] = [
  { key: 'intro', label: 'Settings of the Tryton server', type: 'label', access: 'read-only' },
  text('serverUrl', 'Server URL', 200, { access: 'mandatory', description: 'Where trytond answers JSON-RPC, e.g. https://erp.example.com:8000' }),
  text('database', 'Database', 60, { access: 'mandatory' }),
  text('username', 'User name', 60, { access: 'mandatory' }),
  { key: 'password', label: 'Password', type: 'password', maxLength: 100, access: 'mandatory' },
  text('company', 'Company', 100, { access: 'mandatory', description: 'The name of the Tryton company whose projects are synchronized' }),
  text('customerCategory', 'Party category of customers', 60, { defaultValue: 'Customer', description: 'Tryton has no customer flag: parties in this category are customers' }),
  text('supplierCategory', 'Party category of suppliers', 60, { defaultValue: 'Supplier', description: 'Parties in this category are suppliers' }),
  text('personCategory', 'Party category of persons', 60, { defaultValue: 'Person', description: 'Parties in this category are persons; they work for a company through the relation "Works for" (module party_relationship)' }),
  { key: 'allowCreate', label: 'Allow creating actors', type: 'checkbox', access: 'normal', defaultValue: true, description: 'Users may create parties and projects in Tryton from the CRM' },
  { key: 'timeoutSec', label: 'Timeout (seconds)', type: 'integer', access: 'normal', defaultValue: 15, description: 'How long the connector waits for Tryton' },
];

const party = (kind: 'customer' | 'supplier'): FieldMeta[] => [
  text('number', kind === 'customer' ? 'Customer number' : 'Supplier number', 20, { access: 'read-only', description: "Tryton's party code, assigned by its sequence" }),
  text('name', 'Name', 100, { access: 'mandatory' }),
  text('vatNumber', 'VAT number', 30, { format: 'vat-number', description: 'The party identifier of type "European VAT"; Tryton checks it' }),
  text('email', 'E-mail', 80, { format: 'email', description: 'The first e-mail contact mechanism' }),
  text('phone', 'Phone', 40, { format: 'phone', description: 'The first phone contact mechanism' }),
  text('street', 'Street', 100, { description: 'Of the first address' }),
  text('postalCode', 'Postal code', 20),
  text('city', 'City', 60),
  list('countryCode', 'Country', 'countries'),
  list('language', 'Language', 'languages'),
  list('paymentTerms', 'Payment terms', 'paymentTerms', { description: kind === 'customer' ? 'Customer payment term' : 'Supplier payment term' }),
  { key: 'active', label: 'Active', type: 'checkbox', access: 'normal' },
];

export const ACTOR_FIELDS: Partial<Record<ActorType, FieldMeta[]>> = {
  customer: party('customer'),
  supplier: party('supplier'),
  person: [
    text('number', 'Contact number', 20, { access: 'read-only', description: "Tryton's party code" }),
    text('name', 'Name', 100, { access: 'mandatory' }),
    text('email', 'E-mail', 80, { format: 'email' }),
    text('phone', 'Phone', 40, { format: 'phone' }),
    { key: 'active', label: 'Active', type: 'checkbox', access: 'normal' },
  ],
  project: [
    text('number', 'Project number', 20, { access: 'read-only', description: 'The id of the project.work record' }),
    text('name', 'Name', 100, { access: 'mandatory' }),
    list('status', 'Status', 'projectStatus'),
    text('customer', 'Customer', 100, { access: 'read-only', description: "The project's party in Tryton" }),
    text('notes', 'Notes', 500, { description: 'The comment of the project' }),
  ],
};

export const ACTOR_TYPES = Object.keys(ACTOR_FIELDS) as ActorType[];
