-- Owned by io.tenure.webhook: the operator's webhook endpoints, one delivery per (endpoint, event), every attempt,
-- and the audit of each release a provider confirms; plus the fan-out marker on io.tenure.provider's outbox.
--
-- An event is one provider_commands row; its sequence is the event's order and its id (evt_<sequence>). Rows
-- written before this version count as fanned out: no endpoint existed to receive them.
UPDATE provider_commands SET delivered_at = now() WHERE delivered_at IS NULL;
CREATE INDEX provider_commands_to_fan_out ON provider_commands (sequence) WHERE delivered_at IS NULL;

CREATE TABLE webhook_endpoints (
  id                    text COLLATE "C" PRIMARY KEY,
  url                   text NOT NULL,
  -- Empty: every product, every event type.
  products              text[] NOT NULL,
  events                text[] NOT NULL,
  secret                text NOT NULL,
  -- After a rotation the old secret signs too, side by side with the new one, until previous_secret_until.
  previous_secret       text,
  previous_secret_until timestamptz,
  created_at            timestamptz NOT NULL,
  -- Real time. Set while every attempt since then failed; cleared by a success.
  failing_since         timestamptz,
  warned_at             timestamptz,
  disabled_at           timestamptz,
  disabled_reason       text,
  deleted_at            timestamptz
);

CREATE TABLE webhook_deliveries (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  endpoint_id     text COLLATE "C" NOT NULL REFERENCES webhook_endpoints (id),
  event_sequence  bigint NOT NULL,
  resource_id     text COLLATE "C" NOT NULL,
  event_type      text NOT NULL,
  -- The body as signed and sent, the same on every attempt.
  payload         text NOT NULL,
  status          text NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
  attempts        integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  -- Real time; while an attempt is under way, the end of its lease.
  next_attempt_at timestamptz NOT NULL,
  last_error      text,
  created_at      timestamptz NOT NULL,
  delivered_at    timestamptz,
  UNIQUE (endpoint_id, event_sequence)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'PENDING';
-- The order rule: a pending delivery waits while an earlier one of the same (endpoint, resource) is pending.
CREATE INDEX webhook_deliveries_pending_order ON webhook_deliveries (endpoint_id, resource_id, event_sequence)
  WHERE status = 'PENDING';
CREATE INDEX webhook_deliveries_by_endpoint ON webhook_deliveries (endpoint_id, created_at);

CREATE TABLE webhook_attempts (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  delivery_id   bigint NOT NULL REFERENCES webhook_deliveries (id),
  endpoint_id   text COLLATE "C" NOT NULL,
  attempt       integer NOT NULL,
  attempted_at  timestamptz NOT NULL,
  status_code   integer,
  outcome       text NOT NULL CHECK (outcome IN ('DELIVERED', 'FAILED', 'UNKNOWN')),
  error         text
);
CREATE INDEX webhook_attempts_by_endpoint ON webhook_attempts (endpoint_id, id);

-- One row per release requested of a product with an endpoint: when it fell due (business time), when it was
-- requested from the provider (real time), who confirmed it and when, and when the operator was alerted.
CREATE TABLE webhook_releases (
  resource_id     text COLLATE "C" PRIMARY KEY,
  event_sequence  bigint NOT NULL,
  due_at          timestamptz NOT NULL,
  requested_at    timestamptz NOT NULL,
  alerted_at      timestamptz,
  confirmed_by    text,
  confirmed_at    timestamptz
);
