package io.switchboard.ingress.http;

import io.switchboard.ingress.auth.Identifiers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/** The contract's id rule and how conversation ids are made. */
public final class Ids {
    private static final int MAX_LENGTH = 64;

    private Ids() {
    }

    /** userId and conversationId: 1 to 64 characters of {@code [A-Za-z0-9_.-]}. */
    public static boolean valid(String id) {
        return Identifiers.isValid(id);
    }

    /**
     * The same for both orders of the pair, so asking twice (or by the other member) finds the same
     * conversation. The newline joining them cannot occur inside an id, so no two pairs collide by concatenation.
     */
    public static String direct(String userA, String userB) {
        String pair = userA.compareTo(userB) <= 0 ? userA + "\n" + userB : userB + "\n" + userA;
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(pair.getBytes(StandardCharsets.UTF_8));
            String id = "d-" + HexFormat.of().formatHex(hash);
            return id.substring(0, MAX_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM provides SHA-256", e);
        }
    }

    public static String group() {
        return "c-" + UUID.randomUUID().toString().replace("-", "");
    }
}
