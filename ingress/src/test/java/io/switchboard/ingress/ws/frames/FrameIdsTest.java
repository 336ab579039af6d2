package io.switchboard.ingress.ws.frames;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FrameIdsTest {

    @Test
    void shouldFindTopLevelStringId() {
        assertThat(FrameIds.peek("{\"type\":\"x\",\"id\":\"a1\"}")).isEqualTo("a1");
    }

    @Test
    void shouldGiveNothingForUnusableIds() {
        assertThat(FrameIds.peek("{\"id\":3}")).isNull();
        assertThat(FrameIds.peek("{\"id\":\"" + "x".repeat(65) + "\"}")).isNull();
        assertThat(FrameIds.peek("not json")).isNull();
        assertThat(FrameIds.peek("[{\"id\":\"a\"}]")).isNull();
        assertThat(FrameIds.peek("{\"type\":\"x\"")).isNull();
    }
}
