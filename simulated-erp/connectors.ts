import type { ActorType, FieldMeta } from '../src/model/types.js';

/** What a connector product can do; a connection inherits it from its connector. */
export interface ConnectorKind {
  actorTypes: ActorType[];
  advancedSearch: boolean;
  /** Whether the connector can create actors at all (the connection's `allowCreate` decides too). */
  canCreate: boolean;
  configFields: FieldMeta[];
}

const base: FieldMeta[] = [
  { key: 'intro', label: 'Settings of the ERP company database', type: 'label', access: 'read-only' },
  { key: 'serverUrl', label: 'Server URL', type: 'text', maxLength: 200, access: 'mandatory' },
  { key: 'username', label: 'User name', type: 'text', maxLength: 60, access: 'mandatory' },
  { key: 'password', label: 'Password', type: 'password', maxLength: 100, access: 'mandatory' },
];

export const CONNECTOR_KINDS: Record<'contoso' | 'northwind', ConnectorKind> = {
  contoso: {
    actorTypes: ['customer', 'supplier', 'person', 'project'],
    advancedSearch: true,
    canCreate: true,
    configFields: [
      ...base,
      { key: 'companyDb', label: 'Company database', type: 'text', maxLength: 40, access: 'mandatory' },
      { key: 'allowCreate', label: 'Allow creating actors', type: 'checkbox', access: 'normal', defaultValue: true },
      {
        key: 'timeoutSec',
        label: 'Timeout (seconds)',
        type: 'integer',
        access: 'normal',
        defaultValue: 30,
        description: 'How long the connector waits for the ERP',
      },
      { key: 'rateLimit', label: 'Requests per second', type: 'double', access: 'normal', defaultValue: 2.5 },
      { key: 'region', label: 'Data centre', type: 'list', listName: 'countries', access: 'normal' },
      { key: 'syncSince', label: 'Synchronize changes since', type: 'datetime', access: 'normal' },
    ],
  },
  northwind: {
    actorTypes: ['customer', 'supplier'],
    advancedSearch: false,
    canCreate: false,
    configFields: [
      ...base,
      { key: 'tenant', label: 'Tenant', type: 'text', maxLength: 40, access: 'mandatory' },
      { key: 'apiVersion', label: 'API version', type: 'text', access: 'read-only', defaultValue: '2.1' },
    ],
  },
};

/** Connectors added in the admin UI: a URL mentioning "northwind" speaks the Northwind API. */
export function kindForUrl(url: string): keyof typeof CONNECTOR_KINDS {
  return /northwind/i.test(url) ? 'northwind' : 'contoso';
}
