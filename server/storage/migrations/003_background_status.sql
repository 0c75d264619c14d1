-- What the admin screen and the tab show of the background sync.

-- A run that failed as a whole (the connector down, slow, refusing), apart from per-record errors.
ALTER TABLE sync_runs ADD COLUMN failed boolean NOT NULL DEFAULT false;
-- When a run of the connection last went over its changes (the tab's "last background sync").
ALTER TABLE sync_state ADD COLUMN last_success timestamptz;
-- The cycle that holds a connection: at most one at a time, even where the queue takes a slow cycle
-- for a dead one. A cycle renews its lease as it goes; one killed lets it run out.
ALTER TABLE sync_state ADD COLUMN lease_owner text;
ALTER TABLE sync_state ADD COLUMN lease_until timestamptz;

-- What a write is about to send to the ERP, written before its transaction and deleted by its commit:
-- one left behind is a write that died after its ERP save maybe landed, for the recovery to record.
CREATE TABLE erp_write_intents (
  id             uuid PRIMARY KEY,
  entity_type    text NOT NULL,
  entity_id      text NOT NULL,
  connection_id  text NOT NULL,
  intent         json NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX erp_write_intents_connection ON erp_write_intents (connection_id, created_at);
