package io.switchboard.bench.client;

/** The system under test could not be prepared for a run (refused a call, never answered, ...). */
public final class BenchSetupException extends RuntimeException {
    public BenchSetupException(String message) {
        super(message);
    }

    public BenchSetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
