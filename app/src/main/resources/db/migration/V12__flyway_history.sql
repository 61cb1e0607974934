-- Issue 15: the store moves to Flyway. Its history is now Flyway's flyway_schema_history; a store made before
-- kept it in schema_version, translated on its first open (store.SchemaMigrations). Dropped here, in the same
-- transaction as the migrations that make the schema newer than what the previous release reads.
DROP TABLE IF EXISTS schema_version;
