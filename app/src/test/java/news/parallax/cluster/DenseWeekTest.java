package news.parallax.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import news.parallax.model.Article;
import org.junit.jupiter.api.Test;

/**
 * A dense period (issue: dense-period grab-bags): one subject fills most of a week's news, so under the lifetime document
 * frequencies its vocabulary ties every article of the week to every other. Weighing a lead term down by the share of the
 * last week's articles that name it keeps two separate events of that week apart.
 */
class DenseWeekTest {
    private static final Instant T0 = Instant.parse("2020-01-01T08:00:00Z");
    private static final ClusterConfig NO_EMBEDDINGS = ClusterConfig.defaults().withEmbeddings(ClusterConfig.EmbeddingUse.NONE);

    private static Article article(String id, Instant published, String title, String text) {
        return new Article(id, "Outlet " + id, null, null, title, published, List.of(), text, "test", "en", Map.of());
    }

    /** A made-up word from a number, so that each filler article has words of its own (digits would be read as numbers). */
    private static String word(int n) {
        StringBuilder b = new StringBuilder("qu");
        for (int i = 0; i < 3; i++) {
            b.append((char) ('a' + n % 26));
            n /= 26;
        }
        return b.toString();
    }

    /**
     * Two months of ordinary news (each article about something of its own), then a week in which nearly every article is about the pandemic
     * outbreak, with two separate events of that week among them: schools closing in Eastport, a chess final called off in Oslo.
     */
    static List<Article> denseWeek() {
        List<Article> a = new ArrayList<>();
        int w = 0;
        // Ordinary news: each article about something of its own, ten a day.
        for (int i = 0; i < 600; i++) {
            String x = word(w++), y = word(w++), z = word(w++), v = word(w++);
            a.add(article("old-" + i, T0.plus(Duration.ofMinutes(144L * i)), x + " " + y + " " + z,
                    x + " " + y + " " + z + " " + v + "."));
        }
        // The dense week: nearly every article names the pandemic outbreak, each about its own place.
        Instant week = T0.plus(Duration.ofDays(61));
        for (int i = 0; i < 60; i++) {
            String x = word(w++), y = word(w++), z = word(w++);
            a.add(article("week-" + i, week.plus(Duration.ofMinutes(140L * i)), "Pandemic outbreak: virus cases rise in " + x,
                    "The pandemic outbreak spread as virus cases rose in " + x + " and " + y + ", where the virus outbreak "
                            + "forced " + z + " to close during the pandemic."));
        }
        Instant events = week.plus(Duration.ofDays(6));
        String[] schools = {"Pandemic outbreak closes Eastport schools|The pandemic outbreak closed every Eastport school on Monday as virus cases rose, Mayor Linda Okafor said.",
                "Eastport shuts schools over virus outbreak|Mayor Linda Okafor shut Eastport schools as the pandemic virus outbreak spread through the harbour town.",
                "Okafor defends Eastport school closures in pandemic|Mayor Linda Okafor defended closing Eastport schools during the virus outbreak and pandemic."};
        String[] chess = {"Pandemic outbreak halts Oslo chess final|The pandemic outbreak halted the Oslo chess final between Anya Petrova and Lars Vik as virus cases rose.",
                "Oslo calls off chess final over virus outbreak|Organisers in Oslo called off the chess final of Anya Petrova and Lars Vik as the pandemic virus outbreak spread.",
                "Petrova and Vik chess final off in pandemic|Anya Petrova and Lars Vik will not play their Oslo chess final during the virus outbreak and pandemic."};
        for (int i = 0; i < 3; i++) {
            String[] s = schools[i].split("\\|"), c = chess[i].split("\\|");
            a.add(article("schools-" + i, events.plus(Duration.ofMinutes(60L * i)), s[0], s[1]));
            a.add(article("chess-" + i, events.plus(Duration.ofMinutes(60L * i + 30)), c[0], c[1]));
        }
        return a;
    }

    private static List<String> storyOf(Clustering c, String id) {
        return c.groups().stream().map(Clustering.Group::articleIds).filter(g -> g.contains(id)).findFirst().orElseThrow();
    }

    @Test
    void aTermMostOfTheWeekNamesNoLongerDrawsAnEventIntoTheWeeksGrabBag() {
        List<Article> stream = denseWeek();
        Clustering off = new StandardStoryClusterer(NO_EMBEDDINGS.withSaturation(0, false), null).cluster(stream);
        // Without the weekly shares the pandemic vocabulary draws an event's report into the week's grab-bag.
        assertThat(storyOf(off, "schools-0")).as("the dense week chains without the weekly shares").contains("week-59");

        Clustering on = new StandardStoryClusterer(NO_EMBEDDINGS, null).cluster(stream);
        assertThat(storyOf(on, "schools-0")).containsExactlyInAnyOrder("schools-0", "schools-1", "schools-2");
        assertThat(storyOf(on, "chess-0")).containsExactlyInAnyOrder("chess-0", "chess-1", "chess-2");
        assertThat(storyOf(on, "old-0")).as("ordinary news, no term in a fifth of the week: each article alone").containsExactly("old-0");
    }

    @Test
    void saturationLeavesTermsOfAnOrdinaryShareAlone() {
        assertThat(FeatureExtractor.saturation(0.05, 0.2)).isEqualTo(1.0);
        assertThat(FeatureExtractor.saturation(0.2, 0.2)).isEqualTo(1.0);
        assertThat(FeatureExtractor.saturation(0.5, 0.2)).isBetween(0.4, 0.45); // log 0.5 / log 0.2 = 0.43
        assertThat(FeatureExtractor.saturation(0.8, 0.2)).isLessThan(FeatureExtractor.saturation(0.5, 0.2));
        assertThat(FeatureExtractor.saturation(1.0, 0.2)).as("a term every article names still counts a little").isPositive();
    }

    @Test
    void theWindowForgetsArticlesOlderThanItsSpan() {
        RecentNews recent = new RecentNews(Duration.ofDays(7));
        recent.add(T0, new int[] {1, 2}, new float[] {1, 0});
        recent.add(T0.plus(Duration.ofDays(3)), new int[] {1}, new float[] {0, 1});
        assertThat(recent.share(1)).isEqualTo(1.0);
        assertThat(recent.share(2)).isEqualTo(0.5);
        assertThat(recent.meanCosine(new float[] {1, 0})).isEqualTo(0.5);
        recent.expire(T0.plus(Duration.ofDays(8)));
        assertThat(recent.size()).isEqualTo(1);
        assertThat(recent.share(2)).isZero();
        assertThat(recent.meanCosine(new float[] {1, 0})).isZero();
        assertThat(recent.meanCosine(new float[] {0, 1})).isEqualTo(1.0);
    }
}
