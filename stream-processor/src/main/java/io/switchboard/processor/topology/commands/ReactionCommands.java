package io.switchboard.processor.topology.commands;

import io.switchboard.schemas.avro.Command;
import io.switchboard.schemas.avro.MessageEvent;
import io.switchboard.schemas.avro.React;
import io.switchboard.schemas.avro.ReactionChange;
import io.switchboard.schemas.avro.ReactionGroup;
import java.util.ArrayList;
import java.util.List;

/**
 * Adding and removing reactions. Each change is a new version of the whole message (reactions included),
 * so the sink's keep-the-highest-version upsert and a replay store it as they store edits; the version
 * names the change in {@code reaction}, so the relay sends a {@code reaction} frame for it. Adding what is
 * there or removing what is not emits nothing: the contract says it changes nothing.
 */
final class ReactionCommands {
    private final CommandStores stores;

    ReactionCommands(CommandStores stores) {
        this.stores = stores;
    }

    void react(Command command, React react, Emitter out) {
        stores.memberConversation(command, out).ifPresent(state -> {
            MessageEvent current = stores.message(command.getConversationId(), react.getSeq());
            if (current == null || current.getDeleted()) {
                out.reject(RejectionCode.NOT_FOUND, "No message " + react.getSeq() + " in conversation "
                        + command.getConversationId());
                return;
            }
            List<ReactionGroup> changed = changed(current.getReactions(), command.getUserId(), react);
            if (changed == null) {
                return;
            }
            MessageEvent next = MessageEvent.newBuilder(current)
                    .setReactions(changed)
                    .setVersion(current.getVersion() + 1)
                    .setReaction(new ReactionChange(command.getUserId(), react.getEmoji(), react.getActive()))
                    .build();
            stores.putMessage(next);
            out.message(next);
        });
    }

    /** The groups after the change, emojis and users in first-reacted order; null when nothing changes. */
    static List<ReactionGroup> changed(List<ReactionGroup> groups, String userId, React react) {
        List<ReactionGroup> result = new ArrayList<>(groups.size() + 1);
        boolean found = false;
        boolean changed = false;
        for (ReactionGroup group : groups) {
            if (!group.getEmoji().equals(react.getEmoji())) {
                result.add(group);
                continue;
            }
            found = true;
            List<String> users = new ArrayList<>(group.getUserIds());
            if (react.getActive() && !users.contains(userId)) {
                users.add(userId);
                changed = true;
            } else if (!react.getActive() && users.remove(userId)) {
                changed = true;
            }
            if (!users.isEmpty()) {
                result.add(new ReactionGroup(group.getEmoji(), users));
            }
        }
        if (!found && react.getActive()) {
            result.add(new ReactionGroup(react.getEmoji(), new ArrayList<>(List.of(userId))));
            changed = true;
        }
        return changed ? result : null;
    }
}
