// One successful call of every RestBackend operation against the seeded simulator (useSimulator()).
// `prepare` makes any calls the operation needs first (a current version, a mapping to save back) and
// returns the call itself, which may then be repeated (e.g. once per injected fault).
import type { RestAdminBackend } from '../../src/backend/rest-backend.js';
import type { OperationName } from '../../simulated-erp/faults.js';
import type { ConnectionInput } from '../../src/model/types.js';

export type Prepared = () => Promise<unknown>;


/** The records, connections and actors one data set offers the calls. */
export interface Fixture {
  /** A connection whose connector serves every actor operation. */
  connection: string;
  /** A company linked to it as a customer, and one that is not linked. */
  linked: string;
  unlinked: string;
  /** A customer the unlinked company may be linked to, and two that import may bring in. */
  erpKey: string;
  importKeys: [string, string];
  /** A company with match suggestions, a list of the connection and the connector in use by it. */
  suggestFor: string;
  list: string;
  connector: string;
  connectorUrl: string;
  /** Whose value wins where the compared values differ. */
  choice: 'crm' | 'erp';
}

/** The seeded demo (the simulator's and the sync service's): northwind and contoso connections. */
export const DEMO_FIXTURE: Fixture = {
  connection: 'conn-a',
  linked: 'c1',
  unlinked: 'c6',
  erpKey: '100007',
  importKeys: ['100010', '100011'],
  suggestFor: 'c2',
  list: 'currencies',
  connector: 'ctr-contoso',
  connectorUrl: 'https://sync.contoso.example/connector',
  choice: 'crm',
};

const company = (id: string) => ({ type: 'company' as const, id });
const connectionInput = async (api: RestAdminBackend, id: string): Promise<ConnectionInput> => {
  const { name, connectorId, scope, description, config } = await api.getConnection(id);
  return { name, connectorId, scope, description, config };
};
let keys = 0;
const key = () => `matrix-${Date.now()}-${++keys}`;

/** Every operation of `RestBackend` (the simulator's OPERATIONS), each with a call that succeeds on `fx`. */
export function callsFor(fx: Fixture): Record<OperationName, (api: RestAdminBackend) => Promise<Prepared>> {
  const conn = fx.connection;
  return {
    getEntityState: async (api) => () => api.getEntityState(company(fx.linked)),
    searchActors: async (api) => () => api.searchActors(conn, 'customer', { text: 'a', limit: 5 }),
    getSearchableFields: async (api) => () => api.getSearchableFields(conn, 'customer'),
    searchActorsAdvanced: async (api) => () =>
      api.searchActorsAdvanced(conn, 'customer', { restrictions: [{ field: 'name', operator: 'contains', values: ['a'] }], limit: 5 }),
    getList: async (api) => () => api.getList(conn, fx.list),
    compare: async (api) => () => api.compare(company(fx.unlinked), { connectionId: conn, actorType: 'customer', erpKey: fx.erpKey }),
    getNewActorFields: async (api) => () => api.getNewActorFields(company(fx.unlinked), conn, 'customer'),
    saveLink: async (api) => {
      const { version } = (await api.getEntityState(company(fx.unlinked))).connections.find((c) => c.id === conn)!;
      const compared = await api.compare(company(fx.unlinked), { connectionId: conn, actorType: 'customer', erpKey: fx.erpKey });
      const choices = Object.fromEntries(compared.fields.filter((f) => f.differs).map((f) => [f.field.key, fx.choice]));
      const values = Object.fromEntries(compared.askFields.map((f) => [f.field.key, f.value]));
      const idempotencyKey = key();
      return () => api.saveLink(company(fx.unlinked), conn, { actorType: 'customer', erpKey: fx.erpKey, choices, values }, { version, idempotencyKey });
    },
    removeLink: async (api) => {
      const { version } = (await api.getEntityState(company(fx.linked))).connections.find((c) => c.id === conn)!;
      const idempotencyKey = key();
      return () => api.removeLink(company(fx.linked), conn, { version, idempotencyKey });
    },
    syncNow: async (api) => () => api.syncNow(company(fx.linked), conn),
    getMatchSuggestions: async (api) => () => api.getMatchSuggestions(company(fx.suggestFor), conn, 'customer'),
    getHistory: async (api) => () => api.getHistory(company(fx.linked), conn, null),

    listConnectors: async (api) => () => api.listConnectors(),
    addConnector: async (api) => () => api.addConnector({ name: `Added ${key()}`, url: 'https://added.example/sync' }),
    updateConnector: async (api) => {
      const { id } = await api.addConnector({ name: `Spare ${key()}`, url: 'https://spare.example/sync' });
      return () => api.updateConnector(id, { name: 'Spare', url: 'https://spare.example/sync2' });
    },
    removeConnector: async (api) => {
      const { id } = await api.addConnector({ name: `Spare ${key()}`, url: 'https://spare.example/sync' });
      return () => api.removeConnector(id);
    },
    testConnectorUrl: async (api) => () => api.testConnectorUrl(fx.connectorUrl),
    getConnectorConfigFields: async (api) => () => api.getConnectorConfigFields(fx.connector),
    getConnectorList: async (api) => () => api.getConnectorList(fx.connector, fx.list),
    listConnections: async (api) => () => api.listConnections(),
    getConnection: async (api) => () => api.getConnection(conn),
    addConnection: async (api) => {
      const input = await connectionInput(api, conn);
      return () => api.addConnection({ ...input, name: `Copy ${key()}` });
    },
    updateConnection: async (api) => {
      const input = await connectionInput(api, conn);
      const { version } = await api.getConnection(conn);
      return () => api.updateConnection(conn, { ...input, description: 'Changed' }, version);
    },
    removeConnection: async (api) => {
      const copy = await api.addConnection({ ...(await connectionInput(api, conn)), name: `Spare ${key()}` });
      return () => api.removeConnection(copy.id);
    },
    testConnectionConfig: async (api) => {
      const input = await connectionInput(api, conn);
      return () => api.testConnectionConfig(input);
    },
    testConnection: async (api) => () => api.testConnection(conn),
    setConnectionActive: async (api) => () => api.setConnectionActive(conn, true),
    listPrincipals: async (api) => () => api.listPrincipals('sales'),
    getActorTypeMapping: async (api) => () => api.getActorTypeMapping(conn, 'customer'),
    saveActorTypeMapping: async (api) => {
      const mapping = await api.getActorTypeMapping(conn, 'customer');
      return () => api.saveActorTypeMapping(conn, mapping);
    },
    getListMapping: async (api) => () => api.getListMapping(conn, fx.list),
    saveListMapping: async (api) => {
      const mapping = await api.getListMapping(conn, fx.list);
      return () => api.saveListMapping(conn, mapping);
    },
    getDefaults: async (api) => () => api.getDefaults(conn, 'customer'),
    saveDefaults: async (api) => {
      const defaults = await api.getDefaults(conn, 'customer');
      return () => api.saveDefaults(conn, 'customer', defaults);
    },
    saveRank: async (api) => {
      const mapping = await api.getActorTypeMapping(conn, 'customer');
      const order = mapping.fields.filter((f) => f.showInTab).map((f) => f.erpField.key).reverse();
      return () => api.saveRank(conn, 'customer', order, mapping.version);
    },
    saveSyncPriority: async (api) => {
      const connections = await api.listConnections();
      return () => api.saveSyncPriority(connections.map((c) => c.id).reverse(), connections[0]!.priorityVersion);
    },
    resync: async (api) => () => api.resync(conn),
    importActors: async (api) => {
      await api.setConnectionActive(conn, false); // import only into an inactive connection
      return () => api.importActors(conn, { actorType: 'customer', keys: fx.importKeys });
    },
    getBackgroundSync: async (api) => () => api.getBackgroundSync(conn),
    runBackgroundSync: async (api) => () => api.runBackgroundSync(conn, { idempotencyKey: key() }),
    setBackgroundSyncPaused: async (api) => () => api.setBackgroundSyncPaused(conn, true, { idempotencyKey: key() }),
  };
}

/** The calls on the seeded demo. */
export const CALLS = callsFor(DEMO_FIXTURE);

/** The operations that answer 204 (no body). */
export const NO_CONTENT: ReadonlySet<OperationName> = new Set([
  'removeConnector',
  'removeConnection',
]);
