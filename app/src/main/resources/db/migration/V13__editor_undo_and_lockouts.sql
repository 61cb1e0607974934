-- Issue 14, session 8: a correction can be undone, and log-in lock-outs are shared by every process on the store.

-- An undone correction stays on record (who undid it, when) but is no longer replayed.
ALTER TABLE story_corrections ADD COLUMN undone_at ${text};
ALTER TABLE story_corrections ADD COLUMN undone_by ${text};

-- Failed editor log-ins, counted per account name (`scope` 'name', the name in lower case) and per client address
-- (`scope` 'client'), so that a guesser spread over several web nodes or restarts meets one limit. Times are epoch
-- milliseconds. `locked_until` is set when the count reaches the policy's limit within its window.
CREATE TABLE login_failures (
    scope        ${text} NOT NULL,
    subject      ${text} NOT NULL,
    failures     INTEGER NOT NULL,
    window_start BIGINT NOT NULL,
    locked_until BIGINT NOT NULL,
    PRIMARY KEY (scope, subject)
);
CREATE INDEX login_failures_window ON login_failures (window_start);
