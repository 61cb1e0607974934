package news.parallax.web;

import org.jspecify.annotations.Nullable;

/** HTML escaping for untrusted text: every article field comes from the web. */
public final class Html {
    private Html() {}

    /** Escapes text for element content and quoted attribute values. */
    public static String escape(@Nullable String text) {
        if (text == null) return "";
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A URL safe to put in an href: only http(s) links are kept, anything else (javascript:, data:) is dropped. */
    public static String safeHref(@Nullable String url) {
        if (url == null) return "";
        String u = url.strip();
        String lower = u.toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://") ? escape(u) : "";
    }
}
