import type { ActorType, CrmEntityType, HistoryEvent, HistoryEventPage, MatchSuggestion, Restriction, SearchResult } from '../../src/model/types.js';
import * as connections from '../../simulated-erp/admin-connections.js';
import * as connectors from '../../simulated-erp/admin-connectors.js';
import * as data from '../../simulated-erp/admin-data.js';
import * as mappings from '../../simulated-erp/admin-mapping.js';
import { connection, crmRecord, erpLists, requireAdmin, usableConnection, type Ctx } from '../../simulated-erp/context.js';
import { companyLink, getEntityState } from '../../simulated-erp/entity-state.js';
import { inReadersLanguage } from '../../simulated-erp/history.js';
import * as linking from '../../simulated-erp/linking.js';
import { normalizeName, normalizeVat, wellFormedVat } from '../../simulated-erp/match.js';
import { linkKey, type SimState, type UserRecord } from '../../simulated-erp/model.js';
import * as search from '../../simulated-erp/search.js';
import { recordLandedWrite, syncInBackground, syncNow } from '../../simulated-erp/sync.js';
import { inLanguage, type ErpLanguage } from '../../simulated-erp/texts.js';
import { deleteIntents, leftIntents, recordedSince, storeIntents } from '../storage/intents.js';
import { backgroundConnection, withLastBackgroundSync } from '../../simulated-erp/background.js';
import { BackgroundSync } from '../sync/background.js';
import { ConnectorClient, type WireActor } from '../connectors/client.js';
import type { CrmAdapter } from '../crm/adapter.js';
import { problem, problemOf, ServiceProblem } from '../http/problem.js';
import type { Db, Queryable } from '../storage/db.js';
import { StateStore, touchConfig, type Scope } from '../storage/state.js';
import { ConnectorCatalogue } from './catalogue.js';
import { connectorOf, runDomain, ServiceActors, type ActorRef } from './run.js';

/** What an operation gets from its HTTP request (already validated against api/openapi.yaml). */
/** Who the background sync acts as: no person, and no user's scope limits it. */
export const BACKGROUND_USER: UserRecord = { id: 'erp-sync-background', name: 'Background sync', groups: [], licence: true, admin: true };

export interface OpInput {
  user: UserRecord;
  params: Record<string, string>;
  query: Record<string, string | undefined>;
  body: never;
  /** The If-Match header without quotes (`*` stays `*`), or null. */
  ifMatch: string | null;
  /** The language the request asks for (Accept-Language) where the ERP's texts have it; else English. */
  lang?: ErpLanguage;
  /** Stores the answer under the request's Idempotency-Key, inside the write's transaction. */
  remember?: (tx: Queryable, body: unknown) => Promise<void>;
}

export interface OpOutput {
  status?: number;
  body?: unknown;
  /** The version of the resource, sent as a quoted ETag. */
  etag?: string;
}

export type Operation = (input: OpInput) => Promise<OpOutput>;

/** What a write's records' links were when loaded: their versions and synced bases. */
const linkState = (state: SimState) => JSON.stringify([state.links, state.linkVersions]);

/** The problems of a sync that are the link's (the ERP side or the record is gone or failing), kept on it. */
const LINK_PROBLEMS = new Set(['connector-error', 'connector-unavailable', 'actor-not-found', 'entity-not-found']);

const ENTITY_TYPES = ['company', 'person', 'project'];
const ACTOR_TYPES = ['customer', 'supplier', 'person', 'project', 'partner'];
const HISTORY_PAGE = 20;

/**
 * Every operation of api/openapi.yaml on the database and the connectors. The business rules are the
 * domain model's (simulated-erp, shared with the in-browser simulator, so the two answer alike);
 * this layer decides what to load, runs them, and writes back what changed in one transaction.
 */
export class SyncService {
  private readonly catalogue: ConnectorCatalogue;
  /** The connections' background sync: shown and steered here; scheduled once started (server/start.ts). */
  readonly background: BackgroundSync;

  constructor(
    private readonly db: Db,
    private readonly store: StateStore,
    readonly crm: CrmAdapter,
    private readonly timeoutMs: number,
  ) {
    this.catalogue = new ConnectorCatalogue(timeoutMs);
    this.background = new BackgroundSync(db, this, crm, timeoutMs);
  }

  // ----- the two ways to run domain code -----

  /** Runs domain code with what the connections' connectors offer (actor types, fields). */
  private async run<T>(state: SimState, work: (ctx: Ctx) => T, options: Omit<Parameters<typeof runDomain>[2], 'catalogue'>) {
    return runDomain(state, work, { ...options, catalogue: await this.catalogue.prepare(state) });
  }

  /** Loads the working set (no transaction is held while connectors answer) and runs `work`. */
  private async read<T>(i: Pick<OpInput, 'user' | 'lang'>, scope: Scope, work: (ctx: Ctx) => T, prefetch?: (s: SimState) => ActorRef[]): Promise<T> {
    const state = await this.store.load(this.db, i.user, scope);
    const run = await this.run(state, work, { actors: new ServiceActors(this.timeoutMs), prefetch: prefetch?.(state) ?? [], mutates: false, lang: i.lang });
    return run!.result;
  }

  /**
   * Runs `work` as one transaction under a lock on `lock` (a record, or the configuration): loads,
   * runs, sends the ERP writes, saves what changed. Actors are read before the transaction starts.
   */
  private async write<T>(i: OpInput, scope: Scope, lock: string, work: (ctx: Ctx) => T, prefetch?: (s: SimState) => ActorRef[]): Promise<T> {
    const { user } = i;
    let actors = new ServiceActors(this.timeoutMs);
    let seen = '';
    let planned: { state: SimState; updates: ReturnType<ServiceActors['pendingUpdates']> } | undefined;
    try {
      const state = await this.store.load(this.db, user, scope);
      seen = linkState(state);
      const dry = await this.run(state, work, { actors, prefetch: prefetch?.(state) ?? [], dry: true, lang: i.lang });
      if (dry) planned = { state: dry.state, updates: actors.pendingUpdates() };
    } catch {
      // The real run below meets the same problem and answers it.
    }
    // What the ERP is about to be sent, kept apart until the commit (see server/storage/intents.ts).
    const intents = planned?.updates.length ? await storeIntents(this.db, planned.state, planned.updates) : [];
    let configChanged = false;
    const result = await this.db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [lock]);
      const state = await this.store.load(tx, user, scope, true);
      // Another write of these records committed since the actors were read (a Sync now beside a
      // background cycle): their ERP side may have changed with it, so they are read again, now.
      if (linkState(state) !== seen) actors = new ServiceActors(this.timeoutMs);
      const run = (await this.run(state, work, { actors, prefetch: prefetch?.(state) ?? [], lang: i.lang }))!;
      configChanged = await this.store.save(tx, state, run.state);
      await deleteIntents(tx, intents);
      await i.remember?.(tx, run.result);
      return run.result;
    });
    // Committed: this instance's next read sees its own change, notified or not yet.
    if (configChanged) this.store.forget();
    return result;
  }

  /**
   * A connector's failure (its error, or it cannot be reached) is kept on the link (status and last
   * error), outside the failed transaction; any other error is not the link's.
   */
  private async recordSyncError(type: string, id: string, cid: string, error: unknown): Promise<void> {
    const body = problemOf(error);
    if (!body || !LINK_PROBLEMS.has(body.code)) return;
    await this.db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`entity:${type}:${id}`]);
      const [row] = await tx.query<{ data: object }>('SELECT data FROM links WHERE entity_type = $1 AND entity_id = $2 AND connection_id = $3', [type, id, cid]);
      if (!row) return;
      const data = JSON.stringify({ ...row.data, status: 'error', lastError: body });
      await tx.query('UPDATE links SET data = $4 WHERE entity_type = $1 AND entity_id = $2 AND connection_id = $3', [type, id, cid, data]);
    });
  }

  // ----- end user -----

  readonly operations: Record<string, Operation> = {
    getEntityState: async (i) => {
      const e = entity(i);
      const [state, last] = await Promise.all([
        this.read(i, { entities: [e] }, (ctx) => getEntityState(ctx, e), (s) => linkedActors(s)),
        this.background.lastSuccess(),
      ]);
      // Where no run was recorded: "not yet" when this instance runs the background sync, else unknown.
      return { body: withLastBackgroundSync(state, (cid) => (last.has(cid) ? last.get(cid)! : this.background.running ? null : undefined)) };
    },
    searchActors: async (i) => {
      const [cid, at] = [i.params.connectionId!, actorType(i.params.actorType)];
      const req = i.body as { text: string; parentKey?: string | null; cursor?: string | null; limit?: number };
      return { body: await this.search(i, cid, at, (ctx) => search.checkSearch(ctx, cid, at, req), { text: req.text, parentKey: req.parentKey ?? null, cursor: req.cursor ?? null, limit: req.limit ?? 50 }) };
    },
    getSearchableFields: async (i) => {
      const [cid, at] = [i.params.connectionId!, actorType(i.params.actorType)];
      return { body: await this.read(i, {}, (ctx) => search.getSearchableFields(ctx, cid, at)) };
    },
    searchActorsAdvanced: async (i) => {
      const [cid, at] = [i.params.connectionId!, actorType(i.params.actorType)];
      const req = i.body as { restrictions: Restriction[]; parentKey?: string | null; cursor?: string | null; limit?: number };
      return {
        body: await this.search(i, cid, at, (ctx) => search.checkAdvancedSearch(ctx, cid, at, req), {
          restrictions: req.restrictions,
          parentKey: req.parentKey ?? null,
          cursor: req.cursor ?? null,
          limit: req.limit ?? 50,
        }),
      };
    },
    getList: async (i) => {
      const cid = i.params.connectionId!;
      const state = await this.store.load(this.db, i.user, {});
      await this.run(state, (ctx) => usableConnection(ctx, cid), { actors: new ServiceActors(this.timeoutMs) });
      const { client, config } = connectorOf(state, cid, this.timeoutMs);
      const items = await client.list(config, i.params.listName!);
      if (!items.length) problem(404, 'list-not-found', `No list "${i.params.listName}"`);
      return { body: items.map((item) => inLanguage(item, i.lang)) };
    },
    compare: async (i) => {
      const e = entity(i);
      const req = i.body as { connectionId: string; actorType: ActorType; erpKey: string };
      return { body: await this.read(i, { entities: [e] }, (ctx) => linking.compare(ctx, e, req), () => [{ connectionId: req.connectionId, type: req.actorType, key: req.erpKey }]) };
    },
    getNewActorFields: async (i) => {
      const e = entity(i);
      const [cid, at] = [i.query.connectionId ?? '', actorType(i.query.actorType)];
      return { body: await this.read(i, { entities: [e] }, (ctx) => linking.getNewActorFields(ctx, e, cid, at)) };
    },
    saveLink: async (i) => {
      const e = entity(i);
      const cid = i.params.connectionId!;
      const req = i.body as { actorType: ActorType; erpKey?: string };
      const scope: Scope = { entities: [e], erpKeys: req.erpKey ? [{ connectionId: cid, erpKey: req.erpKey }] : [] };
      const result = await this.write(i, scope, `entity:${e.type}:${e.id}`, (ctx) =>
        linking.saveLink(ctx, e, cid, i.body, { version: i.ifMatch ?? '', idempotencyKey: '' }),
        (s) => [...linkedActors(s), ...(req.erpKey ? [{ connectionId: cid, type: req.actorType, key: req.erpKey }] : [])],
      );
      return { body: result, etag: result.version };
    },
    removeLink: async (i) => {
      const e = entity(i);
      const cid = i.params.connectionId!;
      const result = await this.write(i, { entities: [e] }, `entity:${e.type}:${e.id}`, (ctx) =>
        linking.removeLink(ctx, e, cid, { version: i.ifMatch ?? '', idempotencyKey: '' }),
      );
      return { body: result, etag: result.version };
    },
    syncNow: async (i) => {
      const e = entity(i);
      const cid = i.params.connectionId!;
      try {
        const result = await this.write(i, { entities: [e] }, `entity:${e.type}:${e.id}`, (ctx) => syncNow(ctx, e, cid), (s) => linkedActors(s));
        return { body: result };
      } catch (error) {
        await this.recordSyncError(e.type, e.id, cid, error);
        throw error;
      }
    },
    getMatchSuggestions: async (i) => {
      const e = entity(i);
      return { body: { suggestions: await this.matchSuggestions(i.user, e, i.query.connectionId ?? '', actorType(i.query.actorType)) } };
    },
    getHistory: async (i) => {
      const e = entity(i);
      const cid = i.params.connectionId!;
      // The history is kept in English; its labels are given in the reader's language.
      const relabel = await this.read(i, { entities: [e] }, (ctx) => {
        crmRecord(ctx, e.type, e.id);
        connection(ctx, cid);
        return (items: HistoryEvent[]) => inReadersLanguage(ctx, e, cid, items);
      });
      const start = i.query.cursor ? Number(i.query.cursor) : 0;
      if (!Number.isInteger(start) || start < 0) problem(400, 'invalid-cursor', 'The paging cursor is not valid', '/cursor');
      // The spec bounds `limit` (1–500); the route has checked it.
      const size = i.query.limit === undefined ? HISTORY_PAGE : Number(i.query.limit);
      const rows = await this.db.query<{ event: HistoryEvent }>(
        'SELECT event FROM history WHERE entity_type = $1 AND entity_id = $2 AND connection_id = $3 ORDER BY seq DESC OFFSET $4 LIMIT $5',
        [e.type, e.id, cid, start, size + 1],
      );
      const page: HistoryEventPage = { items: relabel(rows.slice(0, size).map((r) => r.event)), nextCursor: rows.length > size ? String(start + size) : null };
      return { body: page };
    },

    // ----- administration -----

    listConnectors: async (i) => ({ body: await this.read(i, {}, (ctx) => connectors.listConnectors(ctx)) }),
    addConnector: async (i) => ({ status: 201, body: await this.admin(i, (ctx) => connectors.addConnector(ctx, i.body)) }),
    testConnectorUrl: async (i) => {
      await this.read(i, {}, (ctx) => requireAdmin(ctx));
      const url = String((i.body as { url: string }).url);
      if (!/^https?:\/\//i.test(url)) return { body: { ok: false, message: 'Not a valid http(s) URL' } };
      try {
        const about = await new ConnectorClient(url, this.timeoutMs).describe();
        return { body: { ok: true, message: `Connector answered: ${String(about.name)}${about.version ? ` ${String(about.version)}` : ''}` } };
      } catch (error) {
        return { body: { ok: false, message: error instanceof ServiceProblem ? (error.body.detail ?? error.body.code) : 'No answer' } };
      }
    },
    updateConnector: async (i) => ({ body: await this.admin(i, (ctx) => connectors.updateConnector(ctx, i.params.connectorId!, i.body)) }),
    removeConnector: async (i) => {
      await this.admin(i, (ctx) => connectors.removeConnector(ctx, i.params.connectorId!));
      return {};
    },
    getConnectorConfigFields: async (i) => {
      const state = await this.store.load(this.db, i.user, {});
      const connector = (await this.run(state, (ctx) => {
        connectors.getConnectorConfigFields(ctx, i.params.connectorId!);
        return ctx.state.connectors.find((c) => c.id === i.params.connectorId)!;
      }, { actors: new ServiceActors(this.timeoutMs) }))!.result;
      return { body: await new ConnectorClient(connector.url, this.timeoutMs).configFields() };
    },
    getConnectorList: async (i) => {
      // Lists of config fields (e.g. a data centre's country) are the connector's, before any connection exists.
      const body = await this.read(i, {}, (ctx) => connectors.getConnectorList(ctx, i.params.connectorId!, i.params.listName!));
      return { body };
    },
    listConnections: async (i) => ({ body: await this.read(i, {}, (ctx) => connections.listConnections(ctx)) }),
    addConnection: async (i) => {
      await this.learnConfigFields(i);
      return { status: 201, body: await this.admin(i, (ctx) => connections.addConnection(ctx, i.body)) };
    },
    testConnectionConfig: async (i) => {
      const input = i.body as { connectorId: string; config?: Record<string, never> };
      const state = await this.store.load(this.db, i.user, {});
      const connector = (await this.run(state, (ctx) => {
        requireAdmin(ctx);
        return ctx.state.connectors.find((c) => c.id === input.connectorId);
      }, { actors: new ServiceActors(this.timeoutMs) }))!.result;
      if (!connector) problem(422, 'validation-failed', 'Unknown connector', '/connectorId');
      return { body: await this.testConfig(connector.url, input.config ?? {}) };
    },
    getConnection: async (i) => {
      const body = await this.read(i, {}, (ctx) => connections.getConnection(ctx, i.params.connectionId!));
      return { body, etag: body.version };
    },
    updateConnection: async (i) => {
      const id = i.params.connectionId!;
      await this.learnConfigFields(i);
      const body = await this.admin(i, (ctx) => connections.updateConnection(ctx, id, i.body, i.ifMatch));
      return { body, etag: body.version };
    },
    removeConnection: async (i) => {
      await this.admin(i, (ctx) => connections.removeConnection(ctx, i.params.connectionId!), { connectionId: i.params.connectionId! });
      await this.db.transaction(async (tx) => {
        await tx.query('DELETE FROM mappings WHERE connection_id = $1', [i.params.connectionId]);
        await touchConfig(tx);
      });
      this.store.forget();
      return {};
    },
    testConnection: async (i) => {
      const state = await this.store.load(this.db, i.user, {});
      const conn = (await this.run(state, (ctx) => {
        requireAdmin(ctx);
        return connection(ctx, i.params.connectionId!);
      }, { actors: new ServiceActors(this.timeoutMs) }))!.result;
      const connector = state.connectors.find((c) => c.id === conn.connectorId) ?? problem(409, 'connector-not-found', `"${conn.name}" has no sync connector`);
      return { body: await this.testConfig(connector.url, conn.config as Record<string, never>) };
    },
    setConnectionActive: async (i) => {
      const body = await this.admin(i, (ctx) => connections.setConnectionActive(ctx, i.params.connectionId!, (i.body as { active: boolean }).active === true));
      return { body, etag: body.version };
    },
    listPrincipals: async (i) => ({ body: await this.read(i, {}, (ctx) => connections.listPrincipals(ctx, i.query.q ?? '')) }),
    getActorTypeMapping: async (i) => {
      const body = await this.read(i, {}, (ctx) => mappings.getActorTypeMapping(ctx, i.params.connectionId!, actorType(i.params.actorType)));
      return { body, etag: body.version };
    },
    saveActorTypeMapping: async (i) => {
      const [cid, at] = [i.params.connectionId!, actorType(i.params.actorType)];
      const input = i.body as { actorType: string };
      if (input.actorType !== at) problem(422, 'validation-failed', 'actorType differs from the URL', '/actorType');
      const body = await this.admin(i, (ctx) => mappings.saveActorTypeMapping(ctx, cid, i.body, i.ifMatch));
      return { body, etag: body.version };
    },
    getListMapping: async (i) => {
      const body = await this.read(i, {}, (ctx) => mappings.getListMapping(ctx, i.params.connectionId!, i.params.listName!));
      return { body, etag: body.version };
    },
    saveListMapping: async (i) => {
      const [cid, list] = [i.params.connectionId!, i.params.listName!];
      const body = await this.admin(i, (ctx) =>
        mappings.saveListMapping(ctx, cid, { ...(i.body as object), listName: list } as never, i.ifMatch),
      );
      return { body, etag: body.version };
    },
    getDefaults: async (i) => {
      const body = await this.read(i, {}, (ctx) => mappings.getDefaults(ctx, i.params.connectionId!, actorType(i.params.actorType)));
      return { body, etag: body.version };
    },
    saveDefaults: async (i) => {
      const [cid, at] = [i.params.connectionId!, actorType(i.params.actorType)];
      const body = await this.admin(i, (ctx) => mappings.saveDefaults(ctx, cid, at, i.body, i.ifMatch));
      return { body, etag: body.version };
    },
    saveRank: async (i) => {
      const [cid, at] = [i.params.connectionId!, actorType(i.params.actorType)];
      const order = (i.body as { order: string[] }).order;
      const body = await this.admin(i, (ctx) => mappings.saveRank(ctx, cid, at, order, i.ifMatch));
      return { body, etag: body.version };
    },
    saveSyncPriority: async (i) => {
      const order = (i.body as { order: string[] }).order;
      const body = await this.admin(i, (ctx) => mappings.saveSyncPriority(ctx, order, i.ifMatch));
      return { body, etag: body.version };
    },
    getBackgroundSync: async (i) => {
      const conn = await this.read(i, {}, (ctx) => backgroundConnection(ctx, i.params.connectionId!));
      return { body: await this.background.status(conn) };
    },
    runBackgroundSync: async (i) => {
      const conn = await this.read(i, {}, (ctx) => backgroundConnection(ctx, i.params.connectionId!, true));
      await this.background.runNow(conn.id);
      return { status: 202, body: await this.background.status(conn) };
    },
    setBackgroundSyncPaused: async (i) => {
      const conn = await this.read(i, {}, (ctx) => backgroundConnection(ctx, i.params.connectionId!));
      await this.background.setPaused(conn.id, (i.body as { paused: boolean }).paused);
      return { body: await this.background.status(conn) };
    },
    resync: async (i) => {
      const cid = i.params.connectionId!;
      return { body: await this.admin(i, (ctx) => data.resync(ctx, cid), { connectionId: cid }, (s) => linkedActors(s)) };
    },
    importActors: async (i) => {
      const cid = i.params.connectionId!;
      const req = i.body as { actorType: ActorType; keys: string[] };
      const types = [...new Set(Object.values(ENTITY_OF_ACTOR))];
      const all = (await this.crm.list(this.db)).filter((r) => types.includes(r.type));
      const scope: Scope = { connectionId: cid, entities: all.map((r) => ({ type: r.type, id: r.id })) };
      return {
        body: await this.admin(i, (ctx) => data.importActors(ctx, cid, req), scope, () => (req.keys ?? []).map((key) => ({ connectionId: cid, type: req.actorType, key }))),
      };
    },
  };

  private admin<T>(i: OpInput, work: (ctx: Ctx) => T, scope: Scope = {}, prefetch?: (s: SimState) => ActorRef[]): Promise<T> {
    return this.write(i, scope, 'configuration', work, prefetch);
  }

  /**
   * Background sync of one linked record (server/sync/cycle.ts), under the record's lock like every
   * write. A connector failure is kept on the link, as Sync now keeps it, and thrown on.
   */
  async backgroundSync(entity: { type: CrmEntityType; id: string }, cid: string): Promise<{ changes: number; conflicts: number }> {
    const input = { user: BACKGROUND_USER, params: {}, query: {}, body: undefined as never, ifMatch: null };
    try {
      return await this.write(input, { entities: [entity] }, `entity:${entity.type}:${entity.id}`, (ctx) => syncInBackground(ctx, entity, cid), (s) => linkedActors(s));
    } catch (error) {
      await this.recordSyncError(entity.type, entity.id, cid, error);
      throw error;
    }
  }

  /**
   * The writes of the connection that died between their ERP save and their commit (left intents,
   * older than any live write can be): each recorded where the ERP holds what it sent. A connector
   * that does not answer keeps them for the next time.
   */
  async recoverWrites(cid: string): Promise<number> {
    let recorded = 0;
    for (const left of await leftIntents(this.db, cid, Math.ceil((this.timeoutMs * 4) / 1000) + 30)) {
      const input: OpInput = { user: BACKGROUND_USER, params: {}, query: {}, body: undefined as never, ifMatch: null, remember: (tx) => deleteIntents(tx, [left.id]) };
      const ref = { connectionId: cid, type: left.intent.actorType, key: left.intent.erpKey };
      // A later write sent (and recorded) the same values: this one never reached the ERP.
      if (await recordedSince(this.db, left)) {
        await deleteIntents(this.db, [left.id]);
        continue;
      }
      try {
        const lock = `entity:${left.entity.type}:${left.entity.id}`;
        if (await this.write(input, { entities: [left.entity] }, lock, (ctx) => recordLandedWrite(ctx, left.entity, cid, left.intent), () => [ref])) recorded++;
      } catch (error) {
        const code = problemOf(error)?.code;
        if (code === 'connector-unavailable' || code === 'connector-error' || !code) throw error;
        // The record, its link or its actor is gone: nothing is left to record.
        await deleteIntents(this.db, [left.id]);
      }
    }
    return recorded;
  }

  /** The connections and connectors as an administrator sees them (background sync reads them). */
  async configuration(): Promise<SimState> {
    return this.store.load(this.db, BACKGROUND_USER, {});
  }

  /** The configuration fields of the connector a connection input names, from that connector. */
  private async learnConfigFields(i: OpInput): Promise<void> {
    const connectorId = (i.body as { connectorId?: unknown } | undefined)?.connectorId;
    if (typeof connectorId !== 'string') return;
    const state = await this.store.load(this.db, i.user, {});
    const url = state.connectors.find((c) => c.id === connectorId)?.url;
    if (url) await this.catalogue.learnConfigFields(url);
  }

  private async testConfig(url: string, config: Record<string, unknown>) {
    try {
      return await new ConnectorClient(url, this.timeoutMs).testConfig(config as never);
    } catch (error) {
      if (error instanceof ServiceProblem) return { ok: false, message: error.body.detail ?? error.body.code };
      throw error;
    }
  }

  /**
   * Checks the request in the domain, then lets the connector search, asking only for the result's
   * columns (a page of whole actors would be many times the size), and shapes its page as rows.
   */
  private async search(i: Pick<OpInput, 'user' | 'lang'>, cid: string, at: ActorType, check: (ctx: Ctx) => void, query: Parameters<ConnectorClient['search']>[2]): Promise<SearchResult> {
    const state = await this.store.load(this.db, i.user, {});
    const run = await this.run(
      state,
      (ctx) => {
        check(ctx);
        return { columns: search.searchColumns(ctx, cid, at), lists: erpLists(ctx, cid) };
      },
      { actors: new ServiceActors(this.timeoutMs), mutates: false, lang: i.lang },
    );
    const { columns, lists } = run!.result;
    const { client, config } = connectorOf(state, cid, this.timeoutMs);
    const page = await client.search(config, at, { ...query, fields: ['name', ...columns.map((c) => c.key).filter((k) => k !== 'name')] });
    return search.pageAsResult(columns, { actors: page.actors.map(toActor), total: page.total ?? page.actors.length, nextCursor: page.nextCursor }, lists);
  }

  /**
   * Match suggestions through the connector: the previously linked actor, the CRM's ERP number, the
   * VAT number and e-mail (advanced search where the connector has it), and similar names (text search).
   */
  private async matchSuggestions(user: UserRecord, e: { type: CrmEntityType; id: string }, cid: string, at: ActorType): Promise<MatchSuggestion[]> {
    const state = await this.store.load(this.db, user, { entities: [e] });
    const facts = (await this.run(state, (ctx) => {
      const record = crmRecord(ctx, e.type, e.id);
      const conn = usableConnection(ctx, cid);
      const parentKey = at === 'person' ? (companyLink(ctx, record, conn.id)?.erpKey ?? null) : null;
      return { record, previous: ctx.state.previousLinks[linkKey(record.type, record.id, conn.id)], parentKey, advanced: search.getSearchableFields(ctx, cid, at).length > 0 };
    }, { actors: new ServiceActors(this.timeoutMs) }))!.result;
    if (at === 'person' && !facts.parentKey) return [];
    const { client, config } = connectorOf(state, cid, this.timeoutMs);
    const found = new Map<string, { actor: WireActor; reasons: Set<string> }>();
    const add = (actor: WireActor | undefined, reason: string) => {
      if (!actor || actor.actorType !== at) return;
      const entry = found.get(actor.erpKey) ?? { actor, reasons: new Set<string>() };
      entry.reasons.add(reason);
      found.set(actor.erpKey, entry);
    };
    const v = facts.record.values;
    const keys = [facts.previous?.actorType === at ? facts.previous.erpKey : '', String(v.erpNumber ?? '').replace(/\s+/g, '')].filter(Boolean);
    const byKey = keys.length ? await client.getActors(config, at, keys) : [];
    if (facts.previous) add(byKey.find((a) => a.erpKey === facts.previous!.erpKey), 'previously-linked');
    add(byKey.find((a) => a.erpKey === String(v.erpNumber ?? '').replace(/\s+/g, '')), 'erp-number-equal');
    const vat = wellFormedVat(v.orgNr) ? normalizeVat(v.orgNr) : '';
    const email = /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(String(v.email ?? '').trim()) ? String(v.email).trim().toLowerCase() : '';
    const strong: Restriction[][] = [];
    if (facts.advanced && vat) strong.push([{ field: 'vatNumber', operator: 'contains', values: [vat] }]);
    if (facts.advanced && email) strong.push([{ field: 'email', operator: 'equals', values: [email] }]);
    for (const restrictions of strong) {
      const page = await client.search(config, at, { restrictions, parentKey: facts.parentKey, limit: 5 });
      for (const a of page.actors) {
        if (vat && wellFormedVat(a.values.vatNumber) && normalizeVat(a.values.vatNumber) === vat) add(a, 'vat-equal');
        if (email && String(a.values.email ?? '').trim().toLowerCase() === email) add(a, 'email-equal');
      }
    }
    const name = normalizeName(facts.record.name);
    const firstWord = name.split(' ').find((w) => w.length >= 3);
    if (firstWord) {
      const page = await client.search(config, at, { text: firstWord, parentKey: facts.parentKey, limit: 20 });
      let weak = 0;
      for (const a of page.actors) {
        const other = normalizeName(a.values.name);
        const similar = name.length >= 3 && other.length >= 3 && (name === other || name.includes(other) || other.includes(name));
        if (!similar || weak >= 5) continue;
        if (!found.has(a.erpKey)) weak++;
        add(a, 'name-similar');
      }
    }
    const linked = await this.db.query<{ erp_key: string }>(
      'SELECT erp_key FROM links WHERE connection_id = $1 AND actor_type = $2 AND erp_key = ANY($3::text[]) AND NOT (entity_type = $4 AND entity_id = $5)',
      [cid, at, [...found.keys()], e.type, e.id],
    );
    const elsewhere = new Set(linked.map((l) => l.erp_key));
    const rank = (s: MatchSuggestion) => (s.reasons.includes('previously-linked') ? 0 : 100) + (s.strength === 'strong' ? 0 : 50) - s.reasons.length;
    return [...found.values()]
      .filter((f) => !elsewhere.has(f.actor.erpKey))
      .map(({ actor, reasons }): MatchSuggestion => ({
        key: actor.erpKey,
        displayName: String(actor.values.name ?? actor.erpKey),
        strength: [...reasons].some((r) => r !== 'name-similar') ? 'strong' : 'weak',
        reasons: [...reasons] as MatchSuggestion['reasons'],
      }))
      .sort((a, b) => rank(a) - rank(b));
  }
}

const ENTITY_OF_ACTOR: Record<string, CrmEntityType> = { customer: 'company', supplier: 'company', person: 'person', project: 'project', partner: 'company' };

function entity(i: OpInput): { type: CrmEntityType; id: string } {
  const type = i.params.entityType!;
  if (!ENTITY_TYPES.includes(type)) problem(404, 'entity-not-found', `Unknown CRM entity type "${type}"`);
  return { type: type as CrmEntityType, id: i.params.entityId! };
}

function actorType(value: string | undefined): ActorType {
  if (!ACTOR_TYPES.includes(value ?? '')) problem(404, 'actor-type-not-supported', `Unknown actor type "${value}"`);
  return value as ActorType;
}


/** The actors behind the links in the working set (fetched in one call per connection and type). */
function linkedActors(state: SimState): ActorRef[] {
  return Object.entries(state.links).map(([key, l]) => ({ connectionId: key.slice(key.lastIndexOf('/') + 1), type: l.actorType, key: l.erpKey }));
}

const toActor = (w: WireActor) => ({ key: w.erpKey, type: w.actorType, values: w.values, ...(w.parentKey ? { parentKey: w.parentKey } : {}) });

