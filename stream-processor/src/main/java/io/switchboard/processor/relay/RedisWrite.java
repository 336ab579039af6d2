package io.switchboard.processor.relay;

/** One thing the relay does in Redis for a record: publish a frame or raise a conversation's last seq. */
public sealed interface RedisWrite permits Publication, SeqMark {
}
