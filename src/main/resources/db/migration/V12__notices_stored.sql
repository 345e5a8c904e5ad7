-- Owned by io.tenure.notify (the amounts on notices) and io.tenure.delivery (the SMS parameters and the inbox's
-- index on deliveries).
--
-- The amounts a notice about money names, in minor units of amount_currency, as the engine knew them when it raised
-- the notice (AUTO_RENEW_INSUFFICIENT_BALANCE: the renewal price and the balance; LOW_BALANCE: the balance and the
-- threshold; ARREARS: the balance and the credit limit). Null on every other row: the engine writes them only for
-- the rows that have them, so its other inserts are unchanged. Nullable columns without a default: no rewrite.
ALTER TABLE notices ADD COLUMN amount_currency char(3),
  ADD COLUMN renewal_price_minor bigint,
  ADD COLUMN balance_minor bigint,
  ADD COLUMN threshold_minor bigint;

-- The template parameters of an SMS delivery (a JSON object of strings), rendered with its text when the delivery was
-- created, for gateways that fill a template of their own. Null for other channels and for SMS written before V12.
ALTER TABLE deliveries ADD COLUMN parameters text;

-- The inbox shows each message's stored in-app title and body: one lookup per page of messages, by account and
-- message number. Partial, so that only the in-app deliveries (one per message) enter it.
CREATE INDEX deliveries_in_app ON deliveries (account_id, message_sequence) WHERE channel = 'IN_APP';
