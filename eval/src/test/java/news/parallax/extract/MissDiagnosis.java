package news.parallax.extract;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import news.parallax.extract.eval.SegmentPage;
import news.parallax.extract.eval.Split;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Evidence tool (test scope, not part of the product): on the tune part of trafilatura's segment set, where
 * each text segment the extractor misses, and each boilerplate segment it keeps, sits on the page: inside
 * the chosen body roots but filtered out, in a visible block outside them, only in an element the extractor
 * never reads (with that element's tag), or nowhere in the parsed page (script data, later loading).
 *
 * <pre>mvn -q -o test-compile && java -cp target/classes:target/test-classes:$(cat cp.txt) \
 *     news.parallax.extract.MissDiagnosis DIR [tune|holdout|all] [--list]</pre>
 */
public final class MissDiagnosis {
    private static final Pattern SPACE = Pattern.compile("(?U)\\s+");

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Split.Part part = args.length > 1 ? Split.Part.valueOf(args[1].toUpperCase()) : Split.Part.TUNE;
        boolean list = List.of(args).contains("--list");
        Map<String, Integer> missed = new TreeMap<>();
        Map<String, Integer> kept = new TreeMap<>();
        DefaultHtmlExtractor x = new DefaultHtmlExtractor();
        for (SegmentPage page : SegmentPage.load(dir)) {
            if (!part.includes(page.file())) continue;
            byte[] html = page.html();
            String out;
            try {
                out = norm(x.extract(html, page.url(), null).text());
            } catch (ExtractionException e) {
                out = "";
            }
            Document doc = DefaultHtmlExtractor.parse(html, page.url(), null);
            ContentScorer scorer = new ContentScorer(new HashSet<>());
            BlockCollector.walk(doc.body(), Boilerplate::isIgnored, scorer);
            scorer.finish();
            Element container = scorer.bestContainer();
            StringBuilder inRoots = new StringBuilder();
            if (container != null) {
                for (Element root : DefaultHtmlExtractor.bodyRoots(container, scorer)) {
                    for (TextBlock b : BlockCollector.blocks(root, e -> e != root && (Boilerplate.isIgnored(e) || scorer.isFurniture(e)))) {
                        inRoots.append(b.text()).append(' ');
                    }
                }
            }
            StringBuilder visible = new StringBuilder();
            for (TextBlock b : scorer.blocks) visible.append(b.text()).append(' ');
            List<TextBlock> all = BlockCollector.blocks(doc.body(), e -> false);
            String raw = norm(doc.text());
            String roots = norm(inRoots.toString()), vis = norm(visible.toString());
            for (String s0 : page.with()) {
                String s = norm(s0);
                if (out.contains(s)) continue;
                String where = where(s, roots, vis, raw, all, container == null);
                missed.merge(where, 1, Integer::sum);
                if (list) System.out.println("missed [" + where + "] " + page.file() + ": " + s);
            }
            for (String s0 : page.without()) {
                String s = norm(s0);
                if (!out.contains(s)) continue;
                String where = where(s, roots, vis, raw, all, container == null);
                kept.merge(where, 1, Integer::sum);
                if (list) System.out.println("kept   [" + where + "] " + page.file() + ": " + s);
            }
        }
        System.out.println("text segments missed, by where they are: " + missed);
        System.out.println("boilerplate segments kept, by where they are: " + kept);
    }

    private static String where(String s, String roots, String vis, String raw, List<TextBlock> all, boolean noContainer) {
        if (noContainer && vis.contains(s)) return "visible, no container";
        if (roots.contains(s)) return "in body roots, filtered";
        if (vis.contains(s)) return "visible, outside roots";
        for (TextBlock b : all) {
            if (norm(b.text()).contains(s)) return "ignored " + ignoredAncestor(b.owner());
        }
        if (raw.contains(s)) return "ignored, across blocks";
        return "not in parsed page";
    }

    private static String ignoredAncestor(Element e) {
        for (Element x = e; x != null; x = x.parent()) {
            if (Boilerplate.isIgnored(x)) {
                String role = x.attr("role");
                return x.normalName() + (role.isEmpty() ? "" : "[role=" + role + "]");
            }
        }
        return "(none: soft hyphen or spacing)";
    }

    private static String norm(String s) {
        return SPACE.matcher(s).replaceAll(" ").trim();
    }
}
