package io.switchboard.bench.scenario;

import io.switchboard.schemas.avro.MessageEvent;
import io.switchboard.schemas.topic.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * New messages for sb.messages as the topology would write them: version 1, seqs 1, 2, 3 ... per conversation,
 * conversations taking turns so every partition gets its share. Records are encoded before the clock starts and
 * the producer has its metadata already, so the timed part is only the sending, not Avro or start-up.
 */
final class MessageFlood implements AutoCloseable {
    private static final String TEXT = "sink benchmark message, about as long as a short chat line";

    private final KafkaProducer<byte[], byte[]> producer;
    private final List<ProducerRecord<byte[], byte[]>> records;

    private MessageFlood(KafkaProducer<byte[], byte[]> producer, List<ProducerRecord<byte[], byte[]>> records) {
        this.producer = producer;
        this.records = records;
    }

    static MessageFlood prepare(String bootstrap, List<String> conversations, int rows) {
        long now = System.currentTimeMillis();
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            String conversation = conversations.get(i % conversations.size());
            long seq = i / conversations.size() + 1;
            MessageEvent event = MessageEvent.newBuilder()
                    .setConversationId(conversation).setSeq(seq).setMessageId(conversation + "-m" + seq)
                    .setSenderId("bench").setSenderName("Bench").setClientMsgId("c" + seq).setText(TEXT)
                    .setSentAt(now).setVersion(1).setEditedAt(null).setDeleted(false).build();
            records.add(new ProducerRecord<>(Topics.MESSAGES.name(), Topics.MESSAGES.serializeKey(conversation),
                    Topics.MESSAGES.serializeValue(event)));
        }
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 10,
                ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024,
                ProducerConfig.BUFFER_MEMORY_CONFIG, 128L * 1024 * 1024,
                ProducerConfig.CLIENT_ID_CONFIG, "switchboard-bench");
        KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(),
                new ByteArraySerializer());
        producer.partitionsFor(Topics.MESSAGES.name());
        return new MessageFlood(producer, records);
    }

    /** Sends every record and waits for all acknowledgements; returns the seconds that took. */
    double send() {
        AtomicReference<Exception> failure = new AtomicReference<>();
        long started = System.nanoTime();
        for (ProducerRecord<byte[], byte[]> record : records) {
            producer.send(record, (meta, e) -> {
                if (e != null) {
                    failure.compareAndSet(null, e);
                }
            });
        }
        producer.flush();
        if (failure.get() != null) {
            throw new IllegalStateException("producing to " + Topics.MESSAGES.name() + " failed", failure.get());
        }
        return (System.nanoTime() - started) / 1e9;
    }

    @Override
    public void close() {
        producer.close();
    }
}
