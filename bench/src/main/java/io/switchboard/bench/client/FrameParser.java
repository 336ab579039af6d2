package io.switchboard.bench.client;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Streams over a frame instead of building a tree: the generator parses every delivery at tens of thousands
 * a second on the same two cores as the system it measures, so its own cost must stay small.
 */
public final class FrameParser {
    private static final JsonFactory FACTORY = new JsonFactory();

    private FrameParser() {
    }

    /** @throws IllegalArgumentException when the text is not a JSON object */
    public static InboundFrame parse(String json) {
        String type = null;
        String conversationId = null;
        long seq = -1;
        String text = null;
        String clientMsgId = null;
        String code = null;
        String message = null;
        try (JsonParser p = FACTORY.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("not a JSON object: " + abbreviate(json));
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                    p.skipChildren();
                    continue;
                }
                switch (name) {
                    case "type" -> type = p.getValueAsString();
                    case "conversationId" -> conversationId = p.getValueAsString();
                    case "seq" -> seq = p.getValueAsLong(-1);
                    case "text" -> text = p.getValueAsString();
                    case "clientMsgId" -> clientMsgId = p.getValueAsString();
                    case "code" -> code = p.getValueAsString();
                    case "message" -> message = p.getValueAsString();
                    default -> {
                        // other fields carry nothing the harness measures
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + abbreviate(json), e);
        }
        return new InboundFrame(type, conversationId, seq, text, clientMsgId, code, message);
    }

    private static String abbreviate(String s) {
        return s.length() <= 120 ? s : s.substring(0, 120) + "...";
    }
}
