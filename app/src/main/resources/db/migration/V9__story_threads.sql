-- Story threads (issue 14): stories that continue one another (the emergency declaration, then the House vote
-- against it) are linked into a thread; the stories themselves stay as clustered. Built after the views, for
-- the stories whose stamp changed, so a live pass links only what it changed. Same SQL on both databases.

-- What the linker knows of a story: its dates, main subjects and the centroid of its articles' embeddings,
-- labelled with the story's stamp when built (a profile whose stamp differs from the story's is rebuilt).
CREATE TABLE thread_profiles (
    story_id   ${text} PRIMARY KEY,
    stamp      ${text} NOT NULL,
    first_seen ${text} NOT NULL,       -- ISO-8601 instant, UTC; undated stories get no profile
    last_seen  ${text} NOT NULL,
    profile    ${text} NOT NULL,       -- JSON: title, source count, main subjects
    vector     ${blob}                 -- unit centroid of the member embeddings (float32, little-endian); NULL when none cached
);
CREATE INDEX thread_profiles_first ON thread_profiles (first_seen);

-- Each story's best earlier story in the same saga (at most one): threads are the connected groups of these links.
CREATE TABLE thread_links (
    later_id   ${text} PRIMARY KEY,
    earlier_id ${text} NOT NULL,
    score      REAL NOT NULL
);
CREATE INDEX thread_links_earlier ON thread_links (earlier_id);

-- Threads of two or more stories. An id survives as long as the thread keeps most of its stories.
CREATE TABLE threads (
    id          ${text} PRIMARY KEY,
    title       ${text} NOT NULL,      -- the headline of its story with the most sources
    story_count INTEGER NOT NULL,
    first_seen  ${text} NOT NULL,
    last_seen   ${text} NOT NULL,
    updated_at  ${text} NOT NULL
);
CREATE TABLE thread_stories (
    story_id  ${text} PRIMARY KEY,
    thread_id ${text} NOT NULL,
    position  INTEGER NOT NULL      -- order in the thread: by first seen, then id
);
CREATE INDEX thread_stories_thread ON thread_stories (thread_id, position);
