-- A migration that fails half-way (store.SchemaMigrationsTest): its first statement works, its second cannot.
CREATE TABLE broken_probe (a ${text});
INSERT INTO broken_probe (a) VALUES ('written before the failure');
INSERT INTO no_such_table (a) VALUES (1);
