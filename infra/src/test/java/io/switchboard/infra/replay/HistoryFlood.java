package io.switchboard.infra.replay;

import io.switchboard.infra.it.Unique;
import io.switchboard.schemas.avro.MessageEvent;
import io.switchboard.schemas.topic.Topics;
import java.util.ArrayList;
import java.util.List;

/**
 * Plenty of message history on sb.messages, as the topology would have written it, so that a
 * replay spans many polls and batches (a poll brings at most 500 records) and can be stopped
 * between two of them. Conversations take turns so every partition gets its share.
 */
final class HistoryFlood {
    private static final int CONVERSATIONS = 8;

    private HistoryFlood() {
    }

    /** @return the rows the messages table must hold for it */
    static Expectation produce(String bootstrap, int messages) {
        String prefix = Unique.name("flood");
        long now = System.currentTimeMillis();
        List<MessagesTopic.Written> records = new ArrayList<>();
        Expectation expected = new Expectation();
        for (int i = 0; i < messages; i++) {
            String conversation = prefix + "-" + (i % CONVERSATIONS);
            long seq = i / CONVERSATIONS + 1;
            MessageEvent event = MessageEvent.newBuilder().setConversationId(conversation).setSeq(seq)
                    .setMessageId(conversation + "-m" + seq).setSenderId("historian").setSenderName("Historian")
                    .setClientMsgId("h" + seq).setText("history line " + i).setSentAt(now + i).setVersion(1)
                    .setEditedAt(null).setDeleted(false).build();
            records.add(new MessagesTopic.Written(conversation, Topics.MESSAGES.serializeValue(event)));
            expected.message(conversation, seq, 1);
        }
        MessagesTopic.produce(bootstrap, records);
        return expected;
    }
}
