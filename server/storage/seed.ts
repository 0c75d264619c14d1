import type { SimState } from '../../simulated-erp/model.js';
import { createInitialState } from '../../simulated-erp/state.js';
import type { Db } from './db.js';
import { createEmptyState, type StateStore } from './state.js';

/**
 * The demo installation on an empty database: the demo CRM's records, users and groups, the two
 * simulated connectors at `connectorUrl` (`/contoso`, `/northwind`), three connections with their
 * mappings, and a few links with history (or what `build` makes: the Tryton demo). Runs once; a
 * database that has configuration is left alone.
 */
export async function seedDemo(db: Db, store: StateStore, connectorUrl: string, build?: () => Promise<SimState>): Promise<boolean> {
  // Asked of the connector before the transaction: no lock is held while it answers.
  const built = build && !(await db.query(`SELECT 1 FROM settings WHERE key = 'seeded'`)).length ? await build() : undefined;
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['configuration']);
    const done = await tx.query(`SELECT 1 FROM settings WHERE key = 'seeded'`);
    if (done.length) return false;
    const seed = built ?? createInitialState(Date.now());
    const base = connectorUrl.replace(/\/$/, '');
    if (!built) for (const c of seed.connectors) c.url = `${base}/${c.kind}`;
    seed.failingSyncs = [];
    for (const u of seed.users) await tx.query('INSERT INTO crm_principals (id, data) VALUES ($1, $2)', [u.id, { kind: 'user', name: u.name, groups: u.groups }]);
    for (const g of seed.groups) await tx.query('INSERT INTO crm_principals (id, data) VALUES ($1, $2)', [g.id, { kind: 'group', name: g.name }]);
    await store.save(tx, createEmptyState(), seed);
    await tx.query(`INSERT INTO settings (key, value) VALUES ('seeded', $1)`, [JSON.stringify(new Date().toISOString())]);
    return true;
  });
}
