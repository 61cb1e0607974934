-- Articles as cleaned; one row per independent input (same id, URL or body text is stored once).
CREATE TABLE articles (
    id           TEXT PRIMARY KEY,
    outlet       TEXT NOT NULL,
    domain       TEXT,
    url          TEXT,
    title        TEXT NOT NULL,
    published    TEXT,              -- ISO-8601 instant, UTC
    authors      TEXT NOT NULL,     -- JSON array
    body         TEXT NOT NULL,     -- paragraphs separated by blank lines
    location     TEXT NOT NULL,     -- file (and line) or URL it came from
    language     TEXT,
    extra        TEXT NOT NULL,     -- JSON object of the record's other fields
    content_hash TEXT NOT NULL,
    ingested_at  TEXT NOT NULL
);
CREATE UNIQUE INDEX articles_url ON articles (url);
CREATE INDEX articles_content_hash ON articles (content_hash);
CREATE INDEX articles_published ON articles (published);

-- Stories are rebuilt by clustering; their ids derive from their first article so they stay stable.
CREATE TABLE stories (
    id            TEXT PRIMARY KEY,
    title         TEXT NOT NULL,
    source_count  INTEGER NOT NULL,
    article_count INTEGER NOT NULL,
    first_seen    TEXT,
    last_seen     TEXT
);
CREATE INDEX stories_size ON stories (source_count DESC, article_count DESC);

CREATE TABLE story_articles (
    article_id TEXT PRIMARY KEY REFERENCES articles (id),
    story_id   TEXT NOT NULL,
    position   INTEGER NOT NULL,
    copy_of    TEXT,                -- original article id when this one is a syndicated copy
    reason     TEXT                 -- JSON: why the article joined the story
);
CREATE INDEX story_articles_story ON story_articles (story_id, position);

-- "Report an issue with this summary"; kept by story id, which survives re-clustering.
CREATE TABLE reports (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    story_id   TEXT NOT NULL,
    created_at TEXT NOT NULL,
    kind       TEXT NOT NULL,
    message    TEXT NOT NULL
);
CREATE INDEX reports_story ON reports (story_id);
