package news.parallax.soak;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import news.parallax.ingest.InputItem;
import news.parallax.ingest.InputReader;
import news.parallax.model.Article;
import news.parallax.model.Domains;
import news.parallax.pipeline.Pipelines;

/**
 * Corpus articles in the order a live stream publishes them: the dated records from {@code from} on, oldest
 * first, each given a publication time {@code start + i * gap} (the corpus's order kept, its dates shifted to
 * now and compressed: a stream faster than real time).
 */
final class ArticleStream {
    /** One article as the feed servers publish it, {@code offsetMillis} after the stream begins. */
    record Published(int index, String outletDomain, String outletName, String slug, Article article, long offsetMillis) {
        /** The page's path on its host's server. */
        String path() {
            return "/a/" + outletDomain + "/" + slug;
        }
    }

    private final List<Article> articles;

    private record Dated(Instant published, Article article) {}

    private ArticleStream(List<Article> articles) {
        this.articles = articles;
    }

    /**
     * Reads {@code corpus} (any format {@code ingest} reads) and keeps the dated articles published at or after
     * {@code from}, oldest first; at most {@code limit} (0: all). Records without a URL domain or with a body
     * the extractor would not keep still count: the soak reports what the crawler made of each.
     */
    static ArticleStream load(Path corpus, Instant from, int limit) {
        List<Dated> all = new ArrayList<>();
        new InputReader(Pipelines.standardHtmlExtractor()).read(corpus, item -> {
            if (item instanceof InputItem.Read r) {
                Instant published = r.article().published();
                if (published != null && !published.isBefore(from) && r.article().url() != null) all.add(new Dated(published, r.article()));
            }
        });
        all.sort(Comparator.comparing(Dated::published).thenComparing(d -> d.article().id()));
        // The corpus holds a few records twice under one URL; a stream publishes each page once.
        Set<String> urls = new HashSet<>();
        List<Article> kept = new ArrayList<>();
        for (Dated d : all) {
            if (limit > 0 && kept.size() >= limit) break;
            if (urls.add(java.util.Objects.requireNonNull(d.article().url()))) kept.add(d.article());
        }
        return new ArticleStream(kept);
    }

    int size() {
        return articles.size();
    }

    /** The stream as published {@code perMinute} articles a minute from its beginning. */
    List<Published> schedule(int perMinute) {
        double gapMillis = 60_000.0 / perMinute;
        List<Published> out = new ArrayList<>(articles.size());
        for (int i = 0; i < articles.size(); i++) {
            Article a = articles.get(i);
            String domain = a.domain();
            String url = a.url();
            if ((domain == null || domain.isBlank()) && url != null) domain = Domains.ofUrl(url);
            if (domain == null || domain.isBlank()) domain = "unknown.example";
            String slug = a.id().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "") + "-" + i;
            out.add(new Published(i, domain.toLowerCase(Locale.ROOT), a.outlet(), slug, a, Math.round(i * gapMillis)));
        }
        return out;
    }
}
