package news.parallax.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stateless anti-forgery tokens for the report form: {@code issuedSecond.HMAC(storyId, issuedSecond)} under a key
 * drawn when the server starts. A token is good for one story and {@link #VALIDITY}; a restart invalidates the
 * forms open at that moment (the reader reloads the page). Tokens are issued per {@link #STEP} (the issue time is
 * rounded down to it), so a story page is the same bytes for everyone within a step and can be served from
 * {@link PageCache}; the token is per story, not per reader, either way (the Origin check does the rest). Thread-safe.
 */
final class CsrfTokens {
    /** How long a form stays usable after its page was served. */
    static final Duration VALIDITY = Duration.ofHours(12);
    /**
     * Issue times are rounded down to this step: a cached story page keeps its token this long at most, so a form
     * served from the cache is still good for {@link #VALIDITY} minus this step.
     */
    static final Duration STEP = Duration.ofHours(1);
    private static final String ALGORITHM = "HmacSHA256";
    private static final int KEY_BYTES = 32;

    private final SecretKeySpec key;

    CsrfTokens() {
        byte[] k = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(k);
        this.key = new SecretKeySpec(k, ALGORITHM);
    }

    String issue(String storyId, Instant now) {
        return issueAt(storyId, bucket(now));
    }

    /** The start of the {@link #STEP} holding {@code now}, in epoch seconds: what a token issued then carries. */
    long bucket(Instant now) {
        long step = STEP.toSeconds();
        return Math.floorDiv(now.getEpochSecond(), step) * step;
    }

    /** The token for {@code storyId} issued at {@code bucket} (from {@link #bucket}). */
    String issueAt(String storyId, long bucket) {
        return bucket + "." + mac(storyId, bucket);
    }

    /** True when {@code token} was issued by this server for {@code storyId} within {@link #VALIDITY} of {@code now}. */
    boolean valid(String storyId, String token, Instant now) {
        int dot = token.indexOf('.');
        if (dot <= 0 || token.length() > 200) return false;
        long second;
        try {
            second = Long.parseLong(token.substring(0, dot));
        } catch (NumberFormatException e) {
            return false;
        }
        long age = now.getEpochSecond() - second;
        if (age < 0 || age > VALIDITY.toSeconds()) return false;
        byte[] expected = mac(storyId, second).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII));
    }

    private String mac(String storyId, long second) {
        try {
            Mac m = Mac.getInstance(ALGORITHM);
            m.init(key);
            byte[] out = m.doFinal((storyId + "\n" + second).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e); // every JDK has it
        }
    }
}
