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
import news.parallax.internal.Json;
import news.parallax.store.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, the short soak: the topology of {@code deploy/compose.yaml} as {@code run --role} processes on loopback
 * (two crawlers, a clusterer and its standby, a web node with readers) on one real PostgreSQL, fed 200 articles as
 * a live stream by real HTTP feed servers; a crawler and then the leading clusterer are killed with kill -9 midway.
 * Every article is stored once, no page is fetched twice but those the killed crawler was fetching, the per-host gap
 * holds across the crawlers, the standby
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
                "256m", "768m", "384m", dir.resolve("out"), Duration.ZERO, java.util.List.of());
        SoakReport r = new SoakRun(settings, db, line -> System.out.println("soak: " + line)).run();
        System.out.println(r.markdown());

        assertThat(r.articles().published()).isEqualTo(ARTICLES);
        assertThat(r.articles().stored()).as("stored; %s", r.articles()).isEqualTo(ARTICLES);
        assertThat(r.articles().pending() + r.articles().neverQueued() + r.articles().failed()).isZero();
        assertThat(r.articles().articleRows()).isEqualTo(ARTICLES);
        assertThat(r.articles().duplicateUrlRows()).isZero();
        assertThat(r.fetching().pagesFetched()).isEqualTo(ARTICLES);
        // kill -9 leaves the killed crawler's pages in flight unrecorded: they are fetched again, and only they.
        assertThat(r.fetching().fetchedTwiceFirstAfterCrawlerKill()).as("pages fetched twice by live crawlers").isZero();
        // A late start (a busy machine) shortens one gap; ten requests in a row faster than the limit cannot happen.
        assertThat(r.fetching().minWindowMeanGapMillis()).isGreaterThanOrEqualTo(settings.hostDelay().toMillis() * 0.9);
        assertThat(r.failover().standbySaidSo()).isTrue();
        assertThat(r.failover().takeoverSeconds()).isBetween(0.0, TAKEOVER_LIMIT_SECONDS);
        assertThat(r.stories().articlesInStories()).isEqualTo(ARTICLES);
        assertThat(r.stories().onlineStories()).as("stories of the %d events", TOPICS).isBetween(TOPICS / 2, ARTICLES / 2);
        assertThat(r.stories().pairRecall()).as("pairs of the recluster the online stories also have").isGreaterThan(0.8);
        assertThat(r.stories().pairPrecision()).as("pairs of the online stories the recluster also has").isGreaterThan(0.8);
        assertThat(r.web().requests()).isPositive();
        assertThat(r.web().errors()).isZero();
        assertThat(r.roles()).extracting(SoakReport.RoleFigures::name)
                .containsExactly("clusterer-1", "clusterer-2", "web-1", "crawler-1", "crawler-2");
        assertThat(Files.readString(dir.resolve("out/soak.json"))).contains("\"fetchedTwiceFirstAfterCrawlerKill\" : 0");
    }

    /** Articles about {@link #TOPICS} events (a city, an event and a person each), several outlets each, a day apart in order. */
    private static void writeCorpus(Path file) throws Exception {
        String[] outlets = {"wire.example", "daily.example", "herald.example", "gazette.example", "times.example",
                "post.example", "tribune.example", "courier.example"};
        String[] cities = {"Lisbon", "Nairobi", "Osaka", "Quito", "Tbilisi", "Dakar", "Oslo", "Hanoi", "Lima", "Accra",
                "Perth", "Tunis", "Riga", "Manila", "Bogota", "Kigali", "Zagreb", "Hobart", "Tallinn", "Cusco", "Fez",
                "Bergen", "Lagos", "Sapporo", "Cork"};
        String[] events = {"flood", "election", "earthquake", "strike", "wildfire", "trial", "drought", "merger",
                "protest", "eruption", "blackout", "vaccine rollout", "bridge collapse", "heatwave", "ferry sinking",
                "budget vote", "train crash", "landslide", "cyberattack", "festival", "oil spill", "coup attempt",
                "bank run", "locust swarm", "dam failure"};
        String[] people = {"Amara Diallo", "Kenji Sato", "Lucia Ortega", "Nino Beridze", "Ingrid Dahl", "Tran Van Minh",
                "Rosa Quispe", "Kwame Mensah", "Grace Whitlock", "Salma Trabelsi", "Janis Ozols", "Maria Santos",
                "Diego Rojas", "Claudine Uwase", "Ivan Horvat", "Tom Fraser", "Kadri Tamm", "Inti Mamani", "Youssef Alami",
                "Sigrid Berg", "Chidi Okafor", "Yuki Tanaka", "Aoife Byrne", "Pablo Vera", "Elena Popa"};
        List<String> lines = new ArrayList<>();
        LocalDate day = LocalDate.parse("2020-02-01");
        for (int i = 0; i < ARTICLES; i++) {
            int t = i % TOPICS;
            String c = cities[t], e = events[t], p = people[t];
            String text = "The " + e + " in " + c + " has left residents counting the cost, officials said on the " + (i / TOPICS + 1)
                    + "th day of the crisis. " + p + ", who leads the response in " + c + ", said the " + e + " was the worst in decades.\n\n"
                    + "Teams in " + c + " worked through the night after the " + e + ", and " + p + " asked for patience. "
                    + "Report " + i + " from " + outlets[i % outlets.length] + " adds that schools in " + c + " stayed closed.\n\n"
                    + "Critics of " + p + " said the warnings about the " + e + " came late; " + p + " rejected that in " + c + ".";
            lines.add(Json.write(java.util.Map.of("id", String.format(Locale.ROOT, "soak%04d", i), "source", outlets[i % outlets.length],
                    "url", "https://" + outlets[i % outlets.length] + "/news/" + i, "title",
                    p + " on the " + e + " in " + c + " (" + (i / TOPICS + 1) + ")",
                    "date", day.plusDays(i / 40).toString(), "text", text)));
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
    }
}
