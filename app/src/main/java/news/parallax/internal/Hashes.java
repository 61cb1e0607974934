package news.parallax.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Short stable keys: a hex prefix of the SHA-256 of a string's UTF-8 bytes. */
public final class Hashes {
    private Hashes() {}

    /** The first {@code bytes} bytes of SHA-256({@code text}), as lower-case hex ({@code 2 * bytes} digits). */
    public static String sha256Hex(String text, int bytes) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
