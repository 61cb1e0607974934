package news.parallax.extract;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import news.parallax.extract.eval.FundusPage;
import news.parallax.extract.eval.SegmentPage;
import news.parallax.extract.eval.Split;

/**
 * Evidence tool (test scope): every block of the body the extractor outputs before its in-root boilerplate step,
 * on the TUNE parts of both development sets, with {@link InRootBoilerplate.Signals} and a label, as tab-separated
 * lines for fitting that step's thresholds. Segment set: how many text and boilerplate segments the block holds
 * (whitespace-normalised containment, as the scorer tests the whole text). Fundus: whether the block's letters and
 * digits occur in the labelled body (short blocks: as a whole labelled line). The held-out parts are never read.
 *
 * <pre>java -cp CP news.parallax.extract.InRootDump SEGMENT_DIR FUNDUS_DIR OUT.tsv</pre>
 */
public final class InRootDump {
    private static final Pattern SPACE = Pattern.compile("(?U)\\s+");

    public static void main(String[] args) throws Exception {
        DefaultHtmlExtractor x = new DefaultHtmlExtractor();
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[2]), StandardCharsets.UTF_8))) {
            out.println("set\tpage\tj\tm\twith\twithout\tfundus\tkind\tweight\tld\tsentence\tinRoot\tmainRun\tbranchShare\tleading"
                    + "\ttrailing\tmainShare\tfurnitureWords\tarticleWords\tclassPath\ttext");
            for (SegmentPage page : SegmentPage.load(Path.of(args[0]))) {
                if (!Split.Part.TUNE.includes(page.file())) continue;
                List<String> with = norm(page.with()), without = norm(page.without());
                run(x, page.html(), page.url(), (body, sig) -> {
                    for (int j = 0; j < body.size(); j++) {
                        String t = norm(body.get(j).text());
                        int w = 0, wo = 0;
                        for (String s : with) if (t.contains(s)) w++;
                        for (String s : without) if (t.contains(s)) wo++;
                        out.println(line("seg", page.file(), j, body, sig, w, wo, -1));
                    }
                });
            }
            for (FundusPage page : FundusPage.load(Path.of(args[1]))) {
                if (!Split.Part.TUNE.includes(page.publisherLabel())) continue;
                String bodyKey = Text.key(page.expectedBody());
                Set<String> lines = new HashSet<>();
                for (String l : page.expectedBody().split("\n")) lines.add(Text.key(l));
                run(x, page.html(), page.url().isEmpty() ? page.file().toString() : page.url(), (body, sig) -> {
                    for (int j = 0; j < body.size(); j++) {
                        String k = Text.key(body.get(j).text());
                        boolean pos = k.length() >= BlockModelTrainer.MIN_SUBSTRING_KEY ? bodyKey.contains(k) : lines.contains(k);
                        out.println(line("fundus", page.file().toString(), j, body, sig, 0, 0, pos ? 1 : 0));
                    }
                });
            }
        }
    }

    private static String line(String set, String page, int j, List<TextBlock> body, InRootBoilerplate.Signals[] sig, int with, int without,
            int fundus) {
        TextBlock b = body.get(j);
        InRootBoilerplate.Signals s = sig[j];
        String t = b.text().replace('\t', ' ').replace('\n', ' ');
        if (t.length() > 160) t = t.substring(0, 160);
        return String.join("\t", set, page, "" + j, "" + body.size(), "" + with, "" + without, "" + fundus, b.kind().name(), "" + b.weight(),
                String.format(Locale.ROOT, "%.3f", b.linkDensity()), DefaultHtmlExtractor.endsLikeSentence(b.text()) ? "1" : "0",
                s.inRoot() ? "1" : "0", s.mainRun() ? "1" : "0", String.format(Locale.ROOT, "%.4f", s.branchShare()), s.leading() ? "1" : "0",
                s.trailing() ? "1" : "0", String.format(Locale.ROOT, "%.4f", s.mainShare()), "" + s.furnitureWords(),
                s.articleWords() ? "1" : "0",
                s.classPath().replace('\t', ' '), t);
    }

    private interface Output {
        void accept(List<TextBlock> body, InRootBoilerplate.Signals[] signals);
    }

    private static void run(DefaultHtmlExtractor x, byte[] html, String location, Output output) {
        try {
            x.extract(html, location, null, new DefaultHtmlExtractor.BlockProbe() {
                @Override
                public void candidates(List<TextBlock> blocks, BlockFeatures features, List<Integer> candidates) {}

                @Override
                public void output(List<TextBlock> body, InRootBoilerplate.Signals[] signals) {
                    output.accept(body, signals);
                }
            });
        } catch (ExtractionException e) {
            // no body
        }
    }

    private static List<String> norm(List<String> segments) {
        List<String> out = new ArrayList<>();
        for (String s : segments) out.add(norm(s));
        return out;
    }

    private static String norm(String s) {
        return SPACE.matcher(s).replaceAll(" ").trim();
    }
}
