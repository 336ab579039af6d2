package io.switchboard.infra.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.infra.it.SystemHarness;
import io.switchboard.infra.it.Unique;
import io.switchboard.schemas.avro.MessageEvent;
import io.switchboard.schemas.serde.SchemaHistory;
import io.switchboard.sink.replay.ReplaySummary;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 5: the read model is rebuilt from the output topics to exactly the rows the live sink wrote,
 * and verify tells an operator whether a schema matches sb.messages. Every test drives its own
 * traffic and waits until the live sink stored it, so the tests do not depend on their order.
 */
class ReplayIT {
    @RegisterExtension
    static final SystemHarness system = SystemHarness.withIngressNodes(1);

    private static final List<String> READ_MODEL = List.of("conversation_members", "conversation_progress", "conversations",
            "flyway_schema_history", "messages", "presence", "read_cursors", "users");

    private final Operator operator = new Operator(system);
    private final List<String> scratch = new ArrayList<>();

    @AfterEach
    void dropScratchSchemas() {
        scratch.forEach(Sql::dropSchema);
    }

    @Test
    void shouldRebuildEveryTableRowForRowAfterTheDatabaseIsLost() throws Exception {
        ChatTraffic.Outcome traffic = ChatTraffic.run(system);
        traffic.expected().awaitStoredIn(operator.live());
        TableSnapshot original = TableSnapshot.of(operator.live()).assertEveryTableHoldsRows();
        String historyBefore = Readers.history(system, traffic);

        Sql.dropSchema(operator.live());
        String target = scratch("rebuild");
        Operator.Replay replay = operator.replay(target, true);

        TableSnapshot.of(operator.live()).assertSameRowsAs(original);
        assertThat(replay.summary().switched()).isTrue();
        assertThat(replay.summary().retired()).as("no live schema was left to retire").isNull();
        assertThat(replay.summary().records()).isGreaterThanOrEqualTo(original.rows("messages"));
        assertThat(replay.progress()).contains("rec/s", "lag", "ETA", "100.0%");
        assertThat(Sql.tables(operator.live())).as("no replay bookkeeping left in the live schema")
                .containsExactlyElementsOf(READ_MODEL);
        assertThat(Sql.tables(target)).as("the target became the live schema").isEmpty();
        assertThat(Sql.tuples("SELECT DISTINCT status FROM " + operator.live() + ".presence"))
                .as("nobody is advertised online by a rebuild").containsExactly(List.of("offline"));
        assertThat(Readers.history(system, traffic)).as("ingress serves the same history").isEqualTo(historyBefore);
        // contract 1.1 rows came back too: the reply, its mention, the parent's count and reactions, search
        assertThat(Sql.tuples("SELECT reply_count, jsonb_array_length(reactions) FROM " + operator.live()
                + ".messages WHERE conversation_id = ? AND seq = 1", traffic.group()))
                .containsExactly(List.of(1, 2));
        assertThat(Sql.count("SELECT count(*) FROM " + operator.live() + ".messages WHERE conversation_id = ? "
                + "AND reply_to = 1 AND cardinality(mentions) = 1", traffic.group())).isEqualTo(1);
        assertThat(Sql.count("SELECT count(*) FROM " + operator.live() + ".messages "
                + "WHERE search @@ plainto_tsquery('simple', 'twice edited') AND conversation_id = ?", traffic.group()))
                .isEqualTo(1);
    }

    @Test
    void shouldVerifyARebuiltSchemaCleanAndReportEveryTamperedRow() throws Exception {
        ChatTraffic.Outcome traffic = ChatTraffic.run(system);
        traffic.expected().awaitStoredIn(operator.live());
        String rebuilt = scratch("verify");
        assertThat(operator.replay(rebuilt, false).summary().switched()).isFalse();

        Operator.Verification clean = operator.verify(rebuilt, 3);
        Operator.Verification live = operator.verify(operator.live(), 3);
        Sql.update("UPDATE " + rebuilt + ".messages SET body = 'tampered' WHERE conversation_id = ? AND seq = 1",
                traffic.group());
        Sql.update("DELETE FROM " + rebuilt + ".messages WHERE conversation_id = ? AND seq = 1", traffic.direct());
        Operator.Verification tampered = operator.verify(rebuilt, 2);

        assertThat(clean.differing()).as(clean.report()).isZero();
        assertThat(clean.report()).contains("no differences");
        assertThat(live.differing()).as(live.report()).isZero();
        assertThat(tampered.differing()).as(tampered.report()).isEqualTo(2);
        assertThat(tampered.report()).contains(
                "conversation " + traffic.group() + ": topic ", "seq 1: version 6 text differs",
                "conversation " + traffic.direct() + ": topic ", "seq 1: missing in the database (topic has version 1)",
                "2 conversations differ");
    }

    /**
     * Replays records encoded with each recorded MessageEvent schema file (v1, and v2 of contract 1.1),
     * not with the generated class; each version recorded later is covered by the same loop.
     */
    @Test
    void shouldReplayMessagesWrittenWithEveryRecordedSchemaVersion() throws Exception {
        List<Schema> versions = SchemaHistory.versions(MessageEvent.getClassSchema().getName());
        List<String> conversations = new ArrayList<>();
        List<MessagesTopic.Written> written = new ArrayList<>();
        Expectation expected = new Expectation();
        long sentAt = System.currentTimeMillis();
        for (int v = 0; v < versions.size(); v++) {
            String conversation = Unique.name("legacy-v" + (v + 1));
            conversations.add(conversation);
            for (MessageEvent event : LegacyRecords.editedAndDeleted(conversation, sentAt)) {
                written.add(new MessagesTopic.Written(conversation, LegacyRecords.encode(event, versions.get(v))));
            }
            expected.message(conversation, 1, 2).message(conversation, 2, 2);
        }
        String unrecorded = Unique.name("unrecorded");
        written.add(new MessagesTopic.Written(unrecorded, LegacyRecords.encode(
                LegacyRecords.event(unrecorded, 1, sentAt, "from a schema nobody recorded"),
                LegacyRecords.without(MessageEvent.getClassSchema(), "deleted"))));
        MessagesTopic.produce(system.kafka().bootstrapServers(), written);
        expected.awaitStoredIn(operator.live());
        TableSnapshot original = TableSnapshot.of(operator.live());

        String rebuilt = scratch("legacy");
        ReplaySummary summary = operator.replay(rebuilt, false).summary();

        assertThat(versions).as("recorded MessageEvent versions").isNotEmpty();
        TableSnapshot.of(rebuilt).assertSameRowsAs(original);
        for (String conversation : conversations) {
            assertThat(Sql.tuples("SELECT seq, version, body, deleted, edited_at IS NOT NULL FROM " + rebuilt
                    + ".messages WHERE conversation_id = ? ORDER BY seq", conversation)).as(conversation)
                    .containsExactly(List.of(1L, 2, "edited by an older release", false, true),
                            List.of(2L, 2, "", true, true));
        }
        assertThat(summary.deadLetters()).as("the record of an unrecorded schema is set aside").isPositive();
        assertThat(Sql.count("SELECT count(*) FROM " + rebuilt + ".messages WHERE conversation_id = ?", unrecorded))
                .isZero();
    }

    private String scratch(String purpose) {
        String schema = operator.live() + "_" + purpose;
        scratch.add(schema);
        return schema;
    }
}
