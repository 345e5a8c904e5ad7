-- Owned by io.tenure.notify. The reason of the hold a HOLD_APPLIED or HOLD_LIFTED notice is about (VIOLATION,
-- SECURITY, PARTNER or ADMIN, SPEC.md section 4), as it was when the notice was raised, so that the e-mail, the SMS
-- and the inbox name it. Null on every other row: only the holds' notices write it, with the amounts' insert (V12),
-- so the engine's usual insert is unchanged. A nullable column without a default: no rewrite. The check is NOT VALID
-- so that adding it reads no existing row (they are all null); it holds for every row written from now on.
ALTER TABLE notices ADD COLUMN hold_reason text;
ALTER TABLE notices ADD CONSTRAINT notices_hold_reason
  CHECK (hold_reason IN ('VIOLATION', 'SECURITY', 'PARTNER', 'ADMIN')) NOT VALID;
