package io.switchboard.bench.cli;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code --name value} / {@code --name=value} flags after a positional scenario name. Each option record
 * takes what it knows; {@link #requireAllUsed()} then refuses the rest, so a typo never silently falls
 * back to a default and benchmarks the wrong thing.
 */
public final class Args {
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m)?");

    private final String scenario;
    private final Map<String, String> flags;
    private final Set<String> used = new HashSet<>();

    private Args(String scenario, Map<String, String> flags) {
        this.scenario = scenario;
        this.flags = flags;
    }

    public static Args parse(String... argv) {
        if (argv.length == 0 || argv[0].startsWith("--")) {
            throw new IllegalArgumentException("the first argument must be a scenario name");
        }
        Map<String, String> flags = new LinkedHashMap<>();
        List<String> rest = new ArrayList<>(Arrays.asList(argv).subList(1, argv.length));
        for (int i = 0; i < rest.size(); i++) {
            String arg = rest.get(i);
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new IllegalArgumentException("expected --name value, got " + arg);
            }
            int eq = arg.indexOf('=');
            if (eq > 0) {
                flags.put(arg.substring(2, eq), arg.substring(eq + 1));
            } else if (i + 1 < rest.size() && !rest.get(i + 1).startsWith("--")) {
                flags.put(arg.substring(2), rest.get(++i));
            } else {
                throw new IllegalArgumentException("--" + arg.substring(2) + " needs a value");
            }
        }
        return new Args(argv[0], flags);
    }

    public String scenario() {
        return scenario;
    }

    public String string(String name, String fallback) {
        used.add(name);
        return flags.getOrDefault(name, fallback);
    }

    public int integer(String name, int fallback) {
        String v = string(name, null);
        try {
            return v == null ? fallback : Integer.parseInt(v.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be an integer, was " + v, e);
        }
    }

    public double number(String name, double fallback) {
        String v = string(name, null);
        try {
            return v == null ? fallback : Double.parseDouble(v.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a number, was " + v, e);
        }
    }

    /** Plain numbers are seconds; {@code 500ms}, {@code 30s} and {@code 2m} say their unit. */
    public Duration duration(String name, Duration fallback) {
        String v = string(name, null);
        if (v == null) {
            return fallback;
        }
        Matcher m = DURATION.matcher(v.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("--" + name + " must be a duration like 30, 30s, 500ms or 2m, was " + v);
        }
        double amount = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        double millis = switch (unit) {
            case "ms" -> amount;
            case "m" -> amount * 60_000;
            default -> amount * 1_000;
        };
        return Duration.ofNanos(Math.round(millis * 1_000_000));
    }

    public List<String> list(String name, List<String> fallback) {
        String v = string(name, null);
        if (v == null) {
            return fallback;
        }
        return Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public List<Integer> integers(String name, List<Integer> fallback) {
        List<String> values = list(name, null);
        if (values == null) {
            return fallback;
        }
        try {
            return values.stream().map(Integer::parseInt).toList();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be integers separated by commas", e);
        }
    }

    public List<URI> uris(String name, List<URI> fallback) {
        List<String> values = list(name, null);
        return values == null ? fallback : values.stream().map(URI::create).toList();
    }

    /** Every flag given, for the report: what was asked for, before defaults. */
    public Map<String, String> given() {
        return Map.copyOf(flags);
    }

    public void requireAllUsed() {
        List<String> unknown = flags.keySet().stream().filter(k -> !used.contains(k)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown option(s) for " + scenario + ": --" + String.join(", --", unknown));
        }
    }
}
