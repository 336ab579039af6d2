package io.switchboard.processor.topology;

import io.switchboard.processor.topology.commands.ConversationStateSerde;
import io.switchboard.processor.topology.presence.UserSessionsSerde;
import io.switchboard.processor.topology.settings.StoreNames;
import io.switchboard.schemas.topic.Topic;
import io.switchboard.schemas.topic.Topics;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;

/**
 * Every record a run wrote, as bytes in hex, per topic in write order: the output topics and the
 * changelogs of the command processor's stores, so the committed state a run leaves is compared too.
 */
final class ReplayCapture {
    /** Output topics whose bytes must not depend on anything but committed state and input. */
    static final List<String> DETERMINISTIC_OUTPUTS = List.of(Topics.MESSAGES.name(), Topics.CONVERSATIONS.name(),
            Topics.READ_CURSORS.name(), Topics.TYPING.name(), Topics.NOTICES.name(), Topics.PRESENCE.name(),
            Topics.NOTIFICATION_CANDIDATES.name(), Topics.NOTIFICATIONS.name());
    static final List<String> COMMAND_STORES = List.of(StoreNames.CONVERSATIONS, StoreNames.CONVERSATION_HEADS,
            StoreNames.MESSAGES, StoreNames.DEDUP, StoreNames.DEDUP_EXPIRY, StoreNames.CURSORS);

    private ReplayCapture() {
    }

    /** How each store's changelog bytes decode, as the restore of that store decodes them. */
    private static final Map<String, Serde<?>> STORE_VALUE_SERDES = Map.of(
            StoreNames.CONVERSATIONS, new ConversationStateSerde(),
            StoreNames.CONVERSATION_HEADS, Serdes.Long(),
            StoreNames.MESSAGES, Topics.MESSAGES.valueSerde(),
            StoreNames.DEDUP, Serdes.Long(),
            StoreNames.DEDUP_EXPIRY, Serdes.String(),
            StoreNames.CURSORS, Serdes.Long(),
            StoreNames.SESSIONS, new UserSessionsSerde());

    /**
     * Restores target's stores from every changelog record source wrote, in order, as Kafka Streams
     * restores a task on another instance: what the target then holds is source's committed state.
     */
    static void restore(TopologyFixture source, TopologyFixture target) {
        STORE_VALUE_SERDES.forEach((store, serde) -> {
            KeyValueStore<String, Object> restored = target.store(store);
            source.driver.createOutputTopic(changelog(store), new StringDeserializer(), new ByteArrayDeserializer())
                    .readRecordsToList().forEach(record -> {
                        if (record.value() == null) {
                            restored.delete(record.key());
                        } else {
                            restored.put(record.key(), serde.deserializer().deserialize(store, record.value()));
                        }
                    });
        });
        // Store caches flush on commit, which TopologyTestDriver does when time moves, even by nothing.
        target.driver.advanceWallClockTime(Duration.ZERO);
    }

    static String changelog(String store) {
        return TopologyFixture.APPLICATION_ID + "-" + store + "-changelog";
    }

    /** Drains everything written so far; what follows is what the next inputs write. */
    static Map<String, List<String>> drain(TopologyFixture fx) {
        Map<String, List<String>> written = new LinkedHashMap<>();
        DETERMINISTIC_OUTPUTS.forEach(topic -> written.put(topic, hex(fx, topic)));
        COMMAND_STORES.forEach(store -> {
            written.put(changelog(store), hex(fx, changelog(store)));
        });
        return written;
    }

    static List<String> hex(TopologyFixture fx, String topic) {
        return fx.driver.createOutputTopic(topic, new ByteArrayDeserializer(), new ByteArrayDeserializer())
                .readRecordsToList().stream().map(ReplayCapture::hex).toList();
    }

    static <V> V decode(Topic<?, V> topic, String hexRecord) {
        return topic.deserializeValue(HexFormat.of().parseHex(hexRecord.substring(hexRecord.indexOf('=') + 1)));
    }

    private static String hex(TestRecord<byte[], byte[]> record) {
        HexFormat hex = HexFormat.of();
        return (record.key() == null ? "null" : hex.formatHex(record.key())) + "="
                + (record.value() == null ? "null" : hex.formatHex(record.value()));
    }
}
