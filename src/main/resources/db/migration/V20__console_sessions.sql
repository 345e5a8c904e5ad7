-- Signed-in sessions of the console (io.tenure.console). Kept in the database, not in a node's memory, because
-- several Tenure nodes share one database and a browser's next request may reach any of them.
--
-- The browser holds a random token in an HttpOnly cookie; the row is found by the token's SHA-256, so reading
-- this table yields no usable cookie. The API key the session signed in with is kept sealed (AES-GCM) under a key
-- derived from the token too: the console calls the API with it, and nobody reading the table can.
CREATE TABLE console_sessions (
  token_hash   text COLLATE "C" PRIMARY KEY,
  scope        text NOT NULL CHECK (scope IN ('OPERATOR', 'PARTNER', 'ACCOUNT')),
  key_id       text COLLATE "C" NOT NULL,
  partner_id   text COLLATE "C",
  account_id   text COLLATE "C",
  sealed_key   bytea NOT NULL,
  csrf_token   text COLLATE "C" NOT NULL,
  created_at   timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL
);

-- Expired sessions are deleted by age.
CREATE INDEX console_sessions_last_seen ON console_sessions (last_seen_at);
