package news.parallax.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run --role}: the roles other than {@code all} need a shared PostgreSQL store, and a bad role is named. */
class RunRoleOptionTest {
    @TempDir
    Path data;

    @Test
    void aRoleOnTheEmbeddedSqliteStoreIsRefusedWithTheReason() {
        CliRun.Result r = CliRun.run("run", "--role", "crawler", "--data", data.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--role crawler needs a shared PostgreSQL store").contains("--role all");
    }

    @Test
    void anUnknownRoleIsNamed() {
        CliRun.Result r = CliRun.run("run", "--role", "indexer", "--data", data.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--role must be crawler, clusterer, web or all, not 'indexer'");
    }
}
