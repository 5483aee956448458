-- Corrections that readers propose to published records, each with a
-- source, until an editor accepts or declines it.
CREATE TABLE corrections (
    id         TEXT PRIMARY KEY,
    kind       TEXT NOT NULL,
    record_id  TEXT NOT NULL,
    field      TEXT,
    proposal   TEXT NOT NULL,
    source_url TEXT NOT NULL,
    proposer   TEXT NOT NULL,
    contact    TEXT,
    status     TEXT NOT NULL CHECK (status IN ('open', 'accepted', 'declined')),
    decided_by TEXT,
    decided_at TEXT,
    note       TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX corrections_status ON corrections (status, created_at);
CREATE INDEX corrections_record ON corrections (kind, record_id);
