package news.parallax.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import news.parallax.internal.Json;
import news.parallax.store.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, the short soak: the topology of {@code deploy/compose.yaml} as {@code run --role} processes on loopback
 * (two crawlers, a clusterer and its standby, a web node with readers) on one real PostgreSQL, fed 200 articles as
 * a live stream by real HTTP feed servers; a crawler and then the leading clusterer are killed with kill -9 midway.
 * Every article is stored once, no page is fetched twice, the per-host gap holds across the crawlers, the standby
 * takes over within 30 s and the stories end as one {@code recluster} of the store makes them (pairs of articles).
 */
@Tag("slow") // five JVMs, a failover and a recluster: 3 to 6 minutes on two busy cores, so not in the default suite
class SoakRunTest {
    private static final int ARTICLES = 200;
    private static final int TOPICS = 25;
    private static final double TAKEOVER_LIMIT_SECONDS = 30;

    @TempDir
    Path dir;

    @Test
    void shortSoakLosesNothingFetchesNothingTwiceAndFailsOverInTime() throws Exception {
        String db = TestDatabase.POSTGRESQL.fresh(dir).url();
        Path corpus = dir.resolve("stream.jsonl");
        writeCorpus(corpus);
        SoakSettings settings = new SoakSettings(corpus, Instant.parse("2020-01-01T00:00:00Z"), 0, 600, 2, 1, true, 4,
                Duration.ofSeconds(3), Duration.ofMillis(50), 4, Duration.ofMillis(200), 0.3, 0.6, Duration.ofMinutes(6), true,
                "256m", "768m", "384m", dir.resolve("out"));
        SoakReport r = new SoakRun(settings, db, line -> System.out.println("soak: " + line)).run();
        System.out.println(r.markdown());

        assertThat(r.articles().published()).isEqualTo(ARTICLES);
        assertThat(r.articles().stored()).as("stored; %s", r.articles()).isEqualTo(ARTICLES);
        assertThat(r.articles().pending() + r.articles().neverQueued() + r.articles().failed()).isZero();
        assertThat(r.articles().articleRows()).isEqualTo(ARTICLES);
        assertThat(r.articles().duplicateUrlRows()).isZero();
        assertThat(r.fetching().pagesFetched()).isEqualTo(ARTICLES);
        assertThat(r.fetching().pagesFetchedTwice()).isZero();
        // A late start (a busy machine) shortens one gap; ten requests in a row faster than the limit cannot happen.
        assertThat(r.fetching().minWindowMeanGapMillis()).isGreaterThanOrEqualTo(settings.hostDelay().toMillis() * 0.9);
        assertThat(r.failover().standbySaidSo()).isTrue();
        assertThat(r.failover().takeoverSeconds()).isBetween(0.0, TAKEOVER_LIMIT_SECONDS);
        assertThat(r.stories().articlesInStories()).isEqualTo(ARTICLES);
        assertThat(r.stories().pairRecall()).as("pairs of the recluster the online stories also have").isGreaterThan(0.8);
        assertThat(r.stories().pairPrecision()).as("pairs of the online stories the recluster also has").isGreaterThan(0.8);
        assertThat(r.web().requests()).isPositive();
        assertThat(r.web().errors()).isZero();
        assertThat(r.roles()).extracting(SoakReport.RoleFigures::name)
                .containsExactly("clusterer-1", "clusterer-2", "web-1", "crawler-1", "crawler-2");
        assertThat(Files.readString(dir.resolve("out/soak.json"))).contains("\"pagesFetchedTwice\" : 0");
    }

    /** Articles in {@link #TOPICS} topics, each from several outlets, dated a day apart in order. */
    private static void writeCorpus(Path file) throws Exception {
        String[] outlets = {"wire.example", "daily.example", "herald.example", "gazette.example", "times.example",
                "post.example", "tribune.example", "courier.example"};
        String[][] topics = new String[TOPICS][];
        Random random = new Random(15);
        String[] words = ("ministry troops border officials satellite report parliament sanctions intelligence convoy "
                + "statement analysts capital exercise harbour election court drought vaccine budget strike pipeline "
                + "reactor festival earthquake flood tariff merger senate protest verdict wildfire ceasefire").split(" ");
        for (int t = 0; t < TOPICS; t++) {
            topics[t] = new String[8];
            for (int w = 0; w < 8; w++) topics[t][w] = words[random.nextInt(words.length)] + t;
        }
        List<String> lines = new ArrayList<>();
        LocalDate day = LocalDate.parse("2020-02-01");
        for (int i = 0; i < ARTICLES; i++) {
            int t = i % TOPICS;
            StringBuilder text = new StringBuilder();
            for (int p = 0; p < 4; p++) {
                for (int w = 0; w < 18; w++) text.append(w % 3 == 0 ? words[random.nextInt(words.length)] : topics[t][(w + p) % 8]).append(' ');
                text.append("said the report number ").append(i).append(" in paragraph ").append(p).append(".\n\n");
            }
            String outlet = outlets[i % outlets.length];
            lines.add(Json.write(java.util.Map.of("id", String.format(Locale.ROOT, "soak%04d", i), "source", outlet,
                    "url", "https://" + outlet + "/news/" + i, "title", "Story " + topics[t][0] + " " + topics[t][1] + " " + i,
                    "date", day.plusDays(i / 40).toString(), "text", text.toString().strip())));
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
    }
}
