import type { ActorType, FieldMeta, ListItem } from '../../src/model/types.js';
import type { ConnectorKind } from '../../simulated-erp/connectors.js';
import type { Catalogue } from '../../simulated-erp/context.js';
import type { ConnectionRecord, SimState } from '../../simulated-erp/model.js';
import { ConnectorClient, type Config } from '../connectors/client.js';

interface Offer {
  at: number;
  kind: ConnectorKind;
  fields: Partial<Record<ActorType, FieldMeta[]>>;
  /** The items of every list its fields name (`/lists/get`), asked with the fields. */
  lists: Record<string, ListItem[]>;
}

/**
 * What each connection's connector says it offers (`/actor-types`, `/config-fields`): actor types,
 * their field metadata, create and advanced search. Asked once per connector URL and config, kept for
 * `ttlMs`; a connector that cannot answer (down, or the connection not configured yet) leaves the
 * product's own catalogue in place for that connection.
 */
export class ConnectorCatalogue {
  private readonly offers = new Map<string, Offer>();
  private readonly pending = new Map<string, Promise<Offer | undefined>>();
  /** When a connector last could not answer: not asked again for `retryMs` (a connection not yet
   * configured, or a connector that is down, would otherwise cost two calls on every request). */
  private readonly failed = new Map<string, number>();
  /** Each connector URL's configuration fields (`/config-fields`), as it last told them. */
  private readonly configFieldsByUrl = new Map<string, { at: number; fields: FieldMeta[] }>();

  constructor(
    private readonly timeoutMs: number,
    private readonly ttlMs = 5 * 60_000,
    private readonly retryMs = 15_000,
  ) {}

  async prepare(state: SimState): Promise<Catalogue> {
    const byConnection = new Map<string, Offer>();
    await Promise.all(
      state.connections.map(async (conn) => {
        const offer = await this.offer(state, conn);
        if (offer) byConnection.set(conn.id, offer);
      }),
    );
    return {
      kind: (conn: ConnectionRecord) => byConnection.get(conn.id)?.kind,
      fields: (connectionId: string, actorType: ActorType) => byConnection.get(connectionId)?.fields[actorType],
      lists: (connectionId: string) => byConnection.get(connectionId)?.lists,
      configFields: (connectorId: string) => {
        const url = state.connectors.find((c) => c.id === connectorId)?.url;
        return url === undefined ? undefined : this.configFieldsByUrl.get(url)?.fields;
      },
    };
  }

  /**
   * Asks a connector for its configuration fields where they are not known (a connector without
   * connections yet): an admin adding or editing a connection works with the connector's own
   * fields. A connector that cannot answer leaves the product's own ones, and is asked again later.
   */
  async learnConfigFields(url: string): Promise<void> {
    const known = this.configFieldsByUrl.get(url);
    const key = `config-fields\u0000${url}`;
    if ((known && Date.now() - known.at < this.ttlMs) || Date.now() - (this.failed.get(key) ?? -Infinity) < this.retryMs) return;
    try {
      this.configFieldsByUrl.set(url, { at: Date.now(), fields: await new ConnectorClient(url, this.timeoutMs).configFields() });
      this.failed.delete(key);
    } catch {
      this.failed.set(key, Date.now());
    }
  }

  private offer(state: SimState, conn: ConnectionRecord): Promise<Offer | undefined> {
    const connector = state.connectors.find((c) => c.id === conn.connectorId);
    if (!connector) return Promise.resolve(undefined);
    const key = `${connector.url}\u0000${JSON.stringify(conn.config)}`;
    const known = this.offers.get(key);
    if (known && Date.now() - known.at < this.ttlMs) return Promise.resolve(known);
    if (Date.now() - (this.failed.get(key) ?? -Infinity) < this.retryMs) return Promise.resolve(known);
    let asking = this.pending.get(key);
    if (!asking) {
      asking = this.ask(connector.url, conn.config as Config)
        .then((offer) => {
          if (offer) {
            this.offers.set(key, offer);
            this.failed.delete(key);
          } else this.failed.set(key, Date.now());
          if (this.failed.size > 1000) this.failed.delete(this.failed.keys().next().value!);
          return offer ?? known;
        })
        .finally(() => this.pending.delete(key));
      this.pending.set(key, asking);
    }
    return asking;
  }

  private async ask(url: string, config: Config): Promise<Offer | undefined> {
    const client = new ConnectorClient(url, this.timeoutMs);
    try {
      const [types, configFields] = await Promise.all([client.actorTypes(config), client.configFields()]);
      this.configFieldsByUrl.set(url, { at: Date.now(), fields: configFields });
      const fields: Offer['fields'] = {};
      for (const t of types) fields[t.type] = t.fields;
      const listNames = [...new Set(types.flatMap((t) => t.fields.filter((f) => f.type === 'list' && f.listName).map((f) => f.listName!)))];
      const lists: Offer['lists'] = Object.fromEntries(await Promise.all(listNames.map(async (name) => [name, await client.list(config, name)] as const)));
      return {
        at: Date.now(),
        fields,
        lists,
        kind: {
          actorTypes: types.map((t) => t.type),
          canCreate: types.some((t) => t.canCreate),
          advancedSearch: types.some((t) => t.advancedSearch),
          configFields,
        },
      };
    } catch {
      return undefined;
    }
  }
}
