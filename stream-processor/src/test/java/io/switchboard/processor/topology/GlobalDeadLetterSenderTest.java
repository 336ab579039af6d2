package io.switchboard.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.switchboard.processor.topology.errors.DeadLetterRecords;
import io.switchboard.processor.topology.errors.GlobalDeadLetterSender;
import io.switchboard.schemas.topic.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

/** sb.users poison is dead-lettered outside Kafka Streams; that path must never stop the global thread. */
class GlobalDeadLetterSenderTest {
    private static final ProducerRecord<byte[], byte[]> LETTER =
            DeadLetterRecords.record(Topics.USERS.name(), 0, 3L, null, new byte[] {1, 2}, "test", 1L);

    @Test
    void shouldUseTheSenderGivenInTheStreamsConfig() {
        List<ProducerRecord<byte[], byte[]>> sent = new ArrayList<>();
        GlobalDeadLetterSender given = sent::add;

        GlobalDeadLetterSender.fromConfigs(Map.of(ErrorHandling.GLOBAL_DEAD_LETTER_SENDER_CONFIG, given)).send(LETTER);

        assertThat(sent).containsExactly(LETTER);
    }

    @Test
    void shouldSkipTheLetterWithoutThrowingWhenTheBrokerIsUnreachable() {
        Map<String, Object> streamsConfigs = Map.of(
                StreamsConfig.APPLICATION_ID_CONFIG, "global-dead-letters-test",
                StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1",
                StreamsConfig.producerPrefix(ProducerConfig.MAX_BLOCK_MS_CONFIG), 200);

        try (GlobalDeadLetterSender sender = GlobalDeadLetterSender.fromConfigs(streamsConfigs)) {
            assertThatCode(() -> sender.send(LETTER)).doesNotThrowAnyException();
        }
    }
}
