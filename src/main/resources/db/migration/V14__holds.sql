-- Owned by io.tenure.hold: the operator's (or a partner's) suspensions of a resource, one feature of it, or a whole
-- account, for a reason other than money (SPEC.md section 4). A hold is lifted, never deleted: lifted_at marks it.
-- applied_by and lifted_by are the kind of key (a key's id is the operator's alone to see; the log names it).
-- One index: the holds of an account in id order serve the listing, and the holds in force of an account (a
-- handful at most) are read through it by the entitlements, the purchase check and the simulator.
CREATE TABLE holds (
  id          text COLLATE "C" PRIMARY KEY,
  account_id  text COLLATE "C" NOT NULL REFERENCES accounts (id),
  scope       text NOT NULL CHECK (scope IN ('RESOURCE', 'FEATURE', 'ACCOUNT')),
  resource_id text COLLATE "C",
  feature     text,
  reason      text NOT NULL CHECK (reason IN ('VIOLATION', 'SECURITY', 'PARTNER', 'ADMIN')),
  permanent   boolean NOT NULL,
  note        text NOT NULL,
  applied_at  timestamptz NOT NULL,
  applied_by  text NOT NULL CHECK (applied_by IN ('OPERATOR', 'PARTNER')),
  lifted_at   timestamptz,
  lifted_by   text CHECK (lifted_by IN ('OPERATOR', 'PARTNER')),
  CHECK ((scope = 'ACCOUNT') = (resource_id IS NULL)),
  CHECK ((scope = 'FEATURE') = (feature IS NOT NULL))
);
CREATE INDEX holds_account ON holds (account_id, id);

-- Owned by io.tenure.provider: the newest command of a resource is its `sequence` (the entitlements answer it on
-- every read). One more index entry per command on the engine's hot path; docs/performance.md measures it.
CREATE INDEX provider_commands_resource ON provider_commands (resource_id, sequence);
