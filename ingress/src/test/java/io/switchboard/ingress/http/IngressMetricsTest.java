package io.switchboard.ingress.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IngressMetricsTest {
    private static final String TEXT = "text/plain; version=0.0.4; charset=utf-8";

    @Test
    void shouldKeepReadingSuppliersNobodyElseHoldsAfterGarbageCollection() {
        try (IngressMetrics metrics = new IngressMetrics()) {
            // Capturing lambdas, held by nothing but the meters, like the endpoint's method references.
            int open = 3;
            long in = 5;
            long out = 7;
            metrics.openSockets(() -> open);
            metrics.frames(() -> in, () -> out);
            for (int i = 0; i < 3; i++) {
                System.gc();
            }

            assertThat(metrics.scrape(TEXT))
                    .contains("switchboard_sockets_open 3.0")
                    .contains("switchboard_frames_in_total 5.0")
                    .contains("switchboard_frames_out_total 7.0");
        }
    }
}
