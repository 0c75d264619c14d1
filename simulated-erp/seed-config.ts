import type { ActorType, DefaultValue, FieldMeta, SyncDirection } from '../src/model/types.js';
import { ERP_FIELDS, notSyncableReason } from './fields.js';
import { defaultListMap, ERP_LISTS } from './lists.js';
import type {
  ConnectionRecord,
  ConnectorRecord,
  FieldMappingRecord,
  ListMappingRecord,
  MappingRecord,
  UserRecord,
} from './model.js';
import { typeKey } from './model.js';

/** The admin configuration an installation starts with. */

export const USERS: UserRecord[] = [
  { id: 'u-anna', name: 'Anna Admin', groups: ['g-admins'], licence: true, admin: true },
  { id: 'u-ben', name: 'Ben Sales', groups: ['g-sales'], licence: true, admin: false },
  { id: 'u-eve', name: 'Eve Finance', groups: ['g-finance'], licence: true, admin: false },
  { id: 'u-carl', name: 'Carl Without Licence', groups: ['g-sales'], licence: false, admin: false },
  { id: 'u-dora', name: 'Dora Without Access', groups: [], licence: true, admin: false },
];

export const GROUPS = [
  { id: 'g-admins', name: 'Administrators' },
  { id: 'g-sales', name: 'Sales' },
  { id: 'g-finance', name: 'Finance' },
];

export const CONNECTORS: ConnectorRecord[] = [
  { id: 'ctr-contoso', name: 'Contoso Sync Connector', url: 'https://sync.contoso.example/connector', kind: 'contoso' },
  { id: 'ctr-northwind', name: 'Northwind Connector', url: 'https://northwind.example/erp-sync', kind: 'northwind' },
  { id: 'ctr-spare', name: 'Spare connector (unused)', url: 'https://spare.example/sync', kind: 'contoso' },
];

export const CONNECTIONS: ConnectionRecord[] = [
  {
    id: 'conn-a',
    name: 'Contoso ERP',
    connectorId: 'ctr-contoso',
    scope: { kind: 'specific', principals: ['g-admins', 'g-sales'] },
    description: 'Main ERP: customers, suppliers, contacts and projects',
    config: {
      intro: null,
      serverUrl: 'https://erp.contoso.example',
      username: 'crm-sync',
      password: 'secret-a',
      companyDb: 'CONTOSO01',
      allowCreate: true,
      timeoutSec: 30,
      rateLimit: 2.5,
      region: 'DE',
      syncSince: '2024-01-01T00:00:00.000Z',
    },
    active: true,
    version: 1,
    data: { seed: 1, customers: 100_000, suppliers: 3_000, projects: 400, persons: true },
  },
  {
    id: 'conn-b',
    name: 'Northwind Finance',
    connectorId: 'ctr-northwind',
    scope: { kind: 'specific', principals: ['g-admins', 'g-finance'] },
    description: 'Finance ERP (read mostly)',
    config: {
      intro: null,
      serverUrl: 'https://api.northwind.example',
      username: 'crm',
      password: 'secret-b',
      tenant: 'nw-eu',
      apiVersion: '2.1',
    },
    active: true,
    version: 1,
    data: { seed: 2, customers: 5_000, suppliers: 800, projects: 0, persons: false },
  },
  {
    id: 'conn-c',
    name: 'Legacy AX',
    connectorId: 'ctr-contoso',
    scope: { kind: 'everyone' },
    description: 'Old system, being retired (configuration incomplete: no password)',
    config: { intro: null, serverUrl: 'https://ax.example', username: 'sync', companyDb: 'AX', allowCreate: false },
    active: false,
    version: 1,
    data: { seed: 3, customers: 1_000, suppliers: 100, projects: 50, persons: true },
  },
];

/** ERP field -> [CRM field, direction] per entity; unlisted ERP fields start unmapped. */
const PAIRS: Record<ActorType, Record<string, [string, SyncDirection]>> = {
  customer: {
    name: ['name', 'both'],
    vatNumber: ['orgNr', 'both'],
    email: ['email', 'both'],
    phone: ['phone', 'both'],
    street: ['address', 'both'],
    city: ['city', 'both'],
    countryCode: ['country', 'both'],
    currencyCode: ['currency', 'erp-to-crm'],
    paymentTerms: ['paymentTerms', 'erp-to-crm'],
    creditLimit: ['creditLimit', 'erp-to-crm'],
    employees: ['employees', 'crm-to-erp'],
    founded: ['founded', 'both'],
    active: ['active', 'both'],
    vip: ['vip', 'crm-to-erp'],
    notes: ['notes', 'both'],
  },
  supplier: {
    name: ['name', 'both'],
    vatNumber: ['orgNr', 'both'],
    email: ['email', 'both'],
    phone: ['phone', 'both'],
    city: ['city', 'both'],
    countryCode: ['country', 'both'],
    currencyCode: ['currency', 'erp-to-crm'],
    paymentTerms: ['paymentTerms', 'erp-to-crm'],
    active: ['active', 'both'],
  },
  person: {
    name: ['name', 'both'],
    email: ['email', 'both'],
    phone: ['phone', 'both'],
    title: ['title', 'crm-to-erp'],
    birthday: ['birthday', 'both'],
    active: ['active', 'erp-to-crm'],
  },
  project: {
    name: ['name', 'both'],
    status: ['status', 'erp-to-crm'],
    startDate: ['startDate', 'both'],
    budget: ['budget', 'erp-to-crm'],
    hours: ['hours', 'crm-to-erp'],
    closed: ['closed', 'erp-to-crm'],
    description: ['description', 'both'],
    notes: ['description', 'both'],
  },
  partner: {},
};

const SEARCH_COLUMNS = ['number', 'name', 'city', 'countryCode', 'vatNumber', 'email', 'status', 'startDate'];
const HIDDEN_IN_TAB = ['number', 'street', 'notes', 'bankAccount', 'description'];

/** The mapping an installation starts with: the ERP fields (the connector's, where it told) paired with the CRM's by key. */
export function defaultMapping(actorType: ActorType, northwind: boolean, erpFields: FieldMeta[] = ERP_FIELDS[actorType]): MappingRecord {
  const fields: FieldMappingRecord[] = erpFields.map((meta) => {
    const pair = notSyncableReason(meta) ? undefined : PAIRS[actorType][meta.key];
    // Northwind is read-mostly: the ERP leads every field it syncs.
    const direction = pair ? (northwind ? 'erp-to-crm' : pair[1]) : null;
    return {
      erpField: meta.key,
      crmField: pair ? pair[0] : null,
      direction,
      showInSearch: SEARCH_COLUMNS.includes(meta.key),
      showInTab: !HIDDEN_IN_TAB.includes(meta.key) && !(northwind && meta.type === 'datetime'),
    };
  });
  return { enabled: actorType !== 'partner', fields, version: 1 };
}

export function defaultDefaults(actorType: ActorType): DefaultValue[] {
  const name: DefaultValue = { field: 'name', value: null, askUser: true, mandatory: true, locked: true };
  switch (actorType) {
    case 'customer':
      return [
        name,
        { field: 'countryCode', value: null, askUser: true, mandatory: false },
        { field: 'currencyCode', value: 'EUR', askUser: true, mandatory: false },
        { field: 'paymentTerms', value: 'NET30', askUser: true, mandatory: true },
        { field: 'creditLimit', value: 10000, askUser: false, mandatory: false },
      ];
    case 'supplier':
      return [name, { field: 'currencyCode', value: 'EUR', askUser: true, mandatory: false }];
    case 'person':
      return [name, { field: 'title', value: null, askUser: true, mandatory: false }];
    case 'project':
      return [
        name,
        { field: 'status', value: 'PLANNED', askUser: true, mandatory: true },
        { field: 'budget', value: null, askUser: true, mandatory: false },
      ];
    default:
      return [name];
  }
}

/** Mappings, list mappings and defaults of every connection, keyed by `${connectionId}/${name}`. */
export function defaultConfigFor(connection: ConnectionRecord, northwind: boolean, actorTypes: ActorType[]) {
  const mappings: Record<string, MappingRecord> = {};
  const defaults: Record<string, DefaultValue[]> = {};
  const listMappings: Record<string, ListMappingRecord> = {};
  for (const type of actorTypes) {
    mappings[typeKey(connection.id, type)] = defaultMapping(type, northwind);
    defaults[typeKey(connection.id, type)] = defaultDefaults(type);
  }
  for (const listName of Object.keys(ERP_LISTS)) {
    listMappings[typeKey(connection.id, listName)] = { map: defaultListMap(listName), version: 1 };
  }
  return { mappings, defaults, listMappings };
}
