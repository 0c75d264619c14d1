-- Background sync: the CRM's change feed, each connection's cursors and its runs.

-- Every write of a CRM record takes the next number: the CRM side's change feed.
CREATE SEQUENCE crm_change_seq;
ALTER TABLE crm_records ADD COLUMN change_seq bigint NOT NULL DEFAULT nextval('crm_change_seq');
CREATE INDEX crm_records_change_seq ON crm_records (change_seq);

-- Where a connection's background sync goes on from: the ERP's "changed since" time per actor type
-- (actor_type 'erp:customer', …) and the CRM's change number ('crm'). Written after the page it covers.
CREATE TABLE sync_cursors (
  connection_id  text NOT NULL,
  actor_type     text NOT NULL,
  position       text NOT NULL,
  PRIMARY KEY (connection_id, actor_type)
);

-- One row per background run of a connection: what it did, for the admin screen.
CREATE TABLE sync_runs (
  id             bigserial PRIMARY KEY,
  connection_id  text NOT NULL,
  started_at     timestamptz NOT NULL DEFAULT now(),
  finished_at    timestamptz,
  checked        integer NOT NULL DEFAULT 0,
  changed        integer NOT NULL DEFAULT 0,
  conflicts      integer NOT NULL DEFAULT 0,
  errors         integer NOT NULL DEFAULT 0,
  last_error     json
);
CREATE INDEX sync_runs_connection ON sync_runs (connection_id, id DESC);

-- Paused connections and their failure back-off.
CREATE TABLE sync_state (
  connection_id  text PRIMARY KEY,
  paused         boolean NOT NULL DEFAULT false,
  failures       integer NOT NULL DEFAULT 0,
  retry_at       timestamptz
);
