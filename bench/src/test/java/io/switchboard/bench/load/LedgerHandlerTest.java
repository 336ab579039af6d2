package io.switchboard.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.bench.client.FrameParser;
import io.switchboard.bench.client.InboundFrame;
import org.junit.jupiter.api.Test;

class LedgerHandlerTest {

    @Test
    void shouldBuildASendFrameWhoseTextAndIdLeadBackToTheIndex() {
        String frame = LedgerHandler.sendFrame("conv-1", "s3", 1234, 64);

        InboundFrame parsed = FrameParser.parse(frame);
        assertThat(parsed.type()).isEqualTo("send");
        assertThat(parsed.conversationId()).isEqualTo("conv-1");
        assertThat(parsed.text()).hasSize(64).startsWith("s3:1234:");
        assertThat(LedgerHandler.index("s3", parsed.text(), ':')).isEqualTo(1234);
        assertThat(LedgerHandler.index("s3", parsed.clientMsgId(), '-')).isEqualTo(1234);
    }

    @Test
    void shouldNotMistakeAnotherRunsValuesForThisOnes() {
        assertThat(LedgerHandler.index("s1", "s10:5:xx", ':')).isEqualTo(-1);
        assertThat(LedgerHandler.index("s1", "s1-5x", '-')).isEqualTo(-1);
        assertThat(LedgerHandler.index("s1", "s1:", ':')).isEqualTo(-1);
        assertThat(LedgerHandler.index("s1", "hello", ':')).isEqualTo(-1);
        assertThat(LedgerHandler.index("s1", null, ':')).isEqualTo(-1);
        assertThat(LedgerHandler.index("s1", "s1:99999999999:x", ':')).isEqualTo(-1);
    }
}
