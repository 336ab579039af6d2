package io.switchboard.infra.kafka;

/**
 * How many partitions and copies every Switchboard topic gets on a given Kafka: a deployment choice, so it
 * lives in infra, not beside the schemas. {@code min.insync.replicas} is set on each topic, so an
 * {@code acks=all} write (ingress, the relay, the sink, the topology's transactions) is refused with
 * NOT_ENOUGH_REPLICAS instead of being acknowledged by fewer brokers than that.
 *
 * @param partitions  per topic; the same for every topic, so a conversation is one partition everywhere
 * @param replication copies of each partition; at most the number of brokers
 * @param minInsync   copies an acknowledged write must be on; 1..replication
 */
public record TopicLayout(int partitions, short replication, short minInsync) {
    public TopicLayout {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be positive, was " + partitions);
        }
        if (replication < 1) {
            throw new IllegalArgumentException("replication must be positive, was " + replication);
        }
        if (minInsync < 1 || minInsync > replication) {
            throw new IllegalArgumentException("min.insync.replicas must be 1.." + replication + ", was " + minInsync);
        }
    }

    /** One broker: one copy, and an acknowledged write is on it. */
    public static TopicLayout singleBroker(int partitions) {
        return new TopicLayout(partitions, (short) 1, (short) 1);
    }

    /**
     * Three copies, two of which must hold every acknowledged write: one broker may die without losing
     * anything acknowledged or refusing writes; with two dead, writes are refused rather than left on one copy.
     */
    public static TopicLayout replicated(int partitions) {
        return new TopicLayout(partitions, (short) 3, (short) 2);
    }
}
