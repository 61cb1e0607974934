package news.parallax.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Describes a person or place once per summary, as an editor would. Each sentence of an extractive summary comes from
 * another report, and each report introduces the story's people afresh: the George Floyd story's summary said "George
 * Floyd, a black man who died after ..." in four sentences of six. A description set off by commas after a name
 * ("Floyd, a 46-year-old unarmed black man who died in Minneapolis, ...") is dropped from a sentence when an earlier
 * sentence of the summary already names him. Only descriptions opening with "a", "an" or "the" and holding no quote or
 * bracket are touched, so a sentence never loses a statement of its own. Stateless and thread-safe.
 */
final class Appositives {
    /**
     * A capitalised word (a name's last), a comma, then "a/an/the ..." up to the next comma or the sentence's end;
     * group 1 is the name. A description holding a comma ends early there, and {@link #ENDS_CLEANLY} then leaves the
     * sentence alone.
     */
    private static final Pattern APPOSITIVE = Pattern.compile(
            "(\\p{Lu}[\\p{L}’'-]+), (?:a|an|the) [^,;:()\\[\\]\"“”]{3,160}?(?=, |\\.$)");
    /**
     * What may follow a dropped description: the sentence's full stop, or a comma and the main clause's verb. Anything
     * else after the comma may still be the description ("a man who died in Minneapolis, Minnesota, after ...").
     */
    private static final Pattern ENDS_CLEANLY = Pattern.compile(
            "^(?:\\.$|, (?:has|have|had|is|was|were|are|will|would|could|can|said|says|told|faces|faced|died|became|remains|remained)\\b)");
    /**
     * Capitalised words that open a sentence or a time rather than name someone: "However, the ..." and "On Monday, the
     * president said ..." are followed by the main clause, not a description.
     */
    private static final java.util.Set<String> NOT_NAMES = java.util.Set.of("However", "Meanwhile", "Still", "Instead", "Today",
            "Yesterday", "Tonight", "Now", "Then", "Also", "Indeed", "Moreover", "Furthermore", "Nevertheless", "Thus", "Later",
            "Earlier", "Last", "Next", "Overall", "Finally", "Previously", "Separately", "Similarly", "Monday", "Tuesday",
            "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "May", "June",
            "July", "August", "September", "October", "November", "December", "Sources", "Officials", "Police", "Critics");
    /** A sentence opening on a preposition: a name in it ends an introductory phrase ("In Minneapolis, the protests ..."). */
    private static final Pattern INTRODUCTORY = Pattern.compile(
            "^(?:In|On|At|From|For|After|Before|During|Since|Across|Outside|Inside|Near|Under|Over|By|With|Without|Within|Throughout|Until|As|Like|Unlike|Despite|Amid|Following|According to)\\b[^,]*$");
    /** A description ending on a verb of saying is an attribution clause ("..., the network reported."). */
    private static final Pattern ENDS_ON_SAYING = Pattern.compile("\\b(?:said|says|reported|reports|added|told|wrote|noted|announced)$");
    /** Longest description dropped, in words: longer ones carry more than who someone is. */
    static final int MAX_WORDS = 25;

    private Appositives() {}

    /** The summary's sentences with descriptions of names an earlier sentence gave dropped; ids and outlets kept. */
    static List<StoryView.SummarySentence> describeOnce(List<StoryView.SummarySentence> summary) {
        List<StoryView.SummarySentence> out = new ArrayList<>();
        StringBuilder earlier = new StringBuilder();
        for (StoryView.SummarySentence s : summary) {
            String text = earlier.isEmpty() ? s.text() : dropKnown(s.text(), earlier.toString());
            out.add(text.equals(s.text()) ? s : new StoryView.SummarySentence(text, s.articleIds(), s.outlets()));
            earlier.append(' ').append(s.text());
        }
        return out;
    }

    /** {@code sentence} without the descriptions of names {@code earlier} holds. */
    static String dropKnown(String sentence, String earlier) {
        String text = sentence;
        Matcher m = APPOSITIVE.matcher(text);
        int from = 0;
        while (m.find(from)) {
            String name = m.group(1);
            int descriptionStart = m.end(1);
            String description = text.substring(descriptionStart, m.end());
            String rest = text.substring(m.end());
            boolean known = !NOT_NAMES.contains(name) && containsWord(earlier, name)
                    && !INTRODUCTORY.matcher(text.substring(0, m.start(1))).find() && !ENDS_ON_SAYING.matcher(description).find();
            if (!known || description.split("\\s+").length > MAX_WORDS + 1 || !ENDS_CLEANLY.matcher(rest).find()) {
                from = m.end(1);
                continue;
            }
            // ", a black man who died ..., has drawn" becomes " has drawn"; "..., a black man ... knee." becomes "."
            String after = rest.startsWith(", ") ? " " + rest.substring(2) : rest;
            text = text.substring(0, descriptionStart) + after;
            m = APPOSITIVE.matcher(text);
            from = descriptionStart;
        }
        return text;
    }

    private static boolean containsWord(String text, String word) {
        return Pattern.compile("(?<![\\p{L}])" + Pattern.quote(word) + "(?![\\p{L}])").matcher(text).find()
                || !word.equals(word.toLowerCase(Locale.ROOT)) && text.contains(word + "’s");
    }
}
