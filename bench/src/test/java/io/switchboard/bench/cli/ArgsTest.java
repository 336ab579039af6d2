package io.switchboard.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArgsTest {

    @Test
    void shouldReadFlagsInBothSpellings() {
        Args args = Args.parse("latency", "--rate", "1_000", "--duration=500ms", "--ingress",
                "http://127.0.0.1:8080,http://127.0.0.1:8081");

        assertThat(args.scenario()).isEqualTo("latency");
        assertThat(args.number("rate", 0)).isEqualTo(1000);
        assertThat(args.duration("duration", Duration.ZERO)).isEqualTo(Duration.ofMillis(500));
        assertThat(args.uris("ingress", List.of())).containsExactly(URI.create("http://127.0.0.1:8080"),
                URI.create("http://127.0.0.1:8081"));
    }

    @Test
    void shouldTakePlainDurationsAsSeconds() {
        Args args = Args.parse("x", "--a", "30", "--b", "2m", "--c", "1.5s");

        assertThat(args.duration("a", null)).isEqualTo(Duration.ofSeconds(30));
        assertThat(args.duration("b", null)).isEqualTo(Duration.ofMinutes(2));
        assertThat(args.duration("c", null)).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void shouldRefuseOptionsNobodyRead() {
        Args args = Args.parse("latency", "--rate", "10", "--raet", "20");
        args.number("rate", 0);

        assertThatThrownBy(args::requireAllUsed).hasMessageContaining("--raet");
    }

    @Test
    void shouldRefuseAFlagWithoutValueOrAMissingScenario() {
        assertThatThrownBy(() -> Args.parse("latency", "--rate")).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> Args.parse("--rate", "1")).hasMessageContaining("scenario");
        assertThatThrownBy(() -> Args.parse("x", "--d", "soon").duration("d", null)).hasMessageContaining("duration");
    }
}
