-- Owned by io.tenure.catalog: every catalog version ever loaded, as its source text. Versions only grow.
CREATE TABLE catalog_versions (
  version    integer PRIMARY KEY,
  source     text NOT NULL,
  loaded_at  timestamptz NOT NULL
);

-- Identifiers and keys compare bytewise (COLLATE "C"): they are machine-made, their order only has to be stable
-- (lock order, the engine's cursor), and the engine inserts and looks up several such index keys per
-- transition, for which a language collation (strcoll) costs more than memcmp.

-- Owned by io.tenure.resource: what an account holds. The lifecycle columns belong to io.tenure.lifecycle;
-- they live on the same row so that one row lock guards a resource's money and its lifecycle together.
CREATE TABLE resources (
  id                       text COLLATE "C" PRIMARY KEY,
  account_id               text NOT NULL REFERENCES accounts (id),
  plan_code                text NOT NULL,
  catalog_version          integer NOT NULL REFERENCES catalog_versions (version),
  mode                     text NOT NULL CHECK (mode IN ('PREPAID', 'PAYG')),
  billing_period           text CHECK (billing_period IN ('MONTH', 'YEAR')),
  group_id                 text,
  created_at               timestamptz NOT NULL,
  term_start               timestamptz,
  term_periods             integer,
  plan_paid_minor          bigint,
  phase                    text NOT NULL,
  policy_code              text NOT NULL,
  policy_version           integer NOT NULL,
  term_end                 timestamptz,
  arrears_started_at       timestamptz,
  policy_phase_index       integer NOT NULL DEFAULT -1,
  phase_started_at         timestamptz NOT NULL,
  auto_renew               boolean NOT NULL DEFAULT false,
  auto_renew_periods       integer NOT NULL DEFAULT 1 CHECK (auto_renew_periods >= 1),
  periodic_handled_through timestamptz NOT NULL,
  next_due_at              timestamptz,
  CHECK ((mode = 'PREPAID') = (term_end IS NOT NULL))
);
CREATE INDEX resources_account ON resources (account_id);
CREATE INDEX resources_group ON resources (group_id) WHERE group_id IS NOT NULL;
-- The engine's claim index: only resources with something pending, in due order.
CREATE INDEX resources_due ON resources (next_due_at, id) WHERE next_due_at IS NOT NULL;

CREATE TABLE resource_add_ons (
  resource_id text COLLATE "C" NOT NULL REFERENCES resources (id),
  code        text NOT NULL,
  quantity    bigint NOT NULL CHECK (quantity > 0),
  paid_minor  bigint NOT NULL CHECK (paid_minor >= 0),
  PRIMARY KEY (resource_id, code)
);

-- Owned by io.tenure.lifecycle: everything that happened to each resource, stamped with the instant it fell due.
-- One index only: the engine writes a row per transition, and every index costs on that hot path.
CREATE TABLE lifecycle_events (
  sequence    bigint GENERATED ALWAYS AS IDENTITY,
  resource_id text COLLATE "C" NOT NULL,
  at          timestamptz NOT NULL,
  type        text NOT NULL,
  phase       text NOT NULL,
  PRIMARY KEY (resource_id, sequence)
);

-- Owned by io.tenure.notify: notices to deliver, written in the transaction of the change that caused them.
-- The dedup key makes a notice exist once however often it is produced.
CREATE TABLE notices (
  dedup_key    text COLLATE "C" PRIMARY KEY,
  sequence     bigint GENERATED ALWAYS AS IDENTITY,
  account_id   text COLLATE "C" NOT NULL,
  resource_id  text COLLATE "C",
  type         text NOT NULL,
  due_at       timestamptz NOT NULL,
  release_at   timestamptz,
  created_at   timestamptz NOT NULL,
  delivered_at timestamptz
);
-- The inbox, newest first. Delivery will add its own index over undelivered notices when it exists.
CREATE INDEX notices_account ON notices (account_id, sequence);

-- Owned by io.tenure.provider: what each provider must be told, in order, with a stable id for deduplication.
CREATE TABLE provider_commands (
  sequence      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  resource_id   text NOT NULL,
  command       text NOT NULL,
  service_level text NOT NULL,
  at            timestamptz NOT NULL,
  delivered_at  timestamptz
);
