import type { EntityKey } from '../src/backend/erp-backend.js';
import type {
  ActorType,
  ActorTypeDefaults,
  ActorTypeMapping,
  AdvancedSearchRequest,
  CompareRequest,
  ConnectionInput,
  ConnectorInput,
  CrmEntityType,
  ImportRequest,
  ListMapping,
  SaveLinkRequest,
  SearchRequest,
} from '../src/model/types.js';
import type { paths } from '../src/model/api.generated.js';
import type { OperationName } from './faults.js';
import { fail } from './problems.js';
import type { ErpSimulator } from './simulator.js';

/** A path of api/openapi.yaml in the router's form: each `{name}` a `:param` of the route's own naming. */
type Colon<P extends string> = P extends `${infer Head}{${string}}${infer Tail}` ? `${Head}:${string}${Colon<Tail>}` : P;
export type SpecPath = Colon<keyof paths & string>;

/** What a route sees of one request. */
export interface RouteInput {
  sim: ErpSimulator;
  param(name: string): string;
  query(name: string): string | null;
  header(name: string): string | null;
  body: unknown;
}

export interface Route {
  op: OperationName;
  method: 'get' | 'post' | 'put' | 'delete';
  /** Checked against the spec's paths: a route whose path the spec does not have does not compile. */
  path: SpecPath;
  /** Returns the JSON body; `undefined` answers 204. */
  run(input: RouteInput): unknown;
  /** The status of a success with a body, when not 200 (`201` for the creating POSTs, as the spec says). */
  status?: number;
  /** The route checks its Idempotency-Key itself (with its version); otherwise the handler does. */
  ownKey?: true;
  /** A POST that only reads or tests: it changes nothing, so its key is not remembered (nor its answer). */
  safe?: true;
}

const ENTITY_TYPES: CrmEntityType[] = ['company', 'person', 'project'];
const ACTOR_TYPES: ActorType[] = ['customer', 'supplier', 'person', 'project', 'partner'];

const entity = (i: RouteInput): EntityKey => {
  const type = i.param('type') as CrmEntityType;
  if (!ENTITY_TYPES.includes(type)) fail(404, 'entity-not-found', `Unknown CRM entity type "${type}"`);
  return { type, id: i.param('id') };
};
const actorType = (value: string | null): ActorType => {
  if (!ACTOR_TYPES.includes(value as ActorType)) fail(404, 'actor-type-not-supported', `Unknown actor type "${value}"`);
  return value as ActorType;
};
/** The body as an object of the expected shape (deeper checks happen in the simulator). */
function body<T>(i: RouteInput): T {
  if (!i.body || typeof i.body !== 'object') fail(400, 'invalid-body', 'A JSON object is expected');
  return i.body as T;
}
const guard = (i: RouteInput) => ({ version: i.header('If-Match') ?? '', idempotencyKey: i.header('Idempotency-Key') ?? '' });
const order = (i: RouteInput) => body<{ order: string[] }>(i).order;

const E = '/entities/:type/:id';
const A = '/connections/:cid/actor-types/:at';

/** Every route of `RestBackend`, named by its method. */
export const ROUTES: Route[] = [
  { op: 'getEntityState', method: 'get', path: `${E}/erp-state`, run: (i) => i.sim.getEntityState(entity(i)) },
  { op: 'searchActors', method: 'post', safe: true, path: `${A}/search`, run: (i) => i.sim.searchActors(i.param('cid'), actorType(i.param('at')), body<SearchRequest>(i)) },
  { op: 'getSearchableFields', method: 'get', path: `${A}/searchable-fields`, run: (i) => i.sim.getSearchableFields(i.param('cid'), actorType(i.param('at'))) },
  { op: 'searchActorsAdvanced', method: 'post', safe: true, path: `${A}/search-advanced`, run: (i) => i.sim.searchActorsAdvanced(i.param('cid'), actorType(i.param('at')), body<AdvancedSearchRequest>(i)) },
  { op: 'getList', method: 'get', path: '/connections/:cid/lists/:list', run: (i) => i.sim.getList(i.param('cid'), i.param('list')) },
  { op: 'compare', method: 'post', safe: true, path: `${E}/compare`, run: (i) => i.sim.compare(entity(i), body<CompareRequest>(i)) },
  {
    op: 'getNewActorFields', method: 'get', path: `${E}/new-actor-fields`,
    run: (i) => i.sim.getNewActorFields(entity(i), i.query('connectionId') ?? '', actorType(i.query('actorType'))),
  },
  { op: 'saveLink', method: 'put', path: `${E}/links/:cid`, ownKey: true, run: (i) => i.sim.saveLink(entity(i), i.param('cid'), body<SaveLinkRequest>(i), guard(i)) },
  { op: 'removeLink', method: 'delete', path: `${E}/links/:cid`, ownKey: true, run: (i) => i.sim.removeLink(entity(i), i.param('cid'), guard(i)) },
  { op: 'syncNow', method: 'post', path: `${E}/links/:cid/sync`, run: (i) => i.sim.syncNow(entity(i), i.param('cid')) },
  {
    op: 'getMatchSuggestions', method: 'get', path: `${E}/match-suggestions`,
    run: (i) => ({ suggestions: i.sim.getMatchSuggestions(entity(i), i.query('connectionId') ?? '', actorType(i.query('actorType'))) }),
  },
  { op: 'getHistory', method: 'get', path: `${E}/links/:cid/history`, run: (i) => i.sim.getHistory(entity(i), i.param('cid'), i.query('cursor'), i.query('limit')) },

  { op: 'listConnectors', method: 'get', path: '/admin/connectors', run: (i) => i.sim.listConnectors() },
  { op: 'addConnector', method: 'post', status: 201, path: '/admin/connectors', run: (i) => i.sim.addConnector(body<ConnectorInput>(i)) },
  { op: 'testConnectorUrl', method: 'post', safe: true, path: '/admin/connectors/test-url', run: (i) => i.sim.testConnectorUrl(body<{ url: string }>(i).url) },
  { op: 'updateConnector', method: 'put', path: '/admin/connectors/:id', run: (i) => i.sim.updateConnector(i.param('id'), body<ConnectorInput>(i)) },
  { op: 'removeConnector', method: 'delete', path: '/admin/connectors/:id', run: (i) => i.sim.removeConnector(i.param('id')) },
  { op: 'getConnectorConfigFields', method: 'get', path: '/admin/connectors/:id/config-fields', run: (i) => i.sim.getConnectorConfigFields(i.param('id')) },
  { op: 'getConnectorList', method: 'get', path: '/admin/connectors/:id/lists/:list', run: (i) => i.sim.getConnectorList(i.param('id'), i.param('list')) },
  { op: 'listConnections', method: 'get', path: '/admin/connections', run: (i) => i.sim.listConnections() },
  { op: 'addConnection', method: 'post', status: 201, path: '/admin/connections', run: (i) => i.sim.addConnection(body<ConnectionInput>(i)) },
  { op: 'testConnectionConfig', method: 'post', safe: true, path: '/admin/connections/test', run: (i) => i.sim.testConnectionConfig(body<ConnectionInput>(i)) },
  { op: 'getConnection', method: 'get', path: '/admin/connections/:id', run: (i) => i.sim.getConnection(i.param('id')) },
  {
    op: 'updateConnection', method: 'put', path: '/admin/connections/:id',
    run: (i) => i.sim.updateConnection(i.param('id'), body<ConnectionInput>(i), i.header('If-Match')),
  },
  { op: 'removeConnection', method: 'delete', path: '/admin/connections/:id', run: (i) => i.sim.removeConnection(i.param('id')) },
  { op: 'testConnection', method: 'post', safe: true, path: '/admin/connections/:id/test', run: (i) => i.sim.testConnection(i.param('id')) },
  {
    op: 'setConnectionActive', method: 'put', path: '/admin/connections/:id/active',
    run: (i) => i.sim.setConnectionActive(i.param('id'), body<{ active: boolean }>(i).active === true),
  },
  { op: 'listPrincipals', method: 'get', path: '/admin/principals', run: (i) => i.sim.listPrincipals(i.query('q') ?? '') },
  { op: 'getActorTypeMapping', method: 'get', path: `/admin${A}/mapping`, run: (i) => i.sim.getActorTypeMapping(i.param('cid'), actorType(i.param('at'))) },
  {
    op: 'saveActorTypeMapping', method: 'put', path: `/admin${A}/mapping`,
    run: (i) => {
      const mapping = body<ActorTypeMapping>(i);
      if (mapping.actorType !== i.param('at')) fail(422, 'validation-failed', 'actorType differs from the URL', '/actorType');
      return i.sim.saveActorTypeMapping(i.param('cid'), mapping, i.header('If-Match'));
    },
  },
  { op: 'getListMapping', method: 'get', path: '/admin/connections/:cid/list-mappings/:list', run: (i) => i.sim.getListMapping(i.param('cid'), i.param('list')) },
  {
    op: 'saveListMapping', method: 'put', path: '/admin/connections/:cid/list-mappings/:list',
    run: (i) => i.sim.saveListMapping(i.param('cid'), { ...body<ListMapping>(i), listName: i.param('list') }, i.header('If-Match')),
  },
  { op: 'getDefaults', method: 'get', path: `/admin${A}/defaults`, run: (i) => i.sim.getDefaults(i.param('cid'), actorType(i.param('at'))) },
  {
    op: 'saveDefaults', method: 'put', path: `/admin${A}/defaults`,
    run: (i) => i.sim.saveDefaults(i.param('cid'), actorType(i.param('at')), body<ActorTypeDefaults>(i), i.header('If-Match')),
  },
  {
    op: 'saveRank', method: 'put', path: `/admin${A}/rank`,
    run: (i) => i.sim.saveRank(i.param('cid'), actorType(i.param('at')), order(i), i.header('If-Match')),
  },
  { op: 'saveSyncPriority', method: 'put', path: '/admin/sync-priority', run: (i) => i.sim.saveSyncPriority(order(i), i.header('If-Match')) },
  { op: 'resync', method: 'post', path: '/admin/connections/:cid/resync', run: (i) => i.sim.resync(i.param('cid')) },
  { op: 'importActors', method: 'post', path: '/admin/connections/:cid/import', run: (i) => i.sim.importActors(i.param('cid'), body<ImportRequest>(i)) },
  { op: 'getBackgroundSync', method: 'get', path: '/admin/connections/:cid/background', run: (i) => i.sim.getBackgroundSync(i.param('cid')) },
  { op: 'runBackgroundSync', method: 'post', status: 202, path: '/admin/connections/:cid/background/run', run: (i) => i.sim.runBackgroundSync(i.param('cid')) },
  {
    op: 'setBackgroundSyncPaused', method: 'put', path: '/admin/connections/:cid/background/paused',
    run: (i) => {
      const paused = body<{ paused: unknown }>(i).paused;
      if (typeof paused !== 'boolean') fail(422, 'validation-failed', 'paused must be true or false', '/paused');
      return i.sim.setBackgroundSyncPaused(i.param('cid'), paused);
    },
  },
];
