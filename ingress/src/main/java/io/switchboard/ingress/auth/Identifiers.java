package io.switchboard.ingress.auth;

import java.util.regex.Pattern;

/** The contract's rule for userId and conversationId: 1 to 64 characters of {@code [A-Za-z0-9_.-]}. */
public final class Identifiers {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private Identifiers() {
    }

    public static boolean isValid(String id) {
        return id != null && ID.matcher(id).matches();
    }
}
