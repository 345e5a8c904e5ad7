-- The engine's order is the account's order (SPEC.md section 2): it claims due accounts, not due resources, and
-- processes all of an account's due work in due order. accounts.next_due_at is the earliest instant at which any
-- of the account's work falls due (today: its resources' next_due_at), kept in the transaction of every change
-- to that work. The account row is also the lock every change to an account's money or resources takes first.
ALTER TABLE accounts ADD COLUMN next_due_at timestamptz;
UPDATE accounts SET next_due_at = (SELECT min(r.next_due_at) FROM resources r WHERE r.account_id = accounts.id);
CREATE INDEX accounts_due ON accounts (next_due_at, id) WHERE next_due_at IS NOT NULL;

-- An account's due resources in due order, for the engine's pass over one account and for the account's earliest.
CREATE INDEX resources_account_due ON resources (account_id, next_due_at, id) WHERE next_due_at IS NOT NULL;
DROP INDEX resources_due;
