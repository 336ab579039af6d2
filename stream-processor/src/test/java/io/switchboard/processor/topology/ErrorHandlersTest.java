package io.switchboard.processor.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.processor.topology.errors.DeadLetterDeserializationHandler;
import io.switchboard.processor.topology.errors.DeadLetterProcessingHandler;
import io.switchboard.processor.topology.errors.DeadLetterProductionHandler;
import io.switchboard.schemas.avro.DeadLetter;
import io.switchboard.schemas.topic.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.errors.ProductionExceptionHandler.SerializationExceptionOrigin;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.Test;

/** The handler branches TopologyTestDriver cannot reach: write failures and punctuations. */
class ErrorHandlersTest {
    private static final byte[] INPUT_KEY = bytes("c1");
    private static final byte[] INPUT_VALUE = bytes("input command bytes");
    private static final ErrorHandlerContext INPUT = new Context(Topics.COMMANDS.name(), 2, 17L, INPUT_KEY, INPUT_VALUE);

    private final DeadLetterProductionHandler production = new DeadLetterProductionHandler();

    @Test
    void shouldInstallAllThreeHandlersThroughStreamsConfig() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "handlers");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.putAll(ErrorHandling.streamsConfigs());
        StreamsConfig config = new StreamsConfig(props);

        assertThat(config.deserializationExceptionHandler()).isInstanceOf(DeadLetterDeserializationHandler.class);
        assertThat(config.processingExceptionHandler()).isInstanceOf(DeadLetterProcessingHandler.class);
        assertThat(config.productionExceptionHandler()).isInstanceOf(DeadLetterProductionHandler.class);
    }

    @Test
    void shouldDeadLetterAnOutputTheBrokerRefusesAndContinue() {
        ProducerRecord<byte[], byte[]> output = new ProducerRecord<>(Topics.MESSAGES.name(), 2, bytes("c1"), bytes("huge"));

        ProductionExceptionHandler.Response response =
                production.handleError(INPUT, output, new RecordTooLargeException("too big"));

        assertThat(response.result()).isEqualTo(ProductionExceptionHandler.Result.RESUME);
        DeadLetter letter = onlyLetter(response);
        assertThat(letter.getSourceTopic()).isEqualTo(Topics.MESSAGES.name());
        assertThat(letter.getPartition()).isEqualTo(2);
        assertThat(letter.getValue()).isEqualTo(ByteBuffer.wrap(bytes("huge")));
        assertThat(letter.getReason()).contains("RecordTooLargeException").contains("sb.commands-2@17");
    }

    @Test
    void shouldRetryTransientWriteErrors() {
        ProducerRecord<byte[], byte[]> output = new ProducerRecord<>(Topics.MESSAGES.name(), bytes("c1"), bytes("v"));

        ProductionExceptionHandler.Response response = production.handleError(INPUT, output, new TimeoutException("slow"));

        assertThat(response.result()).isEqualTo(ProductionExceptionHandler.Result.RETRY);
        assertThat(response.deadLetterQueueRecords()).isEmpty();
    }

    @Test
    void shouldNotDeadLetterAFailedDeadLetter() {
        ProducerRecord<byte[], byte[]> letter = new ProducerRecord<>(Topics.DEAD_LETTERS.name(), bytes("k"), bytes("v"));

        ProductionExceptionHandler.Response response =
                production.handleError(INPUT, letter, new RecordTooLargeException("too big"));

        assertThat(response.result()).isEqualTo(ProductionExceptionHandler.Result.RESUME);
        assertThat(response.deadLetterQueueRecords()).isEmpty();
    }

    @Test
    void shouldDeadLetterTheInputOfAnUnserializableOutput() {
        ProducerRecord<String, Object> output = new ProducerRecord<>(Topics.MESSAGES.name(), "c1", "not a record");

        ProductionExceptionHandler.Response response = production.handleSerializationError(INPUT, output,
                new SerializationException("bad"), SerializationExceptionOrigin.VALUE);

        assertThat(response.result()).isEqualTo(ProductionExceptionHandler.Result.RESUME);
        DeadLetter letter = onlyLetter(response);
        assertThat(letter.getSourceTopic()).isEqualTo(Topics.COMMANDS.name());
        assertThat(letter.getPartition()).isEqualTo(2);
        assertThat(letter.getOffset()).isEqualTo(17L);
        assertThat(letter.getKey()).isEqualTo(ByteBuffer.wrap(INPUT_KEY));
        assertThat(letter.getValue()).isEqualTo(ByteBuffer.wrap(INPUT_VALUE));
        assertThat(letter.getReason()).contains("value").contains(Topics.MESSAGES.name());
    }

    @Test
    void shouldResumeAfterAFailedPunctuationWithoutDeadLetter() {
        ErrorHandlerContext punctuation = new Context(null, -1, -1L, null, null);

        var response = new DeadLetterProcessingHandler().handleError(punctuation, null, new IllegalStateException("x"));

        assertThat(response.deadLetterQueueRecords()).isEmpty();
    }

    private static DeadLetter onlyLetter(ProductionExceptionHandler.Response response) {
        assertThat(response.deadLetterQueueRecords()).hasSize(1);
        ProducerRecord<byte[], byte[]> record = response.deadLetterQueueRecords().getFirst();
        assertThat(record.topic()).isEqualTo(Topics.DEAD_LETTERS.name());
        return Topics.DEAD_LETTERS.deserializeValue(record.value());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private record Context(String topic, int partition, long offset, byte[] sourceRawKey, byte[] sourceRawValue)
            implements ErrorHandlerContext {
        @Override
        public Headers headers() {
            return new RecordHeaders();
        }

        @Override
        public String processorNodeId() {
            return SwitchboardTopology.COMMANDS_PROCESSOR;
        }

        @Override
        public TaskId taskId() {
            return new TaskId(0, partition);
        }

        @Override
        public long timestamp() {
            return 0L;
        }
    }
}
