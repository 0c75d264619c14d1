// The demo installation on a real ERP: the demo CRM's records, users and groups, one Tryton
// connector and one connection to a Tryton database, with mappings, defaults and list mappings made
// from what the connector says it offers (its fields and its lists), and no links yet.
import type { FieldValue } from '../../src/model/types.js';
import type { SimState } from '../../simulated-erp/model.js';
import { typeKey } from '../../simulated-erp/model.js';
import { defaultListMap } from '../../simulated-erp/lists.js';
import { defaultMapping } from '../../simulated-erp/seed-config.js';
import { createInitialState } from '../../simulated-erp/state.js';
import { ConnectorClient } from '../connectors/client.js';

export interface TrytonDemo {
  /** Where the Tryton connector answers. */
  connectorUrl: string;
  /** The connection's config: serverUrl, database, username, password, company. */
  config: Record<string, FieldValue>;
}

export const TRYTON_CONNECTOR_ID = 'ctr-tryton';

export async function trytonDemoState(now: number, demo: TrytonDemo, timeoutMs = 30_000): Promise<SimState> {
  const state = createInitialState(now);
  const client = new ConnectorClient(demo.connectorUrl, timeoutMs);
  // Every configuration field the connector has, at its default where the demo sets none.
  const config: Record<string, FieldValue> = {};
  for (const meta of await client.configFields()) config[meta.key] = demo.config[meta.key] ?? (meta.type === 'label' ? null : (meta.defaultValue ?? null));
  // The connector kind only matters where a connector cannot describe itself; Tryton's always does.
  state.connectors = [{ id: TRYTON_CONNECTOR_ID, name: 'Tryton', url: demo.connectorUrl, kind: 'contoso' }];
  state.connections = [
    {
      id: 'conn-t',
      name: 'Tryton ERP',
      connectorId: TRYTON_CONNECTOR_ID,
      scope: { kind: 'everyone' },
      description: `Tryton database "${String(config.database)}": customers, suppliers and projects`,
      config,
      active: true,
      version: 1,
      data: { seed: 0, customers: 0, suppliers: 0, projects: 0, persons: false },
    },
  ];
  Object.assign(state, { mappings: {}, defaults: {}, listMappings: {}, links: {}, linkVersions: {}, previousLinks: {}, history: {}, edits: {}, failingSyncs: [], overrides: {}, created: {} });

  const types = await client.actorTypes(config);
  const listNames = new Set<string>();
  for (const t of types) {
    state.mappings[typeKey('conn-t', t.type)] = defaultMapping(t.type, false, t.fields);
    // Tryton checks VAT numbers: the user sees the CRM's one in Create in ERP and can correct it there.
    state.defaults[typeKey('conn-t', t.type)] = [
      { field: 'name', value: null, askUser: true, mandatory: true, locked: true },
      ...(t.fields.some((f) => f.key === 'vatNumber') ? [{ field: 'vatNumber', value: null, askUser: true, mandatory: false, locked: false }] : []),
    ];
    for (const f of t.fields) if (f.type === 'list' && f.listName) listNames.add(f.listName);
  }
  for (const listName of listNames) {
    state.listMappings[typeKey('conn-t', listName)] = { map: defaultListMap(listName, await client.list(config, listName)), version: 1 };
  }
  return state;
}
