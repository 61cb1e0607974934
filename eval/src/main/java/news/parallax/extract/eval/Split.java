package news.parallax.extract.eval;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * The fixed split of a development set into a tuning part and an untouched (held-out) part: a page is
 * held out when the first byte of the SHA-256 of its key, modulo 3, is 0 (about a third). The key is
 * the segment set's file name, and for the Fundus set the publisher's label file name
 * ({@code Publisher.json}), so that every page of a held-out publisher is held out with it.
 */
public final class Split {
    private Split() {}

    /** Which part of a set to score. */
    public enum Part {
        TUNE, HOLDOUT, ALL;

        public boolean includes(String key) {
            return switch (this) {
                case ALL -> true;
                case HOLDOUT -> isHoldout(key);
                case TUNE -> !isHoldout(key);
            };
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Holds one page in three out of tuning: first SHA-256 byte of the key, mod 3, is 0. */
    public static boolean isHoldout(String key) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return (h[0] & 0xff) % 3 == 0;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
