-- Owned by io.tenure.delivery (deliveries).
--
-- A claim's lease is a column of its own, outside every index, so that the claim's update (the attempt counted, the
-- lease set) changes no indexed column and PostgreSQL can make it a HOT update: a new row version on the same page,
-- no new entry in any of the table's indexes. Until V25 the claim moved next_attempt_at, the key of deliveries_due, to
-- the lease's end, which wrote a new entry in every index of the table for every claimed delivery. A delivery is due
-- when next_attempt_at has come and it is not leased (leased_until empty or past); the record clears the lease.
ALTER TABLE deliveries ADD COLUMN leased_until timestamptz;

-- Room on every page for the claim's new version beside the row it replaces: a HOT update needs the same page. New
-- pages only; the rows written before V25 keep their pages.
ALTER TABLE deliveries SET (fillfactor = 50);

-- The operator's listing by status needs an index for the few pending and failed deliveries only: the delivered ones
-- are nearly all of them, which a scan by id finds. Rows leave the index once, when delivered, and a delivered row's
-- new version is written into no entry of it.
DROP INDEX deliveries_by_status;
CREATE INDEX deliveries_not_delivered ON deliveries (status, id) WHERE status <> 'DELIVERED';
