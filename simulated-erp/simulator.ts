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
  HistoryEvent,
  ImportRequest,
  ListItem,
  ProblemBody,
  ListMapping,
  SaveLinkRequest,
  SearchRequest,
} from '../src/model/types.js';
import { ActorStore } from './actors.js';
import { backgroundConnection, idleBackground, simRun, simStatus, withLastBackgroundSync, type SimBackground } from './background.js';
import * as connections from './admin-connections.js';
import * as connectors from './admin-connectors.js';
import * as data from './admin-data.js';
import * as mappings from './admin-mapping.js';
import { currentUser, erpLists, usableConnection, type Ctx } from './context.js';
import { getEntityState } from './entity-state.js';
import { Faults } from './faults.js';
import { once, type WriteGuard } from './guard.js';
import { getHistory } from './history.js';
import * as linking from './linking.js';
import { getMatchSuggestions } from './match.js';
import { crmEditKey, entityKey, erpEditKey, linkKey, type CrmRecord, type ErpActor, type SimState, type UserRecord } from './model.js';
import { fail, SimProblem } from './problems.js';
import * as search from './search.js';
import { createInitialState } from './state.js';
import { syncNow } from './sync.js';
import { erpLanguage, type ErpLanguage } from './texts.js';

export interface SimulatorOptions {
  /** Clock in epoch ms (tests pin it). */
  now?: () => number;
  /** Index the generated names for text search (the connector service; a page scans instead). */
  indexNames?: boolean;
}

/**
 * An in-memory CRM plus ERP connections behind the widget's backend API. Method names and arguments
 * mirror `ErpBackend`/`ErpAdminBackend`, but calls are synchronous and throw `SimProblem`.
 * Only the mutable state (links, changed and created actors, admin config, history, current user)
 * is stored; the 100,000 generated customers are computed on demand.
 */
export class ErpSimulator {
  readonly faults = new Faults();
  readonly actors: ActorStore;
  private state: SimState;
  private readonly clock: () => number;
  private readonly listeners = new Set<() => void>();
  private readonly ctx: Ctx;
  /** The language of the request being answered (see `speaking`); English between requests. */
  private lang: ErpLanguage | undefined;
  /** Each connection's background sync (runs only on Run now here), and connectors made to fail it. */
  private background = new Map<string, SimBackground>();
  private readonly backgroundDown = new Map<string, ProblemBody>();

  constructor(options: SimulatorOptions = {}) {
    this.clock = options.now ?? Date.now;
    this.state = createInitialState(this.clock());
    this.actors = new ActorStore(() => this.state, options.indexNames ?? false);
    const currentState = () => this.state;
    const currentLang = () => this.lang;
    this.ctx = {
      // A getter: reset() and load() replace the state object.
      get state() {
        return currentState();
      },
      get lang() {
        return currentLang();
      },
      actors: this.actors,
      now: () => new Date(this.clock()).toISOString(),
      nextId: (prefix) => `${prefix}${this.state.seq++}`,
    };
    this.completeSyncedBases();
  }

  /**
   * Answers `work` in the language of an Accept-Language header: the ERP's field labels and list
   * texts in it where the ERP has them (de, da, nl), else in English.
   */
  speaking<T>(acceptLanguage: string | null, work: () => T): T {
    this.lang = erpLanguage(acceptLanguage);
    try {
      return work();
    } finally {
      this.lang = undefined;
    }
  }

  // ----- state -----

  /** Calls `listener` after every change of the state; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  reset(): void {
    this.state = createInitialState(this.clock());
    this.completeSyncedBases();
    this.actors.materialized = 0;
    this.faults.clear();
    this.background = new Map();
    this.backgroundDown.clear();
    this.emit();
  }

  toJSON(): SimState {
    return structuredClone(this.state);
  }

  /** Replaces the state with a saved one; false (and nothing changed) when it is not a simulator state. */
  load(json: unknown): boolean {
    if (!isState(json)) return false;
    this.state = { ...createInitialState(this.clock()), ...structuredClone(json) };
    this.emit();
    return true;
  }

  static fromJSON(json: unknown, options?: SimulatorOptions): ErpSimulator {
    const sim = new ErpSimulator(options);
    if (!sim.load(json)) throw new TypeError('Not an ErpSimulator state');
    return sim;
  }

  // ----- test and demo helpers (not part of the REST API) -----

  get currentUser(): UserRecord {
    return structuredClone(currentUser(this.ctx));
  }

  users(): UserRecord[] {
    return structuredClone(this.state.users);
  }

  setCurrentUser(id: string): void {
    if (!this.state.users.some((u) => u.id === id)) throw new RangeError(`No user "${id}"`);
    this.state.currentUser = id;
    this.emit();
  }

  crmRecord(type: CrmEntityType, id: string): CrmRecord | undefined {
    return structuredClone(this.state.crm[entityKey(type, id)]);
  }

  /** Changes a CRM value as if a user (`by`, default the current user) edited the record in the CRM. */
  setCrmValue(type: CrmEntityType, id: string, field: string, value: CrmRecord['values'][string], by?: string): void {
    this.write(() => {
      const record = this.state.crm[entityKey(type, id)] ?? fail(404, 'entity-not-found', `No ${type} "${id}"`);
      record.values[field] = value;
      if (field === 'name') record.name = String(value ?? '');
      (this.state.edits ??= {})[crmEditKey(type, id, field)] = { by: by ?? currentUser(this.ctx).name, at: this.ctx.now() };
    });
  }

  erpActor(connectionId: string, type: ActorType, key: string): ErpActor | undefined {
    return this.actors.get(connectionId, type, key);
  }

  /** Changes ERP values as if someone (`by`, default "ERP user") edited the actor in the ERP. */
  setErpValues(connectionId: string, type: ActorType, key: string, values: ErpActor['values'], by = 'ERP user'): void {
    this.write(() => {
      const actor = this.actors.get(connectionId, type, key) ?? fail(404, 'actor-not-found', key);
      this.actors.update(connectionId, actor, values);
      const at = this.ctx.now();
      for (const field of Object.keys(values)) (this.state.edits ??= {})[erpEditKey(connectionId, key, field)] = { by, at };
    });
  }

  /** Adds history events to a link (newest first), e.g. to try a long history. */
  addHistoryEvents(entity: EntityKey, connectionId: string, events: HistoryEvent[]): void {
    const key = linkKey(entity.type, entity.id, connectionId);
    this.state.history[key] = [...events, ...(this.state.history[key] ?? [])];
    this.emit();
  }

  /** Makes Sync now of this link fail with a connector error (or work again). */
  setFailingSync(entity: EntityKey, connectionId: string, failing: boolean): void {
    const key = linkKey(entity.type, entity.id, connectionId);
    this.state.failingSyncs = this.state.failingSyncs.filter((k) => k !== key);
    if (failing) this.state.failingSyncs.push(key);
    this.emit();
  }

  /** Makes the connection's background runs fail as a whole with `problem` (its connector down), or work again. */
  setBackgroundDown(connectionId: string, problem: ProblemBody | null): void {
    if (problem) this.backgroundDown.set(connectionId, problem);
    else this.backgroundDown.delete(connectionId);
  }

  // ----- end user -----

  getEntityState(entity: EntityKey) {
    return withLastBackgroundSync(getEntityState(this.ctx, entity), (cid) => this.background.get(cid)?.lastSuccess ?? undefined);
  }
  searchActors(connectionId: string, actorType: ActorType, request: SearchRequest) {
    return search.searchActors(this.ctx, connectionId, actorType, request);
  }
  getSearchableFields(connectionId: string, actorType: ActorType) {
    return search.getSearchableFields(this.ctx, connectionId, actorType);
  }
  searchActorsAdvanced(connectionId: string, actorType: ActorType, request: AdvancedSearchRequest) {
    return search.searchActorsAdvanced(this.ctx, connectionId, actorType, request);
  }
  getList(connectionId: string, listName: string): ListItem[] {
    usableConnection(this.ctx, connectionId);
    return structuredClone(erpLists(this.ctx, connectionId)[listName] ?? fail(404, 'list-not-found', `No list "${listName}"`));
  }
  compare(entity: EntityKey, request: CompareRequest) {
    return linking.compare(this.ctx, entity, request);
  }
  getNewActorFields(entity: EntityKey, connectionId: string, actorType: ActorType) {
    return linking.getNewActorFields(this.ctx, entity, connectionId, actorType);
  }
  saveLink(entity: EntityKey, connectionId: string, request: SaveLinkRequest, guard: WriteGuard) {
    return this.write(() => linking.saveLink(this.ctx, entity, connectionId, request, guard));
  }
  removeLink(entity: EntityKey, connectionId: string, guard: WriteGuard) {
    return this.write(() => linking.removeLink(this.ctx, entity, connectionId, guard));
  }
  syncNow(entity: EntityKey, connectionId: string) {
    return this.write(() => syncNow(this.ctx, entity, connectionId));
  }
  getMatchSuggestions(entity: EntityKey, connectionId: string, actorType: ActorType) {
    return getMatchSuggestions(this.ctx, entity, connectionId, actorType);
  }
  getHistory(entity: EntityKey, connectionId: string, cursor: string | null, limit: string | null = null) {
    return getHistory(this.ctx, entity, connectionId, cursor, limit);
  }

  // ----- administration -----

  listConnectors() {
    return connectors.listConnectors(this.ctx);
  }
  addConnector(input: ConnectorInput) {
    return this.write(() => connectors.addConnector(this.ctx, input));
  }
  updateConnector(id: string, input: ConnectorInput) {
    return this.write(() => connectors.updateConnector(this.ctx, id, input));
  }
  removeConnector(id: string): void {
    this.write(() => connectors.removeConnector(this.ctx, id));
  }
  testConnectorUrl(url: string) {
    return connectors.testConnectorUrl(this.ctx, url);
  }
  getConnectorConfigFields(connectorId: string) {
    return connectors.getConnectorConfigFields(this.ctx, connectorId);
  }
  getConnectorList(connectorId: string, listName: string) {
    return connectors.getConnectorList(this.ctx, connectorId, listName);
  }
  listConnections() {
    return connections.listConnections(this.ctx);
  }
  getConnection(id: string) {
    return connections.getConnection(this.ctx, id);
  }
  addConnection(input: ConnectionInput) {
    return this.write(() => connections.addConnection(this.ctx, input));
  }
  updateConnection(id: string, input: ConnectionInput, version: string | null) {
    return this.write(() => connections.updateConnection(this.ctx, id, input, version));
  }
  removeConnection(id: string): void {
    this.write(() => connections.removeConnection(this.ctx, id));
  }
  testConnectionConfig(input: ConnectionInput) {
    return connections.testConnectionConfig(this.ctx, input);
  }
  testConnection(id: string) {
    return connections.testConnection(this.ctx, id);
  }
  setConnectionActive(id: string, active: boolean) {
    return this.write(() => connections.setConnectionActive(this.ctx, id, active));
  }
  listPrincipals(query: string) {
    return connections.listPrincipals(this.ctx, query);
  }
  getActorTypeMapping(connectionId: string, actorType: ActorType) {
    return mappings.getActorTypeMapping(this.ctx, connectionId, actorType);
  }
  /** `version` is the If-Match header; without it the body's version is used. */
  saveActorTypeMapping(connectionId: string, mapping: ActorTypeMapping, version: string | null = null) {
    return this.write(() => mappings.saveActorTypeMapping(this.ctx, connectionId, mapping, version));
  }
  getListMapping(connectionId: string, listName: string) {
    return mappings.getListMapping(this.ctx, connectionId, listName);
  }
  saveListMapping(connectionId: string, mapping: ListMapping, version: string | null = null) {
    return this.write(() => mappings.saveListMapping(this.ctx, connectionId, mapping, version));
  }
  getDefaults(connectionId: string, actorType: ActorType) {
    return mappings.getDefaults(this.ctx, connectionId, actorType);
  }
  /** `version` is the If-Match header; without it the body's version is used. */
  saveDefaults(connectionId: string, actorType: ActorType, defaults: ActorTypeDefaults, version: string | null = null) {
    return this.write(() => mappings.saveDefaults(this.ctx, connectionId, actorType, defaults, version));
  }
  /** `version` is the If-Match header (the mapping's version). */
  saveRank(connectionId: string, actorType: ActorType, order: string[], version: string | null) {
    return this.write(() => mappings.saveRank(this.ctx, connectionId, actorType, order, version));
  }
  /** `version` is the If-Match header (the connections' `priorityVersion`). */
  saveSyncPriority(order: string[], version: string | null) {
    return this.write(() => mappings.saveSyncPriority(this.ctx, order, version));
  }
  resync(connectionId: string) {
    return this.write(() => data.resync(this.ctx, connectionId));
  }
  importActors(connectionId: string, request: ImportRequest) {
    return this.write(() => data.importActors(this.ctx, connectionId, request));
  }
  getBackgroundSync(connectionId: string) {
    backgroundConnection(this.ctx, connectionId);
    return simStatus(connectionId, this.backgroundOf(connectionId));
  }
  runBackgroundSync(connectionId: string) {
    return this.write(() => {
      const b = this.backgroundOf(connectionId);
      simRun(this.ctx, connectionId, b, this.backgroundDown.get(connectionId) ?? null);
      return simStatus(connectionId, b);
    });
  }
  setBackgroundSyncPaused(connectionId: string, paused: boolean) {
    backgroundConnection(this.ctx, connectionId);
    const b = this.backgroundOf(connectionId);
    b.paused = paused;
    this.emit();
    return simStatus(connectionId, b);
  }
  private backgroundOf(cid: string): SimBackground {
    let b = this.background.get(cid);
    if (!b) this.background.set(cid, (b = idleBackground()));
    return b;
  }

  /**
   * Runs one write request at most once per Idempotency-Key (what the REST handlers do for every
   * request that is not a GET): a replay with the same key and `fingerprint` answers like the first.
   */
  once<T>(idempotencyKey: string | null, fingerprint: string, run: () => T): T {
    return this.write(() => once(this.ctx, idempotencyKey, fingerprint, run));
  }

  // ----- internals -----

  /** Runs a change atomically: a problem rolls the state back (unless it asks to commit). */
  private write<T>(change: () => T): T {
    const before = structuredClone(this.state);
    try {
      const result = change();
      this.emit();
      return result;
    } catch (error) {
      if (error instanceof SimProblem && error.commit) this.emit();
      else this.state = before;
      throw error;
    }
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }

  /** Seeded links know only the fields that changed since their last sync; the rest equal the ERP. */
  private completeSyncedBases(): void {
    for (const [key, link] of Object.entries(this.state.links)) {
      const connectionId = key.slice(key.lastIndexOf('/') + 1);
      const actor = this.actors.get(connectionId, link.actorType, link.erpKey);
      if (actor) link.synced = { ...linking.syncedBase(this.ctx, connectionId, actor), ...link.synced };
    }
  }
}

function isState(json: unknown): json is SimState {
  if (!json || typeof json !== 'object') return false;
  const s = json as Partial<SimState>;
  return s.schema === 1 && typeof s.crm === 'object' && Array.isArray(s.connections) && typeof s.links === 'object';
}
