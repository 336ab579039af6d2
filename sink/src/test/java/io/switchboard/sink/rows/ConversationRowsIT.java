package io.switchboard.sink.rows;

import static io.switchboard.sink.Fixtures.conversation;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.schemas.avro.Conversation;
import io.switchboard.testsupport.TestDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ConversationRowsIT {
    @RegisterExtension
    static final TestDatabase db = TestDatabase.perTestClass();
    private final ConversationRows writer = new ConversationRows();

    @Test
    void shouldStoreConversationWithItsMembers() {
        write(conversation("c1", 1, "team", "alice", "bob"));

        assertThat(db.rows("SELECT conversation_id, title, direct, created_by, version FROM conversations"))
                .containsExactly(Map.of("conversation_id", "c1", "title", "team", "direct", false,
                        "created_by", "alice", "version", 1));
        assertThat(members()).containsExactly("alice", "bob");
    }

    @Test
    void shouldInsertMembersIdempotently() {
        write(conversation("c1", 1, "team", "alice", "bob"));
        write(conversation("c1", 1, "team", "alice", "bob"));
        write(conversation("c1", 2, "team", "alice", "bob", "carol"), conversation("c1", 2, "team", "alice", "bob", "carol"));

        assertThat(members()).containsExactly("alice", "bob", "carol");
        assertThat(db.count("conversations")).isEqualTo(1);
    }

    @Test
    void shouldNotOverwriteNewerVersionWithOlder() {
        write(conversation("c1", 2, "renamed", "alice", "bob", "carol"));

        write(conversation("c1", 1, "team", "alice", "bob"));

        assertThat(db.rows("SELECT title, version FROM conversations"))
                .containsExactly(Map.of("title", "renamed", "version", 2));
        assertThat(members()).containsExactly("alice", "bob", "carol");
    }

    @Test
    void shouldKeepNewestVersionAndItsMembersWhenOneBatchHoldsSeveral() {
        write(conversation("c1", 1, "team", "alice", "bob"), conversation("c1", 3, null, "alice", "bob", "dave"),
                conversation("c1", 2, "team", "alice", "bob", "carol"));

        assertThat(db.rows("SELECT title IS NULL AS untitled, version FROM conversations"))
                .containsExactly(Map.of("untitled", true, "version", 3));
        assertThat(members()).containsExactly("alice", "bob", "dave");
    }

    @Test
    void shouldDropTheLeaverWhenANewerVersionListsThemNoMore() {
        write(conversation("c1", 1, "team", "alice", "bob", "carol"));

        write(conversation("c1", 2, "team", "alice", "carol"));
        write(conversation("c1", 1, "team", "alice", "bob", "carol"));

        assertThat(members()).containsExactly("alice", "carol");
        assertThat(db.rows("SELECT version FROM conversations")).containsExactly(Map.of("version", 2));
    }

    private List<Object> members() {
        return db.rows("SELECT user_id FROM conversation_members ORDER BY user_id").stream()
                .map(r -> r.get("user_id")).toList();
    }

    private void write(Conversation... conversations) {
        db.inTransaction(c -> writer.write(c, List.of(conversations), new RowCounts()));
    }
}
