import type { ActorType, FieldMeta, FieldValue, ListItem, Restriction, TestResult } from '../../src/model/types.js';
import { request } from 'undici';
import { ServiceProblem } from '../http/problem.js';

/** An actor as connectors/protocol.yaml carries it. */
export interface WireActor {
  erpKey: string;
  actorType: ActorType;
  parentKey?: string | null;
  lastModified: string;
  values: Record<string, FieldValue>;
}

export interface ActorPage {
  actors: WireActor[];
  total?: number;
  nextCursor: string | null;
}

export type Config = Record<string, FieldValue>;

/** The protocol's most keys in one `/actors/get` (connectors/protocol.yaml). */
const KEYS_PER_CALL = 500;

/**
 * Calls one sync connector (connectors/protocol.yaml). Every call has a deadline. A connector that
 * is down or slow, or that says its ERP is (503), becomes the contract's `connector-unavailable`
 * (503: try again later); one that fails or answers something that is not the protocol becomes
 * `connector-error` (502). Each with a message that says which, and the connector's own message when
 * it sent one. The connector's 404, 409 and 422 keep their meaning.
 */
export class ConnectorClient {
  constructor(
    private readonly url: string,
    private readonly timeoutMs = 10_000,
  ) {}

  describe = () => this.call<{ name: string; version?: string }>('GET', '/');
  configFields = async () => (await this.call<{ fields: FieldMeta[] }>('GET', '/config-fields')).fields;
  testConfig = (config: Config) => this.call<TestResult>('POST', '/test-config', { config });
  actorTypes = async (config: Config) => {
    const { actorTypes } = await this.call<{ actorTypes: { type: ActorType; fields: FieldMeta[]; canCreate: boolean; advancedSearch: boolean }[] }>('POST', '/actor-types', { config });
    if (!Array.isArray(actorTypes) || actorTypes.some((t) => !t || typeof t.type !== 'string' || !Array.isArray(t.fields))) {
      throw connectorError('The sync connector answered actor types that are not the protocol');
    }
    return actorTypes;
  };
  /** Actors by key, asked for in pages of the protocol's most keys per call (an import names thousands). */
  getActors = async (config: Config, actorType: ActorType, keys: string[]) => {
    const actors: WireActor[] = [];
    for (let i = 0; i < keys.length || i === 0; i += KEYS_PER_CALL) {
      const page = keys.slice(i, i + KEYS_PER_CALL);
      actors.push(...checkActors((await this.call<{ actors: WireActor[] }>('POST', '/actors/get', { config, actorType, keys: page })).actors));
    }
    return actors;
  };
  search = async (config: Config, actorType: ActorType, q: { text?: string; parentKey?: string | null; restrictions?: Restriction[]; cursor?: string | null; limit?: number; fields?: string[] }) => {
    const page = await this.call<ActorPage>('POST', '/actors/search', { config, actorType, ...q });
    checkActors(page.actors);
    if (page.nextCursor !== null && typeof page.nextCursor !== 'string') throw connectorError('The sync connector answered a page without a cursor');
    return page;
  };
  create = async (config: Config, actorType: ActorType, values: Record<string, FieldValue>, parentKey: string | null) =>
    (await this.call<{ actor: WireActor }>('POST', '/actors/create', { config, actorType, values, parentKey })).actor;
  save = async (config: Config, actorType: ActorType, actors: { erpKey: string; lastModified?: string; values: Record<string, FieldValue> }[]) =>
    (await this.call<{ actors: WireActor[] }>('POST', '/actors/save', { config, actorType, actors })).actors;
  /** Actors changed after `since` (an ISO time), oldest first, one page; `nextCursor` continues it. */
  changedSince = async (config: Config, actorType: ActorType, since: string, cursor: string | null, limit: number) => {
    const page = await this.call<{ actors: unknown; nextCursor: unknown }>('POST', '/actors/changed-since', { config, actorType, since, cursor, limit });
    if (page.nextCursor !== null && typeof page.nextCursor !== 'string') throw connectorError('The sync connector answered a page without a cursor');
    return { actors: checkActors(page.actors), nextCursor: page.nextCursor as string | null };
  };
  list = async (config: Config, listName: string) => (await this.call<{ items: ListItem[] }>('POST', '/lists/get', { config, listName })).items;

  private async call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const url = this.url.replace(/\/$/, '') + path;
    // undici's request rather than fetch: the same client under Node's fetch, without the WHATWG
    // streams around it, which cost more than the rest of a search request on the service's side.
    // Redirects are not followed (a connector that redirects answers HTML, not the protocol).
    const signal = AbortSignal.timeout(this.timeoutMs);
    const timedOut = () => connectorUnavailable(`The sync connector did not answer within ${Math.round(this.timeoutMs / 1000)} s`);
    let response: Awaited<ReturnType<typeof request>>;
    try {
      response = await request(url, {
        method,
        headers: body === undefined ? { accept: 'application/json' } : { 'content-type': 'application/json', accept: 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal,
      });
    } catch {
      throw signal.aborted ? timedOut() : connectorUnavailable('The sync connector cannot be reached');
    }
    let text: string;
    try {
      text = await response.body.text();
    } catch {
      throw signal.aborted ? timedOut() : connectorUnavailable('The sync connector broke off its answer');
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw connectorError(`The sync connector answered something that is not JSON (HTTP ${response.statusCode})`);
    }
    const status = response.statusCode;
    if (status < 200 || status > 299) {
      const p = (json ?? {}) as { code?: unknown; detail?: unknown; field?: unknown };
      const detail = typeof p.detail === 'string' ? p.detail.slice(0, 500) : `The sync connector answered HTTP ${status}`;
      const field = typeof p.field === 'string' ? p.field : undefined;
      if (status === 409) throw new ServiceProblem(409, 'version-conflict', detail);
      if (status === 422) throw new ServiceProblem(422, 'validation-failed', detail, field);
      if (status === 404) throw new ServiceProblem(404, 'actor-not-found', detail);
      if (status === 503) throw connectorUnavailable(detail);
      throw connectorError(detail);
    }
    if (!json || typeof json !== 'object') throw connectorError('The sync connector answered something that is not the protocol');
    return json as T;
  }
}

export function connectorError(detail: string): ServiceProblem {
  return new ServiceProblem(502, 'connector-error', detail);
}

/** The connector, or the ERP behind it, cannot be reached now: nothing was done, try again later. */
export function connectorUnavailable(detail: string): ServiceProblem {
  return new ServiceProblem(503, 'connector-unavailable', detail);
}

/** Checks a page or list of actors from a connector (answers are data from outside). */
export function checkActors(actors: unknown): WireActor[] {
  if (!Array.isArray(actors)) throw connectorError('The sync connector answered something that is not the protocol');
  for (const a of actors) {
    const ok = a && typeof a === 'object' && typeof a.erpKey === 'string' && typeof a.lastModified === 'string' && a.values && typeof a.values === 'object';
    if (!ok) throw connectorError('The sync connector answered an actor without erpKey, lastModified or values');
  }
  return actors as WireActor[];
}
