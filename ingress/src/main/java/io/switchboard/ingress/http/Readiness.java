package io.switchboard.ingress.http;

import java.util.List;

/**
 * What else a node's readiness depends on besides its own Kafka connection: in the single-JVM local stack,
 * the stream processor beside it, since a node whose sends are acked but never sequenced is down for its
 * users even though every one of its own parts works.
 */
@FunctionalInterface
public interface Readiness {
    /** Why the node should not be given clients yet, one line each; empty when ready. */
    List<String> notReady();

    /** A standalone node: nothing beyond its own connections. */
    static Readiness standalone() {
        return List::of;
    }
}
