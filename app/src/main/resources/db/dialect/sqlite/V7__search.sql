-- Full-text search (issue 14): an index of article titles and bodies and of story titles, kept up to date by
-- the database itself as rows are written, and built here for the rows already stored. The two databases
-- index text differently: this is one of two scripts V7, one per database (db/dialect/<database>/, see store.SchemaMigrations).

-- FTS5 tables reading their text from the rows themselves (external content: no second copy of the bodies),
-- joined by rowid. Triggers keep them in step with every insert, update and delete, whoever writes.
CREATE VIRTUAL TABLE article_search USING fts5(title, body, content='articles', content_rowid='rowid',
    tokenize='porter unicode61 remove_diacritics 2');
CREATE TRIGGER article_search_insert AFTER INSERT ON articles BEGIN
    INSERT INTO article_search (rowid, title, body) VALUES (new.rowid, new.title, new.body);
END;
CREATE TRIGGER article_search_delete AFTER DELETE ON articles BEGIN
    INSERT INTO article_search (article_search, rowid, title, body) VALUES ('delete', old.rowid, old.title, old.body);
END;
CREATE TRIGGER article_search_update AFTER UPDATE OF title, body ON articles BEGIN
    INSERT INTO article_search (article_search, rowid, title, body) VALUES ('delete', old.rowid, old.title, old.body);
    INSERT INTO article_search (rowid, title, body) VALUES (new.rowid, new.title, new.body);
END;
INSERT INTO article_search (article_search) VALUES ('rebuild');

CREATE VIRTUAL TABLE story_search USING fts5(title, content='stories', content_rowid='rowid',
    tokenize='porter unicode61 remove_diacritics 2');
CREATE TRIGGER story_search_insert AFTER INSERT ON stories BEGIN
    INSERT INTO story_search (rowid, title) VALUES (new.rowid, new.title);
END;
CREATE TRIGGER story_search_delete AFTER DELETE ON stories BEGIN
    INSERT INTO story_search (story_search, rowid, title) VALUES ('delete', old.rowid, old.title);
END;
CREATE TRIGGER story_search_update AFTER UPDATE OF title ON stories BEGIN
    INSERT INTO story_search (story_search, rowid, title) VALUES ('delete', old.rowid, old.title);
    INSERT INTO story_search (rowid, title) VALUES (new.rowid, new.title);
END;
INSERT INTO story_search (story_search) VALUES ('rebuild');
