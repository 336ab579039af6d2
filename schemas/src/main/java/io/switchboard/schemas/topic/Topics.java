package io.switchboard.schemas.topic;

import io.switchboard.schemas.avro.Command;
import io.switchboard.schemas.avro.Conversation;
import io.switchboard.schemas.avro.DeadLetter;
import io.switchboard.schemas.avro.MessageEvent;
import io.switchboard.schemas.avro.Notice;
import io.switchboard.schemas.avro.Notification;
import io.switchboard.schemas.avro.Presence;
import io.switchboard.schemas.avro.ReadCursor;
import io.switchboard.schemas.avro.SessionEvent;
import io.switchboard.schemas.avro.TypingEvent;
import io.switchboard.schemas.avro.User;
import io.switchboard.schemas.serde.AvroSerde;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Every topic of Switchboard. Flow: ingress writes {@link #COMMANDS}, {@link #SESSIONS} and
 * {@link #USERS}; the topology reads them and writes the rest; the relay sends the outputs to Redis;
 * the sink writes them to PostgreSQL.
 */
public final class Topics {
    private static final Serde<String> STRING = Serdes.String();
    private static final long ONE_HOUR = 3_600_000L;
    private static final long SEVEN_DAYS = 7 * 24 * ONE_HOUR;

    public static final Topic<String, Command> COMMANDS = new Topic<>("sb.commands", STRING,
            AvroSerde.of(Command.class), "conversationId", "Command",
            TopicPolicy.retainFor(SEVEN_DAYS,
                    "Inputs only: what they produced is in the output topics, and a rebuild never re-runs the sequencer"));

    public static final Topic<String, SessionEvent> SESSIONS = new Topic<>("sb.sessions", STRING,
            AvroSerde.of(SessionEvent.class), "userId", "SessionEvent",
            TopicPolicy.retainFor(ONE_HOUR, "Heartbeats matter only for the next few intervals"));

    public static final Topic<String, User> USERS = new Topic<>("sb.users", STRING,
            AvroSerde.of(User.class), "userId", "User",
            TopicPolicy.compacted("Reference data: the latest profile per user is the whole truth"));

    public static final Topic<String, Conversation> CONVERSATIONS = new Topic<>("sb.conversations", STRING,
            AvroSerde.of(Conversation.class), "conversationId", "Conversation",
            TopicPolicy.compacted("Each record is the whole conversation, so the latest per key rebuilds it"));

    public static final Topic<String, MessageEvent> MESSAGES = new Topic<>("sb.messages", STRING,
            AvroSerde.of(MessageEvent.class), "conversationId", "MessageEvent",
            TopicPolicy.keepForever("The history itself: PostgreSQL is rebuilt from it, seqs never re-assigned"));

    public static final Topic<String, ReadCursor> READ_CURSORS = new Topic<>("sb.read-cursors", STRING,
            AvroSerde.of(ReadCursor.class), "conversationId/userId", "ReadCursor",
            TopicPolicy.compacted("Only the highest cursor per (conversation, user) matters"));

    public static final Topic<String, TypingEvent> TYPING = new Topic<>("sb.typing", STRING,
            AvroSerde.of(TypingEvent.class), "conversationId", "TypingEvent",
            TopicPolicy.retainFor(ONE_HOUR, "Ephemeral by contract: never stored"));

    public static final Topic<String, Presence> PRESENCE = new Topic<>("sb.presence", STRING,
            AvroSerde.of(Presence.class), "userId", "Presence",
            TopicPolicy.compacted("Latest status and last-seen per user"));

    public static final Topic<String, Notice> NOTICES = new Topic<>("sb.notices", STRING,
            AvroSerde.of(Notice.class), "userId", "Notice",
            TopicPolicy.retainFor(ONE_HOUR, "Live answers to one user's sockets; nothing to rebuild"));

    public static final Topic<String, Notification> NOTIFICATION_CANDIDATES = new Topic<>(
            "sb.notification-candidates", STRING, AvroSerde.of(Notification.class), "userId", "Notification",
            TopicPolicy.retainFor(ONE_HOUR, "Internal: each recipient of a message not shown online, moved to "
                    + "the recipient's partition, where their presence is known"));

    public static final Topic<String, Notification> NOTIFICATIONS = new Topic<>("sb.notifications", STRING,
            AvroSerde.of(Notification.class), "userId", "Notification",
            TopicPolicy.retainFor(SEVEN_DAYS, "For a push gateway: a member offline when a message was stored; "
                    + "a gateway down for days still finds them"));

    public static final Topic<byte[], DeadLetter> DEAD_LETTERS = new Topic<>("sb.dead-letters",
            Serdes.ByteArray(), AvroSerde.of(DeadLetter.class), "original key bytes", "DeadLetter",
            TopicPolicy.retainFor(30 * 24 * ONE_HOUR, "Long enough for an operator to inspect and re-drive"));

    public static final List<Topic<?, ?>> ALL = List.of(COMMANDS, SESSIONS, USERS, CONVERSATIONS, MESSAGES,
            READ_CURSORS, TYPING, PRESENCE, NOTICES, NOTIFICATION_CANDIDATES, NOTIFICATIONS, DEAD_LETTERS);

    static {
        // Building a MessageEvent resolves its nested record classes, which Avro refuses until trusted.
        io.switchboard.schemas.serde.AvroTrust.ensure();
    }

    private Topics() {
    }

    public static String readCursorKey(String conversationId, String userId) {
        return conversationId + "/" + userId;
    }
}
