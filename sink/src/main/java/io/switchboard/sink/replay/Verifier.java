package io.switchboard.sink.replay;

import com.zaxxer.hikari.HikariDataSource;
import io.switchboard.schemas.avro.MessageEvent;
import io.switchboard.schemas.topic.Topics;
import io.switchboard.sink.KafkaSettings;
import io.switchboard.sink.PgPool;
import io.switchboard.sink.SinkConfig;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Compares sb.messages with a schema's messages table, per conversation: message count and checksum
 * of (seq, version, text hash), then message by message where they differ. The live sink may be a
 * moment behind the topic's end, so a difference is only reported if it survives a few rounds.
 */
public final class Verifier {
    private static final Duration POLL = Duration.ofMillis(500);
    private static final int DETAIL_LINES = 20;

    private final SinkConfig config;
    private final String schema;
    private final PrintStream out;

    public Verifier(SinkConfig config, String schema, PrintStream out) {
        this.config = config.withSchema(schema);
        this.schema = schema;
        this.out = out;
    }

    /** @return how many conversations differ after the last round; 0 means the database matches */
    public int run(int rounds, Duration settle) throws SQLException, InterruptedException {
        try (HikariDataSource pool = PgPool.open(config, "switchboard-verify");
             KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                     KafkaSettings.standaloneConsumer(config, "switchboard-verify"),
                     new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = Partitions.of(consumer, List.of(Topics.MESSAGES.name()));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            MessageLedger ledger = new MessageLedger();
            long undecodable = 0;
            for (int round = 1; ; round++) {
                undecodable += readToEnd(consumer, partitions, ledger);
                Map<String, ConversationDigest> topic = ledger.digests();
                Map<String, ConversationDigest> db;
                try (Connection connection = pool.getConnection()) {
                    db = DbMessages.digests(connection);
                }
                List<String> differing = Differences.conversations(topic, db);
                if (differing.isEmpty() || round >= rounds) {
                    report(pool, ledger, topic, db, differing, undecodable);
                    return differing.size();
                }
                Thread.sleep(settle.toMillis());
            }
        }
    }

    /** @return records that did not decode; the sink dead-lettered those, so the table lacks them too */
    private static long readToEnd(KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> partitions,
                                  MessageLedger ledger) {
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        long undecodable = 0;
        while (Partitions.lag(consumer, end) > 0) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                if (record.value() == null) {
                    continue;
                }
                try {
                    MessageEvent event = Topics.MESSAGES.deserializeValue(record.value());
                    ledger.add(event);
                } catch (RuntimeException e) {
                    undecodable++;
                }
            }
        }
        return undecodable;
    }

    private void report(HikariDataSource pool, MessageLedger ledger, Map<String, ConversationDigest> topic,
                        Map<String, ConversationDigest> db, List<String> differing, long undecodable)
            throws SQLException {
        long messages = topic.values().stream().mapToLong(ConversationDigest::count).sum();
        for (String id : differing) {
            out.println(Differences.describe(id, topic.get(id), db.get(id)));
            List<String> lines;
            try (Connection connection = pool.getConnection()) {
                lines = Differences.messages(ledger.messages(id), DbMessages.messages(connection, id));
            }
            lines.stream().limit(DETAIL_LINES).forEach(line -> out.println("  " + line));
            if (lines.size() > DETAIL_LINES) {
                out.println("  ... and " + (lines.size() - DETAIL_LINES) + " more");
            }
        }
        out.printf("Verified %,d conversations, %,d messages of %s against schema %s (%,d undecodable skipped): %s%n",
                topic.size(), messages, Topics.MESSAGES.name(), schema, undecodable,
                differing.isEmpty() ? "no differences" : differing.size() + " conversations differ");
    }
}
