-- Live ingestion (issue 7): feed sources with their fetch state, and every article link they announced.
-- Portable between SQLite and PostgreSQL: text keys, epoch milliseconds as BIGINT, ON CONFLICT upserts.
CREATE TABLE IF NOT EXISTS fetch_sources (
    url                  TEXT PRIMARY KEY,
    kind                 TEXT NOT NULL,
    outlet_domain        TEXT,
    title                TEXT NOT NULL DEFAULT '',
    added_at             BIGINT NOT NULL,
    last_fetch           BIGINT,
    last_success         BIGINT,
    etag                 TEXT,
    last_modified        TEXT,
    last_error           TEXT,
    consecutive_failures INTEGER NOT NULL DEFAULT 0,
    next_fetch           BIGINT NOT NULL,
    interval_seconds     BIGINT NOT NULL,
    last_new_items       INTEGER NOT NULL DEFAULT 0,
    total_items          BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS fetch_items (
    url           TEXT PRIMARY KEY,
    source_url    TEXT NOT NULL,
    guid          TEXT,
    title         TEXT NOT NULL DEFAULT '',
    published     BIGINT,
    discovered_at BIGINT NOT NULL,
    status        TEXT NOT NULL,
    attempts      INTEGER NOT NULL DEFAULT 0,
    last_error    TEXT,
    next_attempt  BIGINT NOT NULL,
    article_id    TEXT,
    finished_at   BIGINT
);

CREATE UNIQUE INDEX IF NOT EXISTS fetch_items_source_guid ON fetch_items (source_url, guid);

CREATE INDEX IF NOT EXISTS fetch_items_due ON fetch_items (status, next_attempt);
