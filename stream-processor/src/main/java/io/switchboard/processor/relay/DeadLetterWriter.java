package io.switchboard.processor.relay;

import io.switchboard.schemas.avro.DeadLetter;
import io.switchboard.schemas.topic.DeadLetters;
import io.switchboard.schemas.topic.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InterruptException;

/** Puts records the relay cannot read on sb.dead-letters, bytes untouched, so they can be re-driven. */
final class DeadLetterWriter implements AutoCloseable {
    private final Producer<byte[], DeadLetter> producer;

    DeadLetterWriter(Producer<byte[], DeadLetter> producer) {
        this.producer = producer;
    }

    static ProducerRecord<byte[], DeadLetter> toDeadLetter(ConsumerRecord<byte[], byte[]> source, String reason,
                                                           long failedAtMillis) {
        DeadLetter letter = DeadLetters.of(DeadLetters.RELAY, source.topic(), source.partition(), source.offset(),
                source.key(), source.value(), reason, failedAtMillis);
        return new ProducerRecord<>(Topics.DEAD_LETTERS.name(), source.key(), letter);
    }

    /**
     * Sends and waits for every letter: the source offsets are committed right after, so a letter not
     * acknowledged by the broker would be a record lost without a trace.
     *
     * @throws KafkaException when the broker did not take them all
     */
    void writeAll(List<ProducerRecord<byte[], DeadLetter>> letters) {
        List<Future<RecordMetadata>> sent = new ArrayList<>(letters.size());
        for (ProducerRecord<byte[], DeadLetter> letter : letters) {
            sent.add(producer.send(letter));
        }
        for (Future<RecordMetadata> acknowledgement : sent) {
            await(acknowledgement);
        }
    }

    private static void await(Future<RecordMetadata> acknowledgement) {
        try {
            acknowledgement.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof KafkaException k ? k : new KafkaException(e.getCause());
        } catch (InterruptedException e) {
            throw new InterruptException(e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
