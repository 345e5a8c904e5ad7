-- Owned by io.tenure.notify. The fan-out's queue moves off the notices rows, so that a notice row is written once
-- and never updated by the fan-out.
--
-- Until now (V10) a row waited for the fan-out in the partial index notices_to_fan_out (fanned_out_at IS NULL): one
-- more index entry for every row the engine writes, all of them at the index's right edge, and then an update of
-- fanned_out_at that could never be HOT (the column is in the index's predicate), so it wrote a new row version and
-- a new entry in every other index of notices. Now each statement that writes notice rows also writes one outbox
-- row naming them (their keys, in sequence order): one row and one index entry for a whole batch of the engine.
-- The fan-out takes entries out of the outbox in its own transaction (FOR UPDATE SKIP LOCKED on outbox rows), so
-- a rolled-back fan-out puts them back, and nothing else marks a notice row.
CREATE TABLE notice_outbox (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- Parallel arrays: entry i is the notice row (account_ids[i], sequences[i]).
  account_ids text[] COLLATE "C" NOT NULL,
  sequences   bigint[] NOT NULL CHECK (cardinality(sequences) = cardinality(account_ids) AND cardinality(sequences) > 0)
);

-- Rows still waiting are queued in sequence order, 500 to an outbox row (the engine's batch size), so that taking a
-- fan-out batch off the front of an outbox row never rewrites a long array.
INSERT INTO notice_outbox (account_ids, sequences)
SELECT array_agg(account_id ORDER BY sequence), array_agg(sequence ORDER BY sequence)
FROM (SELECT account_id, sequence, (row_number() OVER (ORDER BY sequence) - 1) / 500 AS chunk
      FROM notices WHERE fanned_out_at IS NULL) AS waiting
GROUP BY chunk
ORDER BY chunk;

DROP INDEX notices_to_fan_out;
ALTER TABLE notices DROP COLUMN fanned_out_at;
