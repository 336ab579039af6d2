package io.switchboard.bench.cli;

import java.time.Duration;
import java.util.List;

/**
 * An open-loop load: {@code users} clients in conversations whose sizes cycle through {@code conversationSizes},
 * sending {@code rate} messages a second in total for {@code duration}, after {@code warmup} at the same rate
 * whose figures are thrown away (JIT, connection pools, RocksDB caches).
 *
 * @param drain        how long after the last send deliveries and acks may still arrive before they count as lost
 * @param messageBytes size of each message's text
 */
public record LoadOptions(int users, List<Integer> conversationSizes, double rate, Duration duration,
                          Duration warmup, Duration drain, int messageBytes, int connectConcurrency) {
    public static final int MIN_TEXT = 32;

    public LoadOptions {
        conversationSizes = List.copyOf(conversationSizes);
        require(users >= 2, "--users must be at least 2, was " + users);
        require(!conversationSizes.isEmpty(), "--conversation-sizes must name at least one size");
        for (int size : conversationSizes) {
            require(size >= 2 && size <= users, "--conversation-sizes must be 2.." + users + " (--users), was " + size);
        }
        require(rate > 0 && Double.isFinite(rate), "--rate must be positive, was " + rate);
        require(duration.isPositive(), "--duration must be positive");
        require(!warmup.isNegative(), "--warmup must not be negative");
        require(drain.isPositive(), "--drain must be positive");
        require(messageBytes >= MIN_TEXT && messageBytes <= 4000, "--message-bytes must be " + MIN_TEXT + "..4000, was " + messageBytes);
        require(connectConcurrency >= 1, "--connect-concurrency must be at least 1");
    }

    public static LoadOptions from(Args args, double defaultRate, Duration defaultDuration) {
        return new LoadOptions(
                args.integer("users", 200),
                args.integers("conversation-sizes", List.of(2, 10)),
                args.number("rate", defaultRate),
                args.duration("duration", defaultDuration),
                args.duration("warmup", Duration.ofSeconds(5)),
                args.duration("drain", Duration.ofSeconds(10)),
                args.integer("message-bytes", 64),
                args.integer("connect-concurrency", 32));
    }

    public LoadOptions withRate(double newRate) {
        return new LoadOptions(users, conversationSizes, newRate, duration, warmup, drain, messageBytes, connectConcurrency);
    }

    static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
