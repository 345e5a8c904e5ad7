-- Owned by io.tenure.ledger (ledger_transactions, ledger_entries).
--
-- Every posting writes a transaction and its entries in one statement (Ledger), and neither is ever deleted: an entry
-- without its transaction cannot be written. The foreign key's check locked the new transaction's row once per entry
-- (a trigger query and a WAL record each, eight a round of bench api's calls), so `tenure audit` checks it instead,
-- as it does for bill lines since V22.
ALTER TABLE ledger_entries DROP CONSTRAINT ledger_entries_transaction_id_fkey;

-- No query of Tenure looks entries up by book: a wallet's entries are found through its account's transactions, and
-- the audit adds up every entry in one pass. Every posting paid for the index twice, once on a key that every posting
-- of its kind shares ('topups', 'revenue:<currency>'), whose last page all concurrent postings wrote.
DROP INDEX ledger_entries_book;
