package io.switchboard.sink;

import io.switchboard.schemas.avro.DeadLetter;
import io.switchboard.schemas.topic.Topics;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;

/** Publishes dead letters to {@link Topics#DEAD_LETTERS}, keyed by the original key bytes. */
public final class KafkaDeadLetterPublisher implements DeadLetterPublisher {
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final Producer<byte[], DeadLetter> producer;

    public KafkaDeadLetterPublisher(Producer<byte[], DeadLetter> producer) {
        this.producer = producer;
    }

    @Override
    public void publish(List<DeadLetter> letters) {
        List<Future<RecordMetadata>> sent = new ArrayList<>(letters.size());
        for (DeadLetter letter : letters) {
            sent.add(producer.send(new ProducerRecord<>(Topics.DEAD_LETTERS.name(), bytes(letter.getKey()), letter)));
        }
        for (Future<RecordMetadata> result : sent) {
            await(result);
        }
    }

    private static void await(Future<RecordMetadata> result) {
        try {
            result.get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("Interrupted while publishing dead letters", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaException("Dead letters not published", e);
        }
    }

    private static byte[] bytes(ByteBuffer buffer) {
        if (buffer == null) {
            return null;
        }
        ByteBuffer view = buffer.duplicate();
        byte[] out = new byte[view.remaining()];
        view.get(out);
        return out;
    }
}
