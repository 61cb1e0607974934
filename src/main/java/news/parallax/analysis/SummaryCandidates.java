package news.parallax.analysis;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import news.parallax.nlp.Tokens;

/**
 * Decides which sentences may appear in a summary: whole statements of the story, never page chrome.
 *
 * <p>The cleaner removes most boilerplate before analysis, but a summary is the most visible text of a story
 * page, so this filter stays strict on its own: the seeds show headline lists, "Read next" blocks, share prompts
 * and an aggregator's own interface text surviving in scraped bodies.
 */
final class SummaryCandidates {
    /** Fewer words than this is a caption, a label or a fragment rather than a statement. */
    static final int MIN_WORDS = 8;
    /** More words than this is usually a run-on of several paragraphs glued together by extraction. */
    static final int MAX_WORDS = 55;
    static final int MIN_CONTENT_WORDS = 5;
    /** Title Case lines (headline lists, menus) have most words capitalised; prose has few. */
    static final double MAX_CAPITALISED_SHARE = 0.6;

    private static final Pattern LEADING_MARK = Pattern.compile("^[\\s•·▪►*–—-]+");
    /** A scraped label before the sentence proper: "Quote: ...", "Details: ...". */
    private static final Pattern LABEL_PREFIX = Pattern.compile("^[A-Z][a-z]{2,12}:\\s+");
    private static final Pattern TERMINAL = Pattern.compile("[.!?][\"'”’)]*$");
    private static final Pattern CHROME = Pattern.compile(
            "\\b(click (here|on)|subscribe|sign up|newsletter|download (the|our) app|follow us|read (more|next)|"
                    + "all rights reserved|cookies?\\b|advertisement|terms of (use|service)|privacy policy|share (this|on)|"
                    + "leave a comment|comments? (below|section)|copyright|getty images|photo credit|"
                    + "no summary available|report an issue|media landscape|total sources|powered by)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern WEB_ADDRESS = Pattern.compile("https?://|www\\.|@\\w", Pattern.CASE_INSENSITIVE);

    private SummaryCandidates() {}

    /** The sentence as it may be shown (leading bullets removed), or empty when it is not summary material. */
    static Optional<String> accept(String sentence) {
        String s = LEADING_MARK.matcher(sentence.strip()).replaceFirst("").strip();
        s = LABEL_PREFIX.matcher(s).replaceFirst("");
        if (s.isEmpty() || !TERMINAL.matcher(s).find()) return Optional.empty();
        if (!Character.isUpperCase(s.codePointAt(0)) && !Character.isDigit(s.codePointAt(0)) && "\"“'‘".indexOf(s.charAt(0)) < 0) {
            return Optional.empty();
        }
        List<String> words = Tokens.words(s);
        if (words.size() < MIN_WORDS || words.size() > MAX_WORDS) return Optional.empty();
        if (Tokens.contentWords(s).size() < MIN_CONTENT_WORDS) return Optional.empty();
        long capitalised = words.stream().filter(w -> Character.isUpperCase(w.codePointAt(0))).count();
        if ((double) capitalised / words.size() > MAX_CAPITALISED_SHARE) return Optional.empty();
        if (CHROME.matcher(s).find() || WEB_ADDRESS.matcher(s).find()) return Optional.empty();
        if (s.toLowerCase(Locale.ROOT).startsWith("source:")) return Optional.empty();
        return Optional.of(s);
    }
}
