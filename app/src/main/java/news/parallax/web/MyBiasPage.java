package news.parallax.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import news.parallax.analysis.StoryView;
import news.parallax.internal.Json;

/**
 * "My news bias": the reader's own reading history, kept in their browser's localStorage by
 * {@code /static/mybias.js} and never sent to this server. The server only renders the empty page and, on story
 * pages, puts what the script records into a {@code data-reading} attribute (not a script: the CSP forbids inline
 * ones).
 *
 * @param blindspotLimit how many current blindspot stories the page asks {@code /api/blindspots} for
 */
public record MyBiasPage(int blindspotLimit) {
    /** Current blindspots the page compares the history with: enough to be useful, bounded for a phone. */
    static final int BLINDSPOT_LIMIT = 100;
    /** Outlets listed per story in its record; a 200-article story would otherwise fill the reader's storage. */
    static final int MAX_OUTLETS_PER_STORY = 60;

    static String render() {
        return Templates.render("mybias.jte", new MyBiasPage(BLINDSPOT_LIMIT));
    }

    /**
     * What the script records when a story is opened, as JSON: id, headline, first-seen date, landscape per side,
     * factuality mix and outlets with their side. Escaped by the template as an attribute value.
     */
    public static String storyRecord(StoryView s) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("id", s.id());
        r.put("title", s.title());
        r.put("date", s.firstSeen() == null ? null : Fmt.iso(s.firstSeen()));
        StoryView.Landscape l = s.landscape();
        r.put("landscape", Map.of("left", l.left(), "center", l.center(), "right", l.right(), "unrated", l.unrated()));
        r.put("factuality", s.factualityMix());
        r.put("blindspot", s.blindspot() == null ? null : s.blindspot().side());
        List<Map<String, String>> outlets = new ArrayList<>();
        for (String side : Fmt.ALL_SIDES) {
            StoryView.SideCoverage c = s.coverage().get(side);
            if (c == null) continue;
            for (String o : c.outlets()) {
                if (outlets.size() < MAX_OUTLETS_PER_STORY) outlets.add(Map.of("name", o, "side", side));
            }
        }
        r.put("outlets", outlets);
        return Json.write(r);
    }
}
