package news.parallax.pipeline;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import news.parallax.extract.ExtractedPage;
import news.parallax.extract.ExtractionException;
import news.parallax.extract.HtmlExtractor;
import news.parallax.ingest.Domains;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Minimal HTML reader (title and paragraph elements) used until the full extractor is wired in. */
final class FallbackHtmlExtractor implements HtmlExtractor {
    private static final int MIN_PARAGRAPH_WORDS = 6;

    @Override
    public ExtractedPage extract(byte[] html, String location, @org.jspecify.annotations.Nullable String httpCharset)
            throws ExtractionException {
        for (int i = 0; i < Math.min(html.length, 4096); i++) {
            if (html[i] == 0) throw new ExtractionException(location, "binary data, not HTML");
        }
        Document doc = Jsoup.parse(new String(html, StandardCharsets.UTF_8));
        Element og = doc.selectFirst("meta[property=og:title]");
        String title = og != null ? og.attr("content") : doc.title();
        Element canonical = doc.selectFirst("link[rel=canonical]");
        String url = canonical != null ? canonical.attr("abs:href") : null;
        List<String> paragraphs = new ArrayList<>();
        for (Element p : doc.select("p")) {
            String t = p.text().strip();
            if (t.split("\\s+").length >= MIN_PARAGRAPH_WORDS) paragraphs.add(t);
        }
        boolean article = !paragraphs.isEmpty();
        return new ExtractedPage(location, article, article ? null : "no paragraphs", title.strip(), List.of(), null,
                url == null || url.isBlank() ? null : url, null, Domains.ofUrl(url), null, paragraphs);
    }
}
