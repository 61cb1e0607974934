-- Topics (issue 14): people, organisations and places named across stories. Computed when stories change, after
-- their views are stored (pipeline.StoredTopics); pages only read these tables. The same SQL on both databases.

-- Each story's main names, read from its stored view; re-read when the view's stamp or version changes, so a pass
-- reads only the stories it changed. `stamp` is the view's "stamp:version"; `names` is JSON (topics.StoryNames).
CREATE TABLE story_names (
    story_id ${text} PRIMARY KEY,
    stamp    ${text} NOT NULL,
    names    ${text} NOT NULL
);

-- One row per topic. `slug` names it in URLs and is kept across recomputations while any of its spellings
-- (`name_keys`: JSON array of comparison keys) lives on; `variants` is a JSON array of spellings.
CREATE TABLE topics (
    slug        ${text} PRIMARY KEY,
    name        ${text} NOT NULL,
    kind        ${text} NOT NULL,
    story_count INTEGER NOT NULL,
    variants    ${text} NOT NULL,
    name_keys   ${text} NOT NULL,
    last_seen   ${text}
);
CREATE INDEX topics_size ON topics (story_count);

CREATE TABLE story_topics (
    slug     ${text} NOT NULL,
    story_id ${text} NOT NULL,
    PRIMARY KEY (slug, story_id)
);
CREATE INDEX story_topics_story ON story_topics (story_id);

-- A slug whose topic was merged into another (its spellings now belong to `to_slug`): answered with a 301.
CREATE TABLE topic_redirects (
    from_slug ${text} PRIMARY KEY,
    to_slug   ${text} NOT NULL
);
