-- Usage events of pay-as-you-go resources (SPEC.md §7), partitioned by the UTC day of the event's own time.
-- Partitions are created ahead by the running Tenure (io.tenure.usage.UsagePartitions) and dropped whole once
-- their day is more than 37 days old (35 days of acceptance plus 2 days' margin): retention is a DROP TABLE,
-- never a DELETE.
--
-- The key is (resource, event id, day). PostgreSQL needs the partition key in every unique index, and the day
-- is a function of the event's time, which a resend carries unchanged (it is the same event): a resend lands in
-- the same partition and conflicts with the stored row. Events older than 35 days are refused at the door, so
-- a resend is never compared with a partition that has been dropped.
CREATE TABLE usage_events (
  resource_id text COLLATE "C" NOT NULL,
  event_id    text COLLATE "C" NOT NULL,
  day         date NOT NULL,
  meter       text COLLATE "C" NOT NULL,
  quantity    numeric(30, 12) NOT NULL CHECK (quantity >= 0),
  time        timestamptz NOT NULL,
  received_at timestamptz NOT NULL,
  PRIMARY KEY (resource_id, event_id, day)
) PARTITION BY RANGE (day);
