package io.switchboard.processor.topology.commands;

import io.switchboard.processor.topology.settings.StoreNames;
import io.switchboard.processor.topology.settings.TopologySettings;
import io.switchboard.processor.topology.users.SenderNames;
import io.switchboard.schemas.avro.AddMember;
import io.switchboard.schemas.avro.Command;
import io.switchboard.schemas.avro.CreateConversation;
import io.switchboard.schemas.avro.DeleteMessage;
import io.switchboard.schemas.avro.EditMessage;
import io.switchboard.schemas.avro.MarkRead;
import io.switchboard.schemas.avro.React;
import io.switchboard.schemas.avro.RemoveMember;
import io.switchboard.schemas.avro.SendMessage;
import io.switchboard.schemas.avro.SetTyping;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.StoreBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every command of a conversation, one at a time: sb.commands is keyed by conversationId, so one
 * conversation is one partition and this single processor is its only writer, which is what makes
 * seqs gapless and checks race-free.
 */
public final class CommandProcessor implements Processor<String, Command, String, Object> {
    /**
     * How often, in stream time, expired dedup entries are dropped; cheap, as the purge reads only
     * expired keys. Stream time, not the wall clock, so a re-run purges exactly as the aborted run did.
     */
    public static final Duration DEDUP_PURGE_INTERVAL = Duration.ofMinutes(1);
    private static final Logger LOGGER = LoggerFactory.getLogger(CommandProcessor.class);

    private final TopologySettings settings;
    private ProcessorContext<String, Object> context;
    private CommandStores stores;
    private ConversationCommands conversations;
    private MessageCommands messages;
    private ActivityCommands activity;
    private ReactionCommands reactions;

    public CommandProcessor(TopologySettings settings) {
        this.settings = settings;
    }

    public static List<StoreBuilder<?>> storeBuilders() {
        return CommandStores.builders();
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.stores = CommandStores.open(context, settings.dedupRetention(), DEDUP_PURGE_INTERVAL);
        this.conversations = new ConversationCommands(stores);
        this.messages = new MessageCommands(stores, new SenderNames(context.getStateStore(StoreNames.USERS)),
                settings.presenceView());
        this.activity = new ActivityCommands(stores);
        this.reactions = new ReactionCommands(stores);
    }

    @Override
    public void process(Record<String, Command> record) {
        Command command = record.value();
        if (command == null) {
            return;
        }
        // Stream time is committed with the offsets: a re-run of this record sees the same value.
        long streamTime = Math.max(context.currentStreamTimeMs(), record.timestamp());
        purgeDedup(streamTime);
        Emitter out = new Emitter(context, command, record.timestamp());
        if (!command.getConversationId().equals(record.key())) {
            // Keyed elsewhere, it could be handled by another task than its conversation's: refuse, never fork state.
            out.reject(RejectionCode.BAD_REQUEST, "Command keyed " + record.key()
                    + " but addressed to conversation " + command.getConversationId());
            return;
        }
        switch (command.getPayload()) {
            case CreateConversation create -> conversations.create(command, create, out);
            case AddMember add -> conversations.addMember(command, add, out);
            case RemoveMember remove -> conversations.removeMember(command, remove, out);
            case React react -> reactions.react(command, react, out);
            case SendMessage send -> messages.send(command, send, streamTime, out);
            case EditMessage edit -> messages.edit(command, edit, out);
            case DeleteMessage delete -> messages.delete(command, delete, out);
            case MarkRead read -> activity.markRead(command, read, out);
            case SetTyping typing -> activity.setTyping(command, typing, out);
            case null, default -> out.reject(RejectionCode.BAD_REQUEST, "Unknown command");
        }
    }

    private void purgeDedup(long streamTime) {
        int purged = stores.dedup().expireUpTo(streamTime);
        if (purged > 0) {
            LOGGER.atDebug().addKeyValue("task", context.taskId()).addKeyValue("purged", purged)
                    .log("Forgot expired clientMsgIds");
        }
    }
}
