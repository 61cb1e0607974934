package news.parallax.fetch.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The date strings of feedparser's {@code test_date_parsers.py} with the UTC time each must give, or
 * null for the strings a parser must reject.
 */
public final class DateCases {
    /** One string; {@code expected} null means "must be rejected". */
    public record DateCase(String input, @Nullable Instant expected) {}

    /** Valid strings read right, read wrong, not read; invalid strings rejected, accepted. */
    public record Score(int validRight, int validWrong, int validMissed, int invalidRejected, int invalidAccepted,
            List<String> failures) {
        public int valid() {
            return validRight + validWrong + validMissed;
        }

        public int invalid() {
            return invalidRejected + invalidAccepted;
        }
    }

    // (_parse_date_x, "string", (tuple) | None): the parametrised cases; also the lone year-10000 call.
    private static final Pattern CASE = Pattern.compile(
            "\\(\\s*_parse_date_\\w+\\s*,\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*,\\s*(\\([^)]*\\)|None)\\s*,?\\s*\\)");
    private static final Pattern CALL = Pattern.compile("=\\s*_parse_date_\\w+\\(\"((?:[^\"\\\\]|\\\\.)*)\"\\)\\s*\\n\\s*assert \\w+ is None");

    private DateCases() {}

    public static List<DateCase> load(Path file) {
        String py;
        try {
            py = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        List<DateCase> cases = new ArrayList<>();
        Matcher call = CALL.matcher(py);
        while (call.find()) cases.add(new DateCase(unescape(call.group(1)), null));
        Matcher m = CASE.matcher(py);
        while (m.find()) {
            String tuple = m.group(2);
            Instant expected = null;
            if (!tuple.equals("None")) {
                String[] f = tuple.replaceAll("[()\\s]", "").split(",");
                expected = LocalDateTime.of(Integer.parseInt(f[0]), Integer.parseInt(f[1]), Integer.parseInt(f[2]),
                        Integer.parseInt(f[3]), Integer.parseInt(f[4]), Integer.parseInt(f[5])).toInstant(ZoneOffset.UTC);
            }
            cases.add(new DateCase(unescape(m.group(1)), expected));
        }
        return cases;
    }

    /** Scores a parser; an exception counts as a rejection. Expected times have whole seconds, so fractions are dropped before comparing. */
    public static Score score(List<DateCase> cases, Function<String, @Nullable Instant> parser) {
        int right = 0, wrong = 0, missed = 0, rejected = 0, accepted = 0;
        List<String> failures = new ArrayList<>();
        for (DateCase c : cases) {
            Instant got;
            try {
                got = parser.apply(c.input());
            } catch (RuntimeException e) {
                got = null;
            }
            if (got != null) got = Instant.ofEpochSecond(got.getEpochSecond());
            if (c.expected() == null) {
                if (got == null) rejected++;
                else {
                    accepted++;
                    failures.add("accepted invalid \"" + c.input() + "\" as " + got);
                }
            } else if (got == null) {
                missed++;
                failures.add("not read \"" + c.input() + "\" (want " + c.expected() + ")");
            } else if (got.equals(c.expected())) {
                right++;
            } else {
                wrong++;
                failures.add("wrong \"" + c.input() + "\": " + got + " (want " + c.expected() + ")");
            }
        }
        return new Score(right, wrong, missed, rejected, accepted, failures);
    }

    private static String unescape(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char e = s.charAt(++i);
                if (e == 'u') {
                    b.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                } else {
                    b.append(e);
                }
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
