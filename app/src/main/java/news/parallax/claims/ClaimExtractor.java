package news.parallax.claims;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import news.parallax.model.Article;
import news.parallax.model.Claim.Stance;
import news.parallax.nlp.Sentences;
import org.jspecify.annotations.Nullable;

/**
 * Extracts the figures and the denials, disputes and failures to confirm of one article.
 *
 * <p>Only sentences holding a figure-like word or a denial cue are tagged with OpenNLP, which keeps
 * extraction fast; every sentence is scanned for names. Thread-safe: stateless apart from the
 * per-thread OpenNLP tools; the {@link EntityMerger} passed in is not.
 */
final class ClaimExtractor {
    static final Pattern MISSING_SPACE = Pattern.compile("([\\p{Ll}\\d][.?!][\"”]?)(\\p{Lu}\\p{Ll})");
    static final Pattern SPEAKER_AFTER = Pattern.compile("\\b(?:said|says|wrote|added|explained|insisted)\\s+"
            + "((?:\\p{Lu}[\\p{L}.'-]+\\s){0,5}\\p{Lu}[\\p{L}'-]+)");
    static final Pattern SPEAKER_BEFORE = Pattern.compile("((?:\\p{Lu}[\\p{L}.'-]+\\s){0,5}\\p{Lu}[\\p{L}'-]+)\\s+"
            + "(?:said|says|told|wrote|added|explained|insisted|argued|noted)\\b");
    private static final Pattern SOURCE_LINE = Pattern.compile("^Source:\\s*([\\p{L}][\\p{L} .&'-]{1,40})$");
    private static final Pattern TITLE_SOURCE = Pattern.compile("\\s[–—-]\\s(\\p{Lu}[\\p{L}.&]*(?:\\s\\p{Lu}[\\p{L}.&]*){0,2})$");
    /** "Kursk region", "the Middle East region", "South China Sea region": the whole capitalised name before the word. */
    static final Pattern REGION = Pattern.compile("((?:\\p{Lu}\\p{L}+\\s+){0,3}\\p{Lu}\\p{L}+)\\s+(region|oblast|province)");
    static final List<String> REGION_NOUNS = List.of("region", "oblast", "province");
    /** Capitalised words that open a sentence or a phrase before a region's name and are no part of it. */
    private static final Pattern NOT_REGION_WORD = Pattern.compile("The|A|An|In|On|At|To|From|For|Of|And|But|Its|Their|His|Her|"
            + "This|That|Across|Into|Throughout|Near|Around|Whole|Entire");
    private static final Set<String> EXPECT_WORDS = Set.of("could", "would", "will", "might", "may", "expected",
            "expect", "expects", "set", "preparing", "prepare", "prepares", "plans", "plan", "planned", "intends",
            "intend", "total", "eventually", "final", "rise", "promised", "pledged", "additional", "follow", "soon",
            "possibly", "potential", "projected", "forecast", "predicted");
    private static final Set<String> SENT_WORDS = Set.of("sent", "send", "sends", "sending", "deployed", "deploy",
            "deploys", "deploying", "dispatched", "dispatch", "arrived", "arrive", "arrives", "reached", "transported",
            "moved", "shipped", "delivered", "supplied", "provided", "stationed", "killed", "died", "injured",
            "wounded", "captured", "arrested", "evacuated");

    private final QuantityParser quantities = new QuantityParser();
    private final AttributionFinder attributions = new AttributionFinder();
    /** Which figures become claims: the rules' own unless a learned decision is given (issue 18). */
    private final FigureDecision decision;

    ClaimExtractor() {
        this(FigureDecision.RULES);
    }

    ClaimExtractor(FigureDecision decision) {
        this.decision = decision;
    }

    /** Claims of {@code article}; names seen are added to {@code names}. */
    List<FoundClaim> extract(Article article, EntityMerger names, Set<String> regions) {
        LocalDate date = article.published() == null ? null : LocalDate.ofInstant(article.published(), ZoneOffset.UTC);
        String articleVia = articleVia(article);
        List<List<String>> paragraphs = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        if (!article.title().isBlank()) {
            // Scraped bodies repeat the headline; the headline counts once.
            seen.add(article.title().strip());
            paragraphs.add(List.of(article.title().strip()));
        }
        for (String p : article.paragraphs()) {
            if (isFurniture(p)) continue;
            List<String> sentences = new ArrayList<>();
            // Scraped text often loses the space between sentences ("reported.Congressional committees").
            String spaced = mayMissSpace(p) ? MISSING_SPACE.matcher(p).replaceAll("$1 $2") : p;
            for (String s : joinAbbreviations(Sentences.split(spaced))) {
                if (seen.add(s)) sentences.add(s);
            }
            if (!sentences.isEmpty()) paragraphs.add(sentences);
        }
        List<FoundClaim> out = new ArrayList<>();
        Map<FoundClaim, Integer> sentenceOf = new IdentityHashMap<>();
        int sentenceNo = 0;
        QuantityParser.Story story = QuantityParser.Story.of(article.text());
        String sample = PollShares.sampleNoun(article.text());
        Quantity lastCount = null; // an elliptical count continues the last count's noun (QuantityParser.parse)
        String lastPerson = null;
        Attribution introduced = null; // "NPR's Sean Carberry reports:" introduces the next paragraph
        // A poll's or a report's results keep its name through the sentences that continue them (issue 18).
        Attribution study = null;
        int studyLeft = 0;
        // "48 percent of likely voters ... Nine percent thought ...": a bare share continues the last one's group
        Quantity lastShare = null;
        int shareLeft = 0;
        for (List<String> paragraph : paragraphs) {
            Attribution blockSpeaker = introduced;
            introduced = null;
            if (paragraph.size() == 1 && SOURCE_LINE.matcher(paragraph.get(0)).matches()) continue;
            List<TaggedSentence> tagged = new ArrayList<>();
            for (String sentence : paragraph) {
                for (NameSpotter.Mention m : NameSpotter.find(sentence)) names.add(m);
                String speaker = speakerOf(sentence);
                if (speaker != null) lastPerson = speaker;
                boolean figure = FigureHint.in(sentence);
                boolean stance = hasStanceCue(sentence);
                tagged.add(figure || stance ? Tagger.tag(sentence) : null);
            }
            for (int k = 0; k < tagged.size(); k++) {
                sentenceNo++;
                TaggedSentence s = tagged.get(k);
                String named = namedStudy(paragraph.get(k));
                if (named == null) named = tableSource(paragraph.get(k));
                if (named != null) {
                    // a newly named poll's figures answer its own questions, not the last group's
                    lastShare = null;
                    study = new Attribution(named, "", null, -1);
                    studyLeft = STUDY_CONTINUES_SENTENCES;
                } else if (studyLeft > 0) {
                    studyLeft--;
                }
                if (shareLeft > 0) shareLeft--;
                if (s == null) continue;
                List<AttributionFinder.Cue> cues = attributions.cues(s);
                List<TimeMention> times = TimeExpressions.find(s.text(), date);
                List<Quantity> ruled = quantities.parse(s, story, lastCount);
                List<Quantity> found = decision.candidates(s, ruled, lastCount);
                for (Quantity q : ruled) {
                    // a window ("seven out of the last eight caucuses") is no noun for the next bare count to continue
                    if (q.kind().equals("count") && !q.vague() && !QuantityParser.inWindow(q, ruled)) lastCount = q;
                }
                for (int qi = 0; qi < found.size(); qi++) {
                    Quantity q = found.get(qi);
                    boolean isRuled = found == ruled || ruled.contains(q);
                    if (q.kind().equals("percent") && q.phrase().startsWith(PollShares.FINDING) && lastShare != null
                            && shareLeft > 0) {
                        // "Only 25% of Utah voters feel ... while 70% say he does not": the answer of the same group
                        String who = lastShare.phrase() + q.phrase().substring(PollShares.FINDING.length() - " who ".length());
                        q = q.as(q.kind(), q.unit(), who, lastShare.question() + " " + q.question());
                    } else if (q.kind().equals("percent") && bareShare(q) && lastShare != null && shareLeft > 0) {
                        q = q.as(q.kind(), q.unit(), lastShare.phrase(), lastShare.question());
                    } else if (q.kind().equals("percent") && !bareShare(q) && s.lower(q.numberAt() + 2).equals("of")) {
                        lastShare = q;
                        shareLeft = SHARE_CONTINUES_SENTENCES;
                    }
                    if (sample != null && q.phrase().startsWith(PollShares.FINDING)) {
                        // "those who said X" in a poll of voters is "voters who said X"
                        String who = sample + q.phrase().substring("those".length());
                        q = q.as(q.kind(), q.unit(), who, q.question());
                    }
                    // A figure's clause ends at its neighbours: "sent 3,000 troops ... and thousands more were expected".
                    int min = qi == 0 ? 0 : found.get(qi - 1).end();
                    int max = qi + 1 < found.size() ? found.get(qi + 1).start() : s.size();
                    Attribution a = AttributionFinder.pick(cues, q.numberAt());
                    if (a == null && insideQuote(paragraph, k, s, q)) a = paragraphSpeaker(tagged, paragraph, k);
                    if (a == null) a = proposer(s, q.start());
                    if (a == null) a = blockSpeaker;
                    if (a != null && study != null && GENERIC_STUDY.contains(AttributionFinder.clean(a.source())
                            .toLowerCase(Locale.ROOT))) {
                        a = study; // "the survey found" after "A Gallup survey ..." is Gallup's
                    } else if (a != null && study != null && studyLeft > 0 && sampleSpeaks(a.source())) {
                        a = study; // "44 percent of the respondents told Pew": what the sample said is the poll's finding
                    } else if (a == null && study != null && studyLeft > 0 && (!study.source().endsWith(" poll")
                            || POLL_RESULT_KINDS.contains(q.kind()) || isPollMethod(q))) {
                        // a poll's results are shares; a study's or a report's may be any figure
                        a = study;
                        // a run of results given sentence after sentence all continue the study (the guide)
                        studyLeft = STUDY_CONTINUES_SENTENCES;
                    }
                    if (decision != FigureDecision.RULES) {
                        FigureCandidate c = new FigureCandidate(s, q, isRuled, a != null, sentenceNo);
                        if (!decision.keep(c)) continue;
                        q = decision.rename(c);
                    }
                    String source = a == null ? null : a.source();
                    String title = a == null ? "" : a.title();
                    if (source != null && source.equalsIgnoreCase("it")) source = paragraphSubject(paragraph);
                    if (source != null && isPronoun(source)) source = lastPerson;
                    if (source != null && AttributionFinder.onlyDates(source)) source = null; // never "Saturday"
                    if (source != null && (AttributionFinder.looksLikeName(source) || !title.isEmpty())) {
                        lastPerson = source;
                    }
                    if (source != null) names.addSource(source, title);
                    String via = a != null && a.via() != null ? a.via() : articleVia;
                    int[] clause = Stances.clause(s, q.start(), q.end(), min, max);
                    String when = timeOf(times, s, clause, new int[] {clause[0], colonAfter(s, q.end(), max)});
                    out.add(FoundClaim.figure(q, role(s, q, regions, clause), Stances.ofFigure(s, q, a, min, max),
                            new FoundClaim.Credit(source, title, via),
                            new FoundClaim.Origin(s.text(), when, article.id(), article.outlet(), date)));
                    sentenceOf.put(out.get(out.size() - 1), sentenceNo);
                }
                out.addAll(assertions(s, cues, times, article, date, articleVia, names, lastPerson));
            }
            String last = paragraph.get(paragraph.size() - 1).strip();
            if (last.endsWith(":")) {
                TaggedSentence t = tagged.get(tagged.size() - 1) != null ? tagged.get(tagged.size() - 1) : Tagger.tag(last);
                List<AttributionFinder.Cue> cues = attributions.cues(t);
                if (!cues.isEmpty() && !isPronoun(cues.get(cues.size() - 1).attribution().source())) {
                    introduced = cues.get(cues.size() - 1).attribution();
                }
            }
        }
        return disputed(out, sentenceOf);
    }

    /** Words by which a later sentence sets its figure against an earlier one ("But organisers put the crowd at ..."). */
    private static final Pattern CONTRAST = Pattern.compile("(?i)\\b(but|while|whereas|however|disputed?|disputes|"
            + "contrary|countered|counters|contradict\\w*|instead|insisted|insists|rejected|challenged)\\b");
    /** How many sentences apart two sources' figures for one question may stand and still be set against each other. */
    private static final int DISPUTE_REACH_SENTENCES = 2;

    /**
     * Figures the text sets against each other: the same question answered with different values by different
     * sources within a few sentences ("Police said 5,000 attended; organisers said 50,000") are both disputed
     * (issue 18). Denied, unconfirmed and hedged figures keep their stance; two figures from one source (a before and
     * an after, "rose from 4.9 to 5.1 percent") are no dispute.
     */
    static List<FoundClaim> disputed(List<FoundClaim> claims, Map<FoundClaim, Integer> sentenceOf) {
        Set<FoundClaim> contested = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < claims.size(); i++) {
            FoundClaim a = claims.get(i);
            String aSource = a.source();
            Quantity aQuantity = a.quantity();
            if (aSource == null || aQuantity == null || !disputable(a)) continue;
            for (int j = i + 1; j < claims.size(); j++) {
                FoundClaim b = claims.get(j);
                Quantity bQuantity = b.quantity();
                if (bQuantity == null || !disputable(b) || !a.thingClass().equals(b.thingClass()) || !a.kind().equals(b.kind())
                        || !a.unit().equals(b.unit()) || aSource.equalsIgnoreCase(b.source())) {
                    continue;
                }
                Integer at = sentenceOf.get(a);
                Integer bt = sentenceOf.get(b);
                if (at == null || bt == null || Math.abs(at - bt) > DISPUTE_REACH_SENTENCES) continue;
                // set against each other: side by side in one sentence, or the later one says it contradicts
                boolean against = at.equals(bt) || CONTRAST.matcher(bt > at ? b.sentence() : a.sentence()).find();
                if (against && aQuantity.disagreesWith(bQuantity)) {
                    contested.add(a);
                    contested.add(b);
                }
            }
        }
        if (contested.isEmpty()) return claims;
        List<FoundClaim> out = new ArrayList<>(claims.size());
        for (FoundClaim c : claims) {
            out.add(contested.contains(c) ? c.withStance(Stance.DISPUTED) : c);
        }
        return out;
    }

    /** A sourced figure stated as fact or estimate: what a contrary figure from another source can dispute. */
    private static boolean disputable(FoundClaim c) {
        return c.isFigure() && c.source() != null && (c.stance() == Stance.ASSERTED || c.stance() == Stance.ESTIMATED)
                && !c.thingClass().isEmpty() && !c.thingClass().equals(c.unit());
    }

    /**
     * Page furniture scraped with the body: slideshow and photo credits, share and follow prompts, "Read more"
     * teasers (issue 18 names "Slideshow (20 Images)" and hover cards).
     */
    static final Pattern FURNITURE = Pattern.compile("(?i)^(slideshow|photo|photos|image|images|video|watch|"
            + "read more|related|see also|more:|click|sign up|subscribe|follow|advertisement|getty|ap photo|reuters/)"
            + "|\\(\\d+ (images|photos)\\)|^\\s*[-–•]?\\s*(share|tweet|email|print)\\b");
    /** Words of a line set in title case that may stay lower case ("4 Winners and 2 Losers From the Debate"). */
    private static final Set<String> SMALL_WORDS = Set.of("a", "an", "the", "and", "or", "of", "to", "in", "on", "for",
            "at", "by", "from", "with", "as", "vs", "vs.", "but");
    /** A line of at least this many words set in title case with no closing stop is a link headline, not text. */
    private static final int HEADLINE_MIN_WORDS = 3;

    /** True for page furniture and link headlines: slideshow counts, share prompts, title-case lines with no stop. */
    static boolean isFurniture(String paragraph) {
        String p = paragraph.strip();
        if (p.isEmpty()) return true;
        // without "(" only FURNITURE's alternatives anchored at the start can match (issue 18's throughput)
        if (p.indexOf('(') >= 0 ? FURNITURE.matcher(p).find() : FURNITURE.matcher(p).lookingAt()) return true;
        char last = p.charAt(p.length() - 1);
        if (".!?\"”'’:)".indexOf(last) >= 0) return false;
        String[] words = Rx.split(p, "\\s+");
        if (words.length < HEADLINE_MIN_WORDS) return true; // a stray label ("Advertisement", "Getty Images")
        int lower = 0;
        for (String w : words) {
            if (!w.isEmpty() && Character.isLowerCase(w.charAt(0)) && !SMALL_WORDS.contains(w.toLowerCase(Locale.ROOT))) {
                lower++;
            }
        }
        return lower == 0;
    }

    /** A named poll, survey or study: "A new Suffolk University poll", "the Quinnipiac poll", "Gallup's survey". */
    // a few lower-case words may stand between the name and the noun: "the Gallup civic engagement survey";
    // plurals: "New Quinnipiac University polls"
    static final Pattern NAMED_STUDY = Pattern.compile("((?:\\p{Lu}[\\p{L}&/.'-]*(?:'s)?\\s+){1,5})"
            + "(?i:(poll|survey|study|report|analysis|project)s?|studies|analyses)\\b");
    private static final Set<String> GENERIC_STUDY = Set.of("survey", "poll", "polls", "new polls", "the polls", "surveys", "studies", "study", "report", "analysis", "project",
            "numbers", "data", "researchers", "the survey", "the poll", "the study", "the report", "figures");
    /** Capitalised sentence openers the tagger may read as part of a name ("Under Trump's plan"). */
    private static final Set<String> OPENING_WORDS = Set.of("under", "in", "on", "with", "for", "by", "after", "before",
            "from", "at", "and", "but", "the", "a", "an");
    private static final Set<String> PROPOSALS = Set.of("plan", "proposal", "budget", "bill", "offer", "package",
            "amendment", "blueprint", "platform", "pledge");

    /** "Trump's plan would cut the rate to 15 percent": a proposal's figures are its proposer's (issue 18). */
    private static @Nullable Attribution proposer(TaggedSentence s, int figureAt) {
        for (int k = figureAt - 1; k > 0 && k > figureAt - 12; k--) {
            if (s.lower(k).equals(";") || s.lower(k).equals("\"")) return null;
            if (!PROPOSALS.contains(s.lower(k))) continue;
            int owner = k - 1;
            while (owner > 0 && (s.tag(owner).startsWith("ADJ") || s.isNoun(owner) && !s.tokens()[owner].endsWith("'s"))) owner--;
            String w = s.tokens()[owner];
            if (w.equals("'s") && owner > 0 && (s.isPropn(owner - 1) || s.isCapitalized(owner - 1))) {
                int from = owner - 1;
                while (from > 0 && s.isPropn(from - 1) && !OPENING_WORDS.contains(s.lower(from - 1))) from--;
                return new Attribution(s.span(from, owner), "", null, k);
            }
            if (w.endsWith("'s") && Character.isUpperCase(w.charAt(0))) {
                return new Attribution(w.substring(0, w.length() - 2), "", null, k);
            }
            return null;
        }
        return null;
    }

    /**
     * A share that names no group: "Nine percent thought ..." (phrase is the unit) or one read only as someone's
     * support or vote share ("20 percent opted for Mr Biden"); after "48 percent of likely voters" it is theirs.
     */
    private static boolean bareShare(Quantity q) {
        return q.phrase().equals(q.unit()) || q.question().endsWith("support") || q.question().endsWith("vote share");
    }

    /** Sentences after a share of a group ("48 percent of likely voters") whose bare shares are of the same group. */
    private static final int SHARE_CONTINUES_SENTENCES = 3;
    /** Kinds of figure a poll reports: its unattributed counts nearby are the writer's ("Kasich held 106 events"). */
    private static final Set<String> POLL_RESULT_KINDS = Set.of("percent", "points", "fraction");
    /** Who a poll asks: when they "said" or "told" a figure, the figure is the poll's. */
    private static final Set<String> SAMPLE_NOUNS = Set.of("respondents", "respondent", "voters", "americans", "adults",
            "people", "those", "caucusgoers", "participants", "residents", "percent", "%");

    /** The speaker of a figure is the poll's sample: "Forty-four percent, or 881 of the 2,010 respondents, told Pew". */
    private static boolean sampleSpeaks(String source) {
        String l = source.toLowerCase(Locale.ROOT);
        if (Rx.matches(l, "(?s).*\\d.*")) return true;
        String[] words = Rx.split(l, "\\s+");
        return SAMPLE_NOUNS.contains(words[words.length - 1]) || SAMPLE_NOUNS.contains(words[0]);
    }

    /** A poll's own method figures, its sample ("1,000 likely voters") and its margin of error, are the poll's too. */
    private static boolean isPollMethod(Quantity q) {
        if (q.question().equals("margin of error")) return true;
        return q.kind().equals("count") && Rx.matches(q.thingLemma(), "respondent|voter|adult|caucusgoer|resident|american");
    }

    /**
     * Sentences after a named poll or study whose unattributed figures are still its results. Poll write-ups put a
     * few sentences of context (when it was taken, the race news) between the poll's name and its results.
     */
    private static final int STUDY_CONTINUES_SENTENCES = 5;
    /** A poll table row run into the text: "DT 34% HC 25% GJ 13% ..." (three entries or more). */
    static final Pattern TABLE_ROW = Pattern.compile("(?:\\b\\p{Lu}{1,5}\\s+\\d{1,3}(?:\\.\\d+)?\\s?%\\s*){3,}");
    /** The closing parenthesis of a table row, which names its poll: "(Sept. 12-19 Tribune-Hinckley)". */
    private static final Pattern TABLE_NOTE = Pattern.compile("\\(([^()]*)\\)\\s*\\.?\\s*$");

    /**
     * The poll a table row names in its closing parenthesis, with the dates dropped: "DT 34% HC 25% ... (Sept. 12-19
     * Tribune-Hinckley)" gives "Tribune-Hinckley poll"; null when the sentence is no such row.
     */
    static @Nullable String tableSource(String sentence) {
        if (sentence.indexOf('%') < 0) return null; // TABLE_ROW needs one
        if (!TABLE_ROW.matcher(sentence).find()) return null;
        Matcher m = TABLE_NOTE.matcher(sentence);
        if (!m.find()) return null;
        List<String> words = new ArrayList<>();
        for (String w : Rx.split(m.group(1).strip(), "\\s+")) {
            if (w.isEmpty() || AttributionFinder.onlyDates(w) || AttributionFinder.isMonthWord(w)
                    || Rx.matches(w, "[\\d.,/–-]+") || !Character.isUpperCase(w.charAt(0))) {
                continue;
            }
            words.add(w);
        }
        return words.isEmpty() ? null : String.join(" ", words) + " poll";
    }
    private static final Set<String> NOT_STUDY_NAMES = Set.of("The", "A", "An", "This", "That", "In", "But", "And", "New",
            "Even", "Considering", "Several", "Many", "Most", "Some", "Other", "Both", "All", "Recent", "Latest",
            "National", "Exit", "Two", "Three", "These", "Those", "Its", "Their", "His", "Her", "Of", "According");

    /** "a recent survey by Pew Research", "a poll from Quinnipiac University": the study's author follows it. */
    static final Pattern STUDY_BY = Pattern.compile("\\b(?i:(poll|survey|study|report|analysis)s?)\\s+"
            + "(?:(?i:conducted|released|published|commissioned|carried out)\\s+)?(?i:by|from)\\s+(?:the\\s+)?"
            + "(\\p{Lu}[\\p{L}&/.'-]*(?:\\s+(?:of\\s+)?\\p{Lu}[\\p{L}&/.'-]*){0,4})");

    static final List<String> STUDY_STEMS = List.of("poll", "survey", "stud", "report", "analys", "project");

    /** The name of a poll, survey or study the sentence introduces ("Quinnipiac poll", "Gallup"); null when none. */
    static @Nullable String namedStudy(String sentence) {
        // both patterns need one of the nouns (ASCII case aside): most sentences are let go without running them
        if (!AsciiWords.containsIgnoreCase(sentence, STUDY_STEMS)) return null;
        String plain = Tagger.straighten(sentence);
        Matcher by = STUDY_BY.matcher(plain);
        Matcher first = NAMED_STUDY.matcher(plain);
        // the study named first is the one the sentence introduces
        if (by.find() && !(first.find() && first.start() < by.start()) && !AttributionFinder.onlyDates(by.group(2))) {
            String name = Rx.replaceAll(by.group(2), "'s$", "");
            return by.group(1).equalsIgnoreCase("poll") ? name + " poll" : name;
        }
        Matcher m = NAMED_STUDY.matcher(plain);
        while (m.find()) {
            List<String> words = new ArrayList<>(List.of(Rx.split(m.group(1).strip(), "\\s+")));
            // "the Saturday report", "Tuesday's poll": a day dates the study and does not name it
            while (!words.isEmpty() && (NOT_STUDY_NAMES.contains(words.get(0)) || AttributionFinder.isDayWord(words.get(0)))) {
                words.remove(0);
            }
            if (words.isEmpty()) continue;
            String name = Rx.replaceAll(String.join(" ", words), "'s$", "");
            return m.group(2) != null && m.group(2).equalsIgnoreCase("poll") ? name + " poll" : name;
        }
        return null;
    }

    static final Pattern SPLIT_ABBREVIATION = Pattern.compile(
            "(?i).*\\b(jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|no|gov|sen|rep|gen|lt|col|dr|st|mr|ms|mrs|u\\.s)\\.$");

    static final Pattern TITLE_ABBREVIATION_END = Pattern.compile(
            "(?s).*\\b(Adm|Gen|Lt|Col|Sgt|Capt|Sen|Rep|Gov|Dr|Mr|Ms|Mrs|Maj|Cmdr|Prof|Atty|Rev|Sr|Jr|St)\\.$");

    /**
     * {@code abbreviation.matcher(s).matches()} for the two patterns above ({@code .*\b(words)\.$}, words of at most
     * four characters), tried on the last eight characters only (issue 18's throughput): their {@code .*} matches any
     * start, unless (without DOTALL) a line terminator stands in it, where the whole text is tried.
     */
    static boolean endsAbbreviated(Pattern abbreviation, String s, boolean dotAll) {
        int n = s.length();
        if (n == 0 || s.charAt(n - 1) != '.') return false;
        if (!dotAll && hasLineTerminator(s)) return abbreviation.matcher(s).matches();
        return abbreviation.matcher(s).region(Math.max(0, n - 8), n).useTransparentBounds(true).matches();
    }

    /** The characters {@code .} does not match without DOTALL. */
    private static boolean hasLineTerminator(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') return true;
        }
        return false;
    }

    /** Re-joins sentences the detector split after an abbreviation ("Jan." | "21 Inaugural Address"). */
    static List<String> joinAbbreviations(List<String> sentences) {
        List<String> out = new ArrayList<>();
        for (String s : sentences) {
            // A sentence never opens in lower case: "7:45 a.m." | "local time, according to Xinhua."
            // ... and a title abbreviation is followed by the name it belongs to ("Rear Adm." | "John Kirby said").
            if (!out.isEmpty() && !s.isEmpty() && (Character.isLowerCase(s.charAt(0))
                    || Character.isDigit(s.charAt(0)) && endsAbbreviated(SPLIT_ABBREVIATION, out.get(out.size() - 1), false)
                    || endsAbbreviated(TITLE_ABBREVIATION_END, out.get(out.size() - 1), true))) {
                out.set(out.size() - 1, out.get(out.size() - 1) + " " + s);
            } else {
                out.add(s);
            }
        }
        return out;
    }

    /** Region names of a story ("Kursk" from "Kursk region"): a figure sent there gets its own role. */
    static Set<String> regions(List<Article> articles) {
        Set<String> out = new HashSet<>();
        for (Article a : articles) {
            if (!containsAny(a.text(), REGION_NOUNS)) continue; // REGION needs one
            Matcher m = REGION.matcher(a.text());
            while (m.find()) {
                List<String> words = new ArrayList<>(List.of(Rx.split(m.group(1), "\\s+")));
                while (!words.isEmpty() && NOT_REGION_WORD.matcher(words.get(0)).matches()) words.remove(0);
                if (!words.isEmpty()) out.add(String.join(" ", words));
            }
        }
        return out;
    }

    /** Every match of DENIAL or UNCONFIRMED, and "dismissed" and "disputed", holds one of these (issue 18's throughput). */
    static final List<String> STANCE_STEMS = List.of("deny", "deni", "refuted", "rejected", "confirm", "verif",
            "corroborate", "evidence", "dismissed", "disputed");

    private static boolean hasStanceCue(String sentence) {
        String l = sentence.toLowerCase(Locale.ROOT);
        if (!containsAny(l, STANCE_STEMS)) return false;
        return Stances.DENIAL.matcher(l).find() || Stances.UNCONFIRMED.matcher(l).find()
                || l.contains("dismissed") || l.contains("disputed");
    }

    private static @Nullable String articleVia(Article article) {
        for (String p : article.paragraphs()) {
            Matcher m = SOURCE_LINE.matcher(p.strip());
            if (m.matches()) return m.group(1).strip();
        }
        Matcher m = TITLE_SOURCE.matcher(article.title().strip());
        return m.find() ? m.group(1) : null;
    }

    /** Every word at least one of SPEAKER_BEFORE and SPEAKER_AFTER needs. */
    static final List<String> SPEECH_VERBS = List.of("said", "says", "told", "wrote", "added", "explained",
            "insisted", "argued", "noted");

    /** A named speaker of the sentence found without tagging ("Boehner said", "said Veuger"), for "he said" later. */
    private static @Nullable String speakerOf(String sentence) {
        if (!containsAny(sentence, SPEECH_VERBS)) return null; // neither pattern can match (issue 18's throughput)
        for (Pattern p : List.of(SPEAKER_BEFORE, SPEAKER_AFTER)) {
            Matcher m = p.matcher(sentence);
            while (m.find()) {
                String[] parts = AttributionFinder.splitTitle(m.group(1).strip());
                String name = Rx.replaceFirst(parts[1], "^(?:The|A|An|As|But|And|In|On)\\s+", "");
                // one capitalised word opening a sentence may be a common noun ("Sources told Fox News")
                boolean opensSentence = m.start() == 0;
                // "he" and "she" stand for people: organisation names are no antecedent
                if (AttributionFinder.looksLikeName(name) && (name.contains(" ") || !opensSentence)
                        && !Rx.matches(name, "(?i)he|she|it|they|we|i") && !EntityMerger.looksLikeOrganization(name)) {
                    return name;
                }
            }
        }
        return null;
    }

    static boolean containsAny(String text, List<String> words) {
        for (String w : words) if (text.contains(w)) return true;
        return false;
    }

    /**
     * False when MISSING_SPACE cannot match: it needs a stop, "?" or "!" followed by a quotation mark or an upper-case
     * letter (issue 18's throughput: most paragraphs have none, and the pattern was tried at every position).
     */
    static boolean mayMissSpace(String p) {
        for (int i = 0; i + 1 < p.length(); i++) {
            char c = p.charAt(i);
            if (c != '.' && c != '?' && c != '!') continue;
            char d = p.charAt(i + 1);
            if (d == '"' || d == '”' || Character.getType(p.codePointAt(i + 1)) == Character.UPPERCASE_LETTER) return true;
        }
        return false;
    }

    private static boolean isPronoun(String source) {
        String l = source.toLowerCase(Locale.ROOT);
        return l.equals("he") || l.equals("she");
    }

    /** True when the figure sits between quotation marks opened earlier in the paragraph. */
    private static boolean insideQuote(List<String> paragraph, int index, TaggedSentence s, Quantity q) {
        int quotes = 0;
        for (int k = 0; k < index; k++) quotes += count(Tagger.straighten(paragraph.get(k)));
        String upTo = Tagger.straighten(s.text()).substring(0, Math.min(s.text().length(), s.starts()[q.numberAt()]));
        quotes += count(upTo);
        return quotes % 2 == 1;
    }

    private static int count(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) if (text.charAt(i) == '"') n++;
        return n;
    }

    private static final Pattern EPIGRAPH = Pattern.compile("[\"”]\\s*[—–-]+\\s*(\\p{Lu}[\\p{L}.'-]+(?:\\s\\p{Lu}[\\p{L}.'-]+){0,3})\\s*$");

    private static final Pattern PARAGRAPH_SUBJECT =
            Pattern.compile("^(\\p{Lu}[\\p{L}.'-]*(?:\\s(?:for|of|and|the)?\\s?\\p{Lu}[\\p{L}.'-]*)*)");

    /** The organisation or person a paragraph opens with, for "it says" and "it said" later in it. */
    private static @Nullable String paragraphSubject(List<String> paragraph) {
        Matcher m = PARAGRAPH_SUBJECT.matcher(paragraph.get(0));
        if (!m.find()) return null;
        String name = m.group(1).strip();
        return name.contains(" ") ? name : null;
    }

    /** The speaker of a quoted paragraph: a closing "— Name", else the first speech cue of its other sentences. */
    private @Nullable Attribution paragraphSpeaker(List<TaggedSentence> tagged, List<String> paragraph, int index) {
        Matcher epigraph = EPIGRAPH.matcher(Tagger.straighten(paragraph.get(paragraph.size() - 1)));
        if (epigraph.find()) return new Attribution(epigraph.group(1), "", null, -1);
        for (int k = 0; k < paragraph.size(); k++) {
            if (k == index) continue;
            TaggedSentence t = tagged.get(k) != null ? tagged.get(k) : Tagger.tag(paragraph.get(k));
            for (AttributionFinder.Cue c : attributions.cues(t)) {
                if (c.attribution().source().equalsIgnoreCase("it")) {
                    String subject = paragraphSubject(paragraph);
                    if (subject != null) return new Attribution(subject, "", null, c.cueAt());
                    continue;
                }
                return c.attribution();
            }
        }
        return null;
    }

    /** The time expression inside the figure's clause, else one opening the sentence ("On 18 October, ..."). */
    private static @Nullable String timeOf(List<TimeMention> times, TaggedSentence s, int[] clause, int[] window) {
        for (int[] w : List.of(clause, window)) {
            int from = s.starts()[w[0]];
            int to = w[1] < s.size() ? s.starts()[w[1]] : s.text().length();
            for (TimeMention t : times) {
                int at = s.text().indexOf(t.text());
                if (at >= from && at < to) return t.resolved();
            }
        }
        for (TimeMention t : times) {
            int at = s.text().indexOf(t.text());
            if (at >= 0 && at <= 3) return t.resolved();
        }
        return null;
    }

    private static int colonAfter(TaggedSentence s, int from, int max) {
        for (int k = from; k < max; k++) if (s.lower(k).equals(":") || s.lower(k).equals(";")) return k;
        return max;
    }

    /** Role of a figure for grouping: deployed to a region, expected, sent, training, or a verb. */
    static Role role(TaggedSentence s, Quantity q, Set<String> regions, int[] clause) {
        int a = clause[0];
        int b = clause[1];
        for (int k = Math.max(a, q.numberAt() + 1); k < b; k++) {
            // a name is read whole: "the Middle East" is not the region "East", nor "West Bank" the region "West"
            if (!s.isCapitalized(k) || k > 0 && s.isCapitalized(k - 1) && k - 1 > q.numberAt()) continue;
            int j = k;
            while (j + 1 < b && s.isCapitalized(j + 1)) j++;
            int last = j;
            while (last > k && Rx.matches(s.lower(last), "region|oblast|province")) last--;
            String name = s.span(k, last + 1);
            if (regions.contains(name)) return Role.deployedTo(name);
        }
        boolean expected = false;
        boolean sent = false;
        boolean training = false;
        for (int k = a; k < b; k++) {
            String w = s.lower(k);
            if (EXPECT_WORDS.contains(w) || w.equals("more") && k == q.end()) expected = true;
            if (SENT_WORDS.contains(w)) sent = true;
            if (w.startsWith("train")) training = true;
        }
        if (expected) return Role.EXPECTED;
        if (sent) return Role.REPORTED;
        if (training) return Role.TRAINING;
        return Role.REPORTED;
    }

    /** Denials, disputes and failures to confirm, each attributed to who denies or cannot confirm. */
    private List<FoundClaim> assertions(TaggedSentence s, List<AttributionFinder.Cue> cues, List<TimeMention> times,
                                        Article article, @Nullable LocalDate date, @Nullable String articleVia,
                                        EntityMerger names, @Nullable String lastPerson) {
        List<FoundClaim> out = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            final int at = i;
            String w = s.lower(i);
            Stance stance = null;
            int objectFrom = -1;
            String source = null;
            String title = "";
            if (Rx.matches(w, "den(y|ied|ies)") && s.isVerb(i)) {
                stance = Stance.DENIED;
                objectFrom = i + 1;
            } else if (Rx.matches(w, "denials?") && s.lower(i + 1).equals("from")) {
                int k = i + 2;
                while (k < s.size() && (s.isPropn(k) || s.lower(k).equals("and") || s.isNoun(k) && s.isCapitalized(k))) k++;
                source = s.span(i + 2, k);
                stance = Stance.DENIED;
                objectFrom = Rx.matches(s.lower(k), "regarding|about|of|over") ? k + 1 : k;
            } else if (Rx.matches(w, "dismiss(ed|es)?") && s.isVerb(i)) {
                stance = Stance.DISPUTED;
                objectFrom = i + 1;
                if (s.lower(objectFrom).equals("as")) {
                    objectFrom++;
                    while (objectFrom < s.size() && (s.tag(objectFrom).startsWith("ADJ") || s.lower(objectFrom).equals("news")
                            || s.lower(objectFrom).equals("fake"))) {
                        objectFrom++;
                    }
                }
            } else if (Rx.matches(w, "confirm|verify|corroborate") && i > 0
                    && Rx.matches(s.text().toLowerCase(Locale.ROOT), "(?s).*\\b(could not|couldn't|cannot|can't|unable to|"
                    + "not able to|did not|didn't|has not|have not|could|can)\\s+(independently\\s+)?" + w + "\\b.*")
                    && negatedBefore(s, i)) {
                stance = Stance.UNCONFIRMED;
                objectFrom = i + 1;
            } else if (w.equals("evidence") && (s.lower(i - 1).equals("no") || s.lower(i + 1).equals("is")
                    && (s.lower(i + 2).equals("lacking") || s.lower(i + 3).equals("lacking")))) {
                stance = Stance.UNCONFIRMED;
                objectFrom = i + 1;
                while (objectFrom < s.size() && Rx.matches(s.lower(objectFrom), "to|support|of|that|for|is|still|lacking")) {
                    objectFrom++;
                }
            }
            if (stance == null) continue;
            if (source == null) {
                List<AttributionFinder.Cue> others = cues.stream().filter(c -> c.cueAt() != at
                        && !isPronoun(c.attribution().source())).toList();
                Attribution a = AttributionFinder.pick(others, i);
                if (a != null && !a.source().isEmpty()) {
                    source = a.source();
                    title = a.title();
                } else {
                    source = subjectOf(s, i);
                }
            }
            if (source != null && isPronoun(source)) source = lastPerson;
            if (source != null && source.isBlank()) source = null;
            if (source != null) {
                String[] split = AttributionFinder.splitTitle(source);
                if (!split[0].isEmpty()) {
                    source = split[1];
                    title = split[0];
                }
                names.addSource(source, title);
            }
            String object = objectPhrase(s, objectFrom);
            if (w.equals("evidence")) object = object.isEmpty() ? "no evidence" : "no evidence of " + object;
            String thingClass = ThingClasses.inPhrase(object);
            if (thingClass.isEmpty()) thingClass = ThingClasses.inPhrase(s.text());
            if (thingClass.isEmpty()) thingClass = object;
            String when = times.isEmpty() ? null : times.get(0).resolved();
            out.add(FoundClaim.assertion(object.isEmpty() ? w : object, object, thingClass, stance,
                    new FoundClaim.Credit(source, title, articleVia),
                    new FoundClaim.Origin(s.text(), when, article.id(), article.outlet(), date)));
        }
        return out;
    }

    private static boolean negatedBefore(TaggedSentence s, int i) {
        for (int k = Math.max(0, i - 4); k < i; k++) {
            String w = s.lower(k);
            if (w.equals("not") || w.equals("n't") || w.equals("cannot") || w.equals("unable") || w.equals("no")) return true;
        }
        return false;
    }

    /** Subject of the verb at {@code verb}: the phrase from the clause start, trimmed; null when none. */
    private static @Nullable String subjectOf(TaggedSentence s, int verb) {
        int end = verb;
        while (end > 0 && !s.isCapitalized(end - 1) && (s.isVerb(end - 1) || s.tag(end - 1).startsWith("ADV")
                || s.tag(end - 1).startsWith("AUX") || Rx.matches(s.lower(end - 1), "not|n't|unable|to|able"))) {
            end--;
        }
        int from = end;
        while (from > 0 && !Rx.matches(s.lower(from - 1), "[,;:\"]|that|but|while|—|--")) from--;
        if (end - from > 10) from = end - 10;
        String subject = AttributionFinder.clean(s.span(from, end));
        return subject.isEmpty() ? null : subject;
    }

    /** The object of a denial or failure to confirm, up to the clause end, at most a dozen words. */
    private static String objectPhrase(TaggedSentence s, int from) {
        if (from < 0 || from >= s.size()) return "";
        int k = from;
        while (k < s.size() && !Rx.matches(s.lower(k), "[,;.:\"]|but|while|—|--") && k - from < 12) k++;
        String phrase = Rx.replaceAll(s.span(from, k), "^(any|the|all|these|those|reports? of|claims? of|allegations? of)\\s+", "");
        phrase = Rx.replaceAll(phrase, "^(reports? of|claims? of|allegations? of)\\s+", "");
        return phrase.strip();
    }
}
