package news.parallax.extract;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import news.parallax.nlp.OpenNlpModels;
import opennlp.tools.langdetect.LanguageDetectorContextGenerator;
import opennlp.tools.ml.model.MaxentModel;
import org.jspecify.annotations.Nullable;

/**
 * Language of a text by OpenNLP's language-detection model, as an ISO 639-1 code where one exists
 * (the model answers in ISO 639-3). Thread-safe: one detector per thread.
 */
final class Languages {
    private Languages() {}

    /** Characters of text given to the model; more adds time, not accuracy. */
    static final int SAMPLE_CHARS = 200;
    /** Shorter texts are not detected: the model guesses wildly on a few words. */
    static final int MIN_CHARS = 40;
    /** Below this confidence the page's own declaration is used instead. */
    static final double MIN_CONFIDENCE = 0.2;
    /** Share of letters in kana (or Hangul) above which a text is Japanese (or Korean). */
    static final double MIN_SCRIPT_SHARE = 0.15;

    /**
     * OpenNLP's context generator for the model (as {@code LanguageDetectorME} builds it), one per thread as that
     * class has one per instance.
     */
    private static final ThreadLocal<LanguageDetectorContextGenerator> CONTEXT =
            ThreadLocal.withInitial(() -> OpenNlpModels.languages().getFactory().getContextGenerator());

    /** ISO 639-3 to 639-1, from the JDK's table plus the individual languages the model uses for macrolanguages. */
    private static final Map<String, String> TO_ISO1 = new HashMap<>();

    static {
        for (String two : Locale.getISOLanguages()) {
            try {
                TO_ISO1.put(Locale.of(two).getISO3Language(), two);
            } catch (RuntimeException ignored) {
                // a code without a three-letter form
            }
        }
        String[][] individual = {{"cmn", "zh"}, {"pes", "fa"}, {"zsm", "ms"}, {"nob", "nb"}, {"nno", "nn"},
                {"ekk", "et"}, {"lvs", "lv"}, {"arb", "ar"}, {"swh", "sw"}, {"uzn", "uz"}, {"azj", "az"},
                {"khk", "mn"}, {"plt", "mg"}, {"npi", "ne"}, {"ory", "or"}, {"als", "sq"}, {"gug", "gn"},
                {"ydd", "yi"}, {"pbt", "ps"}, {"quz", "qu"}, {"yue", "zh"}, {"lzh", "zh"}, {"ckb", "ku"},
                {"kmr", "ku"}, {"fas", "fa"}, {"zho", "zh"}, {"msa", "ms"}, {"hbs", "sh"}};
        for (String[] p : individual) TO_ISO1.put(p[0], p[1]);
    }

    static @Nullable String detect(String text, @Nullable String declared) {
        String declaredCode = normalizeDeclared(declared);
        if (text.length() < MIN_CHARS) return declaredCode;
        String sample = text.length() > SAMPLE_CHARS ? text.substring(0, SAMPLE_CHARS) : text;
        String byScript = byScript(sample);
        if (byScript != null) return byScript;
        MaxentModel model = OpenNlpModels.languages().getMaxentModel();
        String[] ngrams = distinctNgrams(CONTEXT.get().getContext(sample));
        float[] ones = new float[ngrams.length];
        java.util.Arrays.fill(ones, 1f);
        double[] probabilities = model.eval(ngrams, ones);
        // The most probable language, the first on a tie.
        int best = 0;
        for (int i = 1; i < probabilities.length; i++) {
            if (Double.compare(probabilities[i], probabilities[best]) > 0) best = i;
        }
        if (probabilities[best] < MIN_CONFIDENCE) return declaredCode;
        return toIso1(model.getOutcome(best));
    }

    /**
     * The context's n-grams, each once, in the order {@code LanguageDetectorME.predictLanguage} hands them to the
     * model (a hash map's, filled in context order): this is that method without its sort of all languages by
     * probability and its objects per language, which cost a tenth of its time.
     */
    private static String[] distinctNgrams(CharSequence[] context) {
        Map<CharSequence, Boolean> seen = new HashMap<>();
        for (CharSequence c : context) seen.putIfAbsent(c, Boolean.TRUE);
        String[] out = new String[seen.size()];
        int i = 0;
        for (CharSequence c : seen.keySet()) out[i++] = c.toString();
        return out;
    }

    /** Kana appear only in Japanese and Hangul only in Korean, so the script settles those without the model. */
    static @Nullable String byScript(String sample) {
        int kana = 0;
        int hangul = 0;
        int letters = 0;
        for (int i = 0; i < sample.length(); i++) {
            char c = sample.charAt(i);
            if (!Character.isLetter(c)) continue;
            letters++;
            if (c >= 0x3040 && c <= 0x30FF) kana++;
            else if (c >= 0xAC00 && c <= 0xD7AF) hangul++;
        }
        if (letters == 0) return null;
        if (kana >= MIN_SCRIPT_SHARE * letters) return "ja";
        if (hangul >= MIN_SCRIPT_SHARE * letters) return "ko";
        return null;
    }

    static String toIso1(String iso3) {
        return TO_ISO1.getOrDefault(iso3, iso3);
    }

    /** "en-US", "de_DE" and "deu" all become the bare language code. */
    static @Nullable String normalizeDeclared(@Nullable String declared) {
        if (declared == null || declared.isBlank()) return null;
        String code = declared.trim().toLowerCase(Locale.ROOT).split("[-_]")[0];
        if (code.length() == 3) return TO_ISO1.get(code);
        return code.length() == 2 ? code : null;
    }
}
