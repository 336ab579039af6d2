package io.switchboard.ingress.ws.frames;

/**
 * Joins a client message sent in fragments and measures it in UTF-8 bytes. Once a message passes the
 * limit its text is dropped at once, so an oversized message costs no memory while its fragments arrive.
 * Used by the socket's one reader thread only.
 */
public final class FrameAssembler {

    /** A whole client message: its text, or only the fact that it was too large (with the id it started with). */
    public record Assembled(String text, boolean tooLarge, String idOfOversized) {
    }

    private final int maxBytes;
    private StringBuilder pending;
    private long pendingBytes;
    private boolean oversized;
    private String oversizedId;

    public FrameAssembler(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** @return the message when {@code last}, else null */
    public Assembled accept(String part, boolean last) {
        if (last && pending == null && !oversized) {
            return utf8Length(part) > maxBytes ? new Assembled(null, true, FrameIds.peek(part))
                    : new Assembled(part, false, null);
        }
        if (!oversized) {
            if (pending == null) {
                pending = new StringBuilder();
            }
            pending.append(part);
            pendingBytes += utf8Length(part);
            if (pendingBytes > maxBytes) {
                oversized = true;
                oversizedId = FrameIds.peek(pending.toString());
                pending = null;
            }
        }
        if (!last) {
            return null;
        }
        Assembled whole = oversized ? new Assembled(null, true, oversizedId)
                : new Assembled(pending.toString(), false, null);
        pending = null;
        pendingBytes = 0;
        oversized = false;
        oversizedId = null;
        return whole;
    }

    static long utf8Length(CharSequence text) {
        long bytes = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
