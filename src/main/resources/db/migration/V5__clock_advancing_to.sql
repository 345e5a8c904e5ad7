-- Owned by io.tenure.clock. The target of the advance in progress, written before its first step and cleared
-- when it ends (done or failed). A row that still holds a target at start means the process died mid-advance:
-- the next start brings the clock up to the work already done and finishes that advance before serving.
-- Written twice per advance, never per transition: the engine's workers never touch this row.
ALTER TABLE clock_state ADD COLUMN advancing_to timestamptz;
