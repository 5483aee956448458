-- Assessments of agreement documents against a rubric, with one finding per
-- element. Machine findings are recomputed when the rubric changes; human
-- decisions (provenance human or machine_confirmed) are kept.
CREATE TABLE assessments (
    id             TEXT PRIMARY KEY,
    agreement_id   TEXT NOT NULL,
    document_id    TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    rubric         TEXT NOT NULL,
    rubric_version TEXT NOT NULL,
    language       TEXT NOT NULL,
    coverage       REAL NOT NULL,
    clauses        TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
);
CREATE UNIQUE INDEX assessments_document ON assessments (document_id, rubric);
CREATE INDEX assessments_agreement ON assessments (agreement_id);

CREATE TABLE findings (
    assessment_id TEXT NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
    element       TEXT NOT NULL,
    status        TEXT NOT NULL CHECK (status IN ('covered', 'partial', 'absent')),
    score         REAL NOT NULL,
    provenance    TEXT NOT NULL CHECK (provenance IN ('machine', 'human', 'machine_confirmed')),
    machine_status TEXT NOT NULL,
    evidence      TEXT NOT NULL,
    note          TEXT,
    reviewer      TEXT,
    decided_at    TEXT,
    PRIMARY KEY (assessment_id, element)
);
