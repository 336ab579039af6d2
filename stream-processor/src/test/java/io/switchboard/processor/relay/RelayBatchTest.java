package io.switchboard.processor.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import org.junit.jupiter.api.Test;

class RelayBatchTest {

    @Test
    void shouldKeepPublicationOrderAndHighestSeqPerConversation() {
        RelayBatch batch = RelayBatch.builder()
                .add(List.of(new Publication("sb:conv:a", "1"), new SeqMark("sb:lastseq:a", 1)))
                .add(List.of(new Publication("sb:conv:b", "2"), new SeqMark("sb:lastseq:b", 9)))
                .add(List.of(new Publication("sb:conv:a", "3"), new SeqMark("sb:lastseq:a", 2)))
                .add(List.of(new Publication("sb:conv:b", "4"), new SeqMark("sb:lastseq:b", 4)))
                .build();

        assertThat(batch.publications()).extracting(Publication::text).containsExactly("1", "2", "3", "4");
        assertThat(batch.seqMarks()).containsOnly(
                entry("sb:lastseq:a", 2L),
                entry("sb:lastseq:b", 9L));
        assertThat(batch.size()).isEqualTo(6);
    }

    @Test
    void shouldBeEmptyWithoutWrites() {
        assertThat(RelayBatch.builder().add(List.of()).build().isEmpty()).isTrue();
    }
}
