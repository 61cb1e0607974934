package news.parallax.topics;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import news.parallax.outlets.Outlet;

/**
 * What never becomes a topic, or only in part: calendar words, page furniture and photo credits, and outlets named
 * as the source of a text rather than as its subject. Thread-safe once built.
 */
final class TopicNoise {
    /** Calendar words: a name holding one is a date ("Tuesday Night", "March Madness" aside, rare as topics). */
    private static final Set<String> CALENDAR = Set.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
            "sunday", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
            "today", "tonight", "yesterday", "tomorrow", "am", "pm", "et", "est", "edt", "pt", "pst", "pdt", "gmt", "utc");
    /**
     * Words of page furniture that scraped pages leave in the text around an article: captions, credits, share and
     * follow buttons, video players ("Replay More Videos", "Hide Caption", "Getty Images", "Follow USA").
     */
    private static final Set<String> FURNITURE = Set.of("caption", "captions", "replay", "videos", "video", "photo", "photos",
            "image", "images", "getty", "shutterstock", "istock", "subscribe", "subscriber", "newsletter", "newsletters",
            "copyright", "advertisement", "click", "share", "follow", "reprints", "podcast", "listen", "playback", "loading",
            "comments", "comment", "watched", "sign", "login", "log", "email", "tweet", "newsroom", "slideshow", "gallery", "trending", "sponsored", "ad",
            "ads", "cookie", "cookies", "privacy", "terms", "menu", "toggle", "skip", "content", "related", "more", "read",
            "watch", "updated", "update", "breaking", "exclusive", "opinion", "editorial", "writer", "reporter", "contributor",
            "correspondent", "file", "pool", "via", "courtesy", "please", "enable", "javascript", "browser", "download", "app", "podcasts");
    /**
     * Wire services and social networks: named as a credit or a "follow us" button far more often than as a subject,
     * so (like outlets) a topic only through stories whose headline names them.
     */
    private static final Set<String> CREDITS = Set.of("associated press", "ap", "afp", "agence france presse", "reuters",
            "upi", "bloomberg", "xinhua", "tass", "dpa", "ansa", "efe", "facebook", "twitter", "instagram", "youtube",
            "whatsapp", "pinterest", "linkedin", "reddit", "tiktok", "snapchat");
    /** A plural of a nationality or group ("Americans", "Israelis", "Republicans"): people, not one named entity. */
    private static final Pattern GROUP_PLURAL = Pattern.compile(".*(ans|is|ites|ists|ers|ims|ics|ese)$");

    /**
     * Everyday words that name an institution only with a qualifier ("Justice Department", "State Media"): alone, a
     * capitalised sentence start or a clipped name, never one topic.
     */
    private static final Set<String> GENERIC = Set.of("department", "media", "administration", "government", "court",
            "agency", "committee", "party", "police", "state", "states", "city", "council", "ministry", "office", "bureau",
            "commission", "campaign", "union", "network", "group", "company", "university", "school", "church", "army",
            "navy", "military", "north", "south", "east", "west", "federal", "national", "international", "central",
            "republic", "kingdom", "county", "district", "region", "province", "center", "centre", "institute",
            "foundation", "association", "board", "service", "services", "authority", "embassy", "cabinet", "coalition",
            "alliance", "movement", "caucus", "club", "team", "league", "act", "bill", "law", "amendment", "internet",
            "web", "news", "times", "post", "journal", "democracy", "freedom", "liberty", "earth", "world", "nation",
            "people", "public", "officials", "official", "president", "governor", "senator", "minister", "secretary",
            "justice", "general", "chief", "director", "ambassador", "defense", "leader", "lawmakers", "americans", "god", "day", "week", "year",
            "new", "old", "white", "black", "street", "avenue", "road", "island", "river", "lake", "mountain", "park", "tv",
            "radio", "online", "muslim", "muslims", "christian", "christians", "jewish", "jews", "latino", "latinos",
            "hispanic", "hispanics", "catholic", "catholics", "evangelical", "evangelicals", "arab", "arabs", "asian",
            "asians", "european", "europeans", "african", "africans", "western", "eastern", "northern", "southern",
            // units and measures: capitalised only in Title Case headlines ("Unemployment Rate Drops to 7.7 Percent")
            "percent", "percentage", "million", "billion", "trillion", "dollars", "rate", "points");

    /** An adjective made from a noun ("congressional", "federal", "presidential"). */
    private static final Pattern ADJECTIVE_ENDING = Pattern.compile("\\p{L}+al$");
    /**
     * Kinds of jurisdiction or body that exist many times over: after such an adjective, a description ("Federal
     * Government") or a numbered one with its number cut off ("7th Congressional District").
     */
    private static final Set<String> MANY_OF_A_KIND = Set.of("district", "districts", "court", "courts", "government",
            "governments", "agency", "agencies", "county", "city", "region", "office", "level", "election", "elections", "race");
    private static final Set<String> NUMBER_WORDS = Set.of("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
            "dozen", "dozens", "hundreds", "thousands", "millions", "several", "many", "some", "few", "both", "all", "most",
            // a share of a group ("Half of Americans", "Majority of Voters"): a count of people too
            "half", "majority", "minority");
    /**
     * Function words that never begin or end a name as written: a name spotted from the middle of a longer one ("of
     * Education" from "Department of Education", "of Staff John Kelly" from "Chief of Staff John Kelly").
     */
    private static final Set<String> CLIPPED_AT = Set.of("of", "and", "for", "on", "in", "to", "at", "by", "with", "or", "from", "the");
    /**
     * Job titles that end a name without a person's: "FBI Director", "Google CEO", "Senate Majority Leader", "DOJ Inspector
     * General". A title or role is no topic (the person holding it is, under their name).
     */
    private static final Set<String> ROLES = Set.of("ceo", "cfo", "coo", "director", "secretary", "leader", "president", "chairman",
            "chairwoman", "chairperson", "spokesman", "spokeswoman", "spokesperson", "governor", "senator", "mayor", "minister",
            "commissioner", "administrator", "adviser", "advisor", "aide", "founder", "cofounder", "ambassador", "correspondent");
    /** Titles of two words ending in "general" ("Inspector General", "Attorney General"): "General" alone may end a company's name. */
    private static final Set<String> GENERAL_ROLES = Set.of("inspector", "attorney", "surgeon", "solicitor", "secretary", "postmaster");
    /**
     * The letter that begins Irish surnames with an apostrophe ("O'Rourke", "O'Reilly"): a person's name ending in it alone
     * was cut at the apostrophe ("Beto O"). Not "D": "Part D" (of Medicare) is typed a person too.
     */
    private static final Set<String> APOSTROPHE_PREFIXES = Set.of("O");

    /** A congressional party-and-state tag after a name: "D-N.Y", "R-Texas", "I-Vt." */
    private static final Pattern PARTY_TAG = Pattern.compile("^[DRI]-\\p{Lu}[\\p{L}.]*( \\p{Lu}[\\p{L}.]*)?$");

    private final Set<String> outlets;

    /** @param outlets the news outlets whose names are credits, not subjects (authors and think tanks are not among them) */
    TopicNoise(Collection<Outlet> outlets) {
        Set<String> keys = new HashSet<>(CREDITS);
        for (Outlet o : outlets) {
            if (o.kind() != null && !o.kind().equals("News Media")) continue;
            addOutlet(keys, o.name());
            for (String a : o.aliases()) addOutlet(keys, a);
            String domain = o.domain().toLowerCase(Locale.ROOT);
            int dot = domain.lastIndexOf('.');
            if (dot > 0) addOutlet(keys, domain.substring(0, dot).replaceFirst("^www\\.", ""));
        }
        this.outlets = Set.copyOf(keys);
    }

    private static void addOutlet(Set<String> keys, String name) {
        // "New York Times - News", "Fox News (Online News)": the outlet's own name, before the section
        String k = TopicKeys.key(name.replaceAll("\\s+[-\u2013(].*$", ""));
        // A one-word outlet name that is also an everyday word ("Time", "Reason", "Vox") is left to the common-word test.
        if (!k.isEmpty()) keys.add(k);
    }

    /** Whether a name is never a topic whatever its stories: a date, a piece of page furniture, no real name. */
    boolean never(String name) {
        String key = TopicKeys.key(name);
        List<String> words = List.of(key.split(" "));
        if (key.length() < 2 || key.length() > 60 || words.size() > 6) return true;
        if (!key.matches(".*\\p{L}.*")) return true;
        for (String w : words) if (CALENDAR.contains(w) || FURNITURE.contains(w)) return true;
        if (words.size() == 1 && GENERIC.contains(key)) return true;
        // An adjective before an everyday noun describes a kind of thing, not one ("Congressional District", "Federal Court").
        if (words.size() == 2 && ADJECTIVE_ENDING.matcher(words.get(0)).matches() && MANY_OF_A_KIND.contains(words.get(1))) return true;
        // A number before a group is a count of people, not a name ("Four Democrats"); a party-and-state tag ("D-N.Y").
        if (words.size() >= 2 && NUMBER_WORDS.contains(words.get(0))) return true;
        if (PARTY_TAG.matcher(name.strip()).matches()) return true;
        return clipped(name) || title(words) || gluedTag(name);
    }

    /** A piece cut from a longer name: it begins or ends with a lower-case function word as written ("of Education"). */
    static boolean clipped(String name) {
        String[] w = name.strip().split("\\s+");
        return w.length >= 2 && (CLIPPED_AT.contains(w[0]) || CLIPPED_AT.contains(w[w.length - 1]));
    }

    /**
     * A job title without a name (its words as keys): the last word is a role ("FBI Director", "Google CEO"), or two last
     * words a title ending in "general"; a name holding "of" is an office ("Office of Inspector General") and stays.
     */
    static boolean title(List<String> words) {
        if (words.size() < 2 || words.contains("of")) return false;
        String last = words.get(words.size() - 1);
        return ROLES.contains(last) || last.equals("general") && GENERAL_ROLES.contains(words.get(words.size() - 2));
    }

    /** A person's name cut at an apostrophe: it ends in the letter before it ("Beto O" of "Beto O'Rourke"). */
    static boolean cutAtApostrophe(String name) {
        String[] w = name.strip().split("\\s+");
        return w.length >= 2 && APOSTROPHE_PREFIXES.contains(w[w.length - 1]);
    }

    /**
     * A page's inline tag run into the next headline ("Trump Donald John TrumpFederal": a later word begins with an
     * earlier one and runs on in capitals): a link's text, not a name.
     */
    static boolean gluedTag(String name) {
        String[] w = name.strip().split("\\s+");
        for (int i = 1; i < w.length; i++) {
            for (int j = 0; j < i; j++) {
                if (w[j].length() >= 2 && w[i].length() > w[j].length() && w[i].startsWith(w[j]) && Character.isUpperCase(w[i].charAt(w[j].length()))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether a name is an outlet or wire service: a topic only through stories whose headline names it. */
    boolean credit(String key) {
        return outlets.contains(key);
    }

    /**
     * Whether a name of several words begins with an outlet's name ("CNN Business", "POLITICO Magazine", "NPR News"):
     * when only that outlet writes it, its own section, show or product.
     */
    boolean outletPrefix(String key) {
        String[] w = key.split(" ");
        for (int i = 1; i < w.length; i++) if (outlets.contains(String.join(" ", java.util.Arrays.copyOf(w, i)))) return true;
        return false;
    }

    /** A one-word name of a group of people ("Americans", "Democrats"), not of one entity. */
    static boolean groupPlural(String key, String kind) {
        return !key.contains(" ") && !kind.equals("place") && !kind.equals("person") && GROUP_PLURAL.matcher(key).matches();
    }
}
