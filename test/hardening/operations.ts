// One successful call of every RestBackend operation against the seeded simulator (useSimulator()).
// `prepare` makes any calls the operation needs first (a current version, a mapping to save back) and
// returns the call itself, which may then be repeated (e.g. once per injected fault).
import type { RestAdminBackend } from '../../src/backend/rest-backend.js';
import type { OperationName } from '../../demo/mock-erp/faults.js';
import type { ConnectionInput } from '../../src/model/types.js';

export type Prepared = () => Promise<unknown>;


const company = (id: string) => ({ type: 'company' as const, id });
const connectionInput = async (api: RestAdminBackend): Promise<ConnectionInput> => {
  const { name, connectorId, scope, description, config } = await api.getConnection('conn-a');
  return { name, connectorId, scope, description, config };
};
let keys = 0;
const key = () => `matrix-${Date.now()}-${++keys}`;

/** Every operation of `RestBackend` (the simulator's OPERATIONS), each with a call that succeeds. */
export const CALLS: Record<OperationName, (api: RestAdminBackend) => Promise<Prepared>> = {
  getEntityState: async (api) => () => api.getEntityState(company('c1')),
  searchActors: async (api) => () => api.searchActors('conn-a', 'customer', { text: 'a', limit: 5 }),
  getSearchableFields: async (api) => () => api.getSearchableFields('conn-a', 'customer'),
  searchActorsAdvanced: async (api) => () =>
    api.searchActorsAdvanced('conn-a', 'customer', { restrictions: [{ field: 'name', operator: 'contains', values: ['a'] }], limit: 5 }),
  getList: async (api) => () => api.getList('conn-a', 'currencies'),
  compare: async (api) => () =>
    api.compare(company('c6'), { connectionId: 'conn-a', actorType: 'customer', erpKey: '100007' }),
  getNewActorFields: async (api) => () => api.getNewActorFields(company('c6'), 'conn-a', 'customer'),
  saveLink: async (api) => {
    const { version } = (await api.getEntityState(company('c6'))).connections[0]!;
    const compared = await api.compare(company('c6'), { connectionId: 'conn-a', actorType: 'customer', erpKey: '100007' });
    const choices = Object.fromEntries(compared.fields.filter((f) => f.differs).map((f) => [f.field.key, 'crm' as const]));
    const values = Object.fromEntries(compared.askFields.map((f) => [f.field.key, f.value]));
    const idempotencyKey = key();
    return () =>
      api.saveLink(company('c6'), 'conn-a', { actorType: 'customer', erpKey: '100007', choices, values }, { version, idempotencyKey });
  },
  removeLink: async (api) => {
    const { version } = (await api.getEntityState(company('c1'))).connections[0]!;
    const idempotencyKey = key();
    return () => api.removeLink(company('c1'), 'conn-a', { version, idempotencyKey });
  },
  syncNow: async (api) => () => api.syncNow(company('c1'), 'conn-a'),
  getMatchSuggestions: async (api) => () => api.getMatchSuggestions(company('c2'), 'conn-a', 'customer'),
  getHistory: async (api) => () => api.getHistory(company('c1'), 'conn-a', null),

  listConnectors: async (api) => () => api.listConnectors(),
  addConnector: async (api) => () => api.addConnector({ name: `Added ${key()}`, url: 'https://added.example/sync' }),
  updateConnector: async (api) => () => api.updateConnector('ctr-spare', { name: 'Spare', url: 'https://spare.example/sync2' }),
  removeConnector: async (api) => () => api.removeConnector('ctr-spare'),
  testConnectorUrl: async (api) => () => api.testConnectorUrl('https://sync.contoso.example/connector'),
  getConnectorConfigFields: async (api) => () => api.getConnectorConfigFields('ctr-contoso'),
  getConnectorList: async (api) => () => api.getConnectorList('ctr-contoso', 'currencies'),
  listConnections: async (api) => () => api.listConnections(),
  getConnection: async (api) => () => api.getConnection('conn-a'),
  addConnection: async (api) => {
    const input = await connectionInput(api);
    return () => api.addConnection({ ...input, name: `Copy ${key()}` });
  },
  updateConnection: async (api) => {
    const input = await connectionInput(api);
    const { version } = await api.getConnection('conn-a');
    return () => api.updateConnection('conn-a', { ...input, description: 'Changed' }, version);
  },
  removeConnection: async (api) => () => api.removeConnection('conn-c'),
  testConnectionConfig: async (api) => {
    const input = await connectionInput(api);
    return () => api.testConnectionConfig(input);
  },
  testConnection: async (api) => () => api.testConnection('conn-a'),
  setConnectionActive: async (api) => () => api.setConnectionActive('conn-a', true),
  listPrincipals: async (api) => () => api.listPrincipals('sales'),
  getActorTypeMapping: async (api) => () => api.getActorTypeMapping('conn-a', 'customer'),
  saveActorTypeMapping: async (api) => {
    const mapping = await api.getActorTypeMapping('conn-a', 'customer');
    return () => api.saveActorTypeMapping('conn-a', mapping);
  },
  getListMapping: async (api) => () => api.getListMapping('conn-a', 'currencies'),
  saveListMapping: async (api) => {
    const mapping = await api.getListMapping('conn-a', 'currencies');
    return () => api.saveListMapping('conn-a', mapping);
  },
  getDefaults: async (api) => () => api.getDefaults('conn-a', 'customer'),
  saveDefaults: async (api) => {
    const defaults = await api.getDefaults('conn-a', 'customer');
    return () => api.saveDefaults('conn-a', 'customer', defaults);
  },
  saveRank: async (api) => {
    const mapping = await api.getActorTypeMapping('conn-a', 'customer');
    const order = mapping.fields.filter((f) => f.showInTab).map((f) => f.erpField.key).reverse();
    return () => api.saveRank('conn-a', 'customer', order, mapping.version);
  },
  saveSyncPriority: async (api) => {
    const [first] = await api.listConnections();
    return () => api.saveSyncPriority(['conn-b', 'conn-a'], first!.priorityVersion);
  },
  resync: async (api) => () => api.resync('conn-a'),
  importActors: async (api) => {
    await api.setConnectionActive('conn-a', false); // the simulator imports only into an inactive connection
    return () => api.importActors('conn-a', { actorType: 'customer', keys: ['100010', '100011'] });
  },
};

/** The operations that answer 204 (no body). */
export const NO_CONTENT: ReadonlySet<OperationName> = new Set([
  'removeConnector',
  'removeConnection',
]);
