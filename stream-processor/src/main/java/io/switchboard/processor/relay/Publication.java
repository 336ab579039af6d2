package io.switchboard.processor.relay;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One client frame for one Redis pub/sub channel.
 *
 * @param payload the frame as UTF-8 JSON, forwarded by ingress to sockets as is. Kept as the bytes Redis
 *                is sent, so no frame is encoded twice; never modified after construction.
 */
public record Publication(String channel, byte[] payload) implements RedisWrite {
    public Publication {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(payload, "payload");
    }

    public Publication(String channel, String payload) {
        this(channel, payload.getBytes(StandardCharsets.UTF_8));
    }

    public String text() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Publication p && channel.equals(p.channel) && Arrays.equals(payload, p.payload);
    }

    @Override
    public int hashCode() {
        return 31 * channel.hashCode() + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "Publication[channel=" + channel + ", payload=" + text() + "]";
    }
}
