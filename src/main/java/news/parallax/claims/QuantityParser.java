package news.parallax.claims;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Finds counted quantities in a tagged sentence: the figure, its qualifier and the counted noun.
 *
 * <p>Rules, in the order applied (docs/claims.md gives the reasons):
 * <ol>
 *   <li>a figure is digits ("1,500", "11.81", "10,000-12,000"), number words ("eight", "two dozen"),
 *       either followed by scale words ("1.5 million"), or a vague plural ("thousands", "tens of
 *       thousands"); "$", "£", "€" make it money;</li>
 *   <li>it is dropped when it is a year, a date, a time, an identifier ("Bill 757", "No. 212"), a
 *       hyphenated adjective ("17-page"), a percentage, a duration, a unit of measure, a rating, an
 *       age, a multiplier ("200 times faster"), a lone "one" or a referential small count ("the two");</li>
 *   <li>the counted noun is the head of the noun phrase after the figure (after "of" for vague and
 *       partitive figures); a figure with no noun inherits the previous noun of the sentence only after
 *       "rise to", "reach", "as high as", "total of" or before "more"; otherwise it is no claim.</li>
 * </ol>
 * Thread-safe: stateless.
 */
final class QuantityParser {

    private static final Pattern DIGITS = Pattern.compile("\\d{1,3}(,\\d{3})+(\\.\\d+)?|\\d+(\\.\\d+)?");
    private static final Pattern DIGIT_RANGE = Pattern.compile("(\\d[\\d,.]*)[-–](\\d[\\d,.]*)");
    private static final Map<String, Integer> WORDS = Map.ofEntries(
            Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5),
            Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9),
            Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("thirteen", 13),
            Map.entry("fourteen", 14), Map.entry("fifteen", 15), Map.entry("sixteen", 16),
            Map.entry("seventeen", 17), Map.entry("eighteen", 18), Map.entry("nineteen", 19),
            Map.entry("twenty", 20), Map.entry("thirty", 30), Map.entry("forty", 40), Map.entry("fifty", 50),
            Map.entry("sixty", 60), Map.entry("seventy", 70), Map.entry("eighty", 80), Map.entry("ninety", 90),
            Map.entry("one", 1), Map.entry("a", 1), Map.entry("an", 1), Map.entry("half", 0));
    private static final Map<String, Long> SCALES = Map.of(
            "hundred", 100L, "thousand", 1_000L, "million", 1_000_000L, "billion", 1_000_000_000L,
            "trillion", 1_000_000_000_000L, "dozen", 12L, "bn", 1_000_000_000L, "mn", 1_000_000L, "m", 1_000_000L);
    private static final Map<String, Long> VAGUE = Map.of(
            "dozens", 12L, "scores", 20L, "hundreds", 100L, "thousands", 1_000L, "millions", 1_000_000L,
            "billions", 1_000_000_000L, "trillions", 1_000_000_000_000L);
    /** Qualifiers before a figure, longest first, with the bound they give. */
    private static final String[][] BOUNDS = {
            {"as many as", "up to"}, {"as high as", "up to"}, {"up to", "up to"}, {"at least", "at least"},
            {"more than", "more than"}, {"upwards of", "more than"}, {"in excess of", "more than"},
            {"over", "more than"}, {"fewer than", "fewer than"}, {"less than", "fewer than"},
            {"close to", "nearly"}, {"nearly", "nearly"}, {"almost", "nearly"}, {"an estimated", "about"},
            {"estimated", "about"}, {"about", "about"}, {"around", "about"}, {"approximately", "about"},
            {"roughly", "about"}, {"some", "about"}};
    private static final Set<String> MONTHS = Set.of("january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december", "jan.", "feb.", "mar.", "apr.", "jun.",
            "jul.", "aug.", "sept.", "sep.", "oct.", "nov.", "dec.", "jan", "feb", "aug", "sept", "oct", "nov", "dec");
    /** Counted nouns that make a figure a duration, a share, a measure or a rating rather than a count. */
    static final Set<String> NOT_COUNTS = Set.of(
            "percent", "%", "percentage", "per", "point", "cent",
            "second", "minute", "hour", "day", "week", "month", "year", "decade", "century", "night", "morning",
            "year-old", "old", "a.m.", "p.m.", "am", "pm", "o'clock", "th", "st", "nd", "rd",
            "mile", "kilometer", "kilometre", "km", "meter", "metre", "foot", "feet", "inch", "yard", "acre",
            "hectare", "pound", "ton", "tonne", "kilogram", "kg", "gram", "gallon", "liter", "litre", "degree",
            "magnitude", "mph", "star", "grade", "to", "of", "mm", "cm", "gigabit", "megabit", "watt", "megawatt",
            "third", "quarter", "fifth", "half", "halve", "tenth");
    private static final Set<String> REFERENTIAL = Set.of("the", "these", "those", "its", "his", "her", "their",
            "our", "both", "my", "your", "all");
    private static final Set<String> PERCENT = Set.of("percent", "%", "per", "pct", "pct.", "percentage");
    /** Plurals without a final "s": a figure above one counts a plural, so these are preferred heads. */
    private static final Set<String> IRREGULAR_PLURALS = Set.of("people", "men", "women", "children", "police",
            "personnel", "staff", "cattle", "data", "feet", "teeth", "mice", "geese", "infantrymen", "servicemen");
    private static final Set<String> INHERIT_BEFORE = Set.of("to", "reach", "reaching", "reached", "as", "of");
    private static final Set<String> INHERIT_CUES = Set.of("rise", "rises", "rising", "reach", "reaching",
            "total", "high", "grow", "climb", "increase", "figure", "number");

    List<Quantity> parse(TaggedSentence s) {
        List<Quantity> candidates = new ArrayList<>();
        int i = 0;
        while (i < s.size()) {
            Quantity q = parseAt(s, i);
            if (q != null) {
                candidates.add(q);
                i = Math.max(q.end(), q.numberAt() + 1);
            } else {
                i++;
            }
        }
        // A figure without its own noun takes the noun of the figure it is coordinated with ("tens of
        // millions and even billions of dollars"), or continues the previous one ("could rise to 12,000").
        List<Quantity> out = new ArrayList<>();
        for (int k = 0; k < candidates.size(); k++) {
            Quantity q = candidates.get(k);
            if (q.thing().isEmpty()) {
                Quantity next = k + 1 < candidates.size() ? candidates.get(k + 1) : null;
                Quantity source = null;
                if (next != null && !next.thing().isEmpty() && coordinated(s, q.end(), next.start())) source = next;
                if (source == null) source = inheritable(s, q.start(), q.end(), out);
                if (source == null) continue;
                q = new Quantity(q.value(), q.low(), q.high(), q.bound(), q.vague(), source.thing(), source.thingLemma(),
                        q.start(), q.end(), q.numberAt());
            }
            out.add(q);
        }
        return out;
    }

    private static boolean coordinated(TaggedSentence s, int from, int to) {
        if (to <= from || to - from > 3) return false;
        boolean conj = false;
        for (int k = from; k < to; k++) {
            String w = s.lower(k);
            if (w.equals("and") || w.equals("or") || w.equals("to")) conj = true;
            else if (!w.equals("even") && !w.equals("possibly") && !w.equals("perhaps") && !w.equals(",")) return false;
        }
        return conj;
    }

    private @Nullable Quantity parseAt(TaggedSentence s, int i) {
        String tok = s.lower(i);
        String money = null;
        int numberAt = i;
        if (Quantity.currencyThing(tok) != null && i + 1 < s.size()) {
            money = Quantity.currencyThing(tok);
            numberAt = i + 1;
            tok = s.lower(numberAt);
        } else if (tok.length() > 1 && Quantity.currencyThing(tok.substring(0, 1)) != null
                && Character.isDigit(tok.charAt(1))) {
            money = Quantity.currencyThing(tok.substring(0, 1));
            tok = tok.substring(1);
        }
        double low;
        double high;
        boolean vague = false;
        String vagueText = null;
        int next;
        var range = DIGIT_RANGE.matcher(tok);
        if (DIGITS.matcher(tok).matches()) {
            low = number(tok);
            high = low;
            next = numberAt + 1;
        } else if (range.matches()) {
            low = number(range.group(1));
            high = number(range.group(2));
            next = numberAt + 1;
        } else if (tok.matches("(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(one|two|three|four|five|six|seven|eight|nine)")
                && !isCapitalizedMidSentence(s, numberAt)) {
            // "Twenty-one jurisdictions"
            String[] parts = tok.split("-");
            low = WORDS.get(parts[0]) + WORDS.get(parts[1]);
            high = low;
            next = numberAt + 1;
        } else if (WORDS.containsKey(tok) && !isCapitalizedMidSentence(s, numberAt)) {
            low = WORDS.get(tok);
            high = low;
            next = numberAt + 1;
            if ((tok.equals("a") || tok.equals("an") || tok.equals("half")) && !SCALES.containsKey(s.lower(next))
                    && !(tok.equals("half") && (s.lower(next).equals("a") || s.lower(next).equals("an"))
                    && SCALES.containsKey(s.lower(next + 1)))) {
                return null;
            }
            if (tok.equals("half")) {
                low = 0.5;
                high = 0.5;
                if (s.lower(next).equals("a") || s.lower(next).equals("an")) next++;
            }
        } else if (VAGUE.containsKey(tok) && !isCapitalizedMidSentence(s, numberAt)) {
            vague = true;
            low = VAGUE.get(tok);
            high = low;
            vagueText = tok;
            next = numberAt + 1;
            // "tens of thousands", "hundreds of millions"
            if ((tok.equals("hundreds") || tok.equals("tens") || tok.equals("thousands"))
                    && s.lower(next).equals("of") && VAGUE.containsKey(s.lower(next + 1))) {
                vagueText = tok + " of " + s.lower(next + 1);
                low = VAGUE.get(s.lower(next + 1)) * (tok.equals("tens") ? 10 : tok.equals("hundreds") ? 100 : 1000);
                high = low;
                next += 2;
            }
        } else if (tok.equals("tens") && s.lower(numberAt + 1).equals("of") && VAGUE.containsKey(s.lower(numberAt + 2))) {
            vague = true;
            vagueText = "tens of " + s.lower(numberAt + 2);
            low = VAGUE.get(s.lower(numberAt + 2)) * 10;
            high = low;
            next = numberAt + 3;
        } else {
            return null;
        }
        // Scale words: "1.5 million", "two dozen", "eight million".
        if (!vague) {
            while (SCALES.containsKey(s.lower(next)) && !(s.lower(next).equals("m") && money == null)) {
                long scale = SCALES.get(s.lower(next));
                low *= scale;
                high *= scale;
                next++;
            }
            if (low == 1 && high == 1) return null; // "one" is mostly a pronoun or determiner
            if (low < 1) return null;
        }
        // Ranges: "10 to 15 votes", "between 10,000 and 12,000", "10,000 -12,000"
        if (!vague && next < s.size()) {
            String join = s.lower(next);
            boolean between = s.lower(numberAt - 1).equals("between");
            int hi = -1;
            if ((join.equals("to") || join.equals("-") || join.equals("–") || (join.equals("and") && between)
                    || join.equals("or")) && next + 1 < s.size() && DIGITS.matcher(s.lower(next + 1)).matches()
                    && isDigits(s.lower(numberAt))) {
                hi = next + 1;
            } else if (join.startsWith("-") && DIGITS.matcher(join.substring(1)).matches()) {
                high = number(join.substring(1));
                next++;
            } else if ((join.equals("to") || join.equals("or")) && WORDS.containsKey(s.lower(next + 1))
                    && WORDS.containsKey(s.lower(numberAt)) && WORDS.get(s.lower(next + 1)) > 1) {
                high = WORDS.get(s.lower(next + 1));
                next += 2;
            } else if ((join.equals("to") || join.equals("or")) && WORDS.containsKey(s.lower(numberAt))
                    && s.lower(next + 1).matches("\\d{1,3}") && !SCALES.containsKey(s.lower(next + 2))) {
                high = Double.parseDouble(s.lower(next + 1)); // "nine or 10 generations"
                next += 2;
            }
            if (hi >= 0) {
                double h = number(s.lower(hi));
                int n2 = hi + 1;
                double scale = 1;
                while (SCALES.containsKey(s.lower(n2))) scale *= SCALES.get(s.lower(n2++));
                if (scale == 1 && low >= 1000 && h < low) scale = low / number(s.lower(numberAt)); // "1.5 to 2 million"
                high = h * scale;
                if (high > low) {
                    if (scale > 1 && low < high / scale) low *= scale;
                    next = n2;
                } else {
                    high = low;
                }
            }
        }
        if (!vague && excluded(s, i, numberAt, next, money != null)) return null;

        // Bound words before the figure.
        String bound = vague ? "vague" : high > low ? "range" : "exact";
        int start = i;
        for (String[] b : BOUNDS) {
            String[] words = b[0].split(" ");
            int from = i - words.length;
            if (from < 0) continue;
            boolean match = true;
            for (int k = 0; k < words.length; k++) {
                if (!s.lower(from + k).equals(words[k])) {
                    match = false;
                    break;
                }
            }
            if (match) {
                if (!vague && high == low) bound = b[1];
                start = from;
                break;
            }
        }

        // The counted thing.
        String thing;
        String lemma;
        int end;
        String after = s.lower(next);
        if (money == null && (PERCENT.contains(after) || after.startsWith("-percent"))) return null;
        int[] head = money != null ? null : headNoun(s, next, vague || isPartitive(s, next));
        boolean population = s.lower(start - 1).equals("population");
        if (population && money == null) {
            thing = "population";
            lemma = "population";
            end = next;
        } else if (money != null) {
            thing = money;
            lemma = money.substring(0, money.length() - 1);
            end = next;
        } else if (head != null) {
            String word = s.tokens()[head[0]];
            String w = s.isPropn(head[0]) ? word : word.toLowerCase(java.util.Locale.ROOT);
            lemma = lemmaOf(word);
            if (NOT_COUNTS.contains(lemma) || NOT_COUNTS.contains(w.toLowerCase(java.util.Locale.ROOT))) return null;
            if (lemma.equals("time") && comparativeFollows(s, head[0] + 1)) return null;
            // "a 49-51 vote" is a tally, not a count: a range counts a plural
            if (high > low && !vague && lemma.equals(w.toLowerCase(java.util.Locale.ROOT)) && !w.endsWith("s")
                    && !IRREGULAR_PLURALS.contains(w.toLowerCase(java.util.Locale.ROOT))) {
                return null;
            }
            if (lemma.equals("dollar") || lemma.equals("euro")) {
                thing = lemma + "s";
            } else {
                thing = w;
            }
            end = head[0] + 1;
        } else {
            if (NOT_COUNTS.contains(after) || after.equals(":")) return null;
            thing = ""; // filled from a coordinated or preceding figure in parse(), else dropped
            lemma = "";
            end = next;
        }
        if (!vague && low < 2 && money == null) return null;
        // Referential small counts: "the two men", "its three committees".
        if (!vague && money == null && REFERENTIAL.contains(s.lower(start - 1)) && WORDS.containsKey(s.lower(numberAt))
                && low <= 10) {
            return null;
        }
        String value = vague ? vagueText : high > low ? format(low) + "-" + format(high) : format(low);
        return new Quantity(value, low, high, bound, vague, thing, lemma, start, end, numberAt);
    }

    private static boolean isQualifier(String w) {
        for (String[] b : BOUNDS) if (b[0].endsWith(w) && !w.isEmpty()) return true;
        return w.equals("than");
    }

    private static boolean isDigits(String tok) {
        return DIGITS.matcher(tok).matches();
    }

    private static boolean isCapitalizedMidSentence(TaggedSentence s, int i) {
        return i > 0 && s.isCapitalized(i) && !s.lower(i - 1).equals("\"") && !s.lower(i - 1).equals(":");
    }

    private static boolean isPartitive(TaggedSentence s, int next) {
        return s.lower(next).equals("of");
    }

    /** Year, date, time, identifier, hyphenated adjective or age: not a count. */
    private static boolean excluded(TaggedSentence s, int i, int numberAt, int next, boolean money) {
        String tok = s.tokens()[numberAt];
        String prev = s.lower(i - 1);
        String following = s.lower(next);
        if (tok.endsWith("-") || following.equals("-") || following.startsWith("-") && following.length() > 1
                && Character.isLetter(following.charAt(1))) {
            return true; // "17-page", "6-year-old", "two-year"
        }
        if (tok.matches("\\d+\\.\\d+\\.\\d+")) return true;
        if (MONTHS.contains(prev) || MONTHS.contains(following)) return true;
        if (money) return false;
        // "2016 campaigns": news style writes counts of thousands with a comma, so a bare 1800-2100 is a year
        // unless a qualifier says it is a count ("about 2000 people").
        if (tok.matches("\\d{4}") && Integer.parseInt(tok) >= 1800 && Integer.parseInt(tok) <= 2100
                && !isQualifier(s.lower(i - 1))) {
            return true;
        }
        // "F/A-18", "A-10", "COVID-19": a number glued to letters is part of a name.
        int at = s.starts()[numberAt];
        if (at > 0 && numberAt == i) {
            char before = s.text().charAt(at - 1);
            if (before == '-' || before == '/' || Character.isLetter(before)) return true;
        }
        if (tok.startsWith("-")) return true;
        if (prev.equals("no.") || prev.equals("no") || prev.equals("#") || prev.equals("number")) return true;
        // "died at the age of 89", "aged 48"
        if (prev.equals("aged") || prev.equals("of") && s.lower(i - 2).equals("age")) return true;
        // "House Bill 757", "Highway 212", "Gang of Eight": a figure right after a name is part of it.
        if (i > 0 && s.isCapitalized(i - 1) && (s.isPropn(i - 1) || s.isNoun(i - 1)) && !s.lower(i - 1).equals("i")
                && i - 1 > 0) {
            return true;
        }
        return following.equals(":") && s.lower(next + 1).matches("\\d+");
    }

    /** Head noun of the noun phrase starting at {@code from}; null when none. */
    private static int @Nullable [] headNoun(TaggedSentence s, int from, boolean afterOf) {
        int i = from;
        if (afterOf) {
            if (!s.lower(i).equals("of")) {
                if (!(s.isNoun(i) || s.isPropn(i) || s.tag(i).startsWith("ADJ"))) return null;
            } else {
                i++;
                // "two of the country's most influential voices"
                while (i < s.size() && (REFERENTIAL.contains(s.lower(i)) || s.lower(i).equals("'s")
                        || s.tokens()[i].endsWith("'s") || s.lower(i).equals("most") || s.lower(i).equals("all"))) {
                    i++;
                }
            }
        }
        int head = -1;
        int plural = -1;
        boolean seenNoun = false;
        int limit = Math.min(s.size(), i + 8);
        for (int k = i; k < limit; k++) {
            String tag = s.tag(k);
            String low = s.lower(k);
            boolean acronym = s.tokens()[k].length() > 1 && s.tokens()[k].equals(s.tokens()[k].toUpperCase(java.util.Locale.ROOT))
                    && Character.isLetter(s.tokens()[k].charAt(0));
            if (seenNoun && acronym) break; // "the 75 agencies GAO contacted"
            boolean noun = tag.startsWith("NOUN") && !low.endsWith("'s");
            boolean propn = tag.startsWith("PROPN") && !low.endsWith("'s");
            if (noun || propn) {
                if (noun || !seenNoun) head = k;
                if ((noun || propn) && (low.endsWith("s") && !low.endsWith("ss") || IRREGULAR_PLURALS.contains(low))) {
                    plural = k;
                }
                if (noun) seenNoun = true;
                continue;
            }
            // "Chick-fil-A restaurants", "part-time workers": hyphens join the words of a compound
            if (low.equals("-") && k + 1 < limit) continue;
            if (k > i && s.lower(k - 1).equals("-")) continue;
            if (seenNoun) break;
            boolean modifier = tag.startsWith("ADJ")
                    || (tag.startsWith("VERB") && (low.endsWith("ed") || low.endsWith("ing")) && k + 1 < s.size()
                    && (s.isNoun(k + 1) || s.isPropn(k + 1) || s.tag(k + 1).startsWith("ADJ")))
                    || tag.startsWith("ADV") && low.endsWith("ly")
                    || (low.equals("and") || low.equals("or")) && s.tag(k - 1).startsWith("ADJ")
                    && s.tag(k + 1).startsWith("ADJ");
            if (!modifier) break;
            // the tagger reads some plurals as adjectives ("tens of thousands of civilians as ...")
            if (tag.startsWith("ADJ") && low.endsWith("s") && low.length() > 4 && !s.isNoun(k + 1)
                    && !s.tag(k + 1).startsWith("ADJ") && !s.isPropn(k + 1)) {
                head = k;
                break;
            }
        }
        if (head < 0) return null;
        // A count above one names a plural: "10 to 15 votes shy" has "votes" as its head, not "shy".
        if (plural >= 0 && plural != head && !(s.tokens()[head].endsWith("s"))) head = plural;
        // A proper-noun head must look like a plural count ("Republicans", "Kentuckians").
        if (s.isPropn(head) && !s.tokens()[head].endsWith("s")) return null;
        return new int[] {head};
    }

    private static boolean comparativeFollows(TaggedSentence s, int k) {
        String w = s.lower(k);
        return w.equals("more") || w.equals("as") || w.equals("less") || w.endsWith("er") || s.tag(k).startsWith("ADJ");
    }

    private static @Nullable Quantity inheritable(TaggedSentence s, int start, int next, List<Quantity> previous) {
        if (previous.isEmpty() && (s.lower(start - 1).equals("to") || s.lower(start - 1).equals("at"))) {
            // "bringing the total number of states fighting the policy to 26"
            for (int k = start - 2; k > 0 && k > start - 15; k--) {
                if (s.lower(k).equals("of") && s.lower(k - 1).equals("number") && (s.isNoun(k + 1) || s.isPropn(k + 1))) {
                    String w = s.tokens()[k + 1];
                    return new Quantity("", 0, 0, "", false, w.toLowerCase(java.util.Locale.ROOT), lemmaOf(w), 0, 0, 0);
                }
            }
        }
        if (previous.isEmpty()) return null;
        String before = s.lower(start - 1);
        boolean cue = s.lower(next).equals("more") || s.lower(next).equals("others");
        if (INHERIT_BEFORE.contains(before)) {
            for (int k = Math.max(0, start - 5); k < start; k++) {
                if (INHERIT_CUES.contains(s.lower(k))) cue = true;
            }
        }
        if (!cue) return null;
        return previous.get(previous.size() - 1);
    }

    private static String lemmaOf(String word) {
        String lower = word.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("-")) {
            int dash = lower.lastIndexOf('-');
            return lower.substring(0, dash + 1) + Tagger.nounLemma(lower.substring(dash + 1));
        }
        return Tagger.nounLemma(lower);
    }

    private static double number(String digits) {
        return Double.parseDouble(digits.replace(",", ""));
    }

    static String format(double v) {
        return new BigDecimal(v).setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
