package io.switchboard.ingress.ws.frames;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FrameAssemblerTest {
    private final FrameAssembler assembler = new FrameAssembler(64 * 1024);

    @Test
    void shouldPassWholeFramesWithinTheLimit() {
        String frame = "{\"type\":\"ping\",\"pad\":\"" + "x".repeat(65_000) + "\"}";

        assertThat(assembler.accept(frame, true)).isEqualTo(new FrameAssembler.Assembled(frame, false, null));
    }

    @Test
    void shouldFlagFramesOver64KiBAndKeepTheirId() {
        String frame = "{\"id\":\"big-1\",\"type\":\"send\",\"text\":\"" + "x".repeat(70_000) + "\"}";

        FrameAssembler.Assembled assembled = assembler.accept(frame, true);

        assertThat(assembled.tooLarge()).isTrue();
        assertThat(assembled.text()).isNull();
        assertThat(assembled.idOfOversized()).isEqualTo("big-1");
    }

    @Test
    void shouldFindTheIdAfterLargeNestedFields() {
        String frame = "{\"type\":\"send\",\"nested\":{\"id\":\"inner\",\"pad\":\"" + "x".repeat(70_000)
                + "\"},\"id\":\"outer\"}";

        assertThat(assembler.accept(frame, true).idOfOversized()).isEqualTo("outer");
    }

    @Test
    void shouldCountUtf8BytesNotCharacters() {
        String frame = "\"" + "\u00e9".repeat(33_000) + "\"";

        assertThat(frame.length()).isLessThan(64 * 1024);
        assertThat(assembler.accept(frame, true).tooLarge()).isTrue();
        assertThat(FrameAssembler.utf8Length("a\u00e9\u20ac\uD83D\uDE00")).isEqualTo(1 + 2 + 3 + 4);
    }

    @Test
    void shouldJoinFragments() {
        assertThat(assembler.accept("{\"type\":", false)).isNull();
        assertThat(assembler.accept("\"ping\"}", true).text()).isEqualTo("{\"type\":\"ping\"}");
        assertThat(assembler.accept("{}", true).text()).isEqualTo("{}");
    }

    @Test
    void shouldFlagOversizedFragmentedMessageOnceItEnds() {
        String part = "x".repeat(40_000);

        assertThat(assembler.accept("{\"id\":\"f\",\"t\":\"" + part, false)).isNull();
        assertThat(assembler.accept(part, false)).isNull();
        FrameAssembler.Assembled assembled = assembler.accept(part + "\"}", true);

        assertThat(assembled.tooLarge()).isTrue();
        assertThat(assembled.idOfOversized()).isEqualTo("f");
        assertThat(assembler.accept("{}", true).tooLarge()).isFalse();
    }
}
