package news.parallax.fetch;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import news.parallax.extract.ExtractedPage;
import news.parallax.extract.ExtractionException;
import news.parallax.extract.HtmlExtractor;
import news.parallax.ingest.ArticleIds;
import news.parallax.model.Article;
import news.parallax.model.Domains;
import news.parallax.pipeline.Pipelines;
import news.parallax.store.Store;

/**
 * The live {@link ArticleSink}: extracts a fetched page into an {@link Article} with the project's
 * standard extractor and stores it; clustering runs once per crawl pass ({@link LiveIngest}).
 *
 * <p>The article id is derived from the canonical item URL the same way file ingest derives ids from
 * URLs, so a page handed over twice (after a crash between storing and marking the link DONE) is
 * recognised as "same id" and reported stored without a second row. The store's other duplicate
 * checks (same URL, same text) apply as for files. Thread-safe: extraction runs in parallel, the
 * look-up-then-insert is atomic under the store's lock.
 */
public final class PipelineSink implements ArticleSink {
    /** Bodies shorter than this are not articles (same threshold as file ingest). */
    static final int MIN_BODY_CHARS = 80;

    private final Store store;
    private final HtmlExtractor extractor;
    private final AtomicInteger storedCount = new AtomicInteger();

    public PipelineSink(Store store, HtmlExtractor extractor) {
        this.store = store;
        this.extractor = extractor;
    }

    public static PipelineSink standard(Store store) {
        return new PipelineSink(store, Pipelines.standardHtmlExtractor());
    }

    /** Articles newly stored by this sink so far. */
    public int storedCount() {
        return storedCount.get();
    }

    @Override
    public Outcome accept(FetchedArticle page) {
        ExtractedPage p;
        try {
            p = extractor.extract(page.html(), page.url(), page.httpCharset());
        } catch (ExtractionException e) {
            return Outcome.skipped("unreadable page: " + e.getMessage());
        }
        if (!p.isArticle()) return Outcome.skipped("not an article: " + p.notArticleReason());
        String text = p.text();
        if (text.strip().length() < MIN_BODY_CHARS)
            return Outcome.skipped("no article text found (" + text.strip().length() + " characters of body)");
        Article a = toArticle(page, p, text);
        synchronized (store) {
            Optional<String> dup = store.findDuplicate(a);
            // Nothing inserted: another process stored it since the check (a shared PostgreSQL store).
            if (dup.isEmpty() && store.insert(List.of(a)) == 0) dup = store.findDuplicate(a);
            if (dup.isPresent()) {
                // Same id or URL: this very article is already in (a retry after a crash). Same text: a copy.
                if (!dup.get().equals("same text")) return Outcome.stored(a.id());
                return Outcome.skipped("duplicate of a stored article (" + dup.get() + ")");
            }
        }
        storedCount.incrementAndGet();
        return Outcome.stored(a.id());
    }

    static Article toArticle(FetchedArticle page, ExtractedPage p, String text) {
        String domain = Domains.ofUrl(page.url());
        // The source's outlet domain ties the article to its registry entry even when the page is
        // served from another host (feeds.bbci.co.uk, amp pages, CDNs).
        String outlet = page.outletDomain() != null ? page.outletDomain()
                : p.outlet() != null ? p.outlet() : domain != null ? domain : "";
        String title = p.title().isBlank() ? page.feedTitle() : p.title();
        Instant published = p.published() != null ? p.published().toInstant() : page.feedPublished();
        Map<String, String> extra = new HashMap<>();
        extra.put("feed", page.sourceUrl());
        if (!page.finalUrl().equals(page.url())) extra.put("fetched_url", page.finalUrl());
        if (p.outlet() != null) extra.put("site_name", p.outlet());
        return new Article(ArticleIds.derive(page.url()), outlet, domain, page.url(), title.strip(), published,
                p.authors(), text, page.url(), p.language(), extra);
    }
}
