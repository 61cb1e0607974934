-- Full-text search (issue 14): an index of article titles and bodies and of story titles, kept up to date by
-- the database itself as rows are written, and built here for the rows already stored. The two databases
-- index text differently: this is one of two scripts V7, one per database (db/dialect/<database>/, see store.SchemaMigrations).

-- A stored generated tsvector (title weighted A, body B) is computed by PostgreSQL on every insert and update,
-- and for the existing rows by this ALTER. Bodies are cut at 100,000 characters: a tsvector holds at most 1 MB.
-- Punctuation becomes a space first, so "U.N.", "COVID-19" or "doesn't" give the tokens the query parser gives
-- (PostgreSQL's own parser would keep "u.n" or "covid-19" whole, and a query could never reach them).
ALTER TABLE articles ADD COLUMN search_doc tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', regexp_replace(title, '[^0-9A-Za-zÀ-ÖØ-öø-ɏͰ-ϿЀ-ӿ]+', ' ', 'g')), 'A')
    || setweight(to_tsvector('english', regexp_replace(left(body, 100000), '[^0-9A-Za-zÀ-ÖØ-öø-ɏͰ-ϿЀ-ӿ]+', ' ', 'g')), 'B')) STORED;
CREATE INDEX articles_search ON articles USING GIN (search_doc);
CREATE INDEX stories_search ON stories USING GIN (to_tsvector('english', regexp_replace(title, '[^0-9A-Za-zÀ-ÖØ-öø-ɏͰ-ϿЀ-ӿ]+', ' ', 'g')));
