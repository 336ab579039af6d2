package io.switchboard.sink.replay;

import static io.switchboard.sink.Fixtures.message;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.schemas.avro.MessageEvent;
import io.switchboard.sink.rows.MessageRows;
import io.switchboard.sink.rows.RowCounts;
import io.switchboard.testsupport.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The database side of verify agrees with the topic side on what the sink stored. */
class DbMessagesIT {
    @RegisterExtension
    static final TestDatabase db = TestDatabase.perTestClass();

    @Test
    void shouldMatchTheTopicWhenTheSinkStoredEveryVersion() {
        List<MessageEvent> topic = List.of(message("c1", 1, 1, "a"), message("c1", 2, 1, "b"),
                message("c1", 1, 2, "a edited"), message("c2", 1, 1, "x"));
        MessageLedger ledger = new MessageLedger();
        topic.forEach(ledger::add);

        db.inTransaction(c -> new MessageRows().write(c, topic, new RowCounts()));

        db.inTransaction(c -> assertThat(DbMessages.digests(c)).isEqualTo(ledger.digests()));
    }

    @Test
    void shouldShowWhichMessageTheDatabaseLacks() {
        MessageLedger ledger = new MessageLedger();
        List.of(message("c1", 1, 1, "a"), message("c1", 2, 1, "b"), message("c1", 2, 2, "b2")).forEach(ledger::add);

        db.inTransaction(c -> new MessageRows().write(c, List.of(message("c1", 1, 1, "a"), message("c1", 2, 1, "b")),
                new RowCounts()));

        db.inTransaction(c -> {
            assertThat(Differences.conversations(ledger.digests(), DbMessages.digests(c))).containsExactly("c1");
            assertThat(Differences.messages(ledger.messages("c1"), DbMessages.messages(c, "c1")))
                    .containsExactly("seq 2: topic has version 2, database 1");
        });
    }
}
