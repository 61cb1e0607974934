package news.parallax.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import news.parallax.model.Article;

/**
 * A long deterministic news stream for memory tests: each day a number of events, each reported by several outlets
 * (title and lead from the event's words and names, the rest of the text from a fixed pool), some reports re-posted
 * word for word by another outlet (syndicated copies), some undated. Every word is drawn from fixed pools, so the
 * clusterer's term dictionary stops growing after the first days and only per-article state could grow.
 */
public final class SyntheticStream {
    private static final String[] SYLLABLES = {"ka", "lo", "mi", "ru", "te", "va", "zo", "ne", "pi", "sa", "do", "fu", "ge", "hi", "ju", "be"};
    private static final int WORDS = 3_000, NAMES = 1_000;
    /** Words of the text beyond the event's: enough for the syndication detector (60 words) to judge copies. */
    private static final int FILLER_WORDS = 70;

    private final int eventsPerDay;
    private final int reportsPerEvent;
    private final Instant start;
    private final Random random = new Random(42);
    private int day;
    private long serial;

    /** @param eventsPerDay events a day, each with {@code reportsPerEvent} reports (and copies of some) */
    public SyntheticStream(Instant start, int eventsPerDay, int reportsPerEvent) {
        this.start = start;
        this.eventsPerDay = eventsPerDay;
        this.reportsPerEvent = reportsPerEvent;
    }

    static String word(int i, boolean name) {
        StringBuilder b = new StringBuilder();
        int n = i + SYLLABLES.length; // at least two syllables
        while (n > 0) {
            b.append(SYLLABLES[n % SYLLABLES.length]);
            n /= SYLLABLES.length;
        }
        String w = b.toString();
        return name ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : w;
    }

    /** The next day's articles, in publication order (undated ones where they arrive). */
    public List<Article> nextDay() {
        List<Article> out = new ArrayList<>();
        Instant dayStart = start.plus(Duration.ofDays(day++));
        for (int e = 0; e < eventsPerDay; e++) {
            List<String> words = new ArrayList<>(), names = new ArrayList<>();
            for (int k = 0; k < 10; k++) words.add(word(random.nextInt(WORDS), false));
            for (int k = 0; k < 3; k++) names.add(word(random.nextInt(NAMES), true));
            Instant eventTime = dayStart.plusSeconds(random.nextInt(20 * 3600));
            for (int r = 0; r < reportsPerEvent; r++) {
                StringBuilder text = new StringBuilder();
                // names apart from each other: adjacent names would make pairs, and the dictionary would keep growing
                for (int k = 0; k < names.size(); k++) text.append(names.get(k)).append(' ').append(words.get(k)).append(' ');
                for (String w : words) if (random.nextInt(4) > 0) text.append(w).append(' ');
                for (int k = 0; k < FILLER_WORDS; k++) text.append(word(random.nextInt(WORDS), false)).append(' ');
                String title = names.get(0) + " " + words.get(0) + " " + words.get(1) + " " + words.get(2) + " " + names.get(1);
                long id = serial++;
                Instant time = eventTime.plusSeconds(600L * r);
                boolean undated = id % 50 == 49;
                Article a = new Article("s" + id, "outlet" + (r % 7), "https://outlet" + (r % 7) + ".example/" + id, null, title,
                        undated ? null : time, List.of(), text.toString().trim(), "synthetic", "en", Map.of());
                out.add(a);
                if (id % 10 == 3) { // a syndicated copy on another outlet, an hour later
                    long copy = serial++;
                    out.add(new Article("s" + copy, "wire" + (r % 3), "https://wire" + (r % 3) + ".example/" + copy, null, title,
                            time.plusSeconds(3600), List.of(), a.text(), "synthetic", "en", Map.of()));
                }
            }
        }
        out.sort(java.util.Comparator.comparing((Article a) -> a.published() == null ? Instant.MAX : a.published()).thenComparing(Article::id));
        return out;
    }
}
