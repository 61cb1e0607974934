package news.parallax.dedup;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import news.parallax.model.Article;

/**
 * Finds the wire service or outlet an article credits as its source: a dateline "(AP)",
 * "WASHINGTON (Reuters) -", a closing "– Reuters", "citing Reuters", or a bare "bbc.com" line.
 *
 * <p>Only the lead and the last paragraph are read: credits sit there, and a wire name in the
 * middle of a text is usually a quoted report, not the article's own source. Thread-safe.
 */
public final class WireCredit {
    /** Characters of the lead searched for a dateline credit. */
    private static final int LEAD_CHARS = 200;

    private static final List<String> WIRES = List.of("Associated Press", "AP", "Reuters", "AFP", "Agence France-Presse",
            "Bloomberg", "CNN", "UPI", "BBC", "Xinhua", "dpa", "PA");

    private static final Pattern DATELINE =
            Pattern.compile("^(?:[A-Z][A-Za-z.\\- ,]{0,60})?\\((AP|Reuters|AFP|CNN|UPI|Bloomberg|dpa|Xinhua)\\)\\s*[-–—:]?");
    private static final Pattern CLOSING =
            Pattern.compile("(?:^|\\n)\\s*[-–—]\\s*(Associated Press|Reuters|AFP|Agence France-Presse|Bloomberg|CNN|BBC|UPI)\\s*$");
    private static final Pattern CITING =
            Pattern.compile("\\b(?:citing|according to|told|reported by)\\s+(?:the\\s+)?(Associated Press|Reuters|AFP|Bloomberg|Xinhua)\\b");
    private static final Pattern DOMAIN_LINE =
            Pattern.compile("(?m)^\\s*(bbc\\.com|reuters\\.com|apnews\\.com|cnn\\.com|afp\\.com|bloomberg\\.com)\\s*$");

    private WireCredit() {}

    /** The credited wire, canonical spelling ("AP" for "Associated Press"), or empty when none is credited. */
    public static Optional<String> find(Article article) {
        String text = article.text();
        String lead = text.substring(0, Math.min(LEAD_CHARS, text.length()));
        Matcher m = DATELINE.matcher(lead);
        if (m.find()) return Optional.of(canonical(m.group(1)));
        int lastPara = text.lastIndexOf("\n\n");
        String tail = lastPara < 0 ? text : text.substring(lastPara);
        m = CLOSING.matcher(tail);
        if (m.find()) return Optional.of(canonical(m.group(1)));
        m = DOMAIN_LINE.matcher(tail);
        if (m.find()) return Optional.of(canonical(m.group(1)));
        m = CITING.matcher(lead);
        if (m.find()) return Optional.of(canonical(m.group(1)));
        return Optional.empty();
    }

    /** Whether the outlet name is the wire itself ("Reuters", "Associated Press", "AP News"). */
    public static boolean isWireOutlet(String outlet, String wire) {
        String o = outlet.toLowerCase(Locale.ROOT);
        return switch (wire) {
            case "AP" -> o.startsWith("associated press") || o.startsWith("ap ") || o.equals("ap");
            default -> o.startsWith(wire.toLowerCase(Locale.ROOT));
        };
    }

    static String canonical(String credit) {
        String c = credit.toLowerCase(Locale.ROOT);
        if (c.endsWith(".com")) c = c.substring(0, c.length() - 4);
        return switch (c) {
            case "associated press", "ap", "apnews" -> "AP";
            case "agence france-presse", "afp" -> "AFP";
            case "reuters" -> "Reuters";
            case "bloomberg" -> "Bloomberg";
            case "cnn" -> "CNN";
            case "bbc" -> "BBC";
            case "upi" -> "UPI";
            case "xinhua" -> "Xinhua";
            default -> WIRES.stream().filter(w -> w.equalsIgnoreCase(credit)).findFirst().orElse(credit);
        };
    }
}
