package news.parallax.fetch.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One feedparser {@code Expect:} line, parsed from the small Python subset the conformance cases use:
 * {@code and}/{@code or}/{@code not}, chained {@code ==}, string literals (with {@code u} prefixes and
 * Python escapes), integer tuples, {@code +} of strings, and paths such as {@code entries[0]['link']},
 * {@code feed.title}, {@code encoding} and {@code bozo}.
 *
 * <p>{@code bozo} (feedparser's "was it well-formed" flag) is not scored: Parallax recovers
 * ill-formed feeds on purpose, so {@code bozo} and {@code not bozo} are both "don't care". A line that
 * uses anything else (function calls, other operators, other fields) is {@link #parse not evaluable}.
 */
public final class Expectation {
    /** What an expectation is about; the first field it names decides. */
    public enum Category { LINK, TITLE, ID, DATE, SUMMARY, ENCODING }

    /** Field values of one parsed feed, as the evaluator asks for them. */
    public interface Fields {
        /** The value of {@code feed[key]} or {@code entries[index][key]} (index -1 for the feed); empty when absent. */
        Optional<Object> value(int index, String key);

        /** The detected encoding's name. */
        @Nullable String encoding();
    }

    private final Node root;
    private final Category category;
    private final String source;

    private Expectation(Node root, Category category, String source) {
        this.root = root;
        this.category = category;
        this.source = source;
    }

    public Category category() {
        return category;
    }

    public String source() {
        return source;
    }

    /** Parses a line; empty when it uses anything outside the supported subset or names no scored field. */
    public static Optional<Expectation> parse(String expression) {
        try {
            Parser p = new Parser(expression);
            Node n = p.or();
            p.skipSpace();
            if (p.pos != expression.length()) return Optional.empty();
            Category c = firstCategory(n);
            return c == null ? Optional.empty() : Optional.of(new Expectation(n, c, expression));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whether the parsed feed meets this expectation. */
    public boolean test(Fields fields) {
        Object v = root.eval(fields);
        return v == DONT_CARE || truthy(v);
    }

    private static final Object DONT_CARE = new Object();
    private static final Object MISSING = new Object();

    private static @Nullable Category firstCategory(Node n) {
        return switch (n) {
            case Path p -> p.category;
            case Op o -> {
                for (Node c : o.args) {
                    Category k = firstCategory(c);
                    if (k != null) yield k;
                }
                yield null;
            }
            default -> null;
        };
    }

    /** The category of a field name, or null when it is not scored. */
    static @Nullable Category categoryOf(String key) {
        return switch (key) {
            case "link" -> Category.LINK;
            case "title" -> Category.TITLE;
            case "id", "guid" -> Category.ID;
            case "published_parsed", "updated_parsed", "created_parsed", "modified_parsed", "issued_parsed" -> Category.DATE;
            case "summary", "description" -> Category.SUMMARY;
            default -> null;
        };
    }

    private sealed interface Node permits Literal, Path, Op, Bozo {
        Object eval(Fields f);
    }

    private record Literal(Object value) implements Node {
        public Object eval(Fields f) {
            return value;
        }
    }

    private record Bozo() implements Node {
        public Object eval(Fields f) {
            return DONT_CARE;
        }
    }

    /** {@code entries[i][key]}, {@code feed[key]} (index -1) or {@code encoding} (key null). */
    private record Path(int index, @Nullable String key, @Nullable Category category) implements Node {
        public Object eval(Fields f) {
            if (key == null) return f.encoding() == null ? MISSING : new EncodingValue(f.encoding());
            Object v = f.value(index, key).orElse(MISSING);
            // Titles and summaries are compared as text: Parallax keeps no markup in them.
            return (category == Category.TITLE || category == Category.SUMMARY) && v instanceof String s ? new TextValue(s) : v;
        }
    }

    /** The detected encoding: equal to a name of the same charset, whatever the alias. */
    private record EncodingValue(String name) {
        boolean sameAs(String other) {
            try {
                return java.nio.charset.Charset.forName(name).equals(java.nio.charset.Charset.forName(other.strip()));
            } catch (IllegalArgumentException e) {
                return name.equalsIgnoreCase(other.strip());
            }
        }
    }

    /** A title or summary as Parallax produced it (plain text). */
    private record TextValue(String text) {
    }

    private record Op(String op, List<Node> args) implements Node {
        public Object eval(Fields f) {
            switch (op) {
                case "not" -> {
                    Object v = args.get(0).eval(f);
                    return v == DONT_CARE ? DONT_CARE : !truthy(v);
                }
                case "and" -> {
                    for (Node n : args) {
                        Object v = n.eval(f);
                        if (v != DONT_CARE && !truthy(v)) return false;
                    }
                    return true;
                }
                case "or" -> {
                    boolean any = false;
                    for (Node n : args) {
                        Object v = n.eval(f);
                        if (v == DONT_CARE || truthy(v)) any = true;
                    }
                    return any;
                }
                case "+" -> {
                    StringBuilder sb = new StringBuilder();
                    for (Node n : args) {
                        Object v = n.eval(f);
                        if (!(v instanceof String s)) return MISSING;
                        sb.append(s);
                    }
                    return sb.toString();
                }
                case "==" -> {
                    Object first = args.get(0).eval(f);
                    for (int i = 1; i < args.size(); i++) {
                        if (!same(first, args.get(i).eval(f))) return false;
                    }
                    return true;
                }
                default -> throw new IllegalStateException(op);
            }
        }
    }

    private static boolean truthy(Object v) {
        if (v == MISSING) return false;
        if (v instanceof Boolean b) return b;
        if (v instanceof String s) return !s.isEmpty();
        if (v instanceof TextValue tv) return !tv.text().isEmpty();
        if (v instanceof Long l) return l != 0;
        return true;
    }

    private static boolean same(Object a, Object b) {
        if (a == MISSING || b == MISSING) return false;
        if (a instanceof TextValue x) {
            if (b instanceof TextValue y) return x.text().equals(y.text());
            // A literal match also counts: Atom type="text" titles keep their brackets.
            return b instanceof String expected && (AsText.of(expected).equals(AsText.collapse(x.text()))
                    || AsText.collapse(expected).equals(AsText.collapse(x.text())));
        }
        if (b instanceof TextValue) return same(b, a);
        if (a instanceof EncodingValue x) return b instanceof String y && x.sameAs(y);
        if (b instanceof EncodingValue) return same(b, a);
        if (a instanceof String x && b instanceof String y) return x.strip().equals(y.strip());
        if (a instanceof List<?> x && b instanceof List<?> y) {
            // struct_time: (year, month, day, hour, minute, second, weekday, yearday, dst); the first six decide.
            int n = Math.min(6, Math.min(x.size(), y.size()));
            return n == 6 && x.subList(0, n).equals(y.subList(0, n));
        }
        return a.equals(b);
    }

    /** Recursive descent over the subset; throws IllegalArgumentException outside it. */
    private static final class Parser {
        final String s;
        int pos;

        Parser(String s) {
            this.s = s;
        }

        void skipSpace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) pos++;
        }

        boolean word(String w) {
            skipSpace();
            if (s.startsWith(w, pos) && (pos + w.length() == s.length() || !Character.isLetterOrDigit(s.charAt(pos + w.length())))) {
                pos += w.length();
                return true;
            }
            return false;
        }

        boolean symbol(String w) {
            skipSpace();
            if (s.startsWith(w, pos)) {
                pos += w.length();
                return true;
            }
            return false;
        }

        Node or() {
            List<Node> args = new ArrayList<>(List.of(and()));
            while (word("or")) args.add(and());
            return args.size() == 1 ? args.get(0) : new Op("or", args);
        }

        Node and() {
            List<Node> args = new ArrayList<>(List.of(not()));
            while (word("and")) args.add(not());
            return args.size() == 1 ? args.get(0) : new Op("and", args);
        }

        Node not() {
            if (word("not")) return new Op("not", List.of(not()));
            return comparison();
        }

        Node comparison() {
            List<Node> args = new ArrayList<>(List.of(sum()));
            while (symbol("==")) args.add(sum());
            return args.size() == 1 ? args.get(0) : new Op("==", args);
        }

        Node sum() {
            List<Node> args = new ArrayList<>(List.of(primary()));
            while (symbol("+")) args.add(primary());
            return args.size() == 1 ? args.get(0) : new Op("+", args);
        }

        Node primary() {
            skipSpace();
            if (pos >= s.length()) throw new IllegalArgumentException("end");
            char c = s.charAt(pos);
            if (c == 'u' && pos + 1 < s.length() && (s.charAt(pos + 1) == '\'' || s.charAt(pos + 1) == '"')) {
                pos++;
                return new Literal(string());
            }
            if (c == '\'' || c == '"') return new Literal(string());
            if (c == '(') {
                pos++;
                List<Long> items = new ArrayList<>();
                while (!symbol(")")) {
                    skipSpace();
                    items.add(integer());
                    symbol(",");
                }
                return new Literal(List.copyOf(items));
            }
            if (Character.isDigit(c)) return new Literal(integer());
            if (word("bozo")) return new Bozo();
            if (word("encoding")) return new Path(-1, null, Category.ENCODING);
            int index;
            if (word("entries")) {
                if (!symbol("[")) throw new IllegalArgumentException("entries without index");
                skipSpace();
                index = (int) (long) integer();
                if (!symbol("]")) throw new IllegalArgumentException("index");
            } else if (word("feed")) {
                index = -1;
            } else {
                throw new IllegalArgumentException("unsupported at " + pos);
            }
            String key;
            if (symbol("[")) {
                skipSpace();
                key = string();
                if (!symbol("]")) throw new IllegalArgumentException("key");
            } else if (symbol(".")) {
                int start = pos;
                while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) pos++;
                key = s.substring(start, pos);
            } else {
                throw new IllegalArgumentException("bare " + (index < 0 ? "feed" : "entries"));
            }
            skipSpace();
            // Deeper paths (title_detail['value'], links[0]['href']) and calls are outside the subset.
            if (pos < s.length() && (s.charAt(pos) == '[' || s.charAt(pos) == '.' || s.charAt(pos) == '('))
                throw new IllegalArgumentException("deep path");
            Category category = categoryOf(key);
            if (category == null) throw new IllegalArgumentException("unscored field " + key);
            // Of the channel, Parallax reads the title and link only; its ids, dates and descriptions are not scored.
            if (index < 0 && category != Category.TITLE && category != Category.LINK)
                throw new IllegalArgumentException("channel field not read: " + key);
            return new Path(index, key, category);
        }

        long integer() {
            int start = pos;
            if (pos < s.length() && s.charAt(pos) == '-') pos++;
            while (pos < s.length() && Character.isDigit(s.charAt(pos))) pos++;
            if (start == pos) throw new IllegalArgumentException("number expected at " + pos);
            return Long.parseLong(s.substring(start, pos));
        }

        String string() {
            char quote = s.charAt(pos++);
            StringBuilder b = new StringBuilder();
            while (true) {
                if (pos >= s.length()) throw new IllegalArgumentException("unterminated string");
                char c = s.charAt(pos++);
                if (c == quote) return b.toString();
                if (c != '\\') {
                    b.append(c);
                    continue;
                }
                char e = s.charAt(pos++);
                switch (e) {
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    case 'r' -> b.append('\r');
                    case 'x' -> b.append((char) hex(2));
                    case 'u' -> b.append((char) hex(4));
                    case 'U' -> b.appendCodePoint(hex(8));
                    default -> b.append(e);
                }
            }
        }

        int hex(int digits) {
            int v = Integer.parseInt(s.substring(pos, pos + digits), 16);
            pos += digits;
            return v;
        }
    }
}
