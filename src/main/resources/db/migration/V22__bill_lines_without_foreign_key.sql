-- A bill's lines are written only in the statement that writes the bill (BillStore.create, BillStore.createAll),
-- and bills are never deleted: a line without its bill cannot be written. The foreign key's check of each line
-- (a locking index lookup per row) cost the hourly settlement more database time than everything else it writes
-- (about 40 lines a bill, 400,000 an hour at 10,000 accounts), and its cached plan, made while the table of bills
-- was still empty, scanned the whole table for every line until the next ANALYZE (docs/performance.md, "Session 7:
-- settle"). `tenure audit` checks that every line has its bill instead.
ALTER TABLE bill_lines DROP CONSTRAINT bill_lines_bill_id_fkey;
