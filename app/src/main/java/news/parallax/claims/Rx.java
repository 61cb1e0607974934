package news.parallax.claims;

import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Regular expressions of the claims stage, each compiled once (issues 17 and 18): {@code String.matches},
 * {@code replaceAll} and {@code split} compile their pattern on every call, which the per-token rules would
 * otherwise do millions of times over a corpus. Thread-safe.
 */
final class Rx {
    private static final ConcurrentHashMap<String, Pattern> CACHE = new ConcurrentHashMap<>();

    private Rx() {}

    static Pattern of(String regex) {
        return CACHE.computeIfAbsent(regex, Pattern::compile);
    }

    static boolean matches(String input, String regex) {
        return of(regex).matcher(input).matches();
    }

    static String replaceAll(String input, String regex, String replacement) {
        return of(regex).matcher(input).replaceAll(replacement);
    }

    static String replaceFirst(String input, String regex, String replacement) {
        return of(regex).matcher(input).replaceFirst(replacement);
    }

    static String[] split(String input, String regex) {
        return of(regex).split(input);
    }
}
