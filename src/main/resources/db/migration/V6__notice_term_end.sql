-- Owned by io.tenure.notify. A notice's text names the dates that matter to it: besides the release instant,
-- the end of the resource's term when the notice was raised (the expiry a warning announces, the new end a
-- renewal reached). Null for pay-as-you-go resources and for notices raised before this version.
ALTER TABLE notices ADD COLUMN term_end timestamptz;
