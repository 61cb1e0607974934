package news.parallax.extract;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import news.parallax.extract.eval.FundusPage;
import news.parallax.extract.eval.SegmentPage;
import news.parallax.extract.eval.Split;

/**
 * Evidence tool (test scope): writes everything the extractor returns for each page of one part of a
 * development set (article or not and why, title, authors, date, canonical URL, outlet, language, every
 * paragraph) to one file, so that two builds can be compared byte for byte: a change meant only to make
 * extraction faster must leave this file unchanged.
 *
 * <pre>java -cp eval/target/test-classes:$EVAL_CP news.parallax.extract.ExtractionDump DIR [tune|holdout|all] OUT</pre>
 */
public final class ExtractionDump {
    private ExtractionDump() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Split.Part part = Split.Part.valueOf(args[1].toUpperCase(java.util.Locale.ROOT));
        Path out = Path.of(args[2]);
        HtmlExtractor x = HtmlExtractors.standard();
        int pages = 0;
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            if (SegmentPage.isSegmentSet(dir)) {
                for (SegmentPage p : SegmentPage.load(dir)) {
                    if (!part.includes(p.file())) continue;
                    write(w, p.file(), x, p.html(), p.url());
                    pages++;
                }
            } else {
                for (FundusPage p : FundusPage.load(dir)) {
                    if (!part.includes(p.publisherLabel())) continue;
                    write(w, p.file().getFileName().toString(), x, p.html(), p.url().isEmpty() ? p.file().toString() : p.url());
                    pages++;
                }
            }
        }
        System.out.println(pages + " pages written to " + out);
    }

    private static void write(BufferedWriter w, String name, HtmlExtractor x, byte[] html, String url) throws Exception {
        w.write("=== " + name + "\n");
        try {
            ExtractedPage p = x.extract(html, url, null);
            w.write("article=" + p.isArticle() + " reason=" + p.notArticleReason() + "\n");
            w.write("title=" + p.title() + "\nauthors=" + p.authors() + "\npublished=" + p.published() + "\ncanonical="
                    + p.canonicalUrl() + "\noutlet=" + p.outlet() + "\nlanguage=" + p.language() + "\n");
            for (String para : p.paragraphs()) w.write("| " + para + "\n");
        } catch (ExtractionException e) {
            w.write("failed: " + e.getMessage() + "\n");
        }
    }
}
