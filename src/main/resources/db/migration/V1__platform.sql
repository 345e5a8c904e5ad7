-- Owned by io.tenure.clock: the simulated clock's instant, so a restarted simulation resumes where it was.
CREATE TABLE clock_state (
  id            integer PRIMARY KEY CHECK (id = 1),
  simulated_now timestamptz NOT NULL
);

-- Owned by io.tenure.api: API keys, stored only as SHA-256 hashes of the key.
CREATE TABLE api_keys (
  id          text PRIMARY KEY,
  key_hash    text NOT NULL UNIQUE,
  scope       text NOT NULL CHECK (scope IN ('OPERATOR', 'PARTNER', 'ACCOUNT')),
  partner_id  text,
  account_id  text,
  name        text,
  created_at  timestamptz NOT NULL,
  CHECK ((scope = 'PARTNER') = (partner_id IS NOT NULL)),
  CHECK ((scope = 'ACCOUNT') = (account_id IS NOT NULL))
);
