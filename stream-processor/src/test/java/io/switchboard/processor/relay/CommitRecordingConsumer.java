package io.switchboard.processor.relay;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetCommitCallback;
import org.apache.kafka.common.TopicPartition;

/** A MockConsumer that keeps every offset commit it was asked for, readable after it was closed. */
final class CommitRecordingConsumer extends MockConsumer<byte[], byte[]> {
    /** One commit request: what it asked for, and whether the caller waited for it. */
    record Commit(Map<TopicPartition, OffsetAndMetadata> offsets, boolean sync) {
    }

    final List<Commit> commits = new CopyOnWriteArrayList<>();

    CommitRecordingConsumer() {
        super("earliest");
    }

    @Override
    public synchronized void commitAsync(Map<TopicPartition, OffsetAndMetadata> offsets,
                                         OffsetCommitCallback callback) {
        commits.add(new Commit(Map.copyOf(offsets), false));
        super.commitAsync(offsets, callback);
    }

    @Override
    public synchronized void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets, Duration timeout) {
        commits.add(new Commit(Map.copyOf(offsets), true));
        // MockConsumer's commitSync delegates to commitAsync: past the override, so it is recorded once.
        super.commitAsync(offsets, null);
    }
}
