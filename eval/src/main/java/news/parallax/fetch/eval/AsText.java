package news.parallax.fetch.eval;

import org.jsoup.Jsoup;

/**
 * An expected title or summary as text, the way Parallax stores them: markup removed (feedparser
 * keeps sanitised HTML), entities decoded, whitespace collapsed.
 */
final class AsText {
    private AsText() {}

    static String of(String value) {
        String text = value.indexOf('<') >= 0 || value.indexOf('&') >= 0 ? Jsoup.parseBodyFragment(value).text() : value;
        return collapse(text);
    }

    /** Whitespace runs (no-break spaces included) as one space, trimmed; nothing else changed. */
    static String collapse(String text) {
        return text.replaceAll("[\\s\\u00a0]+", " ").strip();
    }
}
