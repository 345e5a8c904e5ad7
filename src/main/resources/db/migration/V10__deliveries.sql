-- Owned by io.tenure.delivery (deliveries) and io.tenure.notify (the fan-out marker on notices).
--
-- A notice row of the engine is fanned out, after its transaction and outside it, into one delivery per
-- (message, channel, address): the message is message `position` (from 0) of the row, numbered sequence + position
-- as the inbox numbers it. Notices that existed before this version count as fanned out: their time has passed,
-- and they were shown in the inbox already.
ALTER TABLE notices ADD COLUMN fanned_out_at timestamptz DEFAULT now();
ALTER TABLE notices ALTER COLUMN fanned_out_at DROP DEFAULT;
CREATE INDEX notices_to_fan_out ON notices (sequence) WHERE fanned_out_at IS NULL;

CREATE TABLE deliveries (
  id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id          text COLLATE "C" NOT NULL,
  message_sequence    bigint NOT NULL,
  message_type        text NOT NULL,
  channel             text NOT NULL CHECK (channel IN ('EMAIL', 'SMS', 'IN_APP')),
  address             text NOT NULL,
  -- <account>|<message sequence>|<channel>|<address>: the same on every attempt, passed to the provider.
  dedup_key           text COLLATE "C" NOT NULL UNIQUE,
  -- The content as rendered when the delivery was created; what was sent is what is shown later.
  -- EMAIL: subject, html_body, text_body. SMS: text_body. IN_APP: subject is the title, text_body the body.
  subject             text NOT NULL,
  html_body           text NOT NULL,
  text_body           text NOT NULL,
  status              text NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
  attempts            integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  -- Real time: deliveries run in real time also under the simulated clock. While an attempt is under way it is
  -- the end of the attempt's lease, after which another dispatcher may take the delivery over.
  next_attempt_at     timestamptz NOT NULL,
  last_error          text,
  provider_message_id text,
  -- The instant the notice was raised, on Tenure's clock (simulated or not).
  raised_at           timestamptz NOT NULL,
  created_at          timestamptz NOT NULL,
  delivered_at        timestamptz
);
CREATE INDEX deliveries_due ON deliveries (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX deliveries_by_status ON deliveries (status, id);
CREATE INDEX deliveries_by_account ON deliveries (account_id, id);
