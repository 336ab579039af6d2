package io.switchboard.sink.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    @Test
    void shouldShowDoneTotalRateLagAndEta() {
        assertThat(ProgressBar.render(2_500, 7_500, 1_000))
                .isEqualTo("[#######-----------------------]  25.0%  2,500/10,000  1,000 rec/s  lag 7,500  ETA 0:00:08");
    }

    @Test
    void shouldShowAFullBarWhenNothingIsLeft() {
        assertThat(ProgressBar.render(0, 0, 0)).startsWith("[" + "#".repeat(30) + "] 100.0%").endsWith("ETA 0:00:00");
    }

    @Test
    void shouldNotGuessAnEtaBeforeThereIsARate() {
        assertThat(ProgressBar.eta(10, 0)).isEqualTo("--:--:--");
        assertThat(ProgressBar.eta(3 * 3600 + 61, 1)).isEqualTo("3:01:01");
    }

    @Test
    void shouldRedrawOneLineInPlaceAtMostFourTimesASecond() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AtomicLong now = new AtomicLong();
        ProgressReporter reporter = new ProgressReporter(new PrintStream(bytes, true, StandardCharsets.UTF_8), now::get);

        reporter.stored(100);
        now.set(100_000_000L);
        reporter.show(900);
        now.set(500_000_000L);
        reporter.show(900);
        reporter.finish(0);

        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertThat(printed.split("\r", -1)).hasSize(3);
        assertThat(printed).contains("100/1,000  200 rec/s").doesNotContain("\n\r").endsWith(System.lineSeparator());
    }
}
