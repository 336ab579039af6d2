package io.switchboard.sink;

/** Runs the sink with configuration from the environment until the process is stopped. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        Sink sink = Sink.start(SinkConfig.fromEnv(System.getenv()));
        Runtime.getRuntime().addShutdownHook(new Thread(sink::close, "switchboard-sink-shutdown"));
        sink.awaitTermination();
        if (sink.failure().isPresent()) {
            // A supervisor restarts us; resuming from the committed offsets loses nothing.
            System.exit(1);
        }
    }
}
