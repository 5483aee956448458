-- Findings gain the statuses `mentioned` (named in passing, not coverage)
-- and `contrary` (only clauses that work against the element). SQLite
-- cannot change a CHECK constraint: the table is rebuilt with its rows.
CREATE TABLE findings_new (
    assessment_id TEXT NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
    element       TEXT NOT NULL,
    status        TEXT NOT NULL CHECK (status IN ('covered', 'partial', 'mentioned', 'contrary', 'absent')),
    score         REAL NOT NULL,
    provenance    TEXT NOT NULL CHECK (provenance IN ('machine', 'human', 'machine_confirmed')),
    machine_status TEXT NOT NULL,
    evidence      TEXT NOT NULL,
    note          TEXT,
    reviewer      TEXT,
    decided_at    TEXT,
    PRIMARY KEY (assessment_id, element)
);
INSERT INTO findings_new SELECT assessment_id, element, status, score, provenance, machine_status, evidence, note, reviewer, decided_at FROM findings;
DROP TABLE findings;
ALTER TABLE findings_new RENAME TO findings;
