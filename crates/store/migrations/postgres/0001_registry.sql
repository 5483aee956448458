-- Every kind of record in one table: the full record as JSON in `data`,
-- with the columns lists are filtered and sorted by beside it.
CREATE TABLE records (
    kind        TEXT    NOT NULL,
    id          TEXT    NOT NULL,
    slug        TEXT    NOT NULL,
    title       TEXT    NOT NULL,
    title_text  TEXT    NOT NULL,
    record_type TEXT,
    status      TEXT,
    year        BIGINT,
    -- YYYY-MM-DD, or '' when undated (sorts as oldest on both backends).
    sort_date   TEXT    NOT NULL,
    public      BOOLEAN NOT NULL,
    data        TEXT    NOT NULL,
    created_at  TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL,
    PRIMARY KEY (kind, id)
);
CREATE UNIQUE INDEX records_slug ON records (kind, slug);
-- One index per sort order, led by visibility, so a public page and its
-- count are read from the index.
CREATE INDEX records_date ON records (kind, public, sort_date, id);
CREATE INDEX records_title ON records (kind, public, title, id);
CREATE INDEX records_updated ON records (kind, public, updated_at, id);

CREATE TABLE facets (
    kind      TEXT NOT NULL,
    facet     TEXT NOT NULL,
    value     TEXT NOT NULL,
    record_id TEXT NOT NULL,
    PRIMARY KEY (kind, facet, value, record_id),
    FOREIGN KEY (kind, record_id) REFERENCES records (kind, id) ON DELETE CASCADE
);
CREATE INDEX facets_record ON facets (kind, record_id);

CREATE TABLE blobs (
    sha256 TEXT   PRIMARY KEY,
    size   BIGINT NOT NULL,
    bytes  BYTEA  NOT NULL
);

CREATE TABLE documents (
    id             TEXT   PRIMARY KEY,
    agreement_kind TEXT   NOT NULL DEFAULT 'agreements' CHECK (agreement_kind = 'agreements'),
    agreement_id   TEXT   NOT NULL,
    file_name      TEXT   NOT NULL,
    media_type     TEXT   NOT NULL,
    language       TEXT,
    sha256         TEXT   NOT NULL REFERENCES blobs (sha256),
    size           BIGINT NOT NULL,
    text           TEXT,
    created_at     TEXT   NOT NULL,
    FOREIGN KEY (agreement_kind, agreement_id) REFERENCES records (kind, id) ON DELETE CASCADE
);
CREATE INDEX documents_agreement ON documents (agreement_id);
CREATE INDEX documents_sha256 ON documents (sha256);

CREATE TABLE audit_log (
    seq       BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at        TEXT NOT NULL,
    actor     TEXT NOT NULL,
    kind      TEXT NOT NULL,
    record_id TEXT NOT NULL,
    action    TEXT NOT NULL,
    before    TEXT,
    after     TEXT
);
CREATE INDEX audit_record ON audit_log (kind, record_id);
CREATE FUNCTION audit_log_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit log cannot be changed';
END;
$$;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_immutable();

-- Every write appends here; search nodes tail it to keep their index current.
-- Writers take an advisory lock, so sequence order is commit order.
CREATE TABLE search_outbox (
    seq       BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind      TEXT NOT NULL,
    record_id TEXT NOT NULL,
    op        TEXT NOT NULL,
    at        TEXT NOT NULL
);

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
