package io.switchboard.ingress.ws.frames;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.switchboard.schemas.frames.Frames;
import java.io.IOException;

/**
 * Finds a frame's top-level {@code id} without building the whole tree, so even an oversized or
 * otherwise refused frame gets its id echoed when it has a usable one.
 */
public final class FrameIds {
    private FrameIds() {
    }

    /** The echoable id, or null when absent, not a string of at most 64 characters, or not findable. */
    public static String peek(String text) {
        try (JsonParser parser = Frames.JSON.getFactory().createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("id".equals(name)) {
                    return value == JsonToken.VALUE_STRING ? echoable(parser.getText()) : null;
                }
                parser.skipChildren();
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String echoable(String id) {
        return id.codePointCount(0, id.length()) <= ClientFrameParser.MAX_ID_CHARS ? id : null;
    }
}
