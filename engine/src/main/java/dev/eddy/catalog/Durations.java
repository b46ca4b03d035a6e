package dev.eddy.catalog;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them in pipeline files: 500ms, 10s, 5m (or 5min), 2h, 1d. */
public final class Durations {
    private static final Pattern DURATION = Pattern.compile("\\s*(-?)\\s*(\\d+)\\s*(ms|s|m|min|h|d)\\s*");

    private Durations() {}

    /** Milliseconds, or an IllegalArgumentException whose message says what was expected. */
    public static long parse(String text) {
        Matcher m = DURATION.matcher(text.toLowerCase(Locale.ROOT));
        if (!m.matches()) throw new IllegalArgumentException("\"" + text + "\" is not a duration such as 500ms, 10s, 5m, 2h or 1d");
        long unit = switch (m.group(3)) {
            case "ms" -> 1;
            case "s" -> 1000;
            case "m", "min" -> 60_000;
            case "h" -> 3_600_000;
            case "d" -> 86_400_000;
            default -> throw new AssertionError(m.group(3));
        };
        try {
            long n = Math.multiplyExact(Long.parseLong(m.group(2)), unit);
            return m.group(1).isEmpty() ? n : -n;
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("\"" + text + "\" is too long: a duration must fit in 64-bit milliseconds (about 292 million years)");
        }
    }

    /** The shortest exact form: 90000 → 90s, 120000 → 2m. */
    public static String format(long millis) {
        if (millis < 0) return "-" + format(-millis);
        if (millis % 86_400_000 == 0 && millis != 0) return millis / 86_400_000 + "d";
        if (millis % 3_600_000 == 0 && millis != 0) return millis / 3_600_000 + "h";
        if (millis % 60_000 == 0 && millis != 0) return millis / 60_000 + "m";
        if (millis % 1000 == 0 && millis != 0) return millis / 1000 + "s";
        return millis + "ms";
    }
}
