import type { CrmEntityType } from '../../src/model/types.js';
import type { CrmRecord } from '../../simulated-erp/model.js';
import type { Queryable } from '../storage/db.js';

/**
 * How the sync service reads and writes the CRM's companies, persons and projects. The reference
 * adapter below keeps them in the service's own database (the demo CRM); a host replaces it with
 * calls to its own CRM (see README, "Connecting your CRM"). `tx` is the service's transaction, for
 * adapters that share the database; others may ignore it.
 */
export interface CrmAdapter {
  get(tx: Queryable, type: CrmEntityType, id: string): Promise<CrmRecord | undefined>;
  /** Stores the record's values as the sync decided them. */
  put(tx: Queryable, record: CrmRecord): Promise<void>;
  /** The records linked in a connection (resync, import). */
  linkedTo(tx: Queryable, connectionId: string): Promise<CrmRecord[]>;
  /** Every record of a type, for the demo's record list and import's numbering. */
  list(tx: Queryable, type?: CrmEntityType): Promise<(CrmRecord & { description?: string })[]>;
  /**
   * The change feed: records written after `position` (an opaque string, '' for the start), oldest
   * first, at most `limit`, with the position after each. Background sync reads it.
   */
  changedSince(tx: Queryable, position: string, limit: number): Promise<{ type: CrmEntityType; id: string; position: string; at: string }[]>;
  /** The feed's position before the first change at or after `at` (where a new cursor starts). */
  positionAt(tx: Queryable, at: string): Promise<string>;
}

interface Row {
  data: CrmRecord & { description?: string };
}

export class DatabaseCrm implements CrmAdapter {
  async get(tx: Queryable, type: CrmEntityType, id: string) {
    return (await tx.query<Row>('SELECT data FROM crm_records WHERE type = $1 AND id = $2', [type, id]))[0]?.data;
  }

  async put(tx: Queryable, record: CrmRecord) {
    await tx.query(
      `INSERT INTO crm_records (type, id, name, company_id, data, changed_at) VALUES ($1, $2, $3, $4, $5, now())
       ON CONFLICT (type, id) DO UPDATE SET name = $3, company_id = $4, data = $5, changed_at = now(), change_seq = nextval('crm_change_seq')`,
      [record.type, record.id, record.name, record.companyId ?? null, JSON.stringify(record)],
    );
  }

  async linkedTo(tx: Queryable, connectionId: string) {
    const rows = await tx.query<Row>(
      'SELECT r.data FROM crm_records r JOIN links l ON l.entity_type = r.type AND l.entity_id = r.id WHERE l.connection_id = $1 ORDER BY r.type, r.id',
      [connectionId],
    );
    return rows.map((r) => r.data);
  }

  async changedSince(tx: Queryable, position: string, limit: number) {
    const rows = await tx.query<{ type: CrmEntityType; id: string; change_seq: string; changed_at: Date | string }>(
      'SELECT type, id, change_seq, changed_at FROM crm_records WHERE change_seq > $1 ORDER BY change_seq LIMIT $2',
      [position === '' ? 0 : Number(position), limit],
    );
    return rows.map((r) => ({ type: r.type, id: r.id, position: String(r.change_seq), at: new Date(r.changed_at).toISOString() }));
  }

  async positionAt(tx: Queryable, at: string) {
    const [row] = await tx.query<{ position: string | null }>('SELECT max(change_seq)::text AS position FROM crm_records WHERE changed_at < $1', [at]);
    return row?.position ?? '';
  }

  async list(tx: Queryable, type?: CrmEntityType) {
    const rows = await tx.query<Row>('SELECT data FROM crm_records WHERE $1::text IS NULL OR type = $1 ORDER BY type, id', [type ?? null]);
    return rows.map((r) => r.data);
  }
}
