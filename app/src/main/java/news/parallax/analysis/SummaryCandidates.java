package news.parallax.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import news.parallax.nlp.Tokens;

/**
 * Decides which sentences may appear in a summary: whole statements of the story, never page chrome.
 *
 * <p>The cleaner removes most boilerplate before analysis, but a summary is the most visible text of a story
 * page, so this filter stays strict on its own: the seeds show headline lists, "Read next" blocks, share prompts
 * and an aggregator's own interface text surviving in scraped bodies. Runs once per sentence of a story, so it
 * avoids regular expressions where a plain scan does.
 */
final class SummaryCandidates {
    /** Fewer words than this is a caption, a label or a fragment rather than a statement. */
    static final int MIN_WORDS = 8;
    /** More words than this is usually a run-on of several paragraphs glued together by extraction. */
    static final int MAX_WORDS = 55;
    static final int MIN_CONTENT_WORDS = 5;
    /** Title Case lines (headline lists, menus) have most words capitalised; prose has few. */
    static final double MAX_CAPITALISED_SHARE = 0.6;

    /** Interface and promotion phrases, lower case, matched on word boundaries. */
    private static final List<String> CHROME_PHRASES = List.of(
            "click here", "click on", "subscribe", "subscribe now", "sign up", "newsletter", "download the app",
            "download our app", "follow us", "read more", "read next", "all rights reserved", "cookie", "cookies",
            "advertisement", "terms of use", "terms of service", "privacy policy", "share this", "share on",
            "leave a comment", "comments below", "comment below", "comments section", "copyright", "getty images",
            "photo credit", "this image", "file photo", "ap photo", "in this photo", "no summary available", "report an issue", "media landscape", "total sources", "powered by");
    /**
     * The longest word of each of {@link #CHROME_PHRASES}: a sentence without any of them needs no phrase scan.
     * The longest, not the first, so that "in this photo" does not trigger a scan of every sentence with "in".
     */
    private static final java.util.Set<String> CHROME_TRIGGERS = CHROME_PHRASES.stream()
            .map(p -> java.util.Arrays.stream(p.split(" ")).max(java.util.Comparator.comparingInt(String::length)).orElseThrow())
            .collect(java.util.stream.Collectors.toUnmodifiableSet());
    /** A scraped label before the sentence proper: "Quote: ...", "Details: ...". */
    private static final Pattern LABEL_PREFIX = Pattern.compile("^[A-Z][a-z]{2,12}:\\s+");
    /**
     * A dateline before the sentence: "WASHINGTON (Reuters) - ", "LONDON — ", "HANOI, Vietnam — ",
     * "NEW YORK, Feb 3 (Reuters) - ".
     */
    private static final Pattern DATELINE = Pattern.compile(
            "^[A-Z][A-Z.'’]+(?:[ /][A-Z][A-Z.'’]+)*(?:,\\s*[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?)?(?:,?\\s*[A-Z][a-z]{2,8}\\.? \\d{1,2})?\\s*(\\([^)]{1,40}\\))?\\s*[-–—]+\\s+");
    /**
     * A dateline in ordinary case, known by the newsroom in brackets after the place: "Washington (CNN) ",
     * "New York (CNN Business) — ". Only newsrooms that write datelines so: "McConnell (Ky.) said" is no dateline.
     */
    private static final Pattern NEWSROOM_DATELINE = Pattern.compile(
            "^[A-Z][A-Za-z.'’]+(?:[ ,/]+[A-Z][A-Za-z.'’]+){0,3}\\s*\\((?:CNN|CNN Business|CNN Money|Reuters|AP|AFP|UPI|CNSNews\\.com|CBS News|NBC News|ABC News|Fox News)\\)\\s*[-–—]*\\s*(?=[A-Z\"“])");
    /** A video player's button label glued to the next sentence by extraction: "CLOSE Senate Majority Leader ...". */
    private static final Pattern PLAYER_LABEL = Pattern.compile("^(?:CLOSE|AUTOPLAY|REPLAY)\\s+(?=[A-Z])");
    /** A transcript's speaker label: "Q:", "A.", "TAPPER:", "JOHN DOE:". An interview's turns are not statements of the story. */
    private static final Pattern SPEAKER_LABEL = Pattern.compile("^(?:Q|A|[A-Z]{2,}(?: [A-Z]{2,}){0,2})\\s*[:.]\\s");
    /**
     * Words of someone addressing the reader or speaking for the writer ("Let's start with what you spoke about",
     * "according to our tracker"): an interviewer's question or a column's voice, never a neutral summary's. Only
     * outside quotation marks, where a speaker's own words may say anything.
     */
    private static final Set<String> PERSONAL_WORDS = Set.of("you", "your", "yours", "you're", "you’re", "you've", "you’ve",
            "you'll", "you’ll", "let's", "let’s", "i", "i'm", "i’m", "i've", "i’ve", "i'd", "i’d", "me", "my", "we", "we're",
            "we’re", "we've", "we’ve", "we'll", "we’ll", "we'd", "we’d", "i'll", "i’ll", "our", "ours", "us");
    /** Photo captions name people by their place in the picture: "(center)", "(left)", "(L)", "(pictured)". */
    private static final Pattern CAPTION_POSITION = Pattern.compile(
            "\\((?:center|centre|left|right|L|R|C|l|r|pictured|top|bottom|front|rear|in red|file|file photo)(?:\\s*(?:to|and)\\s*(?:right|left))?\\)");
    /** Photo credits: "(AP Photo/Evan Vucci)", "Photo: ...", "/Getty Images", "| Reuters". */
    private static final Pattern PHOTO_CREDIT = Pattern.compile("(?i)(photo\\s*/|photo:|/\\s*getty|getty images|/\\s*reuters\\b|\\|\\s*reuters|/\\s*afp\\b|image:|credit:)");
    /** A byline or credit line: "By Jane Doe", "Reporting by ...", "Editing by ...", "Additional reporting by". */
    private static final Pattern BYLINE = Pattern.compile("^(?:By\\s+[A-Z][a-z]+|(?:Additional\\s+)?[Rr]eporting by|Editing by|Writing by|Compiled by)\\b");
    /** A link or section label that heads a teaser: "RELATED:", "WATCH:", "READ MORE:", "Read more:". */
    private static final Pattern LINK_LABEL = Pattern.compile("^(?:RELATED|WATCH|LISTEN|READ|MORE|SEE|VIDEO|PHOTOS|UPDATE|Related|Watch|Listen|See also|More)\\b[^.]{0,20}:");
    /** Photo captions end on their date: "... at his confirmation hearing, September 4, 2018." */
    private static final Pattern CAPTION_DATE = Pattern.compile(
            ",\\s+(January|February|March|April|May|June|July|August|September|October|November|December)\\s+\\d{1,2},\\s+\\d{4}\\.$");
    /**
     * Wire photo captions date themselves with the weekday and may end on the place: "Brandt Jean delivers his impact
     * statement ..., Wednesday, Oct. 2, 2019, in Dallas." (AP, on the Guyger story of October 2019).
     */
    private static final Pattern CAPTION_WEEKDAY_DATE = Pattern.compile(
            ",\\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),\\s+(?:Jan|Feb|March|April|May|June|July|Aug|Sept?|Oct|Nov|Dec)[a-z]*\\.?\\s+\\d{1,2},\\s+\\d{4}(?:,\\s+in\\s+[A-Z][^.]*)?\\.$");
    /**
     * Photo captions tell what a named person is doing in the picture, in the present tense, right after the name:
     * "Democratic presidential candidate Senator Bernie Sanders appears at an election night rally in Des Moines,
     * Iowa." A report tells it in the past ("Sanders appeared at a rally on Monday"), so only the present forms of
     * what people do in photographs count ("appears to believe" and "is seen as" are judgements, not pictures), and a
     * sentence with a quotation is a report of words, never a caption.
     */
    private static final Pattern CAPTION_ACTION = Pattern.compile(
            "^(?:[\\p{L}.'’\\-]+ ){0,9}\\p{Lu}[\\p{L}'’\\-]+ (?:speaks|appears(?! to)|gestures|arrives|walks|looks on|waves|listens"
                    + "|delivers remarks|attends|poses|departs|greets|smiles|reacts|(?:is|are) seen(?! as| to)|takes the stage"
                    + "|leaves|exits|boards|shakes hands) (?:at|during|to|as|on|in|before|after|outside|with|from|while|near)\\b[^\"“”]{0,160}\\.$");
    /**
     * Words that end a fragment when the sentence splitter stops at their full stop: "Roe v.", "Judge Brett M.".
     * A real sentence does not end on them.
     */
    private static final java.util.Set<String> ABBREVIATIONS = java.util.Set.of("v", "vs", "mr", "mrs", "ms", "dr", "st",
            "gen", "sen", "rep", "gov", "lt", "col", "sgt", "jr", "sr", "no", "inc", "corp", "co", "jan", "feb", "mar", "apr",
            "aug", "sept", "sep", "oct", "nov", "dec");
    private static final String LEADING_MARKS = "•·▪►*–—- \t";
    private static final String CLOSERS = "\"'”’)";

    /** An accepted sentence with its words, so callers need not tokenise it again. */
    record Candidate(String text, List<String> contentWords) {}

    private SummaryCandidates() {}

    /** The sentence as it may be shown (leading bullets removed), or empty when it is not summary material. */
    static Optional<String> accept(String sentence) {
        return candidate(sentence).map(Candidate::text);
    }

    static Optional<Candidate> candidate(String sentence) {
        String s = sentence.strip();
        int start = 0;
        while (start < s.length() && LEADING_MARKS.indexOf(s.charAt(start)) >= 0) start++;
        s = s.substring(start);
        if (s.length() > 2 && s.indexOf(':') > 0 && s.indexOf(':') < 15) {
            if (s.regionMatches(true, 0, "source:", 0, 7)) return Optional.empty();
            s = LABEL_PREFIX.matcher(s).replaceFirst("");
        }
        if (BYLINE.matcher(s).find() || LINK_LABEL.matcher(s).find() || SPEAKER_LABEL.matcher(s).find()) return Optional.empty();
        s = PLAYER_LABEL.matcher(s).replaceFirst("");
        s = DATELINE.matcher(s).replaceFirst("");
        s = NEWSROOM_DATELINE.matcher(s).replaceFirst("");
        if (s.isEmpty() || !endsAsSentence(s) || isQuestion(s)) return Optional.empty();
        if (speaksPersonally(s)) return Optional.empty();
        if (CAPTION_POSITION.matcher(s).find() || PHOTO_CREDIT.matcher(s).find() || CAPTION_ACTION.matcher(s).find()) return Optional.empty();
        if (endsOnYear(s) && CAPTION_DATE.matcher(s).find() || !quotesBalanced(s)) return Optional.empty();
        if (s.indexOf(", in ") > 0 || endsOnYear(s)) {
            if (CAPTION_WEEKDAY_DATE.matcher(s).find()) return Optional.empty();
        }
        char first = s.charAt(0);
        if (!Character.isUpperCase(first) && !Character.isDigit(first) && "\"“'‘".indexOf(first) < 0) return Optional.empty();
        List<String> words = Tokens.words(s);
        if (words.size() < MIN_WORDS || words.size() > MAX_WORDS) return Optional.empty();
        String last = words.get(words.size() - 1);
        // "ex-Rep." and "then-Gov." end on the abbreviation after the hyphen.
        if (last.indexOf('-') >= 0) last = last.substring(last.lastIndexOf('-') + 1);
        if (s.endsWith(".") && (last.length() == 1 && Character.isLetter(last.charAt(0))
                || ABBREVIATIONS.contains(last.toLowerCase(Locale.ROOT)))) {
            return Optional.empty();
        }
        int capitalised = 0;
        boolean chromeWord = false;
        List<String> content = new ArrayList<>(words.size());
        for (String w : words) {
            if (Character.isUpperCase(w.codePointAt(0))) capitalised++;
            String n = Tokens.normalize(w);
            if (n.length() > 1 && !Tokens.STOP_WORDS.contains(n)) content.add(n);
            if (!chromeWord && CHROME_TRIGGERS.contains(n)) chromeWord = true;
        }
        if (content.size() < MIN_CONTENT_WORDS) return Optional.empty();
        if ((double) capitalised / words.size() > MAX_CAPITALISED_SHARE) return Optional.empty();
        if (s.contains("http") || s.contains("www.")) return Optional.empty();
        if (chromeWord) {
            String lower = s.toLowerCase(Locale.ROOT);
            for (String phrase : CHROME_PHRASES) if (containsPhrase(lower, phrase)) return Optional.empty();
        }
        return Optional.of(new Candidate(s, content));
    }

    /** Cheap guard for {@link #CAPTION_DATE}: the sentence ends on four digits and a full stop. */
    private static boolean endsOnYear(String s) {
        int n = s.length();
        if (n < 6 || s.charAt(n - 1) != '.') return false;
        for (int i = n - 5; i < n - 1; i++) if (!Character.isDigit(s.charAt(i))) return false;
        return true;
    }

    /** A sentence that opens or closes a quotation or a bracket it does not contain whole is a piece of a longer one. */
    private static boolean quotesBalanced(String s) {
        int open = 0, close = 0, straight = 0, brackets = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '“') open++;
            else if (c == '”') close++;
            else if (c == '"') straight++;
            else if (c == '(') brackets++;
            else if (c == ')') brackets--;
        }
        // A closing bracket without its opening one ends a parenthesis begun in an earlier sentence (April 2020).
        return open == close && straight % 2 == 0 && brackets == 0;
    }

    /** A question ("How much does Barr have to release?", an interviewer's "... do you think ...?") asks; it does not report. */
    static boolean isQuestion(String s) {
        int i = s.length() - 1;
        while (i >= 0 && CLOSERS.indexOf(s.charAt(i)) >= 0) i--;
        return i >= 0 && s.charAt(i) == '?';
    }

    /** Whether the sentence, outside its quotations, addresses the reader or speaks as the writer ({@link #PERSONAL_WORDS}). */
    static boolean speaksPersonally(String s) {
        StringBuilder outside = new StringBuilder(s.length());
        boolean curly = false;
        boolean straight = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '“') curly = true;
            else if (c == '”') curly = false;
            else if (c == '"') straight = !straight;
            else if (!curly && !straight) outside.append(c);
            else outside.append(' ');
        }
        String previous = "";
        for (String w : outside.toString().split("[^\\p{L}'’]+")) {
            if (w.isEmpty()) continue;
            // "US" is the country, "us" the pronoun; "World War I" and "Title I" are numerals.
            boolean numeral = w.equals("I") && Set.of("War", "Title", "Phase", "Part", "Class", "Type").contains(previous);
            if (!w.equals("US") && !numeral && PERSONAL_WORDS.contains(w.toLowerCase(Locale.ROOT))) return true;
            previous = w;
        }
        return false;
    }

    private static boolean endsAsSentence(String s) {
        int i = s.length() - 1;
        while (i >= 0 && CLOSERS.indexOf(s.charAt(i)) >= 0) i--;
        return i >= 0 && ".!?".indexOf(s.charAt(i)) >= 0;
    }

    private static boolean containsPhrase(String text, String phrase) {
        int from = 0;
        while (true) {
            int i = text.indexOf(phrase, from);
            if (i < 0) return false;
            int end = i + phrase.length();
            boolean startOk = i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1));
            boolean endOk = end >= text.length() || !Character.isLetterOrDigit(text.charAt(end)) || !Character.isLetter(phrase.charAt(phrase.length() - 1));
            if (startOk && endOk) return true;
            from = i + 1;
        }
    }
}
