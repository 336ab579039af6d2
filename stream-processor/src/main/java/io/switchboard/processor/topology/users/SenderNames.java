package io.switchboard.processor.topology.users;

import io.switchboard.schemas.avro.User;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** The name shown beside a message: the profile on sb.users, else the token's claim, else the user id. */
public final class SenderNames {
    private final ReadOnlyKeyValueStore<String, User> users;

    public SenderNames(ReadOnlyKeyValueStore<String, User> users) {
        this.users = users;
    }

    public String resolve(String userId, String claimedName) {
        User user = users.get(userId);
        if (user != null && !isBlank(user.getDisplayName())) {
            return user.getDisplayName();
        }
        return isBlank(claimedName) ? userId : claimedName;
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
