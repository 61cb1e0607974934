package news.parallax.topics;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Where in an article's text a name stands in a credit position rather than in the story: the page around the story
 * that extraction kept (bylines, photo credits, newsletter and podcast plugs, a writer's note) and the outlet or show
 * that was told something ("told TheDCNF", "told CBS This Morning"). An outlet's furniture is named only there; a
 * subject that only one outlet reports is named in its sentences. Stateless.
 */
final class CreditLines {
    /** A line of at most this many words, without a sentence's end, is a label: a byline, a credit, a section name. */
    static final int MAX_LABEL_WORDS = 6;
    /** Words that make a line a plug or a credit wherever they stand in it: subscriptions, inboxes, photo agencies, copyright. */
    private static final Set<String> PLUG_WORDS = Set.of("subscribe", "subscribed", "subscription", "subscriptions", "unsubscribe", "inbox",
            "getty", "shutterstock", "copyright", "reprints", "paywall", "contributed", "replay", "watched");
    /**
     * Words that make a short line a plug or a credit (a photo credit, a podcast plug, a donation appeal): in a long
     * paragraph they are the story's words ("the photo showed...").
     */
    private static final Set<String> SHORT_PLUG_WORDS = Set.of("photo", "photos", "caption", "podcast", "podcasts", "newsletter",
            "newsletters", "donation", "donate", "donating", "watch");
    /** Longest line (in words) whose {@link #SHORT_PLUG_WORDS} or opening imperative make it a plug. */
    static final int MAX_SHORT_PLUG_WORDS = 25;
    /** Imperatives that open a plug line ("Follow us on Twitter", "Watch CNN Newsroom", "Sign up for..."). */
    private static final Set<String> PLUG_OPENERS = Set.of("follow", "subscribe", "listen", "watch", "download", "sign", "click", "read",
            "share");
    /** Pairs of words that make a line a credit ("Reporting by", "Editing by", "contributed to this report"). */
    private static final List<List<String>> CREDIT_PHRASES = List.of(List.of("reporting", "by"), List.of("editing", "by"),
            List.of("written", "by"), List.of("contributed", "to"), List.of("sign", "up"), List.of("views", "expressed"),
            List.of("opinions", "expressed"), List.of("follow", "us"), List.of("all", "rights"), List.of("enjoyed", "this"),
            List.of("reported", "from"), List.of("content", "created"), List.of("help", "us"), List.of("graphic", "by"), List.of("write", "to"));
    /** A writer's note: "X is a columnist for...", "X is a CNN contributor". */
    private static final Set<String> WRITER_ROLES = Set.of("columnist", "contributor", "writer", "author", "editor", "correspondent",
            "commentator", "contributing", "opinion");
    /** A writer's note names the role within this many words of the line's start. */
    private static final int WRITER_NOTE_WORDS = 12;
    /** Words before a name that make it the one told or interviewed: an outlet or its show, not the story's subject. */
    private static final Set<String> TOLD = Set.of("told", "tells", "telling");
    /** Pairs of words before a name that make it the programme someone spoke on ("said on CBS This Morning"). */
    private static final Set<String> SPOKE_ON = Set.of("interview with", "said on", "says on", "appearance on", "appearing on", "appeared on",
            "speaking on", "spoke on", "interview on");

    private CreditLines() {}

    /**
     * For each word of {@code text} (as {@link TopicKeys#words} splits it), whether its line is a credit line; the array
     * has {@code words} entries (the text's word count).
     */
    static boolean[] creditWords(String text, int words) {
        boolean[] out = new boolean[words];
        int at = 0;
        for (String line : text.split("\n")) {
            List<String> w = TopicKeys.words(line);
            if (w.isEmpty()) continue;
            if (labelOrLinks(line, w)) {
                mark(out, at, w.size());
                at += w.size();
                continue;
            }
            // A transcript's speaker label ("JUAN GONZÁLEZ: We turn now..."): the programme's host or guest as a label.
            int colon = line.indexOf(':');
            if (colon > 0) {
                List<String> label = TopicKeys.words(line.substring(0, colon));
                if (!label.isEmpty() && label.size() <= SPEAKER_LABEL_WORDS && label.stream().allMatch(x -> x.equals(x.toUpperCase(Locale.ROOT)))) {
                    mark(out, at, label.size());
                }
            }
            // Sentence by sentence: a podcast plug often follows the show's blurb in one paragraph, and a sentence about
            // the event in that paragraph is no credit.
            for (String sentence : SENTENCE_END.split(line.strip())) {
                List<String> sw = TopicKeys.words(sentence);
                // A sentence with an e-mail address is a writer's contact line ("Write to X at x@wsj.com").
                if (!sw.isEmpty() && (creditSentence(sw) || sentence.contains("@"))) mark(out, at, sw.size());
                at += sw.size();
            }
        }
        return out;
    }

    private static void mark(boolean[] out, int from, int count) {
        for (int i = from; i < from + count && i < out.length; i++) out[i] = true;
    }

    /** Media roles before a name: the outlet's own people ("NPR's national political correspondent Mara Liasson", "host X"). */
    private static final Set<String> MEDIA_ROLES = Set.of("correspondent", "reporter", "host", "anchor", "columnist", "contributor",
            "producer", "photographer", "editor", "writer", "writers", "reporters", "cohost", "moderator");

    /** Whether the mention starting at word {@code at} of {@code words} stands in a credit position. */
    static boolean credit(List<String> words, boolean[] creditWords, int at) {
        if (at < creditWords.length && creditWords[at]) return true;
        if (at >= 1 && (TOLD.contains(words.get(at - 1)) || MEDIA_ROLES.contains(words.get(at - 1).toLowerCase(Locale.ROOT)))) return true;
        return at >= 2 && SPOKE_ON.contains(words.get(at - 2) + " " + words.get(at - 1));
    }

    /** A transcript's speaker label: at most this many capitalised words before a colon at a line's start. */
    static final int SPEAKER_LABEL_WORDS = 4;

    /** Related headlines run together in a line ("A | B | C"): at least this many separators make a line a list of links. */
    static final int MIN_LINK_SEPARATORS = 2;
    private static final java.util.regex.Pattern SENTENCE_END = java.util.regex.Pattern.compile("(?<=[.!?])\\s+(?=\\p{Lu})");

    /** Whether a line (with its words) is a label, a list of related links, or holds a plug, a credit or a writer's note. */
    static boolean creditLine(String line, List<String> words) {
        if (labelOrLinks(line, words)) return true;
        for (String sentence : SENTENCE_END.split(line.strip())) {
            List<String> w = TopicKeys.words(sentence);
            if (!w.isEmpty() && creditSentence(w)) return true;
        }
        return false;
    }

    /** A label (a few words without a sentence's end: a byline, a credit, a section) or a list of related links. */
    private static boolean labelOrLinks(String line, List<String> words) {
        String trimmed = line.strip();
        if (words.size() <= MAX_LABEL_WORDS && !trimmed.isEmpty() && ".!?\"\u201d".indexOf(trimmed.charAt(trimmed.length() - 1)) < 0) {
            return true;
        }
        return trimmed.split(" \\| ", -1).length > MIN_LINK_SEPARATORS;
    }

    private static boolean creditSentence(List<String> words) {
        List<String> lower = words.stream().map(x -> x.toLowerCase(Locale.ROOT)).toList();
        boolean shortLine = lower.size() <= MAX_SHORT_PLUG_WORDS;
        if (shortLine && PLUG_OPENERS.contains(lower.get(0))) return true;
        for (String x : lower) if (PLUG_WORDS.contains(x) || shortLine && SHORT_PLUG_WORDS.contains(x)) return true;
        for (List<String> p : CREDIT_PHRASES) {
            for (int i = 0; i + 1 < lower.size(); i++) if (lower.get(i).equals(p.get(0)) && lower.get(i + 1).equals(p.get(1))) return true;
        }
        int note = Math.min(lower.size(), WRITER_NOTE_WORDS);
        for (int i = 1; i < note; i++) {
            if (!lower.get(i).equals("is")) continue;
            for (int j = i + 1; j < note; j++) if (WRITER_ROLES.contains(lower.get(j))) return true;
        }
        return false;
    }
}
