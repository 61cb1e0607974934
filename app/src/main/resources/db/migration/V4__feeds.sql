-- Live ingestion (issue 7): feed sources with their fetch state, and every article link they announced.
-- Portable between SQLite and PostgreSQL: text keys, epoch milliseconds as BIGINT, ON CONFLICT upserts.
CREATE TABLE IF NOT EXISTS fetch_sources (
    url                  ${text} PRIMARY KEY,
    kind                 ${text} NOT NULL,
    outlet_domain        ${text},
    title                ${text} NOT NULL DEFAULT '',
    added_at             BIGINT NOT NULL,
    last_fetch           BIGINT,
    last_success         BIGINT,
    etag                 ${text},
    last_modified        ${text},
    last_error           ${text},
    consecutive_failures INTEGER NOT NULL DEFAULT 0,
    next_fetch           BIGINT NOT NULL,
    interval_seconds     BIGINT NOT NULL,
    last_new_items       INTEGER NOT NULL DEFAULT 0,
    total_items          BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS fetch_items (
    url           ${text} PRIMARY KEY,
    source_url    ${text} NOT NULL,
    guid          ${text},
    title         ${text} NOT NULL DEFAULT '',
    published     BIGINT,
    discovered_at BIGINT NOT NULL,
    status        ${text} NOT NULL,
    attempts      INTEGER NOT NULL DEFAULT 0,
    last_error    ${text},
    next_attempt  BIGINT NOT NULL,
    article_id    ${text},
    finished_at   BIGINT
);

CREATE UNIQUE INDEX IF NOT EXISTS fetch_items_source_guid ON fetch_items (source_url, guid);

CREATE INDEX IF NOT EXISTS fetch_items_due ON fetch_items (status, next_attempt);
