package news.parallax.analysis;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Writes the claims stage's normalised figures as people write them: "5700000000" dollars becomes "$5.7 billion",
 * "1500" troops "1,500 troops", an "about" bound "about 12,000 troops", a range "10,000–12,000 troops", a vague
 * amount "thousands of troops". Every figure carries its unit (the counted thing), so a reader never sees a bare
 * number. Stateless and thread-safe.
 */
public final class FigureFormat {
    /** A normalised figure: digits with an optional decimal part. */
    private static final Pattern NUMBER = Pattern.compile("\\d+(\\.\\d+)?");
    /** A normalised range "10000-12000". */
    private static final Pattern RANGE = Pattern.compile("(\\d+(?:\\.\\d+)?)-(\\d+(?:\\.\\d+)?)");
    private static final double TRILLION = 1e12;
    private static final double BILLION = 1e9;
    private static final double MILLION = 1e6;
    /** From this size on, counts are written in millions ("5 million immigrants"), as newsrooms do. */
    private static final double WORDS_FROM = 1e6;

    private static final Set<String> BOUND_WORDS = Set.of("about", "up to", "at least", "more than", "nearly", "fewer than",
            "over", "under", "almost", "around", "roughly", "less than");

    /** Vague amounts the claims stage reports as words. */
    private static final Set<String> VAGUE = Set.of("dozens", "scores", "hundreds", "thousands", "tens of thousands",
            "hundreds of thousands", "millions", "tens of millions", "hundreds of millions", "billions", "trillions");

    private FigureFormat() {}

    /**
     * The figure with its qualifier and unit ("about 12,000 troops", "$5.7 billion"); empty when {@code value} is not
     * a figure (an assertion's key phrase) or there is no unit to write it with.
     *
     * @param value normalised value of the claims stage ("1500", "10000-12000", "thousands")
     * @param bound "exact", "about", "up to", ..., "range" or "vague"
     * @param thing counted thing as written, plural ("troops", "dollars", "percent")
     */
    public static Optional<String> figure(String value, String bound, String thing) {
        String unit = thing.strip();
        if (unit.isEmpty() || value.isBlank()) return Optional.empty();
        String qualifier = BOUND_WORDS.contains(bound) ? bound + " " : "";
        Currency money = Currency.of(unit);
        if (bound.equals("assertion")) return Optional.empty();
        if (VAGUE.contains(value.strip().toLowerCase(Locale.ROOT))) return Optional.of(qualifier + value.strip() + " of " + unit);
        Matcher r = RANGE.matcher(value);
        if (r.matches()) {
            double low = Double.parseDouble(r.group(1));
            double high = Double.parseDouble(r.group(2));
            if (money != null) return Optional.of(qualifier + money.symbol + range(low, high));
            if (isPercent(unit)) return Optional.of(qualifier + number(low) + "–" + number(high) + "%");
            return Optional.of(qualifier + range(low, high) + " " + unit);
        }
        if (!NUMBER.matcher(value).matches()) return Optional.empty();
        double x = Double.parseDouble(value);
        if (money != null) return Optional.of(qualifier + money.symbol + amount(x));
        if (isPercent(unit)) return Optional.of(qualifier + number(x) + "%");
        return Optional.of(qualifier + amount(x) + " " + unit);
    }

    /** "1,500", "5.7 million", "2.6" for 2.6: grouped digits, words from a million. */
    static String amount(double x) {
        if (x >= TRILLION) return scaled(x / TRILLION) + " trillion";
        if (x >= BILLION) return scaled(x / BILLION) + " billion";
        if (x >= WORDS_FROM) return scaled(x / MILLION) + " million";
        return number(x);
    }

    private static String range(double low, double high) {
        // "1–2 billion" when both share a scale word, else each in full.
        if (low >= TRILLION && high >= TRILLION) return scaled(low / TRILLION) + "–" + scaled(high / TRILLION) + " trillion";
        if (low >= BILLION && high >= BILLION && high < TRILLION) return scaled(low / BILLION) + "–" + scaled(high / BILLION) + " billion";
        if (low >= WORDS_FROM && high >= WORDS_FROM && high < BILLION) return scaled(low / MILLION) + "–" + scaled(high / MILLION) + " million";
        return amount(low) + "–" + amount(high);
    }

    /** Up to three decimals, trailing zeros dropped: 5.70 gives "5.7", 1.375 stays "1.375". */
    private static String scaled(double x) {
        return new BigDecimal(x).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** Grouped thousands, decimals kept as written: 1500 gives "1,500", 2.6 gives "2.6". */
    static String number(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e15) return String.format(Locale.ROOT, "%,d", (long) x);
        // Rounded first, then grouped: 2.999 rounds to a whole "3" (no decimal point left) and -0.5 keeps its sign.
        BigDecimal rounded = new BigDecimal(x).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        return new java.text.DecimalFormat("#,##0.##", java.text.DecimalFormatSymbols.getInstance(Locale.ROOT)).format(rounded);
    }

    static boolean isPercent(String unit) {
        String u = unit.toLowerCase(Locale.ROOT);
        return u.equals("percent") || u.equals("%") || u.equals("per cent") || u.equals("percentage points");
    }

    private enum Currency {
        DOLLAR("$"), POUND("£"), EURO("€");

        final String symbol;

        Currency(String symbol) {
            this.symbol = symbol;
        }

        static @Nullable Currency of(String unit) {
            return switch (unit.toLowerCase(Locale.ROOT)) {
                case "dollars", "dollar", "usd", "$" -> DOLLAR;
                case "pounds", "pound", "gbp", "£" -> POUND;
                case "euros", "euro", "eur", "€" -> EURO;
                default -> null;
            };
        }
    }
}
