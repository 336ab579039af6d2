package io.switchboard.schemas.live;

/**
 * The {@link Channels} names as a Redis Cluster sees them: the id part becomes a hash tag
 * ({@code sb:conv:{c1}}, {@code sb:lastseq:{c1}}, {@code sb:pubat:{c1}}), so a conversation's channel and its
 * two marks hash to one slot and live on one master. The relay's pipeline then sends a conversation's
 * frames and marks over one connection in order, which keeps "a reader that sees a last seq can rely on the
 * frames up to it having been published" true in a cluster, and each raise-to EVAL touches one slot.
 * A single Redis keeps the plain names: nothing changes there.
 */
public final class ClusterNames {
    private ClusterNames() {
    }

    /**
     * {@code sb:<kind>:<id>} becomes {@code sb:<kind>:{<id>}}; names without an id ({@link Channels#PRESENCE})
     * are returned as they are.
     */
    public static String tagged(String name) {
        int idStart = idStart(name);
        return idStart < 0 ? name : name.substring(0, idStart) + "{" + name.substring(idStart) + "}";
    }

    /** The inverse of {@link #tagged}. */
    public static String untagged(String name) {
        int idStart = idStart(name);
        if (idStart < 0 || name.length() < idStart + 2 || name.charAt(idStart) != '{' || !name.endsWith("}")) {
            return name;
        }
        return name.substring(0, idStart) + name.substring(idStart + 1, name.length() - 1);
    }

    /** After {@code sb:<kind>:}; kinds never hold a colon, ids may hold anything. */
    private static int idStart(String name) {
        if (!name.startsWith("sb:")) {
            return -1;
        }
        int colon = name.indexOf(':', 3);
        return colon < 0 ? -1 : colon + 1;
    }
}
