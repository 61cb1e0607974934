package news.parallax.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Finds the source a sentence attributes a figure or assertion to.
 *
 * <p>Cues, each with the part of the sentence it covers: "according to X" (the whole sentence);
 * "X said/reported/estimated... (that)" (what follows); "..., X said." and "..., said X." (what
 * precedes); "X, who said" and ", claiming/saying" (what follows, source the subject); "citing X"
 * (X, with the subject as intermediary); "X statements/reports/estimates indicating" (what follows).
 * A figure takes the nearest cue that covers it. Unnamed "reports" and "estimates" are no source:
 * they hedge. Thread-safe: stateless.
 */
final class AttributionFinder {

    /** Lemmas of verbs that attribute what follows or precedes them to their subject. */
    static final Set<String> SPEECH = WordLists.set("speech-verbs.txt");
    /** Verbs that attribute only before "that", a quote or at the end of a clause ("the economy added 50,000 jobs"). */
    // "proposes" gives a source only before a quote or "that" ("He proposes \"a 20 percent reduction\""), not
    // as an adjective ("the president's proposed budget")
    private static final Set<String> AMBIGUOUS = WordLists.set("speech-verbs-ambiguous.txt");
    private static final Set<String> GERUNDS = Set.of("saying", "claiming", "adding", "noting", "warning",
            "estimating", "insisting", "arguing", "stating", "announcing", "predicting", "telling", "citing",
            "suggesting", "indicating", "showing", "revealing");
    private static final Set<String> REPORT_NOUNS = Set.of("statement", "statements", "report", "reports", "estimate",
            "estimates", "figures", "data", "analysis", "study", "survey", "poll", "assessment", "projections", "memo");
    private static final Set<String> GENERIC = Set.of("reports", "estimates", "report", "estimate", "they",
            "this", "that", "which", "who", "what", "there", "some", "many", "others", "one", "we", "i", "you");
    private static final Set<String> TIME_WORDS = Set.of("on", "monday", "tuesday", "wednesday", "thursday", "friday",
            "saturday", "sunday", "last", "week", "this", "month", "earlier", "later", "recently", "previously",
            "also", "further", "yesterday", "today", "tonight", "night", "morning", "afternoon", "evening", "then",
            "now", "has", "have", "had", "is", "was", "were", "will", "would", "did", "does", "do", "been",
            "not", "never", "publicly", "formally", "already", "consistently", "repeatedly", "first", "initially",
            "separately", "once", "again", "in", "a", "statement", "interview", "at", "the", "time", "year");
    private static final Set<String> ABBREVIATED_TITLES = Set.of("adm", "gen", "lt", "col", "sgt", "capt", "sen", "rep",
            "gov", "dr", "mr", "ms", "mrs", "st", "jr", "maj", "cmdr", "atty", "supt", "prof");
    static final Set<String> TITLE_WORDS = WordLists.set("title-words.txt");
    private static final Set<String> DETERMINERS = Set.of("as", "the", "a", "an", "several", "some", "many", "two", "three",
            "other", "both", "one", "its", "his", "her", "their", "our", "another", "most", "more", "key", "top");

    private static final Set<String> POSSESSIVES = Set.of("its", "their", "his", "her", "our");
    /** "an initial estimate by the American Action Forum": the author follows one of these. */
    private static final Set<String> AUTHOR_PREPOSITIONS = Set.of("by", "from", "of");
    /** Before a speech verb these make it an adjective ("an estimated $4.2 billion"). */
    private static final Set<String> ADJECTIVE_DETERMINERS = Set.of("a", "an", "the", "its", "their", "his", "her");
    private static final Set<String> PASSIVE_AUXILIARIES = Set.of("is", "are", "was", "were", "be", "been", "being");
    /** Tokens before a clause that may attribute ("..., China Daily reported."). */
    private static final Set<String> CLAUSE_BREAKS = Set.of(",", "\"", ";", ":", "—", "--");
    private static final Set<String> PARTICIPLE_PREPOSITIONS = Set.of("in", "with", "on", "by", "at", "for");
    private static final Set<String> SUBJECT_BREAKS = Set.of(",", ";", "\"");

    /** Every attribution cue of the sentence with the token range it covers. */
    List<Cue> cues(TaggedSentence s) {
        List<Cue> cues = new ArrayList<>();
        int n = s.size();
        for (int i = 0; i < n; i++) {
            String w = s.lower(i);
            if (w.equals("according") && s.lower(i + 1).equals("to")) {
                int from = i + 2;
                while (from < s.size() && POSSESSIVES.contains(s.lower(from))) from++;
                int end = npEnd(s, from);
                // "according to an initial estimate by the American Action Forum": the author counts
                if (REPORT_NOUNS.contains(s.lower(end - 1)) && AUTHOR_PREPOSITIONS.contains(s.lower(end))) {
                    int authorEnd = npEnd(s, end + 1);
                    if (authorEnd > end + 1) {
                        from = end + 1;
                        end = authorEnd;
                    }
                }
                String src = clean(s.span(from, end));
                if (!src.isEmpty() && !isGeneric(src)) {
                    cues.add(new Cue(attribution(src, i, null), i, semicolonBefore(s, i), semicolonAfter(s, i)));
                }
                continue;
            }
            if (w.equals("citing") && i > 0) {
                int end = npEnd(s, i + 1);
                // "X, citing Y, reported": only a speech verb after the cited source makes it an attribution;
                // "..., citing the Affordable Care Act." gives a reason.
                boolean speechAfter = false;
                for (int k = end; k < Math.min(s.size(), end + 8); k++) if (SPEECH.contains(s.lower(k))) speechAfter = true;
                if (!speechAfter) continue;
                String src = clean(s.span(i + 1, end));
                String via = clean(subjectBefore(s, commaBefore(s, i)));
                if (!src.isEmpty() && !isGeneric(src)) {
                    cues.add(new Cue(attribution(src, i, via.isEmpty() ? null : via), i, 0, n));
                }
                continue;
            }
            if (REPORT_NOUNS.contains(w) && i > 0 && (GERUNDS.contains(s.lower(i + 1))
                    || s.lower(i + 1).equals("that") || SPEECH.contains(s.lower(i + 1)))) {
                // "previous NIS statements indicating that", "an analysis by X showed"
                String owner = ownerOf(s, i);
                if (owner != null) cues.add(new Cue(attribution(owner, i, null), i, i, n));
                continue;
            }
            if (!s.isVerb(i) && !GERUNDS.contains(w)) continue;
            if (GERUNDS.contains(w) && i > 0 && s.lower(i - 1).equals(",")) {
                // "Zelensky further intensified these concerns, claiming that ..." : source is the subject.
                String subject = sentenceSubject(s);
                if (!subject.isEmpty() && !isGeneric(subject)) cues.add(new Cue(attribution(subject, i, null), i, i, n));
                continue;
            }
            if (!SPEECH.contains(w)) continue;
            if ((w.equals("pointed") || w.equals("points")) && !s.lower(i + 1).equals("out")) continue;
            if (s.lower(i + 1).equals("to") && !s.lower(i).startsWith("s")) continue; // "expected to", "reported to be"
            // "an estimated $4.2 billion", "the reported figure": an adjective, not a cue
            if (ADJECTIVE_DETERMINERS.contains(s.lower(i - 1))) continue;
            String nextWord = s.lower(i + 1);
            boolean clauseFollows = nextWord.equals("that") || nextWord.equals("\"") || nextWord.equals(":")
                    || nextWord.equals(",") || restIsShort(s, i + 1) || (w.startsWith("tell") || w.startsWith("told"))
                    && (s.isPropn(i + 1) || s.tag(i + 1).startsWith("PRON") || s.isNoun(i + 1));
            if (AMBIGUOUS.contains(w) && !clauseFollows && !startsClause(s, i + 1)) continue;
            if (w.startsWith("expect") || w.startsWith("believ") || w.startsWith("anticipat")) {
                if (!s.lower(i + 1).equals("that")) continue;
            }
            // Passive "is expected", "were reported": no source in the sentence.
            if (i > 0 && PASSIVE_AUXILIARIES.contains(s.lower(i - 1))) continue;
            boolean atEnd = restIsShort(s, i + 1);
            if (atEnd) {
                // "..., China Daily reported." or "..., said Veuger."
                String[] before = segmentBefore(s, i);
                int from = semicolonBefore(s, i);
                String after = clean(s.span(i + 1, npEnd(s, i + 1)));
                boolean inverted = i > 0 && (s.lower(i - 1).equals(",") || s.lower(i - 1).equals("\""));
                // "an IRS credit that illegal immigrants have claimed": a relative clause attributes nothing
                int segStart = clauseStart(s, i);
                if (!inverted && segStart > 0 && !CLAUSE_BREAKS.contains(s.lower(segStart - 1))) {
                    continue;
                }
                if (inverted && !after.isEmpty() && !isGeneric(after) && startsWithCapitalOrDet(after)) {
                    cues.add(new Cue(attribution(after, i, null), i, from, i)); // "..., said Veuger."
                } else if (!before[1].isEmpty() && !isGeneric(before[1])) {
                    cues.add(new Cue(new Attribution(before[1], before[0], null, i), i, from, i));
                } else if (!after.isEmpty() && !isGeneric(after) && startsWithCapitalOrDet(after)) {
                    cues.add(new Cue(attribution(after, i, null), i, from, i));
                }
            } else {
                String[] subject = segmentBefore(s, i);
                if (subject[1].isEmpty() || isGeneric(subject[1])) {
                    // "who indicated that": the antecedent before ", who".
                    if (s.lower(i - 1).equals("who") && s.lower(i - 2).equals(",")) {
                        subject = splitTitle(clean(subjectBefore(s, i - 2)));
                    }
                }
                if (!subject[1].isEmpty() && !isGeneric(subject[1])) {
                    cues.add(new Cue(new Attribution(subject[1], subject[0], null, i), i, i, semicolonAfter(s, i)));
                }
            }
        }
        return cues;
    }

    /** The cue covering token {@code at}: the nearest one whose range holds it. */
    static @Nullable Attribution pick(List<Cue> cues, int at) {
        Cue best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Cue c : cues) {
            if (at < c.from() || at >= c.to()) continue;
            int d = Math.abs(c.attribution().cueAt() - at);
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return best == null ? null : best.attribution();
    }

    /** A cue and the token range [from, to) it attributes. */
    record Cue(Attribution attribution, int cueAt, int from, int to) {}

    /** Weekdays and day words: a source is never one ("(Saturday, via New York Post)", "the Saturday report"). */
    private static final Set<String> DAY_WORDS = Set.of("monday", "tuesday", "wednesday", "thursday", "friday",
            "saturday", "sunday", "mon.", "tue.", "tues.", "wed.", "thu.", "thurs.", "fri.", "sat.", "sun.", "today",
            "yesterday", "tonight", "tomorrow");
    /** Month names and abbreviations; alone some are names (May, June), so they make a date only with a day word or number. */
    private static final Set<String> MONTHS = Set.of("january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.",
            "aug.", "sep.", "sept.", "oct.", "nov.", "dec.", "jan", "feb", "aug", "sept", "oct", "nov", "dec");
    /** Words that may stand beside a day or a month in a date ("last Saturday", "the morning of Feb. 15"). */
    private static final Set<String> DATE_FILLERS = Set.of("on", "of", "the", "a", "last", "next", "this", "early",
            "late", "mid", "morning", "afternoon", "evening", "night", "weekend", "noon", "midnight", "a.m.", "p.m.",
            "am", "pm", "et", "est", "edt", "gmt", "utc", "and", ",");

    private static String bareWord(String word) {
        return Rx.replaceAll(word.toLowerCase(Locale.ROOT), "(?:'s|’s)?[,;:]?$", "");
    }

    /** True when {@code word} is a month name or abbreviation ("Oct.", "September"). */
    static boolean isMonthWord(String word) {
        return MONTHS.contains(bareWord(word));
    }

    /** True when {@code word} is a weekday or a day word ("Saturday", "Tuesday's", "Fri."). */
    static boolean isDayWord(String word) {
        return DAY_WORDS.contains(bareWord(word));
    }

    /**
     * True when a would-be source only dates or times something: "Saturday", "Feb. 15", "Tuesday night", "March 3".
     * A source is someone who says or publishes a figure; a weekday, a month or a date never is. A month alone is
     * kept (Theresa May), a weekday alone is not.
     */
    static boolean onlyDates(String source) {
        String[] words = Rx.split(source.strip(), "\\s+");
        if (words.length == 0 || words[0].isEmpty()) return false;
        boolean day = false;
        boolean month = false;
        boolean number = false;
        for (String raw : words) {
            String w = bareWord(raw);
            if (DAY_WORDS.contains(w)) day = true;
            else if (MONTHS.contains(w)) month = true;
            else if (Rx.matches(w, "\\d{1,4}(st|nd|rd|th)?\\.?")) number = true;
            else if (!DATE_FILLERS.contains(w)) return false;
        }
        return day || month && number;
    }

    private static Attribution attribution(String source, int cueAt, @Nullable String via) {
        String[] parts = splitTitle(source);
        return new Attribution(parts[1], parts[0], via, cueAt);
    }

    /** {title, name}: "NATO chief Mark Rutte" gives {"NATO chief", "Mark Rutte"}. */
    static String[] splitTitle(String source) {
        if (source.isBlank()) return new String[] {"", source};
        String[] words = Rx.split(source.strip(), "\\s+");
        int lastTitle = -1;
        for (int k = 0; k < words.length - 1; k++) {
            String w = words[k].toLowerCase(Locale.ROOT);
            if (TITLE_WORDS.contains(w) || w.endsWith(".") && ABBREVIATED_TITLES.contains(w.substring(0, w.length() - 1))) {
                lastTitle = k;
            }
        }
        if (lastTitle >= 0) {
            boolean namesAfter = true;
            for (int k = lastTitle + 1; k < words.length; k++) {
                if (!Character.isUpperCase(words[k].charAt(0))) namesAfter = false;
            }
            if (namesAfter) {
                String title = String.join(" ", java.util.Arrays.copyOfRange(words, 0, lastTitle + 1));
                String name = String.join(" ", java.util.Arrays.copyOfRange(words, lastTitle + 1, words.length));
                return new String[] {title, name};
            }
        }
        return new String[] {"", source};
    }

    /** True when a clause with its own subject and verb starts at {@code k} ("X reported North Korea has sent"). */
    private static boolean startsClause(TaggedSentence s, int k) {
        int j = k;
        while (j < s.size() && j - k < 6 && (s.isPropn(j) || s.isNoun(j) || s.tag(j).startsWith("DET")
                || s.tag(j).startsWith("ADJ") || s.tag(j).startsWith("PRON"))) {
            j++;
        }
        return j > k && j < s.size() && (s.tag(j).startsWith("AUX") || s.tag(j).startsWith("VERB"));
    }

    private static boolean startsWithCapitalOrDet(String s) {
        return Character.isUpperCase(s.charAt(0)) || s.startsWith("the ") || s.startsWith("a ");
    }

    /** True when nothing but time words and punctuation follow (the cue closes the sentence). */
    private static boolean restIsShort(TaggedSentence s, int from) {
        int words = 0;
        for (int k = from; k < s.size(); k++) {
            String w = s.lower(k);
            if (w.equals("that") || w.equals(":")) return false;
            if (w.equals(";")) return true;
            if (w.equals(".") || w.equals("!") || w.equals("?") || w.equals("\"")) continue;
            if (w.equals(",")) {
                // ", said X, adding that ..." and ", X said, citing ..." still close the quote before them
                continue;
            }
            if (TIME_WORDS.contains(w) || s.isPropn(k) || s.isNoun(k) || s.tag(k).startsWith("ADJ")
                    || s.tag(k).startsWith("ADP") || s.tag(k).startsWith("DET")) {
                words++;
                if (words > 8) return false;
                continue;
            }
            return false;
        }
        return true;
    }

    /** Subject of a cue verb, {title, name}: the words between the last clause break and the verb, trimmed. */
    private static String[] segmentBefore(TaggedSentence s, int verb) {
        int end = verb;
        // drop auxiliaries and adverbs between subject and verb ("has also reported")
        while (end > 0 && (TIME_WORDS.contains(s.lower(end - 1)) || s.tag(end - 1).startsWith("ADV")
                || s.tag(end - 1).startsWith("AUX"))) {
            end--;
        }
        if (end > 0 && s.lower(end - 1).equals(",")) {
            // appositive: "Kyiv's military intelligence chief, Kyrlo Budanov, estimated"
            int c2 = end - 1;
            int c1 = commaBefore(s, c2);
            String inner = clean(s.span(c1 + 1, c2));
            int c0 = c1 >= 0 ? commaBefore(s, c1) : -1;
            String outer = c1 >= 0 ? clean(s.span(c0 + 1, c1)) : "";
            if (looksLikeName(inner)) return new String[] {hasTitleWord(outer) ? outer : "", inner};
            if (looksLikeName(outer) && (hasTitleWord(inner) || inner.isEmpty())) return new String[] {inner, outer};
            String[] outerSplit = splitTitle(outer);
            // "State Senator Robert Stivers, a Republican and the Senate president, said"
            if (!outerSplit[0].isEmpty() && looksLikeName(outerSplit[1]) && !looksLikeName(splitTitle(inner)[1])) {
                return outerSplit;
            }
            return splitTitle(inner);
        }
        int from = clauseStart(s, end);
        if (from == end && from > 0 && (s.lower(from - 1).equals("but") || s.lower(from - 1).equals("and"))) {
            // "Lloyd Austin recognized the seriousness ... but noted that": the subject of the first verb
            return splitTitle(clean(precedingSubject(s, from - 1)));
        }
        if (end - from > 12) from = end - 12;
        for (int k = from; k < end; k++) {
            if (!s.isVerb(k) || s.isCapitalized(k)) continue;
            // "Congressional committees involved in the investigation said": a participle after the subject
            if (k > from && s.isNoun(k - 1) && (s.lower(k).endsWith("ed") || s.lower(k).endsWith("ing"))
                    && PARTICIPLE_PREPOSITIONS.contains(s.lower(k + 1))) {
                return splitTitle(clean(s.span(from, k)));
            }
            // A subject is a noun phrase; "The latest figures came after Seoul's NIS said" keeps the phrase
            // before the verb only.
            return splitTitle(clean(subjectBefore(s, end)));
        }
        return splitTitle(clean(s.span(from, end)));
    }

    /** The noun phrase that opens the clause ending at {@code conj}, after any leading adverbial. */
    private static String precedingSubject(TaggedSentence s, int conj) {
        int c = conj;
        while (c > 0 && !SUBJECT_BREAKS.contains(s.lower(c - 1))) c--;
        int k = c;
        while (k < conj && (s.isPropn(k) || s.isNoun(k) || s.tag(k).startsWith("ADJ") || s.tag(k).startsWith("DET")
                || s.tokens()[k].endsWith("'s"))) {
            k++;
        }
        return k > c && k < conj && s.isVerb(k) ? s.span(c, k) : "";
    }

    private static boolean hasTitleWord(String phrase) {
        for (String w : Rx.split(phrase, "\\s+")) if (TITLE_WORDS.contains(w.toLowerCase(Locale.ROOT))) return true;
        return phrase.toLowerCase(Locale.ROOT).endsWith("chief");
    }

    static boolean looksLikeName(String phrase) {
        if (phrase.isEmpty()) return false;
        String[] words = Rx.split(phrase, "\\s+");
        if (words.length > 4) return false;
        for (String w : words) {
            if (w.isEmpty() || !Character.isUpperCase(w.charAt(0))) return false;
            if (TITLE_WORDS.contains(w.toLowerCase(Locale.ROOT))) return false;
        }
        return true;
    }

    /** Subject of the sentence: leading proper nouns, nouns and adjectives. */
    private static String sentenceSubject(TaggedSentence s) {
        int k = 0;
        while (k < s.size() && (s.isPropn(k) || s.isNoun(k) || s.tag(k).startsWith("ADJ") || s.lower(k).equals("'s")
                || s.tag(k).startsWith("DET") || s.tokens()[k].endsWith("'s"))) {
            k++;
        }
        return clean(s.span(0, k));
    }

    /** The noun phrase ending right before {@code end}: proper nouns, nouns, adjectives and "of" between names. */
    private static String subjectBefore(TaggedSentence s, int end) {
        int k = end;
        while (k > 0) {
            int p = k - 1;
            String w = s.lower(p);
            if (s.isPropn(p) || s.isNoun(p) || s.tag(p).startsWith("ADJ") || w.equals("'s") || w.endsWith("'s")
                    || (w.equals("of") || w.equals("for") || w.equals("-") || w.equals("&")) && p > 0
                    && s.isCapitalized(p - 1) && s.isCapitalized(p + 1)
                    || w.equals(")") || w.equals("(") || s.tag(p).startsWith("DET")) {
                k = p;
                continue;
            }
            break;
        }
        return s.span(k, end);
    }

    private static @Nullable String ownerOf(TaggedSentence s, int reportNoun) {
        // "X's report", "NIS statements", "a report by X"
        String raw = subjectBefore(s, reportNoun).strip().toLowerCase(Locale.ROOT);
        if (raw.startsWith("its ") || raw.startsWith("their ")) {
            // "The Bureau of Labor Statistics released its monthly jobs report showing ..."
            String subject = sentenceSubject(s);
            if (!subject.isEmpty() && Character.isUpperCase(subject.charAt(0)) && !isGeneric(subject)) return subject;
        }
        String before = clean(subjectBefore(s, reportNoun));
        String trimmed = stripLeadingLower(before);
        if (!trimmed.isEmpty() && Character.isUpperCase(trimmed.charAt(0))) return Rx.replaceAll(trimmed, "'s$", "");
        if (s.lower(reportNoun + 1).equals("by")) {
            String after = clean(s.span(reportNoun + 2, npEnd(s, reportNoun + 2)));
            if (!after.isEmpty()) return after;
        }
        return null;
    }

    private static String stripLeadingLower(String phrase) {
        String[] words = Rx.split(phrase, "\\s+");
        int k = 0;
        while (k < words.length && !words[k].isEmpty() && !Character.isUpperCase(words[k].charAt(0))) k++;
        return String.join(" ", java.util.Arrays.copyOfRange(words, k, words.length)).strip();
    }

    /** End (exclusive) of the noun phrase starting at {@code from}. */
    private static int npEnd(TaggedSentence s, int from) {
        int k = from;
        while (k < s.size()) {
            String w = s.lower(k);
            if (s.isPropn(k) || s.isNoun(k) || s.tag(k).startsWith("ADJ") || s.tag(k).startsWith("DET")
                    || w.equals("'s") || w.endsWith("'s") || s.tag(k).startsWith("NUM") && k > from
                    || (w.equals("of") || w.equals("for") || w.equals("and")) && s.isCapitalized(k + 1) && k > from
                    || w.equals("(") && k + 2 < s.size() && s.lower(k + 2).equals(")")) {
                if (w.equals("(")) k += 3;
                else k++;
                continue;
            }
            // "Rear Adm. John Kirby": a title abbreviation's period does not end the name
            if (w.equals(".") && k > from && ABBREVIATED_TITLES.contains(s.lower(k - 1)) && s.isCapitalized(k + 1)) {
                k++;
                continue;
            }
            break;
        }
        // a name right after a title noun is part of it: "NATO chief Mark Rutte"
        return k;
    }

    private static int clauseStart(TaggedSentence s, int before) {
        for (int k = before - 1; k >= 0; k--) {
            String w = s.lower(k);
            if (w.equals(",") || w.equals(";") || w.equals(":") || w.equals("\"") || w.equals("that")
                    || w.equals("—") || w.equals("--") || w.equals("but") || w.equals("and") && k > 0
                    && s.lower(k - 1).equals(",")) {
                return k + 1;
            }
        }
        return 0;
    }

    private static int semicolonBefore(TaggedSentence s, int before) {
        for (int k = before - 1; k >= 0; k--) if (s.lower(k).equals(";")) return k + 1;
        return 0;
    }

    private static int semicolonAfter(TaggedSentence s, int after) {
        for (int k = after + 1; k < s.size(); k++) if (s.lower(k).equals(";")) return k;
        return s.size();
    }

    static int commaBefore(TaggedSentence s, int before) {
        for (int k = before - 1; k >= 0; k--) {
            String w = s.lower(k);
            if (w.equals(",") || w.equals(";") || w.equals(":") || w.equals("\"")) return k;
        }
        return -1;
    }

    /** Trim a source phrase to its name or head: drop determiners, time words, parenthesised acronyms. */
    static String clean(String phrase) {
        String p = Rx.replaceAll(Tagger.straighten(phrase).replace(" 's ", "'s "), "\\s*\\([^)]*\\)", "")
                .replace("\"", "").replace("“", "").replace("”", "").strip();
        p = Rx.replaceAll(p, "^[,;:\\-—\\s]+|[,;:\\-—\\s]+$", "");
        if (p.isEmpty()) return "";
        String[] words = Rx.split(p, "\\s+");
        int a = 0;
        int b = words.length;
        // "the Saturday report", "Tuesday's statement": a leading date word only says when
        while (a < b && (DETERMINERS.contains(words[a].toLowerCase(Locale.ROOT)) || isDayWord(words[a]))) a++;
        while (b > a && (TIME_WORDS.contains(words[b - 1].toLowerCase(Locale.ROOT))
                || Rx.matches(words[b - 1], "[,.;:]"))) {
            b--;
        }
        // cut at a preposition: "an official familiar with the program" -> "official familiar"
        for (int k = a + 1; k < b; k++) {
            String w = words[k].toLowerCase(Locale.ROOT);
            if ((w.equals("with") || w.equals("from") || w.equals("at") || w.equals("in") || w.equals("who")
                    || w.equals("on") || w.equals("during") || w.equals("to"))) {
                b = k;
                break;
            }
        }
        while (b > a + 1 && isLowerAdjective(words[b - 1])) b--;
        // "a subdued Trump": keep from the first capitalised word when the head is a name
        if (b > a && Character.isUpperCase(words[b - 1].charAt(0))) {
            int k = a;
            while (k < b - 1 && !Character.isUpperCase(words[k].charAt(0))
                    && !TITLE_WORDS.contains(words[k].toLowerCase(Locale.ROOT))) {
                k++;
            }
            a = k;
        }
        return a >= b ? "" : String.join(" ", java.util.Arrays.copyOfRange(words, a, b)).strip();
    }

    private static boolean isLowerAdjective(String w) {
        return w.equals("familiar") || w.equals("close") || w.equals("briefed") || w.equals("involved")
                || w.equals("speaking") || w.equals("responsible");
    }

    private static boolean isGeneric(String source) {
        String l = source.toLowerCase(Locale.ROOT);
        if (GENERIC.contains(l) || onlyDates(source)) return true;
        if (l.equals("he") || l.equals("she")) return false;
        String[] words = Rx.split(l, "\\s+");
        if (words.length == 0) return true;
        String head = words[words.length - 1];
        if (GENERIC.contains(head) && words.length <= 2 && !Character.isUpperCase(source.charAt(0))) return true;
        // a source is a noun phrase, not a clause: too long or with a verb-like shape is noise
        return words.length > 9;
    }
}
