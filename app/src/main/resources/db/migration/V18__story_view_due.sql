-- Issue 15, growth: finding the stories whose view must be built read every story (a join of stories with their
-- views, sorted) after every save. view_due is 1 while a story has no view built from its current stamp: set when a
-- story is written (the store sets it from the stored view's stamp; a row written without it defaults to due),
-- cleared when a view of the story's stamp is stored. The partial index holds only the due stories, in the order
-- views are built (most sources first), so the builder reads those and nothing else.
ALTER TABLE stories ADD COLUMN view_due INTEGER DEFAULT 1;
UPDATE stories SET view_due = NULL WHERE stamp IS NOT NULL
    AND EXISTS (SELECT 1 FROM story_views v WHERE v.story_id = stories.id AND v.stamp = stories.stamp);
CREATE INDEX stories_view_due ON stories (source_count DESC, article_count DESC, id) WHERE view_due IS NOT NULL;
-- A build with another analysis version (a new release, another outlet registry) rebuilds every view: this index
-- tells the lowest and highest stored version without reading every view.
CREATE INDEX story_views_version ON story_views (version);
