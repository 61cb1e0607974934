-- Order in which articles were stored, so a live pass reads only the articles stored after the last one
-- (SQLite's rowid has no PostgreSQL counterpart). Rows stored before this column stay NULL: they are older
-- than any pass, which starts from a full re-cluster.
ALTER TABLE articles ADD COLUMN seq BIGINT;
CREATE INDEX articles_seq ON articles (seq);
