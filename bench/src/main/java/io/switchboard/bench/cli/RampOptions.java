package io.switchboard.bench.cli;

/**
 * The throughput ramp: steps start at the load's rate and grow by {@code factor} until a step loses a message,
 * gets an error, or its p99 delivery latency passes {@code p99LimitMs}; {@code maxRate} bounds the search.
 */
public record RampOptions(double factor, double maxRate, double p99LimitMs) {
    public RampOptions {
        LoadOptions.require(factor > 1 && Double.isFinite(factor), "--ramp-factor must be above 1, was " + factor);
        LoadOptions.require(maxRate > 0, "--max-rate must be positive, was " + maxRate);
        LoadOptions.require(p99LimitMs > 0, "--p99-limit-ms must be positive, was " + p99LimitMs);
    }

    public static RampOptions from(Args args) {
        return new RampOptions(args.number("ramp-factor", 1.25), args.number("max-rate", 100_000),
                args.number("p99-limit-ms", 250));
    }
}
