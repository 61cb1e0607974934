-- Issue 15: politeness across crawler processes. Each host's next free request start (epoch milliseconds); a
-- crawler reserves its request by moving it one politeness gap on, in one statement, so that any number of
-- crawlers together keep the per-host gap one crawler keeps. Plain DDL, the same on both databases
-- (FeedStore.createTables runs this script too, for feed tables used alone).
CREATE TABLE IF NOT EXISTS fetch_hosts (
    host       ${text} PRIMARY KEY,
    next_start BIGINT NOT NULL
);
