package io.switchboard.sink;

import static io.switchboard.sink.Fixtures.conversation;
import static io.switchboard.sink.Fixtures.message;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.schemas.avro.DeadLetter;
import io.switchboard.schemas.avro.MessageEvent;
import io.switchboard.schemas.topic.Topics;
import io.switchboard.sink.rows.SinkItem;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class RecordDecoderTest {
    private static final TopicPartition MESSAGES_0 = new TopicPartition(Topics.MESSAGES.name(), 0);
    private static final TopicPartition CONVERSATIONS_1 = new TopicPartition(Topics.CONVERSATIONS.name(), 1);
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(Fixtures.T0), ZoneOffset.UTC);

    private final RecordDecoder decoder = new RecordDecoder(CLOCK);

    @Test
    void shouldDecodeRecordsAndTheirOffsetsPerPartition() {
        byte[] first = Topics.MESSAGES.serializeValue(message("c1", 1, 1, "hi"));
        byte[] second = Topics.MESSAGES.serializeValue(message("c1", 2, 1, "there"));
        byte[] conv = Topics.CONVERSATIONS.serializeValue(conversation("c1", 1, "t", "alice"));

        Batch batch = decoder.decode(records(Map.of(
                MESSAGES_0, List.of(record(MESSAGES_0, 7, first), record(MESSAGES_0, 8, second)),
                CONVERSATIONS_1, List.of(record(CONVERSATIONS_1, 3, conv)))));

        assertThat(batch.values(MessageEvent.class)).extracting(MessageEvent::getSeq).containsExactly(1L, 2L);
        assertThat(batch.items()).hasSize(3);
        assertThat(batch.firstOffsets()).containsExactlyInAnyOrderEntriesOf(Map.of(MESSAGES_0, 7L, CONVERSATIONS_1, 3L));
        assertThat(batch.nextOffsets()).containsExactlyInAnyOrderEntriesOf(Map.of(MESSAGES_0, 9L, CONVERSATIONS_1, 4L));
        assertThat(batch.undecodable()).isEmpty();
    }

    @Test
    void shouldTurnAnUndecodableValueIntoADeadLetterWithItsOriginalBytes() {
        byte[] garbage = "not avro".getBytes(StandardCharsets.UTF_8);
        byte[] good = Topics.MESSAGES.serializeValue(message("c1", 1, 1, "hi"));

        Batch batch = decoder.decode(records(Map.of(MESSAGES_0,
                List.of(record(MESSAGES_0, 4, garbage), record(MESSAGES_0, 5, good)))));

        assertThat(batch.items()).extracting(SinkItem::offset).containsExactly(5L);
        DeadLetter letter = batch.undecodable().getFirst();
        assertThat(letter.getComponent()).isEqualTo("sink");
        assertThat(letter.getSourceTopic()).isEqualTo("sb.messages");
        assertThat(letter.getOffset()).isEqualTo(4L);
        assertThat(letter.getValue()).isEqualTo(ByteBuffer.wrap(garbage));
        assertThat(letter.getKey()).isEqualTo(ByteBuffer.wrap("c1".getBytes(StandardCharsets.UTF_8)));
        assertThat(letter.getReason()).contains("MessageEvent");
        assertThat(letter.getFailedAt()).isEqualTo(Fixtures.T0);
        assertThat(batch.nextOffsets()).containsEntry(MESSAGES_0, 6L);
    }

    @Test
    void shouldSkipTombstonesButCountTheirOffsets() {
        Batch batch = decoder.decode(records(Map.of(MESSAGES_0, List.of(record(MESSAGES_0, 0, null)))));

        assertThat(batch.items()).isEmpty();
        assertThat(batch.undecodable()).isEmpty();
        assertThat(batch.records()).isEqualTo(1);
        assertThat(batch.nextOffsets()).containsEntry(MESSAGES_0, 1L);
    }

    private static ConsumerRecord<byte[], byte[]> record(TopicPartition partition, long offset, byte[] value) {
        return new ConsumerRecord<>(partition.topic(), partition.partition(), offset,
                "c1".getBytes(StandardCharsets.UTF_8), value);
    }

    private static ConsumerRecords<byte[], byte[]> records(
            Map<TopicPartition, List<ConsumerRecord<byte[], byte[]>>> records) {
        return new ConsumerRecords<>(records, Map.of());
    }
}
