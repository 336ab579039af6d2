package io.switchboard.processor.relay;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one poll asks of Redis: the publications in record order, then per conversation the highest seq
 * among them. One seq write per conversation per poll instead of one per message.
 */
public record RelayBatch(List<Publication> publications, Map<String, Long> seqMarks) {
    public RelayBatch {
        publications = List.copyOf(publications);
        seqMarks = Map.copyOf(seqMarks);
    }

    public static Builder builder() {
        return new Builder();
    }

    public boolean isEmpty() {
        return publications.isEmpty() && seqMarks.isEmpty();
    }

    public int size() {
        return publications.size() + seqMarks.size();
    }

    /** Collects the writes of one poll, on the relay thread only. */
    public static final class Builder {
        private final List<Publication> publications = new ArrayList<>();
        private final Map<String, Long> seqMarks = new LinkedHashMap<>();

        public Builder add(List<RedisWrite> writes) {
            for (RedisWrite write : writes) {
                switch (write) {
                    case Publication p -> publications.add(p);
                    case SeqMark m -> seqMarks.merge(m.key(), m.seq(), Math::max);
                }
            }
            return this;
        }

        public RelayBatch build() {
            return new RelayBatch(publications, seqMarks);
        }
    }
}
