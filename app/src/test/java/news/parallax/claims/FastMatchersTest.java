package news.parallax.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import news.parallax.model.Article;
import news.parallax.nlp.Sentences;
import org.junit.jupiter.api.Test;

/**
 * The claims stage's scans and pre-checks that replaced regular expressions for speed (issue 18, session 13) answer
 * what the expressions answer: on written edge cases, on random strings made of the pieces the expressions turn on
 * (digits, dashes, the listed words in any case, line breaks, non-spacing marks, surrogate pairs, lone surrogates),
 * and on the sentences and texts of corpus articles.
 */
class FastMatchersTest {
    private static final Path CORPUS = Path.of("../shared/data/articles/allsides-articles.jsonl.gz");
    private static final int CORPUS_ARTICLES = 300;
    private static final int RANDOM_STRINGS = 150_000;

    /** Pieces of random strings: everything the patterns distinguish, and near misses. */
    private static final List<String> PIECES = new ArrayList<>(List.of("0", "1", "7", "9", "12", "1,000", "1,00", "3.5",
            "4.", ".5", " ", " ", " ", "  ", "\t", "\n", "\r", "\r\n", "\u000B", "\f", "\u00A0", "\u2009", "\u2028",
            "\u0085", "-", "–", "—", "$", "£", "€", "¥", "₹", "%", ",", ".", "?", "!", "\"", "”", "'", "’", "(", "[", ")",
            ":", "a", "A", "an", "An", "aN", "n", "_", "x", "Q", "é", "ß", "\u212A", "\u0130", "\u0301", "\u0300",
            "\u20DD", "\uD835\uDC00", "\uD835\uDC1A", "\uD834\uDD67", "\uD835", "\uDC00", "3fold", "fold", "Fold",
            "manifold", "tenfold", "years", "yea", "dayS", "hundredth", "twos", "one", "onE", "Kursk", "Ms", "Mr",
            "Gov", "U.S", "u.s", "Sept", "no", "No", "Lt", "Atty", "Dr", "dR", "Sen", "bases", "bases in", "Bases In",
            "BASES  IN", "region", "Region", "oblast", "province", "Donetsk", "The", "poll", "Polls", "POLLING",
            "survey", "Surveys", "studies", "Study", "analyses", "Report", "project", "Gallup", "primary", "Primaries",
            "caucus", "CAUCUSES", "election", "vote", "Votes", "voter", "voters", "Americans", "respondents",
            "caucusgoers", "workers", "said", "says", "told", "wrote", "added", "explained", "insisted", "argued",
            "noted", "Said", "deny", "denied", "denial", "den", "refuted", "rejected", "confirm", "verify", "verified",
            "corroborate", "evidence", "dismissed", "disputed", "could not", "no evidence", "Slideshow", "photo",
            "(12 images)", "(3 Photos)", "Read more", "•", "share", "Tweet", "passes", "approved", "Overridden",
            "overrode", "Senate", "delegates", "tally", "control", "controlS", "Jan", "Jan.", "January", "Sept.", "June",
            "Jul", "May", "12", "31", "2016", "1st", "by", "on", "since", "between", "and", "Monday", "Sunday", "day",
            "last", "this"));

    static {
        for (String w : List.of("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                "twelve", "thirteen", "nineteen", "twenty", "ninety", "hundred", "thousand", "million", "billion",
                "trillion", "dozen", "dozens", "hundreds", "thousands", "millions", "billions", "scores", "half",
                "doubled", "tripled", "trebled", "quadrupled", "quintupled", "doubling", "tripling", "quadrupling", "has",
                "have", "had", "won", "with", "up", "got", "nearly", "almost", "about", "around", "roughly", "over",
                "under", "than", "only", "just", "barely", "for", "spent", "spend", "spends", "spending", "been",
                "lasted", "lasts", "took", "takes", "year", "month", "week", "day", "hour", "minute", "decade",
                "century", "in", "at", "from", "near", "into", "to", "across", "outside")) {
            PIECES.add(w);
            PIECES.add(w.toUpperCase(Locale.ROOT));
            PIECES.add(Character.toUpperCase(w.charAt(0)) + w.substring(1));
        }
    }

    private static List<String> randomStrings(long seed) {
        Random random = new Random(seed);
        List<String> out = new ArrayList<>(RANDOM_STRINGS);
        for (int i = 0; i < RANDOM_STRINGS; i++) {
            StringBuilder sb = new StringBuilder();
            int pieces = 1 + random.nextInt(9);
            for (int k = 0; k < pieces; k++) {
                // spaces between pieces most of the time, as in text
                if (k > 0 && random.nextInt(3) > 0) sb.append(' ');
                sb.append(PIECES.get(random.nextInt(PIECES.size())));
            }
            out.add(sb.toString());
        }
        return out;
    }

    /** Edge cases written out: boundaries at marks and surrogates, decimals, tallies, the article and its unit. */
    private static final List<String> WRITTEN = List.of("", "5", "$5", "$ 5", "$  5", "€\u00A05", "£\t5", "5,000",
            "5,00", "5 ,000", "3.5 million", "3.5", "3.", "5%", "5 %", "5 - %", "5 – years", "5 — years", "5-year",
            "5\u0301", "5\uD835\uDC00", "5\uD835", "54-46", "54 - 46", "54 -46", "54- 46", "54  -46", "the 1990s",
            "in 2016.", "two", "Two", "TWO", "twos", "two\u0301", "ñ\u0301two", "\u0301two", "é\u0301two", "_two",
            "two_", "3fold", "fold", "xfold", "tenFOLD", "He has 661.", "He has661", "He has\t\t661", "has-661",
            "nearly a year", "nearly an hour", "nearly an  year", "nearly anyear", "nearly a years", "for a day\u0301",
            "for A Decade", "for AN hour", "been a century", "under a minute!", "spent a week.", "spent a\nweek",
            "almost a\u00A0year", "Ms.", "Gov.", "in the U.S.", "U.S.", "No.", "Lt.", "Sept.\n", "Sept.", "a\nGov.",
            "Atty.", "Rear Adm.", "Adm.", "xAdm.", "Admx.", "troops in ", "troops in\n", "troops in \n", "troops in \r\n",
            "troops in\r\n", "near ", "bases in the region ", "BASES IN the North ", "into\u0301 ", "within ", "in\u2028",
            "\"(' [", "\"(' [x", "reported.Congressional", "reported. Congressional", "said.\"The", "U.S.", "5.Élan");

    @Test
    void figureHintFindsWhatItsPatternFinds() throws IOException {
        check("FigureHint", FigureHint::in, s -> FigureHint.PATTERN.matcher(s).find(), sentences());
    }

    @Test
    void storyWordsAreFoundAsThePatternsFindThem() throws IOException {
        check("polls", s -> QuantityParser.Story.of(s).polls(), s -> QuantityParser.Story.POLLS.matcher(s).find(), texts());
        check("votes", s -> QuantityParser.Story.of(s).votes(), s -> QuantityParser.Story.VOTES.matcher(s).find(), texts());
    }

    @Test
    void pollSampleIsCountedAsThePatternCountsIt() throws IOException {
        List<String> inputs = new ArrayList<>(texts());
        inputs.addAll(randomStrings(3));
        int named = 0;
        for (String s : inputs) {
            Map<String, Integer> counts = new HashMap<>();
            var m = PollShares.SAMPLE.matcher(s);
            while (m.find()) counts.merge(m.group(1).toLowerCase(Locale.ROOT), 1, Integer::sum);
            String expected = counts.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                    .thenComparing(Map.Entry.comparingByKey())).map(Map.Entry::getKey).orElse(null);
            assertThat(PollShares.sampleNoun(s)).as(s).isEqualTo(expected);
            if (expected != null) named++;
        }
        assertThat(named).isGreaterThan(1_000);
    }

    @Test
    void placeBeforeNameIsFoundAsOnTheWholeTextBefore() throws IOException {
        List<String> inputs = new ArrayList<>(WRITTEN);
        inputs.addAll(randomStrings(4).subList(0, 40_000));
        inputs.addAll(sentences().subList(0, 3_000));
        int places = 0;
        int openers = 0;
        for (String s : inputs) {
            boolean basesIn = AsciiWords.containsIgnoreCase(s, List.of("bases in"));
            for (int end = 0; end <= s.length(); end++) {
                boolean expected = NameSpotter.PLACE_BEFORE.matcher(s.substring(0, end)).find();
                assertThat(NameSpotter.placeBefore(s, end, basesIn)).as("%s | %d", s, end).isEqualTo(expected);
                if (expected) places++;
                boolean only = Rx.replaceAll(s.substring(0, end), "[\"'(\\[\\s]", "").isEmpty();
                assertThat(NameSpotter.onlyOpeners(s, end)).as("%s | %d", s, end).isEqualTo(only);
                if (only && end > 0) openers++;
            }
        }
        assertThat(places).isGreaterThan(1_000);
        assertThat(openers).isGreaterThan(1_000);
    }

    @Test
    void abbreviationEndsAreFoundAsByTheWholeMatch() throws IOException {
        // the patterns want a full stop at the end: random strings given one, and corpus sentences
        List<String> inputs = new ArrayList<>(sentences());
        for (String s : randomStrings(6)) inputs.add(s + ".");
        check("split abbreviation", s -> ClaimExtractor.endsAbbreviated(ClaimExtractor.SPLIT_ABBREVIATION, s, false),
                s -> ClaimExtractor.SPLIT_ABBREVIATION.matcher(s).matches(), inputs);
        check("title abbreviation", s -> ClaimExtractor.endsAbbreviated(ClaimExtractor.TITLE_ABBREVIATION_END, s, true),
                s -> ClaimExtractor.TITLE_ABBREVIATION_END.matcher(s).matches(), inputs);
    }

    @Test
    void tallyWordsAreFoundAsThePatternFindsThem() throws IOException {
        check("tally", s -> AsciiWords.containsAny(s, QuantityParser.TALLY_WORDS, 4, 10),
                s -> QuantityParser.TALLY_CONTEXT.matcher(s).find(), sentences());
    }

    @Test
    void furnitureWithoutParenthesisIsLookedForAtTheStartOnly() throws IOException {
        List<String> inputs = new ArrayList<>(paragraphs());
        for (String s : randomStrings(7)) inputs.add(s.strip());
        check("furniture", p -> p.indexOf('(') >= 0 ? ClaimExtractor.FURNITURE.matcher(p).find()
                : ClaimExtractor.FURNITURE.matcher(p).lookingAt(), p -> ClaimExtractor.FURNITURE.matcher(p).find(), inputs);
    }

    /** The pre-checks say no only where their patterns find nothing (and they do say no, or they save nothing). */
    @Test
    void preChecksRejectOnlyWhatThePatternsReject() throws IOException {
        List<String> inputs = new ArrayList<>(WRITTEN);
        inputs.addAll(randomStrings(5));
        inputs.addAll(sentences());
        inputs.addAll(paragraphs());
        int rejected = 0;
        for (String s : inputs) {
            String l = s.toLowerCase(Locale.ROOT);
            if (!ClaimExtractor.containsAny(l, ClaimExtractor.STANCE_STEMS)) {
                assertThat(Stances.DENIAL.matcher(l).find() || Stances.UNCONFIRMED.matcher(l).find()
                        || l.contains("dismissed") || l.contains("disputed")).as(s).isFalse();
                rejected++;
            }
            if (!ClaimExtractor.containsAny(s, ClaimExtractor.SPEECH_VERBS)) {
                assertThat(ClaimExtractor.SPEAKER_BEFORE.matcher(s).find() || ClaimExtractor.SPEAKER_AFTER.matcher(s).find())
                        .as(s).isFalse();
                rejected++;
            }
            if (!AsciiWords.containsIgnoreCase(s, ClaimExtractor.STUDY_STEMS)) {
                String plain = Tagger.straighten(s);
                assertThat(ClaimExtractor.NAMED_STUDY.matcher(plain).find() || ClaimExtractor.STUDY_BY.matcher(plain).find())
                        .as(s).isFalse();
                rejected++;
            }
            if (s.indexOf('%') < 0) assertThat(ClaimExtractor.TABLE_ROW.matcher(s).find()).as(s).isFalse();
            if (!ClaimExtractor.containsAny(s, ClaimExtractor.REGION_NOUNS)) {
                assertThat(ClaimExtractor.REGION.matcher(s).find()).as(s).isFalse();
            }
            if (!TimeExpressions.hasMonth(s)) {
                for (Pattern p : List.of(TimeExpressions.BETWEEN, TimeExpressions.MONTH_DAY, TimeExpressions.DAY_MONTH,
                        TimeExpressions.FULL_DATE, TimeExpressions.MONTH_ONLY)) {
                    assertThat(p.matcher(s).find()).as(s).isFalse();
                }
                rejected++;
            }
            if (!s.contains("day")) assertThat(TimeExpressions.WEEKDAY.matcher(s).find()).as(s).isFalse();
            if (!ClaimExtractor.mayMissSpace(s)) {
                assertThat(ClaimExtractor.MISSING_SPACE.matcher(s).find()).as(s).isFalse();
                rejected++;
            }
        }
        assertThat(rejected).isGreaterThan(100_000);
    }

    /** Compares on the written cases, random strings and {@code corpus}; both answers must occur often. */
    private static void check(String what, Predicate<String> fast, Predicate<String> pattern, List<String> corpus) {
        List<String> inputs = new ArrayList<>(WRITTEN);
        inputs.addAll(randomStrings(what.hashCode()));
        inputs.addAll(corpus);
        int yes = 0;
        for (String s : inputs) {
            boolean expected = pattern.test(s);
            assertThat(fast.test(s)).as("%s: %s", what, s).isEqualTo(expected);
            if (expected) yes++;
        }
        assertThat(yes).as(what + " matches").isGreaterThan(1_000);
        assertThat(inputs.size() - yes).as(what + " misses").isGreaterThan(1_000);
    }

    private static List<Article> articles() throws IOException {
        assumeTrue(Files.exists(CORPUS), "corpus absent: " + CORPUS.toAbsolutePath() + " (see ../shared/data/README)");
        return JsonlArticles.read(CORPUS, id -> true, CORPUS_ARTICLES);
    }

    private static List<String> texts() throws IOException {
        return articles().stream().map(Article::text).toList();
    }

    private static List<String> paragraphs() throws IOException {
        return articles().stream().flatMap(a -> a.paragraphs().stream()).toList();
    }

    private static List<String> sentences() throws IOException {
        List<String> out = new ArrayList<>();
        for (String p : paragraphs()) out.addAll(Sentences.split(p));
        assertThat(out).hasSizeGreaterThan(5_000);
        return out;
    }
}
