import { randomUUID } from 'node:crypto';
import type { ActorType, FieldValue } from '../../src/model/types.js';
import type { ActorStore } from '../../simulated-erp/actors.js';
import type { Catalogue, Ctx } from '../../simulated-erp/context.js';
import type { ErpLanguage } from '../../simulated-erp/texts.js';
import type { ErpActor, SimState, Values } from '../../simulated-erp/model.js';
import { ConnectorClient, type WireActor } from '../connectors/client.js';
import { problem, ServiceProblem } from '../http/problem.js';

/** A connection's connector and config, as the working set knows them. */
export function connectorOf(state: SimState, connectionId: string, timeoutMs: number) {
  const conn = state.connections.find((c) => c.id === connectionId) ?? problem(404, 'connection-not-found', `No connection "${connectionId}"`);
  const connector = state.connectors.find((c) => c.id === conn.connectorId) ?? problem(409, 'connector-not-found', `"${conn.name}" has no sync connector`);
  return { client: new ConnectorClient(connector.url, timeoutMs), config: conn.config as Record<string, FieldValue> };
}

export interface ActorRef {
  connectionId: string;
  type: ActorType;
  key: string;
}

/** Thrown inside the synchronous domain code when it needs an actor the working set lacks. */
class NeedActor {
  constructor(readonly ref: ActorRef) {}
}
class NeedCreate {
  constructor(
    readonly connectionId: string,
    readonly type: ActorType,
    readonly values: Values,
    readonly parentKey: string | undefined,
  ) {}
}

const refKey = (cid: string, type: ActorType, key: string) => `${cid}\u0000${type}\u0000${key}`;
const toActor = (w: WireActor): ErpActor => ({ key: w.erpKey, type: w.actorType, values: { ...w.values }, ...(w.parentKey ? { parentKey: w.parentKey } : {}) });

/**
 * The ERP as the domain code sees it inside the service: actors come from the connectors. The domain
 * code is synchronous (it is the simulator's); when it asks for an actor that is not fetched yet, the
 * run stops, the actor is fetched, and the run starts again on a fresh copy of the working set.
 * Writes to the ERP are collected during the run and sent when it succeeded; creates are sent at once
 * (the new key is needed) and remembered for the next run.
 */
export class ServiceActors {
  /** The working set whose connections the actors are fetched through. */
  state: SimState | undefined;
  private readonly cache = new Map<string, WireActor | null>();
  private readonly created: WireActor[] = [];
  private createCalls = 0;
  private updates = new Map<string, { cid: string; type: ActorType; key: string; values: Values }>();

  constructor(private readonly timeoutMs: number) {}

  /** The ERP writes the last run asked for (a dry run leaves them here, unsent). */
  pendingUpdates(): { cid: string; type: ActorType; key: string; values: Values }[] {
    return [...this.updates.values()];
  }

  beginRun(): void {
    this.createCalls = 0;
    this.updates = new Map();
  }

  get(cid: string, type: ActorType, key: string): ErpActor | undefined {
    const k = refKey(cid, type, key);
    if (!this.cache.has(k)) throw new NeedActor({ connectionId: cid, type, key });
    const wire = this.cache.get(k);
    if (!wire) return undefined;
    const actor = toActor(wire);
    Object.assign(actor.values, this.updates.get(k)?.values);
    return actor;
  }

  update(cid: string, actor: ErpActor, values: Values): void {
    const k = refKey(cid, actor.type, actor.key);
    const entry = this.updates.get(k) ?? { cid, type: actor.type, key: actor.key, values: {} };
    Object.assign(entry.values, values);
    this.updates.set(k, entry);
  }

  create(cid: string, type: ActorType, values: Values, parentKey?: string): ErpActor {
    const done = this.created[this.createCalls++];
    if (done) return toActor(done);
    throw new NeedCreate(cid, type, values, parentKey);
  }

  source(): never {
    throw new Error('The service searches through the connector, never through a local actor source');
  }

  async prefetch(refs: ActorRef[]): Promise<void> {
    const groups = new Map<string, ActorRef[]>();
    for (const r of refs) {
      if (this.cache.has(refKey(r.connectionId, r.type, r.key))) continue;
      const g = `${r.connectionId}\u0000${r.type}`;
      groups.set(g, [...(groups.get(g) ?? []), r]);
    }
    await Promise.all(
      [...groups.values()].map(async (group) => {
        const { connectionId, type } = group[0]!;
        const { client, config } = connectorOf(this.state!, connectionId, this.timeoutMs);
        const keys = [...new Set(group.map((r) => r.key))];
        const found = await client.getActors(config, type, keys);
        for (const key of keys) this.cache.set(refKey(connectionId, type, key), found.find((a) => a.erpKey === key && a.actorType === type) ?? null);
      }),
    );
  }

  async runCreate(need: NeedCreate): Promise<void> {
    const { client, config } = connectorOf(this.state!, need.connectionId, this.timeoutMs);
    let actor: WireActor;
    try {
      actor = await client.create(config, need.type, need.values, need.parentKey ?? null);
    } catch (error) {
      // A value the ERP refused is one the user gave for the new actor (SaveLinkRequest.create.values).
      const field = error instanceof ServiceProblem ? error.body.field?.match(/^\/values\/(.+)$/)?.[1] : undefined;
      if (!field) throw error;
      const { status, code, detail } = (error as ServiceProblem).body;
      throw new ServiceProblem(status, code, detail, `/create/values/${field}`);
    }
    this.created.push(actor);
    this.cache.set(refKey(need.connectionId, need.type, actor.erpKey), actor);
  }

  /** Sends the run's ERP writes, one save per connection and actor type, guarded by lastModified. */
  async flush(): Promise<void> {
    const groups = new Map<string, { cid: string; type: ActorType; key: string; values: Values }[]>();
    for (const u of this.updates.values()) groups.set(`${u.cid}\u0000${u.type}`, [...(groups.get(`${u.cid}\u0000${u.type}`) ?? []), u]);
    for (const group of groups.values()) {
      const { cid, type } = group[0]!;
      const { client, config } = connectorOf(this.state!, cid, this.timeoutMs);
      const saved = await client.save(
        config,
        type,
        group.map((u) => {
          const lastModified = this.cache.get(refKey(cid, type, u.key))?.lastModified;
          return { erpKey: u.key, values: u.values, ...(lastModified ? { lastModified } : {}) };
        }),
      );
      for (const a of saved) this.cache.set(refKey(cid, type, a.erpKey), a);
    }
    this.updates = new Map();
  }
}

export interface DomainRun<T> {
  result: T;
  /** The working set as the operation left it (to be saved). */
  state: SimState;
}

/**
 * Runs synchronous domain code (`work`) on a copy of `state`, fetching the actors it needs from the
 * connectors through `actors` (and `prefetch` up front, in one call per connection and type). A `dry`
 * run writes nothing to the ERP: it only warms the cache before the real run in a transaction, so
 * the database is not held while a connector is slow to read; it stops at the first create.
 */
export async function runDomain<T>(
  state: SimState,
  work: (ctx: Ctx) => T,
  options: { actors: ServiceActors; catalogue?: Catalogue; prefetch?: ActorRef[]; dry?: boolean; mutates?: boolean; lang?: ErpLanguage },
): Promise<DomainRun<T> | undefined> {
  const { actors } = options;
  actors.state = state;
  if (options.prefetch?.length) await actors.prefetch(options.prefetch);
  const now = new Date().toISOString();
  for (let attempt = 0; attempt < 200; attempt++) {
    // A run that may change the state starts every attempt on a fresh copy; a read needs none.
    const working = options.mutates === false ? state : structuredClone(state);
    actors.beginRun();
    const ctx: Ctx = {
      state: working,
      actors: actors as unknown as ActorStore,
      now: () => now,
      nextId: (prefix) => `${prefix}${randomUUID().slice(0, 13)}`,
      ...(options.catalogue ? { catalogue: options.catalogue } : {}),
      ...(options.lang ? { lang: options.lang } : {}),
    };
    try {
      const result = work(ctx);
      if (!options.dry) await actors.flush();
      return { result, state: working };
    } catch (error) {
      if (error instanceof NeedActor) await actors.prefetch([error.ref]);
      else if (error instanceof NeedCreate && !options.dry) await actors.runCreate(error);
      else if (options.dry) return undefined;
      else throw error;
    }
  }
  throw new Error('The operation needed more actors than a request may fetch');
}
