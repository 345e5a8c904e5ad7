-- Owned by io.tenure.subscription: the operator's notice routing (defaults and floors per message type), one row
-- per version as loaded, and each account's own choices, one row per message type it changed.
CREATE TABLE notice_routing_versions (
  version   integer PRIMARY KEY CHECK (version > 0),
  source    text NOT NULL,
  loaded_at timestamptz NOT NULL
);

CREATE TABLE message_subscriptions (
  account_id   text NOT NULL REFERENCES accounts (id),
  message_type text NOT NULL,
  -- {"roles": [...], "contacts": [...], "channels": [...]}: names as the API shows them.
  choice       jsonb NOT NULL,
  changed_at   timestamptz NOT NULL,
  PRIMARY KEY (account_id, message_type)
);
