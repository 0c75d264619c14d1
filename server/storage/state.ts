import { randomUUID } from 'node:crypto';
import type { CrmEntityType } from '../../src/model/types.js';
import { entityKey, linkKey, type SimState, type UserRecord } from '../../simulated-erp/model.js';
import type { CrmAdapter } from '../crm/adapter.js';
import type { Db, Listening, Queryable } from './db.js';
import type { Secrets } from './secrets.js';

/**
 * The working set of one request: the rows an operation reads, shaped as the domain model's state
 * (the same model the in-browser simulator runs on), and written back as the rows that changed.
 * Configuration (connectors, connections, mappings, defaults, priority) is small and always loaded;
 * CRM records, links, versions and edits only for the records the request is about.
 */
export interface Scope {
  /** The CRM records the request is about (a person's company comes with it). */
  entities?: { type: CrmEntityType; id: string }[];
  /** Links to this ERP key (the "already linked elsewhere" check). */
  erpKeys?: { connectionId: string; erpKey: string }[];
  /** Every link (and its CRM record) of a connection: resync, import, remove. */
  connectionId?: string;
}

interface Row<T> {
  data: T;
}

export class StateStore {
  constructor(
    private readonly secrets: Secrets,
    private readonly crm: CrmAdapter,
  ) {}

  /** The configuration as last read, valid while the database's `configVersion` is the same. */
  private cached: { version: string; config: Config } | undefined;
  /** Told of every configuration change (any instance) at its commit; counts them. */
  private listening: Listening | undefined;
  private changes = 0;

  /** Keeps the cached configuration until a change is notified, instead of asking on every read. */
  async watch(db: Db): Promise<void> {
    this.listening = await db.listen(CONFIG_CHANNEL, () => {
      this.changes++;
      this.cached = undefined;
    });
  }

  /**
   * Drops the cached configuration: called once this instance's own change has committed, so its
   * next read sees it whether or not its notification has arrived yet (read your own writes).
   */
  forget(): void {
    this.changes++;
    this.cached = undefined;
  }

  async unwatch(): Promise<void> {
    await this.listening?.close();
    this.listening = undefined;
  }

  /**
   * The working set for `scope`. `verify` (writes, inside their transaction) checks the
   * configuration against the database; reads trust the notified cache, which is at most a
   * notification's delay behind another instance's commit.
   */
  async load(tx: Queryable, user: UserRecord, scope: Scope, verify = false): Promise<SimState> {
    const state = createEmptyState();
    // Shared by every request and frozen: reads use it as it is, writes work on a copy (runDomain).
    Object.assign(state, await this.config(tx, verify));
    // The caller as the token describes them, whatever the directory says.
    state.users = [user, ...state.users.filter((u) => u.id !== user.id)];
    state.currentUser = user.id;
    if (!scope.entities?.length && !scope.erpKeys?.length && !scope.connectionId) return state;

    // Scoped rows: the records, their links (all connections), versions and soft-unlink memory.
    const records = scope.connectionId ? await this.crm.linkedTo(tx, scope.connectionId) : [];
    for (const e of scope.entities ?? []) {
      const record = await this.crm.get(tx, e.type, e.id);
      if (!record) continue;
      records.push(record);
      if (record.companyId) {
        const company = await this.crm.get(tx, 'company', record.companyId);
        if (company) records.push(company);
      }
    }
    for (const r of records) state.crm[entityKey(r.type, r.id)] = r;
    const keys = Object.values(state.crm).map((r) => [r.type, r.id]);
    const types = keys.map((k) => k[0]);
    const ids = keys.map((k) => k[1]);
    const linkRows = await tx.query<LinkRow>(
      `SELECT l.* FROM links l JOIN unnest($1::text[], $2::text[]) AS k(t, i) ON l.entity_type = k.t AND l.entity_id = k.i
       UNION ALL SELECT * FROM links WHERE (connection_id, erp_key) IN (SELECT * FROM unnest($3::text[], $4::text[]))
       UNION ALL SELECT * FROM links WHERE connection_id = $5`,
      [types, ids, (scope.erpKeys ?? []).map((k) => k.connectionId), (scope.erpKeys ?? []).map((k) => k.erpKey), scope.connectionId ?? null],
    );
    for (const l of linkRows) state.links[linkKey(l.entity_type as CrmEntityType, l.entity_id, l.connection_id)] = { actorType: l.actor_type as never, erpKey: l.erp_key, ...l.data };
    const versions = await tx.query<{ entity_type: string; entity_id: string; connection_id: string; version: number; previous: never }>(
      `SELECT v.* FROM link_versions v JOIN unnest($1::text[], $2::text[]) AS k(t, i) ON v.entity_type = k.t AND v.entity_id = k.i
       UNION ALL SELECT * FROM link_versions WHERE connection_id = $3`,
      [types, ids, scope.connectionId ?? null],
    );
    for (const v of versions) {
      const key = linkKey(v.entity_type as CrmEntityType, v.entity_id, v.connection_id);
      state.linkVersions[key] = v.version;
      if (v.previous) state.previousLinks[key] = v.previous;
    }
    const editKeys = [
      ...Object.values(state.crm).map((r) => `crm:${r.type}:${r.id}/%`),
      ...Object.entries(state.links).map(([k, l]) => `erp:${k.slice(k.lastIndexOf('/') + 1)}/${l.erpKey}/%`),
    ];
    if (editKeys.length) {
      for (const e of await tx.query<{ key: string; data: { by: string; at: string } }>('SELECT key, data FROM edits WHERE key LIKE ANY($1::text[])', [editKeys])) {
        (state.edits ??= {})[e.key] = e.data;
      }
    }
    return state;
  }

  /**
   * Connectors, connections (decrypted), mappings, defaults, priority and the directory: small, read by
   * every request, changed rarely. While notifications arrive, the copy in memory serves until one
   * says it changed; otherwise (and for writes) one query of `configVersion`, which every change
   * rewrites, tells whether the copy is still current.
   */
  private async config(tx: Queryable, verify: boolean): Promise<Config> {
    if (!verify && this.cached && this.listening?.live) return this.cached.config;
    const changes = this.changes;
    const [row] = await tx.query<{ value: string }>(`SELECT value FROM settings WHERE key = 'configVersion'`);
    const version = row ? String(row.value) : 'none';
    if (this.cached?.version === version) return this.cached.config;
    const config: Config = { users: [], groups: [], connectors: [], connections: [], mappings: {}, listMappings: {}, defaults: {}, defaultsVersions: {}, priorityVersion: 1 };
    const principals = await tx.query<{ id: string; data: { kind: 'user' | 'group'; name: string; groups?: string[] } }>('SELECT id, data FROM crm_principals ORDER BY id');
    for (const p of principals) {
      if (p.data.kind === 'group') config.groups.push({ id: p.id, name: p.data.name });
      else config.users.push({ id: p.id, name: p.data.name, groups: p.data.groups ?? [], licence: false, admin: false });
    }
    config.connectors = (await tx.query<Row<SimState['connectors'][number]>>('SELECT data FROM connectors ORDER BY position')).map((r) => r.data);
    const connections = await tx.query<{ data: SimState['connections'][number]; config_enc: string }>('SELECT data, config_enc FROM connections ORDER BY position');
    config.connections = connections.map((r) => ({ ...r.data, config: this.secrets.decrypt(r.config_enc) }));
    for (const m of await tx.query<{ connection_id: string; name: string; kind: string; data: never; version: number }>('SELECT connection_id, name, kind, data, version FROM mappings')) {
      const key = `${m.connection_id}/${m.name}`;
      if (m.kind === 'mapping') config.mappings[key] = m.data;
      else if (m.kind === 'list-mapping') config.listMappings[key] = m.data;
      else {
        config.defaults[key] = m.data;
        config.defaultsVersions[key] = m.version;
      }
    }
    const priority = await tx.query<{ value: number }>(`SELECT value FROM settings WHERE key = 'priorityVersion'`);
    config.priorityVersion = priority[0]?.value ?? 1;
    deepFreeze(config);
    // A change notified while this was read may not be in it: use it for this request only.
    if (changes === this.changes) this.cached = { version, config };
    return config;
  }

  /** Writes what differs between `before` (as loaded) and `after` (as the operation left it); true when the configuration changed. */
  async save(tx: Queryable, before: SimState, after: SimState): Promise<boolean> {
    const changed = <T>(a: Record<string, T>, b: Record<string, T>) => {
      const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
      return [...keys].filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k])).map((k) => ({ key: k, was: a[k], now: b[k] }));
    };
    const byId = <T extends { id: string }>(list: T[]) => Object.fromEntries(list.map((x, i) => [x.id, { ...x, position: i }]));

    for (const c of changed(byId(before.connectors), byId(after.connectors))) {
      if (!c.now) await tx.query('DELETE FROM connectors WHERE id = $1', [c.key]);
      else {
        const { position, ...data } = c.now;
        await tx.query('INSERT INTO connectors (id, position, data) VALUES ($1, $2, $3) ON CONFLICT (id) DO UPDATE SET position = $2, data = $3', [c.key, position, data]);
      }
    }
    for (const c of changed(byId(before.connections), byId(after.connections))) {
      if (!c.now) await tx.query('DELETE FROM connections WHERE id = $1', [c.key]);
      else {
        const { position, config, ...data } = c.now;
        await tx.query('INSERT INTO connections (id, position, data, config_enc) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO UPDATE SET position = $2, data = $3, config_enc = $4', [
          c.key,
          position,
          data,
          this.secrets.encrypt(config),
        ]);
      }
    }
    const kinds: [keyof SimState & ('mappings' | 'listMappings' | 'defaults'), string][] = [
      ['mappings', 'mapping'],
      ['listMappings', 'list-mapping'],
      ['defaults', 'defaults'],
    ];
    for (const [slice, kind] of kinds) {
      const a = before[slice] as Record<string, unknown>;
      const b = after[slice] as Record<string, unknown>;
      const versionsChanged = kind === 'defaults' ? changed(before.defaultsVersions ?? {}, after.defaultsVersions ?? {}).map((c) => c.key) : [];
      const keys = new Set([...changed(a, b).map((c) => c.key), ...versionsChanged]);
      for (const key of keys) {
        const cut = key.lastIndexOf('/');
        const [cid, name] = [key.slice(0, cut), key.slice(cut + 1)];
        if (b[key] === undefined) await tx.query('DELETE FROM mappings WHERE connection_id = $1 AND kind = $2 AND name = $3', [cid, kind, name]);
        else {
          const version = kind === 'defaults' ? (after.defaultsVersions?.[key] ?? 1) : ((b[key] as { version?: number }).version ?? 1);
          await tx.query(
            `INSERT INTO mappings (connection_id, kind, name, data, version) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (connection_id, kind, name) DO UPDATE SET data = $4, version = $5`,
            [cid, kind, name, JSON.stringify(b[key]), version],
          );
        }
      }
    }
    if ((before.priorityVersion ?? 1) !== (after.priorityVersion ?? 1)) {
      await tx.query(`INSERT INTO settings (key, value) VALUES ('priorityVersion', $1) ON CONFLICT (key) DO UPDATE SET value = $1`, [after.priorityVersion]);
    }

    const configChanged = (['connectors', 'connections', 'mappings', 'listMappings', 'defaults', 'defaultsVersions', 'priorityVersion'] as const).some(
      (k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]),
    );
    if (configChanged) await touchConfig(tx);

    for (const c of changed(before.crm, after.crm)) {
      if (c.now) await this.crm.put(tx, c.now);
    }
    for (const c of changed(before.links, after.links)) {
      const [type, id, cid] = splitLinkKey(c.key);
      if (!c.now) await tx.query('DELETE FROM links WHERE entity_type = $1 AND entity_id = $2 AND connection_id = $3', [type, id, cid]);
      else {
        const { actorType, erpKey, ...data } = c.now;
        await tx.query(
          `INSERT INTO links (entity_type, entity_id, connection_id, actor_type, erp_key, data) VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (entity_type, entity_id, connection_id) DO UPDATE SET actor_type = $4, erp_key = $5, data = $6`,
          [type, id, cid, actorType, erpKey, data],
        );
      }
    }
    const versionKeys = new Set([...changed(before.linkVersions, after.linkVersions), ...changed(before.previousLinks, after.previousLinks)].map((c) => c.key));
    for (const key of versionKeys) {
      const [type, id, cid] = splitLinkKey(key);
      await tx.query(
        `INSERT INTO link_versions (entity_type, entity_id, connection_id, version, previous) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (entity_type, entity_id, connection_id) DO UPDATE SET version = $4, previous = $5`,
        [type, id, cid, after.linkVersions[key] ?? 1, after.previousLinks[key] ?? null],
      );
    }
    // History is append-only: the operation put its new events in front (newest first).
    for (const [key, events] of Object.entries(after.history)) {
      const [type, id, cid] = splitLinkKey(key);
      for (const event of [...events].reverse()) {
        await tx.query('INSERT INTO history (entity_type, entity_id, connection_id, event) VALUES ($1, $2, $3, $4)', [type, id, cid, event]);
      }
    }
    for (const c of changed(before.edits ?? {}, after.edits ?? {})) {
      if (c.now) await tx.query('INSERT INTO edits (key, data) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET data = $2', [c.key, c.now]);
    }
    return configChanged;
  }
}

type Config = Pick<SimState, 'users' | 'groups' | 'connectors' | 'connections' | 'mappings' | 'listMappings' | 'defaults'> & {
  defaultsVersions: Record<string, number>;
  priorityVersion: number;
};

const CONFIG_CHANNEL = 'erp_sync_config';

/** Marks the configuration as changed: every instance is notified at commit and reloads it. */
export async function touchConfig(q: Queryable): Promise<void> {
  await q.query(`INSERT INTO settings (key, value) VALUES ('configVersion', $1) ON CONFLICT (key) DO UPDATE SET value = $1`, [JSON.stringify(randomUUID())]);
  await q.query(`SELECT pg_notify('${CONFIG_CHANNEL}', '')`);
}

interface LinkRow {
  entity_type: string;
  entity_id: string;
  connection_id: string;
  actor_type: string;
  erp_key: string;
  data: Omit<SimState['links'][string], 'actorType' | 'erpKey'>;
}

/** `company:c1/conn-a` -> ['company', 'c1', 'conn-a'] (ids may contain '/' and ':'; the type may not). */
export function splitLinkKey(key: string): [CrmEntityType, string, string] {
  const colon = key.indexOf(':');
  const slash = key.lastIndexOf('/');
  return [key.slice(0, colon) as CrmEntityType, key.slice(colon + 1, slash), key.slice(slash + 1)];
}

/** A state with nothing in it: the loader fills in what the request needs. */
export function createEmptyState(): SimState {
  return {
    schema: 1,
    seq: 1,
    crm: {},
    users: [],
    groups: [],
    currentUser: '',
    connectors: [],
    connections: [],
    mappings: {},
    listMappings: {},
    defaults: {},
    defaultsVersions: {},
    links: {},
    linkVersions: {},
    previousLinks: {},
    overrides: {},
    created: {},
    history: {},
    idempotency: [],
    failingSyncs: [],
    edits: {},
  };
}

/** Frozen all the way down: a read that tried to change the shared configuration would throw. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
