-- Owned by io.tenure.notify. The in-app inbox's read state. One notices row carries up to 8 messages (V4), so a
-- row keeps a bit per message: bit i of read_mask is set once message sequence + i is read. A bit on the row,
-- not a table of reads, because reading a message then changes one row in place, and because what is unread
-- follows from the row alone: a row is all read when its mask has a bit for each of its types.
--
-- The partial index holds only the rows with an unread message, so the unread count and the unread listing read
-- those rows and never the account's whole history. Every new row enters it (a message starts unread) and leaves
-- it once all of its messages are read. A column with a constant default is added without rewriting the table.
ALTER TABLE notices ADD COLUMN read_mask smallint NOT NULL DEFAULT 0;
CREATE INDEX notices_unread ON notices (account_id, sequence) WHERE read_mask <> (1 << cardinality(types)) - 1;
