package news.parallax.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Derives stable 16-hex-digit ids for inputs that carry none: from the URL, else from the body. */
public final class ArticleIds {
    private ArticleIds() {}

    public static String derive(String urlOrBody) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(urlOrBody.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
