-- Issue 15, growth: a clusterer resuming its stream reads the stories seen since a time (and the latest time any
-- story was seen); without an index both read every story row, a cost that grew with the store.
CREATE INDEX stories_last_seen ON stories (last_seen);
