package io.switchboard.processor.topology.users;

import io.switchboard.schemas.avro.User;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The name shown beside a message: the token's name claim the command carries, else the profile on
 * sb.users, else the user id. The claim comes first because it is part of the command record, so a
 * re-run of an aborted transaction names the sender exactly as the run clients saw live did; the
 * global table is outside the task's transaction and a rename between the two runs would change the
 * bytes (architecture.md, "Why the live path may read uncommitted output").
 */
public final class SenderNames {
    private final ReadOnlyKeyValueStore<String, User> users;

    public SenderNames(ReadOnlyKeyValueStore<String, User> users) {
        this.users = users;
    }

    public String resolve(String userId, String claimedName) {
        if (!isBlank(claimedName)) {
            return claimedName;
        }
        User user = users.get(userId);
        return user == null || isBlank(user.getDisplayName()) ? userId : user.getDisplayName();
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
