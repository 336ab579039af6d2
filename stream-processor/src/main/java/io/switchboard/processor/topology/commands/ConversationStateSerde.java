package io.switchboard.processor.topology.commands;

import io.switchboard.schemas.avro.Conversation;
import io.switchboard.schemas.topic.Topics;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Store format of {@link ConversationState}: a format byte, lastSeq, then the Conversation exactly as
 * sb.conversations carries it, so the conversation part evolves with its Avro schema history.
 */
public final class ConversationStateSerde implements Serde<ConversationState> {
    private static final byte FORMAT_V1 = 1;
    private static final int HEADER = 1 + Long.BYTES;

    @Override
    public Serializer<ConversationState> serializer() {
        return (topic, state) -> {
            if (state == null) {
                return null;
            }
            byte[] conversation = Topics.CONVERSATIONS.serializeValue(state.conversation());
            return ByteBuffer.allocate(HEADER + conversation.length)
                    .put(FORMAT_V1).putLong(state.lastSeq()).put(conversation).array();
        };
    }

    @Override
    public Deserializer<ConversationState> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            if (bytes.length < HEADER || bytes[0] != FORMAT_V1) {
                throw new SerializationException("Not a conversation state of a known format");
            }
            long lastSeq = ByteBuffer.wrap(bytes, 1, Long.BYTES).getLong();
            Conversation conversation = Topics.CONVERSATIONS.deserializeValue(
                    Arrays.copyOfRange(bytes, HEADER, bytes.length));
            return new ConversationState(conversation, lastSeq);
        };
    }
}
