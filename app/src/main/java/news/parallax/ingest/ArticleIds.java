package news.parallax.ingest;

import news.parallax.internal.Hashes;

/** Derives stable 16-hex-digit ids for inputs that carry none: from the URL, else from the body. */
public final class ArticleIds {
    private ArticleIds() {}

    public static String derive(String urlOrBody) {
        return Hashes.sha256Hex(urlOrBody, 8);
    }
}
