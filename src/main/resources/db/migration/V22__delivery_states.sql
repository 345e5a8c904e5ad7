-- Owned by io.tenure.delivery. A delivery's attempt state apart from its content (docs/notices.md, "Deliveries").
--
-- A delivery is written once by the fan-out and twice more per attempt (the claim: attempts and lease; the record:
-- status). Both changes touch indexed columns, so neither update can be HOT: in one wide table each wrote a new version
-- of the whole row, rendered e-mail included, and an entry in every index. From here the content row (deliveries) is
-- written once and never updated; the claim and the record update only a narrow row of delivery_states, whose indexes
-- are the three the dispatcher and the operator need.
--
-- No foreign key to deliveries: its check would lock (and so write) each new content row; both rows are inserted by one
-- statement and neither is ever deleted.
CREATE TABLE delivery_states (
  delivery_id         bigint PRIMARY KEY,
  status              text NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
  attempts            integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  -- Real time. While an attempt is under way, the end of its lease (as in V10).
  next_attempt_at     timestamptz NOT NULL,
  last_error          text,
  provider_message_id text,
  delivered_at        timestamptz
);

-- The rows already there keep their state, due times and attempts: a pending delivery stays due when it was.
INSERT INTO delivery_states (delivery_id, status, attempts, next_attempt_at, last_error, provider_message_id, delivered_at)
SELECT id, status, attempts, next_attempt_at, last_error, provider_message_id, delivered_at FROM deliveries;

CREATE INDEX delivery_states_due ON delivery_states (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX delivery_states_by_status ON delivery_states (status, delivery_id);

DROP INDEX deliveries_due;
DROP INDEX deliveries_by_status;
ALTER TABLE deliveries DROP COLUMN status, DROP COLUMN attempts, DROP COLUMN next_attempt_at, DROP COLUMN last_error,
  DROP COLUMN provider_message_id, DROP COLUMN delivered_at;
