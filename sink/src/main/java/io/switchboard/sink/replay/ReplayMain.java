package io.switchboard.sink.replay;

import io.switchboard.sink.SinkConfig;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;

/** Operators' CLI: {@code replay} rebuilds the read model from the topics, {@code verify} checks it. */
public final class ReplayMain {
    static final int OK = 0;
    static final int DIFFERENT_OR_FAILED = 1;
    static final int USAGE = 2;
    private static final Duration SETTLE = Duration.ofSeconds(2);

    private ReplayMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        ReplayArgs parsed;
        SinkConfig config;
        try {
            parsed = ReplayArgs.parse(args);
            config = SinkConfig.fromEnv(env);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(ReplayArgs.USAGE);
            return USAGE;
        }
        try {
            return switch (parsed.command()) {
                case REPLAY -> replay(parsed, config, out, err);
                case VERIFY -> verify(parsed, config, out);
            };
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("Interrupted");
            return DIFFERENT_OR_FAILED;
        } catch (Exception e) {
            err.println();
            err.println("Failed: " + e);
            return DIFFERENT_OR_FAILED;
        }
    }

    private static int replay(ReplayArgs args, SinkConfig config, PrintStream out, PrintStream err)
            throws Exception {
        String target = args.schema().orElse(config.pgSchema() + "_rebuild");
        ReplaySummary summary = new Replayer(config, target, err).run(args.switchIn());
        out.println(summary.describe());
        return OK;
    }

    private static int verify(ReplayArgs args, SinkConfig config, PrintStream out) throws Exception {
        String schema = args.schema().orElse(config.pgSchema());
        int differing = new Verifier(config, schema, out).run(args.rounds(), SETTLE);
        return differing == 0 ? OK : DIFFERENT_OR_FAILED;
    }
}
