package io.switchboard.processor.relay;

import java.util.Objects;

/**
 * One client frame for one Redis pub/sub channel.
 *
 * @param payload the frame as JSON text, forwarded by ingress to sockets as is
 */
public record Publication(String channel, String payload) implements RedisWrite {
    public Publication {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(payload, "payload");
    }
}
