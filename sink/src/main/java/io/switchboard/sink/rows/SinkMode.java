package io.switchboard.sink.rows;

/** How records are written: as they happen, or rebuilt from history by a replay. */
public enum SinkMode {
    /** The live sink: every record is the current truth when it arrives. */
    LIVE,
    /**
     * A replay from the beginning of the topics. Presence is history here, not state: a replayed
     * ONLINE only says someone was connected at some past moment (their socket, even their ingress
     * node, may be long gone, and the OFFLINE that would correct it comes from the live processor,
     * not from the replay). A rebuilt read model must never advertise anyone as reachable, so
     * presence is stored as offline with its last-seen time; the live sink makes them online again
     * on their next status change.
     */
    REPLAY
}
