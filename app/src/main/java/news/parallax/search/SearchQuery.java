package news.parallax.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A parsed search: every group must match (AND), a group matches when any of its terms does (OR), and no
 * excluded term may match. A term is a word or a "quoted phrase", held as its tokens (letters and digits only),
 * so that rendering it into FTS5 or {@code to_tsquery} syntax can never carry the user's operators or quotes.
 *
 * <p>Syntax, the same on both databases: {@code words}, {@code "quoted phrases"}, {@code a OR b} (upper case),
 * {@code -word} and {@code -"a phrase"} to exclude. Parentheses and other punctuation separate words.
 *
 * @param groups     conjunction of disjunctions of terms; never empty
 * @param exclusions terms none of which may match
 */
public record SearchQuery(List<List<Term>> groups, List<Term> exclusions) {
    /** Longest query text accepted, in characters: titles run to ~200; longer input is pasted text, not a query. */
    public static final int MAX_LENGTH = 500;
    /** Most terms in one query: each is one more index lookup. */
    public static final int MAX_TERMS = 40;

    /**
     * Function words dropped as single words (kept inside phrases, where they fix the wording): PostgreSQL's
     * {@code english} configuration drops them anyway, so both databases answer alike, and on FTS5 their
     * posting lists (nearly every article) are what makes a query made of a headline slow.
     */
    static final java.util.Set<String> STOP_WORDS = java.util.Set.of(("i me my myself we our ours ourselves you your yours"
            + " yourself yourselves he him his himself she her hers herself it its itself they them their theirs themselves what which"
            + " who whom this that these those am is are was were be been being have has had having do does did doing a an the and"
            + " but if or because as until while of at by for with about against between into through during before after above"
            + " below to from up down in out on off over under again further then once here there when where why how all any both"
            + " each few more most other some such no nor not only own same so than too very s t can will just don should now").split(" "));

    /** A word (one token) or a phrase (tokens in order, adjacent). */
    public record Term(List<String> tokens) {
        public Term {
            tokens = List.copyOf(tokens);
        }

        boolean phrase() {
            return tokens.size() > 1;
        }
    }

    public SearchQuery {
        groups = groups.stream().map(List::copyOf).toList();
        exclusions = List.copyOf(exclusions);
    }

    /** Parses {@code text}; throws {@link SearchSyntaxException} naming the problem for anything that is not a query. */
    public static SearchQuery parse(String text) {
        if (text == null || text.isBlank()) throw new SearchSyntaxException("empty search: give at least one word");
        if (text.length() > MAX_LENGTH) {
            throw new SearchSyntaxException("search too long: " + text.length() + " characters, at most " + MAX_LENGTH);
        }
        long quotes = text.chars().filter(ch -> ch == '"').count();
        if (quotes % 2 != 0) throw new SearchSyntaxException("unbalanced quote in search: " + shorten(text));

        // Lexing: quoted phrases, OR, and words, each possibly negated by a leading '-'.
        record Item(@Nullable Term term, boolean negated) {} // no term: the word OR
        List<Item> items = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            boolean negated = false;
            if (c == '-') {
                negated = true;
                i++;
                if (i >= n || Character.isWhitespace(text.charAt(i))) {
                    throw new SearchSyntaxException("'-' must be followed by the word or \"phrase\" to exclude: " + shorten(text));
                }
                c = text.charAt(i);
            }
            if (c == '"') {
                int close = text.indexOf('"', i + 1);
                List<String> tokens = tokens(text.substring(i + 1, close));
                i = close + 1;
                if (tokens.isEmpty()) {
                    if (negated) throw new SearchSyntaxException("nothing to exclude in empty quotes: " + shorten(text));
                    continue;
                }
                items.add(new Item(new Term(tokens), negated));
                continue;
            }
            int end = i;
            while (end < n && !Character.isWhitespace(text.charAt(end)) && text.charAt(end) != '"') end++;
            String word = text.substring(i, end);
            i = end;
            if (!negated && word.equals("OR")) {
                items.add(new Item(null, false));
                continue;
            }
            List<String> tokens = tokens(word);
            if (tokens.isEmpty()) {
                if (negated) throw new SearchSyntaxException("nothing to exclude after '-': " + shorten(text));
                continue;
            }
            // "don't" or "covid-19" is one word to the reader: its tokens must stay adjacent.
            items.add(new Item(new Term(tokens), negated));
        }

        List<List<Term>> groups = new ArrayList<>();
        List<Term> exclusions = new ArrayList<>();
        boolean pendingOr = false;
        Item previous = null;
        for (Item item : items) {
            Term term = item.term();
            if (term == null) {
                if (previous == null || previous.term() == null || previous.negated() || groups.isEmpty()) {
                    throw new SearchSyntaxException("OR needs a word or \"phrase\" on each side: " + shorten(text));
                }
                pendingOr = true;
            } else if (item.negated()) {
                if (pendingOr) throw new SearchSyntaxException("OR cannot join an excluded term: " + shorten(text));
                exclusions.add(term);
            } else if (pendingOr) {
                groups.get(groups.size() - 1).add(term);
                pendingOr = false;
            } else {
                groups.add(new ArrayList<>(List.of(term)));
            }
            previous = item;
        }
        if (pendingOr) throw new SearchSyntaxException("OR needs a word or \"phrase\" on each side: " + shorten(text));
        if (groups.isEmpty()) {
            throw new SearchSyntaxException(exclusions.isEmpty()
                    ? "no words to search for in: " + shorten(text)
                    : "a search cannot only exclude: add a word to look for besides " + shorten(text));
        }
        // Function words go, unless nothing else is searched for ("the who"); an OR group keeps its other terms.
        List<List<Term>> content = new ArrayList<>();
        for (List<Term> g : groups) {
            List<Term> kept = g.stream().filter(t -> !stopWord(t)).toList();
            if (kept.size() == g.size()) content.add(g);
            else if (!kept.isEmpty()) content.add(new ArrayList<>(kept));
        }
        if (!content.isEmpty()) groups = content;
        exclusions.removeIf(SearchQuery::stopWord);
        int terms = exclusions.size() + groups.stream().mapToInt(List::size).sum();
        if (terms > MAX_TERMS) throw new SearchSyntaxException("search has " + terms + " terms, at most " + MAX_TERMS);
        return new SearchQuery(groups, exclusions);
    }

    private static boolean stopWord(Term t) {
        return !t.phrase() && STOP_WORDS.contains(t.tokens().get(0));
    }

    /** Lower-cased runs of letters and digits: what both indexes tokenize text into. */
    static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        s.codePoints().forEach(cp -> {
            if (Character.isLetterOrDigit(cp)) {
                cur.appendCodePoint(Character.toLowerCase(cp));
            } else if (!cur.isEmpty()) {
                out.add(cur.toString());
                cur.setLength(0);
            }
        });
        if (!cur.isEmpty()) out.add(cur.toString());
        return out;
    }

    /** FTS5 MATCH syntax: every token double-quoted (tokens hold no quotes), phrases as one quoted string. */
    public String toFts5() {
        String positive = groups.stream()
                .map(g -> g.size() == 1 ? fts5(g.get(0)) : g.stream().map(SearchQuery::fts5).collect(Collectors.joining(" OR ", "(", ")")))
                .collect(Collectors.joining(" AND "));
        if (exclusions.isEmpty()) return positive;
        return "(" + positive + ") NOT (" + exclusions.stream().map(SearchQuery::fts5).collect(Collectors.joining(" OR ")) + ")";
    }

    private static String fts5(Term t) {
        return "\"" + String.join(" ", t.tokens()) + "\"";
    }

    /**
     * PostgreSQL {@code to_tsquery} syntax: tokens are letters and digits only, so they cannot be read as
     * operators; a phrase joins its tokens with {@code <->}. Stop words are dropped by {@code to_tsquery} itself.
     */
    public String toTsquery() {
        String positive = groups.stream()
                .map(g -> g.size() == 1 ? tsquery(g.get(0)) : g.stream().map(SearchQuery::tsquery).collect(Collectors.joining(" | ", "(", ")")))
                .collect(Collectors.joining(" & "));
        if (exclusions.isEmpty()) return positive;
        return "(" + positive + ") & !(" + exclusions.stream().map(SearchQuery::tsquery).collect(Collectors.joining(" | ")) + ")";
    }

    private static String tsquery(Term t) {
        return t.phrase() ? "(" + String.join(" <-> ", t.tokens()) + ")" : t.tokens().get(0);
    }

    /** The query as a reader would type it again (normalised). */
    public String text() {
        String positive = groups.stream()
                .map(g -> g.stream().map(SearchQuery::shown).collect(Collectors.joining(" OR ")))
                .collect(Collectors.joining(" "));
        String negative = exclusions.stream().map(t -> "-" + shown(t)).collect(Collectors.joining(" "));
        return negative.isEmpty() ? positive : positive + " " + negative;
    }

    private static String shown(Term t) {
        return t.phrase() ? "\"" + String.join(" ", t.tokens()) + "\"" : t.tokens().get(0);
    }

    private static String shorten(String text) {
        String s = text.strip();
        return "'" + (s.length() > 80 ? s.substring(0, 80) + "…" : s) + "'";
    }

    @Override
    public String toString() {
        return text().toLowerCase(Locale.ROOT);
    }
}
