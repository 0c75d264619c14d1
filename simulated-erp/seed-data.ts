import type { CrmEntityType, HistoryEvent } from '../src/model/types.js';
import type { CrmRecord, ErpActor, LinkRecord, Values } from './model.js';

/** Hand-made demo records: the CRM side and the ERP actors that sit on top of the generated ones. */

export interface DemoRecord {
  type: CrmEntityType;
  id: string;
  name: string;
  description: string;
}

export const DEMO_RECORDS: DemoRecord[] = [
  { type: 'company', id: 'c1', name: 'Acme Ltd', description: 'Linked to customer 100001 "ACME Limited" in both ERPs; CRM values differ (phone, credit limit, payment terms, notes)' },
  { type: 'company', id: 'c2', name: 'Brandt Maschinenbau GmbH', description: 'Not linked; VAT "DE 123 456 789" equals customer 100002 (strong match), a similar name is a weak one' },
  { type: 'company', id: 'c3', name: 'Fjord Shipping ApS', description: 'Linked as supplier 50001 (customer not offered); Sync now finds the phone changed on both sides' },
  { type: 'company', id: 'c4', name: 'Van Dijk Logistiek BV', description: 'Linked to customer 100004; Sync now fails with a connector error' },
  { type: 'company', id: 'c5', name: 'Hostile Strings Corp', description: 'Linked to a customer named <img src=x onerror=alert(1)>; search "bold" finds <b>bold</b>' },
  { type: 'company', id: 'c6', name: 'Nordlys Energi AS', description: 'Not linked; was linked to customer 100007 before (soft unlink)' },
  { type: 'person', id: 'p1', name: 'Jane Smith', description: 'Works at Acme (linked): search runs among ACME Limited\'s contacts; e-mail matches 100001-1' },
  { type: 'person', id: 'p2', name: 'Klaus Brandt', description: 'Works at Brandt (not linked): the contact type is unavailable' },
  { type: 'person', id: 'p3', name: 'Tom Baker', description: 'Linked to contact 100001-2' },
  { type: 'person', id: 'p4', name: 'Pieter de Vries', description: 'Works at Van Dijk (linked), not linked himself' },
  { type: 'project', id: 'j1', name: 'Website relaunch', description: 'Linked to project P-1001' },
  { type: 'project', id: 'j2', name: 'ERP rollout 2025', description: 'Not linked; project P-1002 has a similar name' },
  { type: 'project', id: 'j3', name: 'Warehouse automation', description: 'Not linked; Northwind Finance offers no project type' },
];

const company = (id: string, name: string, values: Values): CrmRecord => ({
  type: 'company',
  id,
  name,
  values: { name, ...values },
});

export function crmRecords(): CrmRecord[] {
  return [
    company('c1', 'Acme Ltd', {
      orgNr: 'GB 123 456 789', email: 'accounts@acme.example', phone: '+44 20 7946 0999', address: '1 Acme Way',
      city: 'London', country: 'crm-gb', currency: 'crm-gbp', paymentTerms: 'crm-net60', creditLimit: 40000,
      employees: 260, founded: '1987-04-01T00:00:00.000Z', active: true, vip: true, notes: 'Met at the Hanover fair',
    }),
    company('c2', 'Brandt Maschinenbau GmbH', {
      orgNr: 'DE 123 456 789', email: 'info@brandt-maschinenbau.example', phone: '+49 711 123456',
      address: 'Industriestraße 5', city: 'Stuttgart', country: 'crm-de', currency: 'crm-eur', paymentTerms: 'crm-net30',
      creditLimit: 75000.5, employees: 420, founded: '1962-09-15T00:00:00.000Z', active: true, vip: false, notes: '',
    }),
    company('c3', 'Fjord Shipping ApS', {
      orgNr: 'DK12345678', email: 'ops@fjordshipping.example', phone: '+45 33 12 00 00', address: 'Havnegade 12',
      city: 'København', country: 'crm-dk', currency: 'crm-dkk', paymentTerms: 'crm-net14', creditLimit: 0,
      employees: 35, founded: '2004-02-01T00:00:00.000Z', active: true, vip: false, notes: 'Supplier of freight',
    }),
    company('c4', 'Van Dijk Logistiek BV', {
      orgNr: 'NL 8123.45.678.B01', email: 'info@vandijk.example', phone: '+31 10 123 4567', address: 'Kade 7',
      city: 'Rotterdam', country: 'crm-nl', currency: 'crm-eur', paymentTerms: 'crm-net30', creditLimit: 20000,
      employees: 80, founded: '1999-06-30T00:00:00.000Z', active: true, vip: false, notes: '',
    }),
    company('c5', 'Hostile Strings Corp', {
      orgNr: 'US999999999', email: 'x@hostile.example', phone: '"><script>alert(2)</script>', address: '<i>nowhere</i>',
      city: 'Boston', country: 'crm-us', currency: 'crm-usd', paymentTerms: 'crm-prepaid', creditLimit: 1,
      employees: 1, founded: '2020-01-01T00:00:00.000Z', active: false, vip: false, notes: '{{constructor}} ${x}',
    }),
    company('c6', 'Nordlys Energi AS', {
      orgNr: 'NO 987 654 321 MVA', email: 'post@nordlys.example', phone: '+47 22 00 00 00', address: 'Kraftveien 1',
      city: 'Oslo', country: 'crm-no', currency: 'crm-nok', paymentTerms: 'crm-net30', creditLimit: 5000,
      employees: 12, founded: '2015-05-05T00:00:00.000Z', active: true, vip: false, notes: '',
    }),
    person('p1', 'c1', 'Jane Smith', 'jane.smith@acme.example', 'Head of purchasing'),
    person('p2', 'c2', 'Klaus Brandt', 'k.brandt@brandt-maschinenbau.example', 'CEO'),
    person('p3', 'c1', 'Tom Baker', 'tom.baker@acme.example', 'Accountant'),
    person('p4', 'c4', 'Pieter de Vries', 'pieter@vandijk.example', 'Planner'),
    project('j1', 'Website relaunch', 'crm-active', 120000, 800),
    project('j2', 'ERP rollout 2025', 'crm-planned', 250000, 2000),
    project('j3', 'Warehouse automation', 'crm-planned', 90000, 600),
  ];
}

function person(id: string, companyId: string, name: string, email: string, title: string): CrmRecord {
  return {
    type: 'person',
    id,
    companyId,
    name,
    values: { name, email, phone: '+44 20 7946 0101', title, birthday: '1985-03-12T00:00:00.000Z', active: true },
  };
}

function project(id: string, name: string, status: string, budget: number, hours: number): CrmRecord {
  return {
    type: 'project',
    id,
    name,
    values: { name, status, startDate: '2025-03-01T00:00:00.000Z', budget, hours, closed: false, description: '' },
  };
}

const customer = (key: string, values: Values): ErpActor => ({ key, type: 'customer', values: { number: key, ...values } });

const ACME: Values = {
  name: 'ACME Limited', vatNumber: 'GB123456789', email: 'accounts@acme.example', phone: '+44 20 7946 0000',
  street: '1 Acme Way', city: 'London', countryCode: 'GB', currencyCode: 'GBP', paymentTerms: 'NET30',
  creditLimit: 50000, employees: 250, founded: '1987-04-01T00:00:00.000Z', active: true, vip: true,
  notes: 'Key account since 2015', balance: 12345.67, creditStatus: 'Credit check passed',
};

/** Fixed actors replace the generated actor with the same key. */
export const FIXED_ACTORS: Record<string, ErpActor[]> = {
  'conn-a': [
    customer('100001', ACME),
    customer('100002', {
      name: 'Brandt Maschinenbau', vatNumber: 'DE123456789', email: 'info@brandt-maschinenbau.example',
      phone: '+49 711 123456', street: 'Industriestraße 5', city: 'Stuttgart', countryCode: 'DE', currencyCode: 'EUR',
      paymentTerms: 'NET30', creditLimit: 80000, employees: 400, founded: '1962-09-15T00:00:00.000Z', active: true,
      vip: false, notes: '', balance: 0, creditStatus: 'Credit check passed',
    }),
    customer('100003', {
      name: 'Brandt Maschinenbau AG', vatNumber: 'CH111222333', city: 'Basel', countryCode: 'CH', currencyCode: 'CHF',
      paymentTerms: 'NET60', active: true,
    }),
    customer('100004', {
      name: 'Van Dijk Logistiek B.V.', vatNumber: 'NL812345678B01', email: 'info@vandijk.example',
      phone: '+31 10 123 4567', city: 'Rotterdam', countryCode: 'NL', currencyCode: 'EUR', paymentTerms: 'NET30',
      creditLimit: 20000, active: true, balance: 999.5, creditStatus: 'Credit check pending',
    }),
    customer('100005', {
      name: '<img src=x onerror=alert(1)>', vatNumber: 'US999999999', email: 'x@hostile.example',
      phone: '<script>alert(1)</script>', city: 'Boston', countryCode: 'US', currencyCode: 'USD',
      paymentTerms: 'PREPAID', creditLimit: 1, active: false, notes: '<b>bold</b> & "quotes"',
      creditStatus: '<a href="javascript:alert(1)">click</a>',
    }),
    customer('100006', { name: '<b>bold</b>', city: '<i>Amsterdam</i>', countryCode: 'NL', currencyCode: 'EUR', active: true }),
    customer('100007', {
      name: 'Nordlys Energi', vatNumber: 'NO987654320', email: 'post@nordlys.example', city: 'Oslo',
      countryCode: 'NO', currencyCode: 'NOK', paymentTerms: 'NET30', active: true,
    }),
    {
      key: '100001-1', type: 'person', parentKey: '100001',
      values: { number: '100001-1', name: 'Jane Smith', email: 'jane.smith@acme.example', phone: '+44 20 7946 0100', title: 'Buyer', birthday: '1985-03-12T00:00:00.000Z', active: true },
    },
    {
      key: '100001-2', type: 'person', parentKey: '100001',
      values: { number: '100001-2', name: 'Tom Baker', email: 'tom.baker@acme.example', phone: '+44 20 7946 0102', title: 'Accountant', birthday: '1979-11-02T00:00:00.000Z', active: true },
    },
    {
      key: '50001', type: 'supplier',
      values: {
        number: '50001', name: 'Fjord Shipping ApS', vatNumber: 'DK12345678', email: 'ops@fjordshipping.example',
        phone: '+45 33 99 88 77', city: 'København', countryCode: 'DK', currencyCode: 'DKK', paymentTerms: 'NET14',
        active: true, bankAccount: 'DK50 0040 0440 1162 43',
      },
    },
    {
      key: 'P-1001', type: 'project',
      values: { number: 'P-1001', name: 'Website Relaunch', status: 'ACTIVE', startDate: '2025-02-15T00:00:00.000Z', budget: 125000, hours: 800, closed: false, description: 'Phase 2' },
    },
    {
      key: 'P-1002', type: 'project',
      values: { number: 'P-1002', name: 'ERP Rollout 2025 (DACH)', status: 'PLANNED', startDate: '2025-06-01T00:00:00.000Z', budget: 300000, hours: 2500, closed: false, description: '' },
    },
  ],
  'conn-b': [
    customer('100001', { ...ACME, name: 'Acme Ltd.', phone: '+44 20 7946 0000', creditLimit: 45000 }),
    customer('100002', { name: 'Brandt Maschinenbau GmbH & Co. KG', vatNumber: 'DE123456789', city: 'Stuttgart', countryCode: 'DE', currencyCode: 'EUR', active: true }),
  ],
};

/** Demo links: [entity type, id, connection, link]; `synced` is the ERP state at the last sync. */
export function demoLinks(now: number): { type: CrmEntityType; id: string; connectionId: string; link: LinkRecord }[] {
  const ago = (minutes: number) => new Date(now - minutes * 60_000).toISOString();
  const link = (actorType: LinkRecord['actorType'], erpKey: string, minutes: number, synced: Values = {}): LinkRecord => ({
    actorType, erpKey, lastSynced: ago(minutes), status: 'ok', synced,
  });
  return [
    { type: 'company', id: 'c1', connectionId: 'conn-a', link: link('customer', '100001', 120) },
    { type: 'company', id: 'c1', connectionId: 'conn-b', link: link('customer', '100001', 60 * 26) },
    // Both sides changed the phone since this base: Sync now reports a conflict.
    { type: 'company', id: 'c3', connectionId: 'conn-a', link: link('supplier', '50001', 60 * 24 * 3, { phone: '+45 33 12 34 56' }) },
    { type: 'company', id: 'c4', connectionId: 'conn-a', link: link('customer', '100004', 60 * 24 * 9) },
    { type: 'company', id: 'c5', connectionId: 'conn-a', link: link('customer', '100005', 5) },
    { type: 'person', id: 'p3', connectionId: 'conn-a', link: link('person', '100001-2', 45) },
    { type: 'project', id: 'j1', connectionId: 'conn-a', link: link('project', 'P-1001', 60 * 5) },
  ];
}

export function demoHistory(now: number): Record<string, HistoryEvent[]> {
  const at = (days: number) => new Date(now - days * 86_400_000).toISOString();
  const events: HistoryEvent[] = [];
  // Enough events on Acme to need a second page.
  for (let i = 0; i < 30; i++) {
    events.push({
      id: `seed-h${i}`,
      kind: 'synced',
      at: at(i + 1),
      by: i % 3 === 0 ? 'Anna Admin' : 'Sync service',
      actorType: 'customer',
      erpKey: '100001',
      changes: i % 2 ? [] : [{ field: 'phone', label: 'Phone', oldValue: `+44 20 7946 00${i + 10}`, newValue: `+44 20 7946 00${i + 11}`, side: 'crm' }],
    });
  }
  events.push({ id: 'seed-hl', kind: 'linked', at: at(40), by: 'Anna Admin', actorType: 'customer', erpKey: '100001', changes: [] });
  return {
    'company:c1/conn-a': events,
    'company:c6/conn-a': [
      { id: 'seed-hu', kind: 'unlinked', at: at(2), by: 'Ben Sales', actorType: 'customer', erpKey: '100007', changes: [] },
      { id: 'seed-hl2', kind: 'linked', at: at(90), by: 'Ben Sales', actorType: 'customer', erpKey: '100007', changes: [] },
    ],
  };
}
