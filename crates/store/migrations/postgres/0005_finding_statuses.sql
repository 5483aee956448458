-- Findings gain the statuses `mentioned` (named in passing, not coverage)
-- and `contrary` (only clauses that work against the element).
ALTER TABLE findings DROP CONSTRAINT IF EXISTS findings_status_check;
ALTER TABLE findings ADD CONSTRAINT findings_status_check
    CHECK (status IN ('covered', 'partial', 'mentioned', 'contrary', 'absent'));
