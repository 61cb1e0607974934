package news.parallax.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Cleans author strings from bylines and metadata into separate names. Stateless. */
final class Authors {
    private Authors() {}

    /** Longer strings are sentences or bios, not names. */
    static final int MAX_NAME_CHARS = 60;
    /** More words than this is a phrase, not a name. */
    static final int MAX_NAME_WORDS = 6;

    /** "By", "Von", "Par", ... in the languages of the evaluation set, and role labels before a colon. */
    private static final Pattern PREFIX = Pattern.compile(
            "^(?i)(by|from|von|vom|par|por|door|af|av|written by|text|texto|autor|autorin|auteur|author|reporting by|von:|by:)\\s*[:\\-]?\\s+");
    private static final Pattern SEPARATORS = Pattern.compile(
            "\\s*(?:,|;|\\||\\s/\\s|\\s+and\\s+|\\s+und\\s+|\\s+&\\s+|\\s+et\\s+|\\s+y\\s+|\\s+e\\s+|\\s+en\\s+|\\s+og\\s+|\\s+och\\s+|\\s+i\\s+|\\s+a\\s+)\\s*");
    /** Role words written after the name in Korean and Japanese bylines ("홍길동 기자", "山田太郎記者"). */
    private static final Pattern ROLE_SUFFIX = Pattern.compile("\\s*(기자|特派員|記者)$");
    /** "red." abbreviates Redaktion, the desk, in German bylines ("red, Agenturen"): no person's name. */
    private static final Pattern DESK = Pattern.compile("(?i)red\\.?");
    /** Parenthesised initials or roles: "Jane Roe (jro)", "Jane Roe (Text)". */
    private static final Pattern PARENTHESES = Pattern.compile("\\([^)]*\\)?");
    /** Punctuation and spaces around a name (a full stop may end an initial). */
    private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[\\p{Punct}\\s]+|[\\p{Punct}&&[^.]]+$");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern NOT_A_NAME = Pattern.compile(
            "(?i).*(https?:|www\\.|@|\\d|updated|published|aktualisiert|min read|minutes?\\b).*");

    /** Splits one author string ("By Jane Roe and John Doe") into names, dropping what cannot be a name. */
    static List<String> split(String raw) {
        String s = Text.normalize(raw);
        List<String> out = new ArrayList<>();
        if (s.isEmpty() || s.length() > 4 * MAX_NAME_CHARS || s.contains("://") || s.startsWith("www.")) return out;
        s = PREFIX.matcher(s).replaceFirst("");
        // Parenthesised initials or roles: "Jane Roe (jro)", "Jane Roe (Text)".
        s = PARENTHESES.matcher(s).replaceAll(" ");
        for (String part : SEPARATORS.split(s)) {
            String name = PREFIX.matcher(part.trim()).replaceFirst("").trim();
            name = EDGE_PUNCTUATION.matcher(name).replaceAll("").trim();
            name = ROLE_SUFFIX.matcher(name).replaceFirst("").trim();
            if (isName(name)) out.add(name);
        }
        return dedupe(out);
    }

    /** Whether the text starts with a byline word ("By", "Von", "Par", ...). */
    static boolean isIntroduced(String text) {
        return PREFIX.matcher(text).lookingAt();
    }

    static boolean isName(String name) {
        if (name.isEmpty() || name.length() > MAX_NAME_CHARS) return false;
        if (SPACES.split(name).length > MAX_NAME_WORDS) return false;
        if (!Character.isLetter(name.codePointAt(0))) return false;
        if (PREFIX.matcher(name + " x").lookingAt()) return false; // a leftover "von", "by"
        if (DESK.matcher(name).matches()) return false;
        if (name.indexOf(':') >= 0) return false; // a label ("Quelle: dpa", "Redaktion: ..."), not a name
        return !NOT_A_NAME.matcher(name).matches();
    }

    static List<String> dedupe(List<String> names) {
        Map<String, String> byKey = new LinkedHashMap<>();
        for (String n : names) byKey.putIfAbsent(Text.key(n), n);
        return new ArrayList<>(byKey.values());
    }
}
