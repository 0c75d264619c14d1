-- What the admin screen and the tab show of the background sync.

-- A run that failed as a whole (the connector down, slow, refusing), apart from per-record errors.
ALTER TABLE sync_runs ADD COLUMN failed boolean NOT NULL DEFAULT false;
-- When a run of the connection last went over its changes (the tab's "last background sync").
ALTER TABLE sync_state ADD COLUMN last_success timestamptz;
-- The cycle that holds a connection: at most one at a time, even where the queue takes a slow cycle
-- for a dead one. A cycle renews its lease as it goes; one killed lets it run out.
ALTER TABLE sync_state ADD COLUMN lease_owner text;
ALTER TABLE sync_state ADD COLUMN lease_until timestamptz;
