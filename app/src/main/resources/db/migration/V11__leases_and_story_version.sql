-- Issue 15: any number of crawlers on one store. A crawler claims the sources and links it is about to fetch by
-- writing itself as their lease owner with an expiry (epoch milliseconds); others skip leased rows until the
-- lease is released (the fetch was recorded) or has expired (its crawler died). Plain DDL, the same on both
-- databases (FeedStore.createTables runs this script too, for feed tables used alone).
ALTER TABLE fetch_sources ADD COLUMN lease_owner ${text};
ALTER TABLE fetch_sources ADD COLUMN lease_until BIGINT;
ALTER TABLE fetch_items ADD COLUMN lease_owner ${text};
ALTER TABLE fetch_items ADD COLUMN lease_until BIGINT;
CREATE INDEX IF NOT EXISTS fetch_sources_due ON fetch_sources (next_fetch);

-- Every save of stories (a re-cluster, a live pass) raises the version in its own transaction, and a save that
-- expected another version than the one stored is refused: a process that clustered a snapshot of the store
-- cannot overwrite stories saved from a newer one (it re-runs its pass instead).
CREATE TABLE IF NOT EXISTS story_version (
    id      INTEGER PRIMARY KEY,
    version BIGINT NOT NULL
);
INSERT INTO story_version (id, version) VALUES (1, 0) ON CONFLICT DO NOTHING;
