package io.switchboard.ingress.ws;

import java.time.Duration;

/**
 * How the WebSocket endpoint behaves.
 *
 * @param nodeId            this ingress node, in {@code welcome} and every command and session event
 * @param heartbeatInterval how often an open session publishes a HEARTBEAT session event
 * @param helloTimeout      an unauthenticated socket is closed with 4408 after this long (contract: 10 s)
 * @param resumeMax         most messages one {@code resume} entry replays before {@code truncated: true}
 * @param ratePerSec        token bucket refill per user, per node (commands and history)
 * @param rateBurst         token bucket capacity
 * @param maxFrameBytes     larger client frames get {@code too_large} (contract: 64 KiB)
 * @param sendQueueLimit    frames queued for one socket before its reader counts as too slow and is closed
 * @param typingLapse       a delivered {@code typing active:true} turns false by itself after this (contract: 6 s)
 * @param origins           which web pages may open a socket
 * @param sendQueueBytes    bytes queued for one socket (its outbox, and live frames held during a resume)
 *                          before its reader counts as too slow and is closed
 * @param maxSocketsPerUser authenticated sockets one user may hold on this node; one more is refused
 */
public record ChatSettings(String nodeId, Duration heartbeatInterval, Duration helloTimeout, int resumeMax,
                           double ratePerSec, int rateBurst, int maxFrameBytes, int sendQueueLimit,
                           Duration typingLapse, OriginPolicy origins, long sendQueueBytes, int maxSocketsPerUser) {

    public static final Duration HELLO_TIMEOUT = Duration.ofSeconds(10);
    public static final int MAX_FRAME_BYTES = 64 * 1024;
    public static final int SEND_QUEUE_LIMIT = 1024;
    public static final Duration TYPING_LAPSE = Duration.ofSeconds(6);
    /** A few of the largest history pages (100 messages of 4,000 characters) fit, a thousand do not. */
    public static final long SEND_QUEUE_BYTES = 4L * 1024 * 1024;
    public static final int MAX_SOCKETS_PER_USER = 20;

    public ChatSettings {
        require(nodeId != null && nodeId.matches("[A-Za-z0-9_.:-]{1,64}"), "nodeId must be 1..64 of [A-Za-z0-9_.:-]");
        requirePositive(heartbeatInterval, "heartbeatInterval");
        requirePositive(helloTimeout, "helloTimeout");
        requirePositive(typingLapse, "typingLapse");
        require(resumeMax >= 1, "resumeMax must be at least 1, was " + resumeMax);
        require(ratePerSec > 0 && Double.isFinite(ratePerSec), "ratePerSec must be positive, was " + ratePerSec);
        require(rateBurst >= 1, "rateBurst must be at least 1, was " + rateBurst);
        require(maxFrameBytes >= 1024, "maxFrameBytes must be at least 1024, was " + maxFrameBytes);
        require(sendQueueLimit >= 16, "sendQueueLimit must be at least 16, was " + sendQueueLimit);
        require(origins != null, "origins must be given");
        require(sendQueueBytes >= maxFrameBytes, "sendQueueBytes must be at least maxFrameBytes, was " + sendQueueBytes);
        require(maxSocketsPerUser >= 1, "maxSocketsPerUser must be at least 1, was " + maxSocketsPerUser);
    }

    /**
     * The contract's fixed values (hello timeout, frame size, typing lapse) with the configurable rest;
     * same-origin pages only until {@link #withOrigins} says otherwise.
     */
    public static ChatSettings of(String nodeId, Duration heartbeatInterval, int resumeMax, double ratePerSec,
                                  int rateBurst) {
        return new ChatSettings(nodeId, heartbeatInterval, HELLO_TIMEOUT, resumeMax, ratePerSec, rateBurst,
                MAX_FRAME_BYTES, SEND_QUEUE_LIMIT, TYPING_LAPSE, OriginPolicy.sameOrigin(), SEND_QUEUE_BYTES,
                MAX_SOCKETS_PER_USER);
    }

    public ChatSettings withHelloTimeout(Duration timeout) {
        return new ChatSettings(nodeId, heartbeatInterval, timeout, resumeMax, ratePerSec, rateBurst,
                maxFrameBytes, sendQueueLimit, typingLapse, origins, sendQueueBytes, maxSocketsPerUser);
    }

    public ChatSettings withOrigins(OriginPolicy policy) {
        return new ChatSettings(nodeId, heartbeatInterval, helloTimeout, resumeMax, ratePerSec, rateBurst,
                maxFrameBytes, sendQueueLimit, typingLapse, policy, sendQueueBytes, maxSocketsPerUser);
    }

    public ChatSettings withSocketLimits(long queueBytes, int socketsPerUser) {
        return new ChatSettings(nodeId, heartbeatInterval, helloTimeout, resumeMax, ratePerSec, rateBurst,
                maxFrameBytes, sendQueueLimit, typingLapse, origins, queueBytes, socketsPerUser);
    }

    private static void requirePositive(Duration d, String name) {
        require(d != null && d.isPositive(), name + " must be positive, was " + d);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
