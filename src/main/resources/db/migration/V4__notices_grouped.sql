-- Owned by io.tenure.notify. The notices one change raises about one subject at one instant (a resource that
-- expires is told EXPIRED, FROZEN and RELEASE_SCHEDULED at once) share one row: the engine writes a row per
-- transition instead of one per notice, which was over half of its database time (docs/performance.md).
--
-- Each row numbers up to 8 messages: message i (from 0) of a row is sequence + i, so the identity steps by 8
-- and message numbers stay unique and in order. A notice raised by a lifecycle transition needs no dedup key:
-- the transition itself happens once (its resource row is locked and its state advanced in the same
-- transaction). A notice that several paths may raise (the daily auto-renewal shortfall, from the engine's
-- check and from a top-up) carries a dedup key, unique where present. The inbox reads the primary key.
ALTER TABLE notices RENAME TO notices_v3;
ALTER INDEX notices_pkey RENAME TO notices_v3_pkey;
ALTER INDEX notices_account RENAME TO notices_v3_account;

CREATE TABLE notices (
  account_id   text COLLATE "C" NOT NULL,
  sequence     bigint GENERATED ALWAYS AS IDENTITY (INCREMENT BY 8),
  resource_id  text COLLATE "C",
  types        text[] NOT NULL CHECK (cardinality(types) BETWEEN 1 AND 8),
  due_at       timestamptz NOT NULL,
  release_at   timestamptz,
  created_at   timestamptz NOT NULL,
  delivered_at timestamptz,
  dedup_key    text COLLATE "C",
  PRIMARY KEY (account_id, sequence)
);
CREATE UNIQUE INDEX notices_dedup ON notices (dedup_key) WHERE dedup_key IS NOT NULL;

-- Earlier notices keep their numbers (one message each) and their dedup keys; new rows number after them.
INSERT INTO notices (account_id, sequence, resource_id, types, due_at, release_at, created_at, delivered_at, dedup_key)
OVERRIDING SYSTEM VALUE
SELECT account_id, sequence, resource_id, ARRAY[type], due_at, release_at, created_at, delivered_at, dedup_key
FROM notices_v3;
SELECT setval(pg_get_serial_sequence('notices', 'sequence'), (coalesce(max(sequence), 0) / 8 + 1) * 8, false) FROM notices;

DROP TABLE notices_v3;
