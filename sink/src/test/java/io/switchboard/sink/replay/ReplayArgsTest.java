package io.switchboard.sink.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReplayArgsTest {

    @Test
    void shouldReplayIntoTheDefaultTargetAndSwitchByDefault() {
        assertThat(ReplayArgs.parse("replay"))
                .isEqualTo(new ReplayArgs(ReplayArgs.Command.REPLAY, Optional.empty(), true, 3));
    }

    @Test
    void shouldReadReplayOptions() {
        assertThat(ReplayArgs.parse("replay", "--target", "sb_rebuild", "--no-switch"))
                .isEqualTo(new ReplayArgs(ReplayArgs.Command.REPLAY, Optional.of("sb_rebuild"), false, 3));
    }

    @Test
    void shouldReadVerifyOptions() {
        assertThat(ReplayArgs.parse("verify", "--schema", "sb_rebuild", "--rounds", "1"))
                .isEqualTo(new ReplayArgs(ReplayArgs.Command.VERIFY, Optional.of("sb_rebuild"), true, 1));
    }

    @Test
    void shouldRejectWhatItDoesNotKnow() {
        assertThatThrownBy(() -> ReplayArgs.parse("rebuild")).hasMessageContaining("unknown command");
        assertThatThrownBy(() -> ReplayArgs.parse("verify", "--no-switch")).hasMessageContaining("unknown option");
        assertThatThrownBy(() -> ReplayArgs.parse("replay", "--target")).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> ReplayArgs.parse("replay", "--target", "Bad-Name")).hasMessageContaining("schema");
        assertThatThrownBy(() -> ReplayArgs.parse("verify", "--rounds", "0")).hasMessageContaining("--rounds");
    }

    @Test
    void shouldPrintUsageAndExitTwoOnABadCommandLine() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = ReplayMain.run(new String[] {"frobnicate"}, Map.of(), System.out,
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command frobnicate").contains("usage:");
    }
}
