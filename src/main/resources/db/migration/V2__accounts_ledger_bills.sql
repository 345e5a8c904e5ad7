-- Owned by io.tenure.account: partners (resellers), accounts (customers) and their contacts.
CREATE TABLE partners (
  id         text PRIMARY KEY,
  name       text NOT NULL,
  contacts   jsonb NOT NULL DEFAULT '[]',
  created_at timestamptz NOT NULL
);

CREATE TABLE accounts (
  id                            text PRIMARY KEY,
  name                          text NOT NULL,
  tier                          text NOT NULL,
  time_zone                     text NOT NULL,
  currency                      char(3) NOT NULL,
  partner_id                    text REFERENCES partners (id),
  low_balance_threshold_minor   bigint,
  credit_limit_minor            bigint NOT NULL DEFAULT 0 CHECK (credit_limit_minor >= 0),
  auto_recharge_threshold_minor bigint,
  auto_recharge_amount_minor    bigint CHECK (auto_recharge_amount_minor > 0),
  created_at                    timestamptz NOT NULL
);
CREATE INDEX accounts_partner ON accounts (partner_id) WHERE partner_id IS NOT NULL;

CREATE TABLE contacts (
  account_id text NOT NULL REFERENCES accounts (id),
  position   integer NOT NULL,
  name       text NOT NULL,
  role       text NOT NULL CHECK (role IN ('OWNER', 'RESOURCE_COLLABORATOR', 'FINANCE_COLLABORATOR', 'COLLABORATOR')),
  email      text,
  phone      text,
  PRIMARY KEY (account_id, position),
  CHECK (email IS NOT NULL OR phone IS NOT NULL)
);

-- Owned by io.tenure.ledger: double-entry transactions. Every transaction's entries sum to zero. Amounts are
-- signed minor units seen from the book: +100 on a wallet is money into it. A wallet's stored balance is
-- the sum of its entries, kept in the same transaction and re-checked by `tenure audit`.
CREATE TABLE wallets (
  account_id    text PRIMARY KEY REFERENCES accounts (id),
  currency      char(3) NOT NULL,
  balance_minor bigint NOT NULL DEFAULT 0
);

CREATE TABLE ledger_transactions (
  sequence    bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  id          text PRIMARY KEY,
  account_id  text NOT NULL REFERENCES accounts (id),
  kind        text NOT NULL CHECK (kind IN ('TOP_UP', 'CHARGE', 'REFUND', 'ADJUSTMENT')),
  description text NOT NULL,
  bill_id     text,
  created_at  timestamptz NOT NULL
);
CREATE INDEX ledger_transactions_account ON ledger_transactions (account_id, sequence DESC);

CREATE TABLE ledger_entries (
  transaction_id text NOT NULL REFERENCES ledger_transactions (id),
  book           text NOT NULL,
  amount_minor   bigint NOT NULL,
  currency       char(3) NOT NULL
);
CREATE INDEX ledger_entries_transaction ON ledger_entries (transaction_id);
CREATE INDEX ledger_entries_book ON ledger_entries (book);

-- Owned by io.tenure.billing: what a customer was charged or refunded, line by line.
CREATE TABLE bills (
  sequence    bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  id          text PRIMARY KEY,
  account_id  text NOT NULL REFERENCES accounts (id),
  resource_id text,
  type        text NOT NULL,
  total_minor bigint NOT NULL,
  currency    char(3) NOT NULL,
  created_at  timestamptz NOT NULL
);
CREATE INDEX bills_account ON bills (account_id, sequence DESC);

CREATE TABLE bill_lines (
  bill_id      text NOT NULL REFERENCES bills (id),
  position     integer NOT NULL,
  description  text NOT NULL,
  amount_minor bigint NOT NULL,
  PRIMARY KEY (bill_id, position)
);

-- Owned by io.tenure.api: the first answer to each Idempotency-Key, per account. A retry with the same
-- request gets that answer again; the same key with another request is refused.
CREATE TABLE idempotency_keys (
  namespace     text NOT NULL,
  key           text NOT NULL,
  request_hash  text NOT NULL,
  status        integer NOT NULL,
  response      text NOT NULL,
  created_at    timestamptz NOT NULL,
  PRIMARY KEY (namespace, key)
);

ALTER TABLE api_keys ADD FOREIGN KEY (partner_id) REFERENCES partners (id);
ALTER TABLE api_keys ADD FOREIGN KEY (account_id) REFERENCES accounts (id);
