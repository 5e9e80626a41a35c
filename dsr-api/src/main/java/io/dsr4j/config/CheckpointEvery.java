package io.dsr4j.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How often a run writes a checkpoint: every {@code iterations} iterations, every {@code duration} of wall time, or
 * never ({@link #OFF}). Written in YAML as {@code null}, an iteration count ({@code 100}) or a duration
 * ({@code 30s}, {@code 10m}, {@code 1h}, {@code 1.5h}, {@code 500ms}, {@code 2d}, or ISO-8601 {@code PT10M}).
 *
 * @param iterations iterations between checkpoints, 0 when not iteration-based
 * @param duration   wall time between checkpoints, null when not time-based
 */
public record CheckpointEvery(long iterations, Duration duration) {

    public static final CheckpointEvery OFF = new CheckpointEvery(0, null);

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|min|h|d)");
    static final String ALLOWED = "null (off), an iteration count such as 100, or a duration such as 30s, 10m, 1h";

    public CheckpointEvery {
        if (iterations < 0) throw new IllegalArgumentException("iterations < 0");
        if (iterations > 0 && duration != null) throw new IllegalArgumentException("either iterations or a duration");
        if (duration != null && (duration.isNegative() || duration.isZero())) {
            throw new IllegalArgumentException("duration must be positive");
        }
    }

    public static CheckpointEvery iterations(long n) { return new CheckpointEvery(n, null); }

    public static CheckpointEvery duration(Duration d) { return new CheckpointEvery(0, d); }

    public boolean isOff() { return iterations == 0 && duration == null; }

    public boolean isIterationBased() { return iterations > 0; }

    public boolean isTimeBased() { return duration != null; }

    /**
     * Parses a YAML value (null, Long, Double or String).
     *
     * @throws IllegalArgumentException with the "what is allowed" text when the value is not understood
     */
    public static CheckpointEvery parse(Object value) {
        if (value == null) return OFF;
        if (value instanceof Long l) return count(l, value);
        if (value instanceof Double d) {
            if (d == Math.rint(d)) return count(d.longValue(), value);
            throw new IllegalArgumentException(bad(value));
        }
        if (!(value instanceof String s)) throw new IllegalArgumentException(bad(value));
        String t = s.trim().toLowerCase(Locale.ROOT);
        if (t.isEmpty() || t.equals("off") || t.equals("null") || t.equals("none")) return OFF;
        if (t.matches("\\d+")) {
            try {
                return count(Long.parseLong(t), value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(bad(value));
            }
        }
        Matcher m = DURATION.matcher(t);
        if (m.matches()) {
            double amount = Double.parseDouble(m.group(1));
            double millis = amount * switch (m.group(2)) {
                case "ms" -> 1;
                case "s" -> 1_000;
                case "m", "min" -> 60_000;
                case "h" -> 3_600_000;
                default -> 86_400_000;
            };
            if (millis < 1) throw new IllegalArgumentException(bad(value));
            return duration(Duration.ofMillis(Math.round(millis)));
        }
        if (t.startsWith("p")) {
            try {
                Duration d = Duration.parse(s.trim());
                if (!d.isNegative() && !d.isZero()) return duration(d);
            } catch (DateTimeParseException ignored) {
                // reported below
            }
        }
        throw new IllegalArgumentException(bad(value));
    }

    private static CheckpointEvery count(long n, Object value) {
        if (n < 0) throw new IllegalArgumentException(bad(value));
        return n == 0 ? OFF : iterations(n);
    }

    private static String bad(Object value) {
        return "'" + value + "' is not a checkpoint interval; allowed: " + ALLOWED;
    }

    /** The YAML value that parses back to this (null, an integer or a duration string). */
    public Object toYamlValue() {
        if (iterations > 0) return iterations;
        if (duration == null) return null;
        long ms = duration.toMillis();
        if (ms % 86_400_000 == 0) return ms / 86_400_000 + "d";
        if (ms % 3_600_000 == 0) return ms / 3_600_000 + "h";
        if (ms % 60_000 == 0) return ms / 60_000 + "m";
        if (ms % 1_000 == 0) return ms / 1_000 + "s";
        return ms + "ms";
    }

    @Override
    public String toString() {
        return isOff() ? "off" : String.valueOf(toYamlValue());
    }
}
