package io.switchboard.infra.faults.process;

import java.time.Duration;

/** Sleeping in tests, with interruption turned into a failure rather than swallowed. */
final class Pause {
    private Pause() {
    }

    static void millis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static void of(Duration duration) {
        millis(duration.toMillis());
    }
}
