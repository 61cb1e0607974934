package news.parallax.fetch.eval;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Random damage to conformance cases, for the "never crash, never hang" check: truncation, byte flips,
 * re-encoding in another charset (with or without a byte-order mark, the declaration left as it was),
 * and stray markup. Deterministic for a seed.
 */
public final class FeedMutations {
    private static final String[] JUNK = {"<", "&", "&#", "&#x110000;", "]]>", "<![CDATA[", "<!DOCTYPE x [<!ENTITY a \"b\">",
            "</channel>", "<item>", "<entry>", "\u0000", "\uFEFF", "xmlns:a=\"\"", "<?xml version=\"1.0\"?>", "&amp"};
    private static final String[] CHARSETS = {"UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE", "windows-1252", "UTF-8", "Shift_JIS"};
    /** Upper bound of bytes changed by one flip mutation. */
    private static final int MAX_FLIPS = 8;

    private FeedMutations() {}

    /** {@code count} mutants of cases picked at random (seeded). */
    public static List<ConformanceCase> mutate(List<ConformanceCase> cases, int count, long seed) {
        Random rnd = new Random(seed);
        List<ConformanceCase> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ConformanceCase c = cases.get(rnd.nextInt(cases.size()));
            byte[] b = c.body();
            int kind = i % 4;
            String how;
            byte[] m;
            switch (kind) {
                case 0 -> {
                    int at = b.length == 0 ? 0 : rnd.nextInt(b.length);
                    m = Arrays.copyOf(b, at);
                    how = "truncated at " + at;
                }
                case 1 -> {
                    m = b.clone();
                    int flips = 1 + rnd.nextInt(MAX_FLIPS);
                    for (int f = 0; f < flips && m.length > 0; f++) m[rnd.nextInt(m.length)] = (byte) rnd.nextInt(256);
                    how = flips + " bytes flipped";
                }
                case 2 -> {
                    String cs = CHARSETS[rnd.nextInt(CHARSETS.length)];
                    boolean bom = rnd.nextBoolean();
                    String text = new String(b, StandardCharsets.UTF_8);
                    byte[] enc = text.getBytes(Charset.forName(cs));
                    byte[] mark = bom ? "\uFEFF".getBytes(Charset.forName(cs.startsWith("UTF") ? cs : "UTF-8")) : new byte[0];
                    m = new byte[mark.length + enc.length];
                    System.arraycopy(mark, 0, m, 0, mark.length);
                    System.arraycopy(enc, 0, m, mark.length, enc.length);
                    how = "re-encoded as " + cs + (bom ? " with BOM" : "");
                }
                default -> {
                    String junk = JUNK[rnd.nextInt(JUNK.length)];
                    byte[] j = junk.getBytes(StandardCharsets.UTF_8);
                    int at = b.length == 0 ? 0 : rnd.nextInt(b.length);
                    m = new byte[b.length + j.length];
                    System.arraycopy(b, 0, m, 0, at);
                    System.arraycopy(j, 0, m, at, j.length);
                    System.arraycopy(b, at, m, at + j.length, b.length - at);
                    how = "\"" + junk.replace("\u0000", "\\0").replace("\uFEFF", "\\uFEFF") + "\" inserted at " + at;
                }
            }
            out.add(new ConformanceCase(c.file() + " (" + how + ")", c.folder(), m, c.url(), c.contentType(),
                    c.contentLocation(), ""));
        }
        return out;
    }
}
