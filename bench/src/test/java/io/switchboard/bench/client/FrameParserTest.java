package io.switchboard.bench.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FrameParserTest {

    @Test
    void shouldReadTheFieldsOfAMessageFrame() {
        InboundFrame frame = FrameParser.parse("{\"type\":\"message\",\"conversationId\":\"c1\",\"seq\":42,"
                + "\"messageId\":\"m\",\"senderId\":\"u\",\"text\":\"m:7:xx\",\"clientMsgId\":\"m-7\",\"deleted\":false}");

        assertThat(frame).isEqualTo(new InboundFrame("message", "c1", 42, "m:7:xx", "m-7", null, null));
    }

    @Test
    void shouldSkipNestedValuesWithoutTakingTheirFields() {
        InboundFrame frame = FrameParser.parse("{\"type\":\"history\",\"messages\":[{\"seq\":3,\"text\":\"no\"}],"
                + "\"meta\":{\"code\":\"x\"},\"code\":\"not_found\"}");

        assertThat(frame.seq()).isEqualTo(-1);
        assertThat(frame.text()).isNull();
        assertThat(frame.code()).isEqualTo("not_found");
    }

    @Test
    void shouldRefuseWhatIsNoJsonObject() {
        assertThatThrownBy(() -> FrameParser.parse("[1]")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FrameParser.parse("{\"type\":")).isInstanceOf(IllegalArgumentException.class);
    }
}
