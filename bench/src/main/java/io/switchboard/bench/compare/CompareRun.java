package io.switchboard.bench.compare;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The loadgen reports of one comparison, as {@code scripts/bench-compare.sh} names them in its output
 * directory: {@code round<N>-<target>.json} for the alternating rounds, {@code ramp-<target>-<rate>.json}
 * for the throughput ramp (one run per step). Anything else there (logs, the priming runs) is ignored.
 */
public record CompareRun(List<Round> rounds, Map<String, List<LoadgenReport>> ramps) {
    private static final Pattern ROUND = Pattern.compile("round(\\d+)-(seed|switchboard)\\.json");
    private static final Pattern RAMP = Pattern.compile("ramp-(seed|switchboard)-(\\d+)\\.json");

    public CompareRun {
        rounds = List.copyOf(rounds);
        ramps = Map.copyOf(ramps);
    }

    /** One round: each target's report, by loadgen target name. */
    public record Round(int number, Map<String, LoadgenReport> byTarget) {
        public Round {
            byTarget = Map.copyOf(byTarget);
        }
    }

    public static CompareRun read(Path dir) {
        Map<Integer, Map<String, LoadgenReport>> rounds = new TreeMap<>();
        Map<String, List<LoadgenReport>> ramps = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                Matcher round = ROUND.matcher(name);
                Matcher ramp = RAMP.matcher(name);
                if (round.matches()) {
                    rounds.computeIfAbsent(Integer.parseInt(round.group(1)), n -> new TreeMap<>())
                            .put(round.group(2), LoadgenReport.read(file));
                } else if (ramp.matches()) {
                    ramps.computeIfAbsent(ramp.group(1), t -> new ArrayList<>()).add(LoadgenReport.read(file));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        ramps.values().forEach(steps -> steps.sort(Comparator.comparingInt(r -> r.steps().getFirst().rate())));
        List<Round> list = new ArrayList<>();
        rounds.forEach((number, byTarget) -> list.add(new Round(number, byTarget)));
        return new CompareRun(list, ramps);
    }

    /** Every rate any round ran, ascending. */
    public List<Integer> roundRates() {
        return rounds.stream().flatMap(r -> r.byTarget().values().stream()).flatMap(r -> r.steps().stream())
                .map(LoadgenStep::rate).distinct().sorted().toList();
    }
}
