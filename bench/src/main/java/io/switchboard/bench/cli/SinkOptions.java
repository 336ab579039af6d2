package io.switchboard.bench.cli;

import java.time.Duration;
import java.util.Map;

/**
 * The sink scenario writes {@code rows} messages straight to sb.messages, spread over {@code conversations}
 * conversations, and times how fast the sink makes them visible in PostgreSQL.
 */
public record SinkOptions(StoreOptions store, int rows, int conversations, Duration timeout) {
    public SinkOptions {
        LoadOptions.require(store != null, "store options are required");
        LoadOptions.require(rows >= 1, "--rows must be at least 1, was " + rows);
        LoadOptions.require(conversations >= 1 && conversations <= rows, "--conversations must be 1..rows, was " + conversations);
        LoadOptions.require(timeout.isPositive(), "--timeout must be positive");
    }

    public static SinkOptions from(Args args, Map<String, String> env) {
        return new SinkOptions(StoreOptions.from(args, env), args.integer("rows", 200_000),
                args.integer("conversations", 64), args.duration("timeout", Duration.ofMinutes(2)));
    }
}
