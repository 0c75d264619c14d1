-- The sync service's state. Values the widget exchanges stay JSON (json); keys are columns.

-- The CRM side, as the reference CRM adapter keeps it (a host's own adapter replaces these two tables).
CREATE TABLE crm_records (
  type        text NOT NULL,
  id          text NOT NULL,
  name        text NOT NULL,
  company_id  text,
  data        json NOT NULL,          -- the whole record: values, description
  changed_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (type, id)
);
CREATE TABLE crm_principals (
  id    text PRIMARY KEY,              -- users and groups the scope picker offers
  data  json NOT NULL
);

-- Administration.
CREATE TABLE connectors (
  id        text PRIMARY KEY,
  position  integer NOT NULL,
  data      json NOT NULL
);
CREATE TABLE connections (
  id          text PRIMARY KEY,
  position    integer NOT NULL,        -- the sync priority order
  data        json NOT NULL,          -- everything but the config values
  config_enc  text NOT NULL            -- the config values, AES-256-GCM encrypted
);
CREATE TABLE mappings (
  connection_id  text NOT NULL,
  name           text NOT NULL,        -- actor type (mappings, defaults) or list name (list mappings)
  kind           text NOT NULL CHECK (kind IN ('mapping', 'list-mapping', 'defaults')),
  data           json NOT NULL,
  version        integer NOT NULL DEFAULT 1,
  PRIMARY KEY (connection_id, kind, name)
);
CREATE TABLE settings (
  key    text PRIMARY KEY,
  value  json NOT NULL
);

-- Links and what hangs off them.
CREATE TABLE links (
  entity_type    text NOT NULL,
  entity_id      text NOT NULL,
  connection_id  text NOT NULL,
  actor_type     text NOT NULL,
  erp_key        text NOT NULL,
  data           json NOT NULL,       -- lastSynced, status, lastError, synced (the last-synced base values)
  PRIMARY KEY (entity_type, entity_id, connection_id),
  UNIQUE (connection_id, actor_type, erp_key)
);
CREATE TABLE link_versions (
  entity_type    text NOT NULL,
  entity_id      text NOT NULL,
  connection_id  text NOT NULL,
  version        integer NOT NULL,     -- outlives the link: versions keep counting after an unlink
  previous       json,                -- soft unlink: the actor it was last linked to
  PRIMARY KEY (entity_type, entity_id, connection_id)
);
CREATE TABLE history (
  seq            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  entity_type    text NOT NULL,
  entity_id      text NOT NULL,
  connection_id  text NOT NULL,
  event          json NOT NULL
);
CREATE INDEX history_by_link ON history (entity_type, entity_id, connection_id, seq DESC);
CREATE TABLE edits (
  key    text PRIMARY KEY,             -- who changed a value last, shown beside a sync conflict
  data   json NOT NULL
);

-- Idempotency keys, per caller.
CREATE TABLE idempotency_keys (
  caller       text NOT NULL,
  key          text NOT NULL,
  fingerprint  text NOT NULL,
  state        text NOT NULL CHECK (state IN ('running', 'done')),
  status       integer,
  headers      json,
  body         text,
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (caller, key)
);
CREATE INDEX idempotency_keys_age ON idempotency_keys (created_at);
