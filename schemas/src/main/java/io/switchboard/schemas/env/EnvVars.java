package io.switchboard.schemas.env;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reading SB_* variables, the same way in every component's {@code *Config.fromEnv}: unset or blank means
 * "take the default" (deployment templates often leave variables empty), values are trimmed, and a
 * malformed value names its variable.
 */
public final class EnvVars {
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    private EnvVars() {
    }

    /** The trimmed value, or null when unset or blank. */
    public static String value(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    public static String or(String value, String fallback) {
        return value != null ? value : fallback;
    }

    public static int intVar(Map<String, String> env, String name, int fallback) {
        return parsed(env, name, fallback, Integer::parseInt, "an integer");
    }

    public static long longVar(Map<String, String> env, String name, long fallback) {
        return parsed(env, name, fallback, Long::parseLong, "an integer");
    }

    public static double doubleVar(Map<String, String> env, String name, double fallback) {
        return parsed(env, name, fallback, Double::parseDouble, "a number");
    }

    private static <T> T parsed(Map<String, String> env, String name, T fallback, Function<String, T> parse,
                                String kind) {
        String v = value(env, name);
        try {
            return v == null ? fallback : parse.apply(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be " + kind + ", was " + v, e);
        }
    }

    public static boolean boolVar(Map<String, String> env, String name) {
        String v = value(env, name);
        if (v == null || v.equalsIgnoreCase("false")) {
            return false;
        }
        if (v.equalsIgnoreCase("true")) {
            return true;
        }
        throw new IllegalArgumentException(name + " must be true or false, was " + v);
    }

    /** {@code 90s}, {@code 30m}, {@code 24h}, {@code 7d}, {@code 500ms}, or ISO-8601 such as {@code PT24H}. */
    public static Duration durationVar(Map<String, String> env, String name, Duration fallback) {
        String v = value(env, name);
        if (v == null) {
            return fallback;
        }
        Matcher m = DURATION.matcher(v.toLowerCase(Locale.ROOT));
        try {
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                return switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
            }
            return Duration.parse(v);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(name + " must be a duration such as 24h, 90m or PT24H, was " + v, e);
        }
    }
}
