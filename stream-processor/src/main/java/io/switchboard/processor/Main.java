package io.switchboard.processor;

/** Starts the stream processor from the environment; see architecture.md, "Configuration". */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        StreamProcessor processor = StreamProcessor.start(ProcessorConfig.fromEnv(System.getenv()));
        Runtime.getRuntime().addShutdownHook(new Thread(processor::close, "switchboard-processor-shutdown"));
    }
}
