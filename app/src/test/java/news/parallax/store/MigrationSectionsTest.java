package news.parallax.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Per-dialect sections and trigger bodies in migration scripts (V7, full-text search). */
class MigrationSectionsTest {
    private static final String SCRIPT = """
            CREATE TABLE t (a TEXT);
            -- dialect: sqlite
            CREATE TRIGGER t_ins AFTER INSERT ON t BEGIN
                INSERT INTO u VALUES (new.a);
                INSERT INTO v VALUES (new.a);
            END;
            -- dialect: postgresql
            CREATE INDEX t_a ON t (a);
            -- dialect: all
            CREATE INDEX t_b ON t (a);
            """;

    @Test
    void eachDatabaseGetsItsOwnSectionAndTheSharedStatements() {
        assertThat(Migrations.statements(SCRIPT, Dialect.SQLITE)).containsExactly("CREATE TABLE t (a TEXT)",
                "CREATE TRIGGER t_ins AFTER INSERT ON t BEGIN\n    INSERT INTO u VALUES (new.a);\n    INSERT INTO v VALUES (new.a);\nEND",
                "CREATE INDEX t_b ON t (a)");
        assertThat(Migrations.statements(SCRIPT, Dialect.POSTGRESQL)).containsExactly("CREATE TABLE t (a TEXT)",
                "CREATE INDEX t_a ON t (a)", "CREATE INDEX t_b ON t (a)");
    }
}
