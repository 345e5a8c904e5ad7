-- Hourly settlement of pay-as-you-go usage, arrears and restore (SPEC.md §7; docs/usage.md).
--
-- usage_events (owner: usage): settled_at is the end of the hour whose settlement billed the event; null while it
-- is not billed. The settlement marks the events it bills in its own transaction, so an event is billed exactly
-- once whatever the crashes and re-runs. Adding a nullable column without default is a catalog change only.
ALTER TABLE usage_events ADD COLUMN settled_at timestamptz;

-- The settlement's read: an account's resources' unbilled events before the hour's end. Created on the parent,
-- so every partition (those existing and those created later) gets its own; billed events leave the index.
CREATE INDEX usage_events_unsettled ON usage_events (resource_id, time) WHERE settled_at IS NULL;

-- accounts (owner: account):
--   settle_due_at: the end of the next hour to settle (UTC hour boundaries); null when the account has no
--     pay-as-you-go resource to settle. The engine's due marker next_due_at is the earliest of it and the
--     resources' due instants.
--   arrears_since: when the account went into arrears (the settlement that took the balance below minus the
--     credit limit); null when it is not in arrears. The amount owed is minus the balance.
ALTER TABLE accounts ADD COLUMN settle_due_at timestamptz, ADD COLUMN arrears_since timestamptz;
