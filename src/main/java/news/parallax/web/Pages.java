package news.parallax.web;

import static news.parallax.web.Html.escape;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import news.parallax.analysis.StoryView;
import news.parallax.analysis.StoryView.ArticleView;
import news.parallax.model.StoryRef;
import org.jspecify.annotations.Nullable;

/** Server-rendered pages. Every value from an article passes through {@link Html#escape}. */
final class Pages {
    static final String NO_COVERAGE = "No summary available because of a lack of coverage.";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final List<String> SIDES = List.of("left", "center", "right");

    private Pages() {}

    static String layout(String title, String body) {
        return """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s · Parallax</title>
                <style>
                body{font-family:system-ui,sans-serif;max-width:60rem;margin:0 auto;padding:1rem;color:#1d1d1f;line-height:1.45}
                header a{font-weight:700;text-decoration:none;color:inherit} a{color:#0b57d0}
                .bar{display:flex;height:1.6rem;border-radius:.3rem;overflow:hidden;margin:.4rem 0;min-width:12rem}
                .bar a,.bar span{display:block;color:#fff;font-size:.8rem;padding:.2rem .4rem;text-decoration:none;white-space:nowrap;overflow:hidden}
                .left{background:#1f5fbf}.center{background:#6e6e73}.right{background:#c0392b}.unrated{background:#b9b9be}
                .story{border-bottom:1px solid #ddd;padding:.6rem 0} .meta{color:#555;font-size:.85rem}
                section{margin:1.2rem 0} details{margin:.3rem 0} summary{cursor:pointer;font-weight:600}
                textarea{width:100%%;min-height:4rem}
                %s</style></head><body>
                <header><a href="/">Parallax</a> · every story from every side
                <nav><a href="/">Stories</a><a href="/blindspots">Blindspots</a><a href="/outlets">Outlets</a><a href="/feeds">Feeds</a></nav></header>
                <main>%s</main></body></html>
                """.formatted(escape(title), AnalysisPages.CSS, body);
    }

    static String storyList(List<StoryRef> stories, java.util.function.Function<String, StoryView.Landscape> landscapes) {
        StringBuilder b = new StringBuilder("<h1>Stories</h1>");
        if (stories.isEmpty()) b.append("<p>No stories yet. Run <code>./parallax ingest PATH</code>.</p>");
        for (StoryRef s : stories) {
            b.append("<div class=\"story\"><a class=\"story-link\" href=\"/story/").append(escape(s.id())).append("\">")
                    .append(escape(s.title())).append("</a>")
                    .append(bar(landscapes.apply(s.id()), false))
                    .append("<div class=\"meta\">").append(s.sourceCount()).append(" sources · ").append(s.articleCount())
                    .append(" articles").append(s.lastSeen() == null ? "" : " · " + WHEN.format(s.lastSeen())).append("</div></div>");
        }
        return layout("Stories", b.toString());
    }

    static String bar(StoryView.Landscape l, boolean clickable) {
        int total = Math.max(1, l.total());
        StringBuilder b = new StringBuilder("<div class=\"bar\" role=\"img\" aria-label=\"bias distribution\">");
        int[] counts = {l.left(), l.center(), l.right(), l.unrated()};
        String[] keys = {"left", "center", "right", "unrated"};
        String[] labels = {"L", "C", "R", "Other"};
        for (int i = 0; i < 4; i++) {
            if (counts[i] == 0) continue;
            int pct = Math.round(100f * counts[i] / total);
            String label = labels[i] + " " + pct + "%";
            if (clickable) {
                b.append("<a class=\"").append(keys[i]).append("\" data-side=\"").append(keys[i]).append("\" href=\"#side-")
                        .append(keys[i]).append("\" onclick=\"document.getElementById('side-").append(keys[i])
                        .append("').open=true\" style=\"width:").append(pct).append("%\">").append(label).append("</a>");
            } else {
                b.append("<span class=\"").append(keys[i]).append("\" style=\"width:").append(pct).append("%\">").append(label).append("</span>");
            }
        }
        return b.append("</div>").toString();
    }

    static String story(StoryView s, boolean reported) {
        StringBuilder b = new StringBuilder();
        b.append("<h1>").append(escape(s.title())).append("</h1>");
        b.append("<p class=\"meta\">").append(s.articleCount()).append(" articles");
        if (s.firstSeen() != null) b.append(" · first seen ").append(WHEN.format(s.firstSeen()));
        if (s.lastSeen() != null) b.append(" · last seen ").append(WHEN.format(s.lastSeen()));
        b.append("</p>");

        b.append("<section id=\"full-story\"><h2>Full story</h2>").append(AnalysisPages.summary(s)).append("</section>");
        b.append(AnalysisPages.blindspot(s));

        b.append("<section id=\"landscape\"><h2>Media landscape</h2><p class=\"meta\">Click on bars to see headlines</p>")
                .append(bar(s.landscape(), true))
                .append("<p><strong class=\"total-sources\">").append(s.sourceCount()).append(" total sources</strong></p>");
        for (String side : AnalysisPages.ALL_SIDES) {
            b.append(s.coverage().isEmpty() ? headlines("side-" + side, AnalysisPages.sideLabel(side), s.articles(), side)
                    : AnalysisPages.sideHeadlines(s, side));
        }
        b.append("</section>");
        b.append(AnalysisPages.mixes(s));

        for (String side : SIDES) {
            List<String> points = s.keyPoints().getOrDefault(side, List.of());
            List<StoryView.SummarySentence> sourced = s.keyPointSentences().getOrDefault(side, List.of());
            b.append("<section class=\"key-points\" id=\"key-points-").append(side).append("\"><h2>Key points from the ")
                    .append(cap(side)).append("</h2>");
            if (points.isEmpty()) {
                b.append("<p class=\"no-coverage\">").append(NO_COVERAGE).append("</p>");
            } else {
                b.append("<ul>");
                if (sourced.size() == points.size()) for (StoryView.SummarySentence p : sourced) b.append(AnalysisPages.keyPoint(p));
                else for (String p : points) b.append("<li>").append(escape(p)).append("</li>");
                b.append("</ul>");
            }
            b.append("</section>");
        }

        b.append(AnalysisPages.headlineComparison(s));
        b.append(news.parallax.claims.ClaimHtml.render(s.storyClaims()));
        b.append(AnalysisPages.timeline(s));
        b.append("<section id=\"articles\"><h2>Articles</h2><ul>");
        for (ArticleView a : s.articles()) {
            b.append("<li class=\"article\" id=\"article-").append(escape(a.id())).append("\"><span class=\"").append(escape(a.bias())).append("\" style=\"padding:0 .3rem;color:#fff\">")
                    .append(escape(a.bias())).append("</span> <strong>");
            if (a.outletId() != null) {
                b.append("<a href=\"").append(escape(AnalysisPages.outletHref(a.outletId()))).append("\">").append(escape(outletName(a)))
                        .append("</a>");
            } else {
                b.append(escape(outletName(a)));
            }
            b.append("</strong>: ");
            String href = Html.safeHref(a.url());
            if (href.isEmpty()) b.append(escape(a.title()));
            else b.append("<a rel=\"nofollow noopener\" href=\"").append(href).append("\">").append(escape(a.title())).append("</a>");
            b.append(" <span class=\"meta\">").append(when(a.published()));
            if (a.copyOf() != null) b.append(" · copy of ").append(escape(a.copyOf()));
            if (a.reason() != null && !a.reason().terms().isEmpty()) {
                b.append(" · joined on ").append(escape(String.join(", ", a.reason().terms())));
                if (a.reason().threshold() > 0) {
                    b.append(String.format(java.util.Locale.ROOT, " (score %.2f, needed %.2f)", a.reason().similarity(), a.reason().threshold()));
                }
            }
            b.append(" · from ").append(escape(a.location())).append("</span></li>");
        }
        b.append("</ul></section>");

        b.append("<section id=\"report\"><h2>Report an issue with this summary</h2>");
        if (reported) b.append("<p class=\"reported\">Thank you: your report was stored.</p>");
        b.append("<form method=\"post\" action=\"/story/").append(escape(s.id())).append("/report\">")
                .append("<label>What is wrong? <select name=\"kind\"><option>inaccurate</option><option>biased</option>")
                .append("<option>missing sources</option><option>other</option></select></label>")
                .append("<textarea name=\"message\" required maxlength=\"4000\"></textarea>")
                .append("<button type=\"submit\">Report an issue with this summary</button></form></section>");
        return layout(s.title(), b.toString());
    }

    private static String headlines(String id, String label, List<ArticleView> articles, String side) {
        List<ArticleView> ofSide = articles.stream().filter(a -> a.bias().equals(side) && a.copyOf() == null).toList();
        StringBuilder b = new StringBuilder("<details class=\"headlines\" id=\"").append(id).append("\"><summary>").append(escape(label))
                .append(" · ").append(ofSide.size()).append("</summary><ul>");
        for (ArticleView a : ofSide) {
            b.append("<li><strong>").append(escape(outletName(a))).append("</strong>: ").append(escape(a.title())).append("</li>");
        }
        return b.append("</ul></details>").toString();
    }

    static String outletName(ArticleView a) {
        return a.outlet().isBlank() ? "Unknown outlet" : a.outlet();
    }

    private static String when(@Nullable Instant t) {
        return t == null ? "date unknown" : WHEN.format(t);
    }

    private static String cap(String side) {
        return Character.toUpperCase(side.charAt(0)) + side.substring(1);
    }

    static String notFound(String what) {
        return layout("Not found", "<h1>Not found</h1><p>" + escape(what) + "</p>");
    }
}
