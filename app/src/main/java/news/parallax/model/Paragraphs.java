package news.parallax.model;

import java.util.ArrayList;
import java.util.List;

/** Splits and joins the blank-line separated paragraph form of {@link Article#text()}. */
public final class Paragraphs {
    private Paragraphs() {}

    /** Compiled once: {@code String.split} compiles a pattern of more than one character on every call. */
    private static final java.util.regex.Pattern BLANK_LINE = java.util.regex.Pattern.compile("\\n\\s*\\n");

    public static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        for (String block : BLANK_LINE.split(text)) {
            String p = block.strip();
            if (!p.isEmpty()) out.add(p);
        }
        return out;
    }

    public static String join(List<String> paragraphs) {
        return String.join("\n\n", paragraphs);
    }
}
