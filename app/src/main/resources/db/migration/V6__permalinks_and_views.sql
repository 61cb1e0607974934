-- Permalinks (issue 19): a story id that no longer names a story (merged away, or split off and no longer
-- the larger part) points to the story that took it over. Chains are collapsed when written and followed
-- when read; an id that names a story again loses its row, so no row points from a live id.
CREATE TABLE story_redirects (
    from_id    ${text} PRIMARY KEY,
    to_id      ${text} NOT NULL,
    created_at ${text} NOT NULL
);
CREATE INDEX story_redirects_to ON story_redirects (to_id);

-- What a story's view depends on in the store (members in order, copy links, join reasons), as a hash:
-- a stored view is current when it was built from the same stamp. NULL for stories saved before this column.
ALTER TABLE stories ADD COLUMN stamp ${text};

-- Analysed story views (issue 19), built when a story changes, so pages never analyse on request.
-- A row whose stamp or version differs from the story's is stale: still shown until its rebuild replaces it.
CREATE TABLE story_views (
    story_id ${text} PRIMARY KEY,
    stamp    ${text} NOT NULL,         -- the story's stamp the view was built from
    version  ${text} NOT NULL,         -- analysis format and outlet registry it was built with
    overview ${text} NOT NULL,         -- JSON: landscape and blindspot, what story feeds show
    view     ${blob} NOT NULL,         -- gzip-compressed JSON of the whole view
    built_at ${text} NOT NULL
);
