package news.parallax.clean;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import news.parallax.model.Article;
import news.parallax.model.Paragraphs;

/**
 * Removes paragraphs that one outlet repeats across many of its articles (newsletter pitches,
 * disclaimers, "follow us" lines): text that recurs verbatim in unrelated articles is not news.
 *
 * <p>Stateless per call; a paragraph is boilerplate for an outlet when it appears in at least
 * {@link #MIN_DOCUMENTS} of that outlet's articles in the batch and in at least
 * {@link #MIN_SHARE} of them.
 */
public final class OutletBoilerplateFilter {
    static final int MIN_DOCUMENTS = 3;
    static final double MIN_SHARE = 0.3;

    public List<Article> filter(List<Article> articles) {
        Map<String, List<Article>> byOutlet = new HashMap<>();
        for (Article a : articles) byOutlet.computeIfAbsent(a.outlet(), k -> new ArrayList<>()).add(a);
        Map<String, Set<String>> boilerplate = new HashMap<>();
        for (var e : byOutlet.entrySet()) {
            if (e.getValue().size() < MIN_DOCUMENTS) continue;
            Map<String, Integer> docFrequency = new HashMap<>();
            for (Article a : e.getValue()) {
                Set<String> keys = new HashSet<>();
                for (String p : a.paragraphs()) keys.add(TextDumpCleaner.key(p));
                for (String k : keys) docFrequency.merge(k, 1, Integer::sum);
            }
            Set<String> repeated = new HashSet<>();
            int docs = e.getValue().size();
            docFrequency.forEach((k, n) -> {
                if (n >= MIN_DOCUMENTS && n >= MIN_SHARE * docs) repeated.add(k);
            });
            if (!repeated.isEmpty()) boilerplate.put(e.getKey(), repeated);
        }
        if (boilerplate.isEmpty()) return articles;
        List<Article> out = new ArrayList<>(articles.size());
        for (Article a : articles) {
            Set<String> repeated = boilerplate.get(a.outlet());
            if (repeated == null) {
                out.add(a);
                continue;
            }
            List<String> kept = a.paragraphs().stream().filter(p -> !repeated.contains(TextDumpCleaner.key(p))).toList();
            out.add(kept.isEmpty() ? a : a.withText(Paragraphs.join(kept)));
        }
        return out;
    }
}
