package io.switchboard.ingress.input;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import io.switchboard.schemas.frames.Frames;

/** What both doors, WebSocket frames and HTTP bodies, require of the JSON and the text clients send. */
public final class ClientJson {
    /**
     * One JSON value per frame or body: by default Jackson stops after the first value and ignores the
     * rest, which would act on {@code {"type":"send",...}garbage} as if it were well-formed.
     */
    public static final ObjectReader READER = Frames.JSON.reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private ClientJson() {
    }

    /**
     * Why text cannot be stored exactly as given, or null when it can: PostgreSQL text cannot hold U+0000
     * (accepting it would ack what the read model can never store), and UTF-8 cannot carry half a pair.
     */
    public static String unstorable(String value) {
        if (value.indexOf('\u0000') >= 0) {
            return "must not contain the NUL character (U+0000)";
        }
        if (hasUnpairedSurrogate(value)) {
            return "must be valid Unicode (no unpaired surrogate)";
        }
        return null;
    }

    /**
     * True when the text holds half a surrogate pair (a JSON escape like {@code \ud800} yields one).
     * UTF-8, which Kafka, PostgreSQL and the sockets all use, cannot carry it: it would come back as
     * '?', so such text can never be stored as sent.
     */
    public static boolean hasUnpairedSurrogate(String value) {
        for (int i = 0, n = value.length(); i < n; i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
