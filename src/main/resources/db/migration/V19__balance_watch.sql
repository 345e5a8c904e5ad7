-- Owned by io.tenure.payment: low-balance warnings and auto-recharge (SPEC.md section 7, docs/recharge.md).
--
-- Two settings of the account (set through PUT /v1/accounts/{id}/settings, read by io.tenure.account):
--   minimum_runway_hours  the runway (hours the balance lasts at the recent spend) below which the account is low;
--   payment_method        the token of the card or payment method auto-recharge charges (sandbox: tok_sandbox_*).
--
-- The low-balance crossing: low_balance_since is the instant the balance (or the runway) last crossed below the
-- account's minimum, null while it is not low; low_balance_reason says which minimum (THRESHOLD or RUNWAY). A
-- LOW_BALANCE notice is raised when it becomes non-null, and again only after it was cleared (recovered);
-- low_balance_crossings numbers the crossings (the notice's dedup key). Partners'
-- "low balance" filters read these two columns.
--
-- The auto-recharge crossing: recharge_crossing numbers the crossings below the auto-recharge threshold;
-- recharge_below says the balance is below it now; recharge_attempt numbers the attempts of the current crossing
-- (the gateway's idempotency key is derived from account, crossing and attempt); recharge_pending says a charge
-- must be made before the account's due work goes on; recharge_outcome_unknown says the last call timed out (it is
-- repeated with the same key before anything else); recharge_succeeded says this crossing was recharged;
-- recharge_due_at is the instant the pending charge fell due (the recharge is dated then);
-- recharge_declined_balance_minor is the balance when the last attempt was declined (the next attempt waits for
-- money to move); recharge_failures counts consecutive failures; auto_recharge_disabled_at is set after the third.
-- Every ADD COLUMN is nullable or has a constant default: no table rewrite.
ALTER TABLE accounts
  ADD COLUMN minimum_runway_hours      integer CHECK (minimum_runway_hours > 0),
  ADD COLUMN payment_method            text,
  ADD COLUMN low_balance_since         timestamptz,
  ADD COLUMN low_balance_reason        text CHECK (low_balance_reason IN ('THRESHOLD', 'RUNWAY')),
  ADD COLUMN low_balance_crossings     bigint NOT NULL DEFAULT 0,
  ADD COLUMN recharge_crossing         bigint NOT NULL DEFAULT 0,
  ADD COLUMN recharge_below            boolean NOT NULL DEFAULT false,
  ADD COLUMN recharge_attempt          integer NOT NULL DEFAULT 0,
  ADD COLUMN recharge_pending          boolean NOT NULL DEFAULT false,
  ADD COLUMN recharge_outcome_unknown  boolean NOT NULL DEFAULT false,
  ADD COLUMN recharge_succeeded        boolean NOT NULL DEFAULT false,
  ADD COLUMN recharge_due_at           timestamptz,
  ADD COLUMN recharge_declined_balance_minor bigint,
  ADD COLUMN recharge_failures         integer NOT NULL DEFAULT 0,
  ADD COLUMN auto_recharge_disabled_at timestamptz;

-- Every call made to the payment gateway, with its outcome. At most one SUCCEEDED per crossing: the wallet gains
-- the recharge amount at most once per crossing, whatever the retries, timeouts or concurrent engines.
CREATE TABLE recharge_attempts (
  account_id      text NOT NULL REFERENCES accounts (id),
  crossing        bigint NOT NULL,
  attempt         integer NOT NULL,
  call            integer NOT NULL,
  idempotency_key text NOT NULL,
  amount_minor    bigint NOT NULL CHECK (amount_minor > 0),
  currency        char(3) NOT NULL,
  outcome         text NOT NULL CHECK (outcome IN ('SUCCEEDED', 'DECLINED', 'TIMED_OUT')),
  reference       text,
  transaction_id  text,
  attempted_at    timestamptz NOT NULL,
  PRIMARY KEY (account_id, crossing, attempt, call)
);
CREATE UNIQUE INDEX recharge_attempts_one_success ON recharge_attempts (account_id, crossing) WHERE outcome = 'SUCCEEDED';
