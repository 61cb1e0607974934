-- Editor accounts and corrections (issue 14). Readers never need an account; editors log in to correct stories.

-- An editor account. The password is kept only as an Argon2id hash in PHC string form ($argon2id$v=19$m=...).
CREATE TABLE editors (
    name          ${text} PRIMARY KEY,
    password_hash ${text} NOT NULL,
    created_at    ${text} NOT NULL
);

-- Logged-in editors. The key is the SHA-256 of the cookie's random id, so a copy of this table cannot be used to
-- log in; the row carries the session's anti-forgery token and ends at expires_at (or at logout, or with the account).
CREATE TABLE editor_sessions (
    id_hash    ${text} PRIMARY KEY,
    editor     ${text} NOT NULL REFERENCES editors (name) ON DELETE CASCADE,
    csrf       ${text} NOT NULL,
    created_at ${text} NOT NULL,
    expires_at ${text} NOT NULL
);
CREATE INDEX editor_sessions_editor ON editor_sessions (editor);

-- Corrections to clustering, replayed in id order after every re-clustering and live pass. Articles are named by
-- id (they never change); stories by the ids and members they had when corrected, since story ids move on.
CREATE TABLE story_corrections (
    id              ${auto_key},
    kind            ${text} NOT NULL,   -- split, merge or move
    editor          ${text} NOT NULL,   -- who: an account name, or console:USER for the command line
    created_at      ${text} NOT NULL,
    story_id        ${text} NOT NULL,   -- the story corrected, as named then
    target_id       ${text},            -- merge: the other story; move: the story the articles went to
    articles        ${text} NOT NULL,   -- JSON array: the articles moved out (split, move), or the story's members (merge)
    target_articles ${text} NOT NULL,   -- JSON array: the target story's members then (merge, move); empty for a split
    note            ${text} NOT NULL
);

-- What an editor did with a reader's report.
ALTER TABLE reports ADD COLUMN state ${text} NOT NULL DEFAULT 'open';
ALTER TABLE reports ADD COLUMN state_changed_at ${text};
ALTER TABLE reports ADD COLUMN state_changed_by ${text};
CREATE INDEX reports_state ON reports (state, id);
