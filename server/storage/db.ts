import { mkdirSync } from 'node:fs';

/** One SQL round trip: parameterised text only (no string-built SQL anywhere in the service). */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

/** The service's database: the same PostgreSQL SQL on PGlite (embedded) or a PostgreSQL server. */
export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Calls `onNotify` for every NOTIFY on `channel` (delivered at the sender's commit), from any
   * instance. `live` is false while notifications could be missed (the listening connection is
   * down; it reconnects): then nobody may rely on them.
   */
  listen(channel: string, onNotify: () => void): Promise<Listening>;
  /**
   * SQL as a job queue library sends it: with parameters one statement, without them possibly a
   * script of several; answers the rows of the last statement.
   */
  script<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export interface Listening {
  readonly live: boolean;
  close(): Promise<void>;
}

/** PGlite on disk: a data folder created on first start and reopened afterwards. */
export async function openPglite(dataDir: string): Promise<Db> {
  mkdirSync(dataDir, { recursive: true });
  const { PGlite } = await import('@electric-sql/pglite');
  const pg = await PGlite.create(dataDir);
  return {
    kind: 'pglite',
    async query<T>(sql: string, params: unknown[] = []) {
      return (await pg.query<T>(sql, params)).rows;
    },
    async exec(sql: string) {
      await pg.exec(sql);
    },
    // PGlite has one connection; its transaction() holds it exclusively until the work settles.
    transaction: (work) =>
      pg.transaction((tx) =>
        work({
          query: async <T>(sql: string, params: unknown[] = []) => (await tx.query<T>(sql, params)).rows,
          exec: async (sql: string) => void (await tx.exec(sql)),
        }),
      ),
    // One process owns a PGlite folder: its notifications cannot be missed.
    async listen(channel, onNotify) {
      const stop = await pg.listen(channel, onNotify);
      return { live: true, close: stop };
    },
    async script<T>(sql: string, params?: unknown[]) {
      if (params?.length) return (await pg.query<T>(sql, params)).rows;
      return ((await pg.exec(sql)).at(-1)?.rows ?? []) as T[];
    },
    close: () => pg.close(),
  };
}

/** A PostgreSQL server through `pg`: a pool, one checked-out client per transaction. */
export async function openPostgres(url: string): Promise<Db> {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
  // A dropped idle connection must not crash the service; the pool replaces it.
  pool.on('error', () => {});
  return {
    kind: 'postgres',
    async query<T>(sql: string, params: unknown[] = []) {
      return (await pool.query(sql, params)).rows as T[];
    },
    async exec(sql: string) {
      await pool.query(sql);
    },
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work({
          query: async <T>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as T[],
          exec: async (sql: string) => void (await client.query(sql)),
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    listen: (channel, onNotify) => listenOnPostgres(pg, url, channel, onNotify),
    async script<T>(sql: string, params?: unknown[]) {
      const result = (await pool.query(sql, params)) as unknown as { rows: T[] } | { rows: T[] }[];
      return (Array.isArray(result) ? (result.at(-1)?.rows ?? []) : result.rows) as T[];
    },
    close: () => pool.end(),
  };
}

/** A connection of its own that LISTENs, and comes back after it dropped (telling the caller). */
async function listenOnPostgres(pg: typeof import('pg').default, url: string, channel: string, onNotify: () => void): Promise<Listening> {
  let live = false;
  let closed = false;
  let client: InstanceType<typeof pg.Client> | undefined;
  const drop = (c: InstanceType<typeof pg.Client>) => {
    if (client !== c) return false;
    live = false;
    client = undefined;
    c.end().catch(() => {});
    return true;
  };
  const retry = () => {
    if (!closed) setTimeout(() => void attempt(), 1000).unref();
  };
  const attempt = async () => {
    const c = new pg.Client({ connectionString: url });
    client = c;
    c.on('notification', (m) => m.channel === channel && onNotify());
    const lost = () => {
      if (!drop(c)) return;
      onNotify(); // what was sent meanwhile is unknown
      retry();
    };
    c.on('error', lost);
    c.on('end', lost);
    try {
      await c.connect();
      await c.query(`LISTEN "${channel.replace(/"/g, '')}"`);
      if (client !== c) return;
      live = true;
      onNotify(); // anything sent before LISTEN took effect
    } catch {
      if (drop(c)) retry();
    }
  };
  await attempt();
  return {
    get live() {
      return live;
    },
    async close() {
      closed = true;
      const c = client;
      if (c) drop(c);
    },
  };
}
