package io.switchboard.ingress.store;

import java.util.OptionalLong;

/**
 * How far the relay has published a conversation live: the position after its newest messages-topic
 * record ({@code sb:pubat:<id>} in Redis). The sink stores the same position with the rows, so the two
 * compare exactly, edits and deletes included.
 */
@FunctionalInterface
public interface PublishedOffsets {
    /** Nothing known: reads never wait. */
    PublishedOffsets NONE = conversationId -> OptionalLong.empty();

    /** Empty when unknown or the source cannot answer; a read then takes what is stored. */
    OptionalLong of(String conversationId);
}
