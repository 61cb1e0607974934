-- Articles as cleaned; one row per independent input (same id, URL or body text is stored once).
CREATE TABLE articles (
    id           ${text} PRIMARY KEY,
    outlet       ${text} NOT NULL,
    domain       ${text},
    url          ${text},
    title        ${text} NOT NULL,
    published    ${text},              -- ISO-8601 instant, UTC
    authors      ${text} NOT NULL,     -- JSON array
    body         ${text} NOT NULL,     -- paragraphs separated by blank lines
    location     ${text} NOT NULL,     -- file (and line) or URL it came from
    language     ${text},
    extra        ${text} NOT NULL,     -- JSON object of the record's other fields
    content_hash ${text} NOT NULL,
    ingested_at  ${text} NOT NULL
);
CREATE UNIQUE INDEX articles_url ON articles (url);
CREATE INDEX articles_content_hash ON articles (content_hash);
CREATE INDEX articles_published ON articles (published);

-- Stories are rebuilt by clustering; their ids derive from their first article so they stay stable.
CREATE TABLE stories (
    id            ${text} PRIMARY KEY,
    title         ${text} NOT NULL,
    source_count  INTEGER NOT NULL,
    article_count INTEGER NOT NULL,
    first_seen    ${text},
    last_seen     ${text}
);
CREATE INDEX stories_size ON stories (source_count DESC, article_count DESC);

CREATE TABLE story_articles (
    article_id ${text} PRIMARY KEY REFERENCES articles (id),
    story_id   ${text} NOT NULL,
    position   INTEGER NOT NULL,
    copy_of    ${text},                -- original article id when this one is a syndicated copy
    reason     ${text}                 -- JSON: why the article joined the story
);
CREATE INDEX story_articles_story ON story_articles (story_id, position);

-- "Report an issue with this summary"; kept by story id, which survives re-clustering.
CREATE TABLE reports (
    id         ${auto_key},
    story_id   ${text} NOT NULL,
    created_at ${text} NOT NULL,
    kind       ${text} NOT NULL,
    message    ${text} NOT NULL
);
CREATE INDEX reports_story ON reports (story_id);
