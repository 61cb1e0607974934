package news.parallax.cli;

import java.time.Duration;
import java.util.Locale;
import news.parallax.cluster.ClusterConfig;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * Clustering settings a user may change on every command that clusters: how long a story stays
 * open. The other settings were measured together (docs/clustering.md) and stay in {@link ClusterConfig}.
 */
public final class ClusterOptions {
    /** Ten years: beyond it, no article gap in a real stream is left to close a story on. */
    private static final double MAX_QUIET_DAYS = 3650;

    @Option(names = "--quiet-days", paramLabel = "DAYS", defaultValue = "${env:PARALLAX_QUIET_DAYS}",
            description = "A story with no new article for DAYS (decimals allowed) closes: a later article on it starts a new story "
                    + "(default: $PARALLAX_QUIET_DAYS, else 4).")
    @Nullable String quietDays;

    /** The defaults with the user's settings applied. */
    public ClusterConfig config() {
        ClusterConfig config = ClusterConfig.defaults();
        if (quietDays == null || quietDays.isBlank()) return config;
        return config.withQuietPeriod(quietPeriod(quietDays));
    }

    /** Parses a day count; the message names the option, since the value may come from the environment. */
    static Duration quietPeriod(String days) {
        double d;
        try {
            d = Double.parseDouble(days.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--quiet-days (or PARALLAX_QUIET_DAYS): not a number of days: '" + days + "'");
        }
        if (!(d > 0) || d > MAX_QUIET_DAYS) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "--quiet-days (or PARALLAX_QUIET_DAYS): must be more than 0 and at most %.0f days: '%s'", MAX_QUIET_DAYS, days));
        }
        return Duration.ofSeconds(Math.round(d * 86_400));
    }
}
