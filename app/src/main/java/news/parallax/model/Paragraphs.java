package news.parallax.model;

import java.util.ArrayList;
import java.util.List;

/** Splits and joins the blank-line separated paragraph form of {@link Article#text()}. */
public final class Paragraphs {
    private Paragraphs() {}

    public static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        for (String block : text.split("\\n\\s*\\n")) {
            String p = block.strip();
            if (!p.isEmpty()) out.add(p);
        }
        return out;
    }

    public static String join(List<String> paragraphs) {
        return String.join("\n\n", paragraphs);
    }
}
