package news.parallax.analysis;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who a figure is credited to, as the figures panel prints it beside the figure: "(Pew, via The Hill)". The claims
 * stage keeps whatever phrase stood where a source stands, and read out of context some are not a source at all: a
 * sentence's opening word ("However Ipsos"), a date ("June"), a discourse phrase ("for example"), a clause ("where a
 * national poll out"), the counted people themselves ("Sizable majorities"). The claims JSON keeps the phrase as found;
 * the panel shows a source or nothing. Stateless.
 */
final class FigureSource {
    /** Words that open a sentence before its subject ("However, Ipsos found ..."). */
    private static final Pattern OPENER = Pattern.compile("^(?:However|But|And|Also|Meanwhile|Still|Yet|So|Now|Instead|Separately),? (?=\\p{Lu})");
    private static final Pattern POSSESSIVE = Pattern.compile("['’]s$");
    private static final Set<String> DATES = Set.of("january", "february", "march", "april", "may", "june", "july", "august",
            "september", "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
            "sunday", "today", "yesterday");
    /** First words of a clause or of a quantity of people, never of a source's name. */
    private static final Set<String> NOT_OPENING_A_SOURCE = Set.of("where", "when", "which", "that", "as", "if", "while", "because",
            "with", "for", "nearly", "almost", "all", "most", "many", "some", "sizable", "large", "about", "only", "just", "more",
            "fewer", "those", "these", "this", "it", "they", "he", "she", "what", "who", "how", "why");
    /** A party-and-state tag ("D-N.Y."), a video player's or a gallery's label: page text, not a source. */
    private static final Pattern NOT_A_NAME = Pattern.compile("^[DRI]-[A-Z]|\\b(?:Replay|Videos?|Photos?|Gallery|Watch|Click)\\b");
    /** Nouns that make a lower-case phrase a source ("exit polls", "a recent study", "state officials"). */
    private static final Set<String> SOURCE_NOUNS = Set.of("poll", "polls", "polling", "survey", "surveys", "study", "studies",
            "report", "reports", "analysis", "data", "count", "tally", "estimate", "estimates", "figures", "officials", "official",
            "police", "authorities", "statistics", "records", "researchers", "experts", "analysts", "projections", "forecast",
            "census", "model", "models", "review", "audit", "investigation", "prosecutors", "documents", "filings", "president",
            "governor", "mayor", "spokesman", "spokeswoman", "spokesperson", "secretary", "department", "agency", "campaign",
            "government", "administration", "committee", "office", "ministry", "military", "army", "organizers");
    /** Lower-case sources that stand alone ("officials said"); a lone "count" or "figure" says nothing of whose. */
    private static final Set<String> LONE_SOURCES = Set.of("president", "government", "administration", "police", "officials",
            "authorities", "prosecutors", "researchers", "organizers", "military");

    private FigureSource() {}

    /** The source to print for a claim's {@code attributedTo}; empty when the phrase names none. */
    static Optional<String> shown(String attributedTo) {
        String s = OPENER.matcher(attributedTo.strip()).replaceFirst("");
        s = POSSESSIVE.matcher(s).replaceFirst("").strip();
        if (s.isEmpty()) return Optional.empty();
        String[] words = s.split("\\s+");
        String first = words[0].toLowerCase(Locale.ROOT);
        if (DATES.contains(first) && words.length == 1 || NOT_OPENING_A_SOURCE.contains(first) || NOT_A_NAME.matcher(s).find()) {
            return Optional.empty();
        }
        if (Character.isLowerCase(s.charAt(0))) {
            boolean sourceNoun = false;
            for (String w : words) sourceNoun |= SOURCE_NOUNS.contains(w.toLowerCase(Locale.ROOT));
            if (words.length < 2 ? !LONE_SOURCES.contains(first) : !sourceNoun) return Optional.empty(); // "count", "new states"
        }
        return Optional.of(s);
    }
}
