import { CONNECTOR_KINDS } from './connectors.js';
import { crmEditKey, erpEditKey, linkKey, entityKey, type SimState } from './model.js';
import { CONNECTIONS, CONNECTORS, defaultConfigFor, GROUPS, USERS } from './seed-config.js';
import { crmRecords, demoHistory, demoLinks } from './seed-data.js';

/** The mutable state a fresh installation starts with (JSON only: it is what gets persisted). */
export function createInitialState(now: number): SimState {
  const state: SimState = {
    schema: 1,
    seq: 1,
    crm: {},
    users: structuredClone(USERS),
    groups: structuredClone(GROUPS),
    currentUser: 'u-anna',
    connectors: structuredClone(CONNECTORS),
    connections: structuredClone(CONNECTIONS),
    mappings: {},
    listMappings: {},
    defaults: {},
    links: {},
    linkVersions: {},
    previousLinks: { [linkKey('company', 'c6', 'conn-a')]: { actorType: 'customer', erpKey: '100007' } },
    overrides: {},
    created: {},
    history: demoHistory(now),
    idempotency: [],
    failingSyncs: [linkKey('company', 'c4', 'conn-a')],
    // The phone of c3 / supplier 50001 changed on both sides since the last sync.
    edits: {
      [crmEditKey('company', 'c3', 'phone')]: { by: 'Ben Sales', at: new Date(now - 26 * 3600_000).toISOString() },
      [erpEditKey('conn-a', '50001', 'phone')]: { by: 'Lars Jensen (ERP)', at: new Date(now - 50 * 3600_000).toISOString() },
    },
  };
  for (const record of crmRecords()) state.crm[entityKey(record.type, record.id)] = record;
  for (const connection of state.connections) {
    const connector = state.connectors.find((c) => c.id === connection.connectorId);
    const kind = CONNECTOR_KINDS[connector?.kind ?? 'contoso'];
    const config = defaultConfigFor(connection, connector?.kind === 'northwind', kind.actorTypes);
    Object.assign(state.mappings, config.mappings);
    Object.assign(state.defaults, config.defaults);
    Object.assign(state.listMappings, config.listMappings);
  }
  for (const { type, id, connectionId, link } of demoLinks(now)) state.links[linkKey(type, id, connectionId)] = link;
  return state;
}
