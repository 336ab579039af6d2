package io.switchboard.bench.cli;

import java.nio.file.Path;
import java.util.List;

/**
 * Where a run's report goes and what it samples, for every scenario.
 *
 * @param extraPids processes to sample besides those found by command line (io.switchboard JVMs, a Kafka broker,
 *                  Redis, PostgreSQL)
 */
public record OutputOptions(Path outDir, List<Long> extraPids) {
    public OutputOptions {
        extraPids = List.copyOf(extraPids);
        if (outDir == null || outDir.toString().isBlank()) {
            throw new IllegalArgumentException("--out must name a directory");
        }
    }

    public static OutputOptions from(Args args) {
        try {
            return new OutputOptions(Path.of(args.string("out", "target/bench")),
                    args.list("pids", List.of()).stream().map(Long::parseLong).toList());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--pids must be process ids separated by commas", e);
        }
    }
}
