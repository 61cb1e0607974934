package news.parallax.clean;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import news.parallax.nlp.Tokens;

/**
 * Cleans scraped text dumps (one block per line or per blank-line paragraph) into a title and body.
 *
 * <p>The rules are shapes, not phrases, each motivated by the seed dumps:
 * <ol>
 *   <li>Repetition within the document: a block seen before (after normalisation) is dropped, so pages
 *       scraped twice and titles repeated three times keep one copy.</li>
 *   <li>Breadcrumbs: short segments joined by {@code /}, {@code ›} or {@code >} separators.</li>
 *   <li>Link lists: runs of blocks led by a bare clock time or date ("13:30") are "read next" teasers.</li>
 *   <li>Edges: before the first body paragraph and after the last one, blocks that are not sentences
 *       (navigation labels, counters, section names) are chrome; a lone sentence wedged between chrome
 *       blocks is chrome too ("No summary available ...").</li>
 *   <li>Calls to action: short blocks in the tail that address the reader ("you", "please", "!").</li>
 *   <li>Metadata prefixes glued to the first paragraph: user name, date, clock time and section path
 *       before the first real sentence ("wbragin 19-Oct, 10:44 0 World / Videosbbc.com, In a ..."); the date and time
 *       are kept as the dump's dateline, a domain in it as the source credit.</li>
 *   <li>Credit lines: "Source: Reuters" as a block of its own, "– Reuters" at the end of the title (removed from
 *       the title: the outlet is not part of the headline) or "Powered by ..." in the chrome name the outlet the text
 *       comes from (seed 004 is a Reuters report).</li>
 * </ol>
 * Thread-safe and stateless.
 */
public final class TextDumpCleaner {
    /** A body paragraph is a sentence block of at least this many words. */
    static final int MIN_BODY_WORDS = 12;
    /** Calls to action are short; longer blocks addressing the reader are usually quotes. */
    static final int MAX_CALL_TO_ACTION_WORDS = 25;
    /** Titles are at least this many words; shorter leading lines are section labels. */
    static final int MIN_TITLE_WORDS = 4;
    static final int MAX_TITLE_WORDS = 30;
    /** Blocks whose share of letters is below this are punctuation residue ("Tags: , , , ,"). */
    static final double MIN_LETTER_SHARE = 0.5;

    private static final Pattern CLOCK_OR_DATE = Pattern.compile(
            "(?i)^(\\d{1,2}:\\d{2}(\\s?[ap]\\.?m\\.?)?|\\d{1,2}[./-]\\d{1,2}([./-]\\d{2,4})?|\\d{1,2}\\s+\\p{L}{3,9}\\.?(\\s+\\d{4})?)$");
    private static final Pattern BREADCRUMB_SEPARATOR = Pattern.compile("\\s(/|›|»|>|\\|)\\s");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?…][\"'”’)\\]]*$");
    private static final Pattern SECOND_PERSON = Pattern.compile("(?i)\\b(you|your|yours|please)\\b");
    /** A leading run with a clock time or a section path, ending at ", " before a capitalised word. */
    private static final Pattern METADATA_PREFIX = Pattern.compile(
            "^(?<prefix>(?:[^.!?]|\\.(?=\\S)){0,120}?\\d{1,2}:\\d{2}(?:[^.!?]|\\.(?=\\S)){0,80}?),\\s+(?=\\p{Lu})");
    /** Besides a clock time, a metadata prefix holds a date or a section path; one alone is ordinary prose. */
    private static final Pattern METADATA_SECOND_SIGNAL = Pattern.compile("\\s/\\s|\\d{1,2}-\\p{L}{3}|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}/\\d{1,2}");
    /** A credit block: "Source: Reuters", "Source: The Associated Press". */
    private static final Pattern SOURCE_LINE = Pattern.compile("^(?:Source|Via|Credit)\\s*:\\s*(\\p{Lu}[\\p{L}.&'’ -]{1,40}?)\\.?$");
    /** A credit after the title: "... war against Ukraine – Reuters", "... | AP". One to three capitalised words. */
    private static final Pattern TITLE_CREDIT = Pattern.compile("\\s+[–—|-]\\s+(\\p{Lu}[\\p{L}.&]*(?: \\p{Lu}[\\p{L}.&]*){0,2})$");
    /** The aggregator's own credit at the foot of its page: "Powered by Ground News™". */
    private static final Pattern POWERED_BY = Pattern.compile("^Powered by (\\p{Lu}[\\p{L}.& ]{1,30}?)\\W*$");
    /** "19-Oct, 10:44", "19 Oct 2024 10:44", "2024-10-19 10:44": a day, a month and optionally a year and a time. */
    private static final Pattern DATELINE = Pattern.compile(
            "(?<day>\\d{1,2})[- ](?<month>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\.?(?:[- ,]+(?<year>\\d{4}))?,?\\s+(?<hour>\\d{1,2}):(?<minute>\\d{2})");
    /**
     * A domain in the metadata prefix; the seed's "Videos" section label glued before it ("Videosbbc.com") is not part of it.
     */
    private static final Pattern DOMAIN = Pattern.compile(
            "(?:Videos?)?((?i:[a-z0-9-]+\\.(?:com|org|net|co\\.uk|news|int|io|tv)))\\b");

    public CleanedText clean(String dump) {
        List<String> blocks = splitBlocks(dump);
        blocks = dropRepeats(blocks);
        blocks.removeIf(b -> isBreadcrumb(b) || letterShare(b) < MIN_LETTER_SHARE);
        blocks = dropTimestampedLists(blocks);

        int firstBody = indexOfBody(blocks, 0, 1);
        if (firstBody < 0) {
            // No sentence-shaped paragraph: keep sentence blocks, the first line as title.
            String title = blocks.isEmpty() ? "" : blocks.get(0);
            List<String> rest = blocks.stream().skip(1).filter(TextDumpCleaner::isSentence).toList();
            return new CleanedText(isSentence(title) ? "" : title, isSentence(title) ? blocks : rest, null);
        }
        String title = pickTitle(blocks.subList(0, firstBody));
        List<String> body = new ArrayList<>(blocks.subList(firstBody, blocks.size()));
        body.removeIf(b -> sameText(b, title));
        trimTail(body);

        String attribution = null;
        String dateline = null;
        java.time.Instant published = null;
        if (!body.isEmpty()) {
            Matcher m = METADATA_PREFIX.matcher(body.get(0));
            if (m.find() && METADATA_SECOND_SIGNAL.matcher(m.group("prefix")).find()) {
                String prefix = m.group("prefix");
                Matcher d = DOMAIN.matcher(prefix);
                if (d.find()) attribution = d.group(1).toLowerCase(Locale.ROOT);
                Matcher when = DATELINE.matcher(prefix);
                if (when.find()) {
                    dateline = when.group();
                    published = instant(when);
                }
                body.set(0, body.get(0).substring(m.end()));
            }
        }
        // Credit lines name the outlet the text comes from; they are not body text.
        for (int i = 0; i < body.size(); i++) {
            Matcher c = SOURCE_LINE.matcher(body.get(i));
            if (c.matches()) {
                if (attribution == null) attribution = c.group(1).strip();
                body.remove(i--);
            }
        }
        String headline = title;
        Matcher tc = TITLE_CREDIT.matcher(title);
        if (tc.find() && WIRE_CREDITS.contains(tc.group(1).toLowerCase(Locale.ROOT))) {
            if (attribution == null) attribution = tc.group(1);
            headline = title.substring(0, tc.start()).strip();
        }
        if (attribution == null) {
            for (String b : blocks) {
                Matcher p = POWERED_BY.matcher(b);
                if (p.matches()) attribution = p.group(1).strip();
            }
        }
        return new CleanedText(headline, body, attribution, dateline, published);
    }

    /** Credits accepted after a title: wire services and the largest outlets, so a headline's own dash survives. */
    private static final Set<String> WIRE_CREDITS = Set.of("reuters", "ap", "associated press", "afp", "bloomberg", "bbc",
            "bbc news", "cnn", "upi", "xinhua", "yonhap", "tass", "dpa", "al jazeera", "the guardian", "npr");

    /** The dateline as an instant when it names its year: a dump without one gives no year to assume. */
    private static java.time.@org.jspecify.annotations.Nullable Instant instant(Matcher m) {
        if (m.group("year") == null) return null;
        int month = java.util.List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
                .indexOf(m.group("month").toLowerCase(Locale.ROOT)) + 1;
        try {
            return java.time.LocalDateTime.of(Integer.parseInt(m.group("year")), month, Integer.parseInt(m.group("day")),
                    Integer.parseInt(m.group("hour")), Integer.parseInt(m.group("minute"))).toInstant(java.time.ZoneOffset.UTC);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    static List<String> splitBlocks(String dump) {
        List<String> out = new ArrayList<>();
        for (String line : dump.replace("\r\n", "\n").replace('\r', '\n').split("\n")) {
            String b = line.replace('\u00A0', ' ').replaceAll("\\s+", " ").strip();
            // Bullets are list markup, not content.
            b = b.replaceFirst("^[•·▪●◦\\-*]\\s+", "");
            if (!b.isEmpty()) out.add(b);
        }
        return out;
    }

    private static List<String> dropRepeats(List<String> blocks) {
        Set<String> seen = new HashSet<>();
        List<String> out = new ArrayList<>();
        for (String b : blocks) {
            if (seen.add(key(b))) out.add(b);
        }
        return out;
    }

    static String key(String block) {
        return String.join(" ", Tokens.normalized(block));
    }

    private static boolean sameText(String a, String b) {
        return !b.isEmpty() && key(a).equals(key(b));
    }

    static boolean isBreadcrumb(String block) {
        Matcher m = BREADCRUMB_SEPARATOR.matcher(block);
        int separators = 0;
        while (m.find()) separators++;
        if (separators < 2) return false;
        String first = BREADCRUMB_SEPARATOR.split(block, 2)[0];
        return Tokens.words(first).size() <= 3;
    }

    private static double letterShare(String block) {
        int letters = 0;
        int visible = 0;
        for (int i = 0; i < block.length(); i++) {
            char c = block.charAt(i);
            if (Character.isWhitespace(c)) continue;
            visible++;
            if (Character.isLetterOrDigit(c)) letters++;
        }
        return visible == 0 ? 0 : (double) letters / visible;
    }

    /** Removes runs of at least two teaser items each led by a bare time or date, and the run's heading. */
    private static List<String> dropTimestampedLists(List<String> blocks) {
        List<Integer> markers = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) if (CLOCK_OR_DATE.matcher(blocks.get(i)).matches()) markers.add(i);
        if (markers.size() < 2) return blocks;
        int start = markers.get(0);
        // The heading of the list ("Read next") is a short non-sentence right before the first marker.
        if (start > 0 && !isSentence(blocks.get(start - 1)) && wordCount(blocks.get(start - 1)) <= 5) start--;
        int last = markers.get(markers.size() - 1);
        int end = last + 1;
        // The last item runs until its first body-length text block and any short label before it.
        while (end < blocks.size() && !isBody(blocks.get(end))) end++;
        if (end < blocks.size()) end++;
        List<String> out = new ArrayList<>(blocks.subList(0, start));
        out.addAll(blocks.subList(end, blocks.size()));
        return out;
    }

    private static int indexOfBody(List<String> blocks, int from, int step) {
        for (int i = from; i >= 0 && i < blocks.size(); i += step) if (isBody(blocks.get(i))) return i;
        return -1;
    }

    private static String pickTitle(List<String> lead) {
        String best = "";
        for (String b : lead) {
            int words = wordCount(b);
            if (words < MIN_TITLE_WORDS || words > MAX_TITLE_WORDS || SECOND_PERSON.matcher(b).find()) continue;
            if (words > wordCount(best)) best = b;
        }
        return best;
    }

    /** Drops chrome after the last body paragraph. */
    private static void trimTail(List<String> body) {
        boolean changed = true;
        while (changed && !body.isEmpty()) {
            changed = false;
            int last = body.size() - 1;
            String b = body.get(last);
            boolean chromeBefore = last == 0 || !isSentence(body.get(last - 1)) || isCallToAction(body.get(last - 1));
            if (!isSentence(b) || isCallToAction(b) || (!isBody(b) && chromeBefore && wordCount(b) < MIN_BODY_WORDS)) {
                body.remove(last);
                changed = true;
            }
        }
        // Inner short labels survive only as section headings: followed by a body paragraph.
        for (int i = body.size() - 2; i >= 0; i--) {
            String b = body.get(i);
            if (!isSentence(b) && !isHeadingOf(b, body.get(i + 1))) body.remove(i);
        }
    }

    private static boolean isHeadingOf(String label, String next) {
        return wordCount(label) <= 8 && (isBody(next) || isSentence(next));
    }

    static boolean isCallToAction(String block) {
        return wordCount(block) <= MAX_CALL_TO_ACTION_WORDS
                && (SECOND_PERSON.matcher(block).find() || block.contains("!") || block.endsWith("?"));
    }

    static boolean isSentence(String block) {
        return SENTENCE_END.matcher(block).find() || block.endsWith(":") && wordCount(block) > 3;
    }

    static boolean isBody(String block) {
        return isSentence(block) && wordCount(block) >= MIN_BODY_WORDS && !isCallToAction(block);
    }

    private static int wordCount(String block) {
        return Tokens.words(block).size();
    }
}
