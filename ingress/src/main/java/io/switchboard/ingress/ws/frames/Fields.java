package io.switchboard.ingress.ws.frames;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.ingress.auth.Identifiers;
import io.switchboard.ingress.input.ClientJson;

/** Reads and checks one field of a client frame; every refusal names the field and echoes the frame's id. */
final class Fields {
    private final JsonNode frame;
    private final String id;
    private String clientMsgId;

    Fields(JsonNode frame, String id) {
        this.frame = frame;
        this.id = id;
    }

    /** Errors raised after this also carry the clientMsgId, so the client can match them to its pending send. */
    void echoClientMsgId(String value) {
        this.clientMsgId = value;
    }

    String identifier(String name) {
        JsonNode node = frame.get(name);
        if (node == null || !node.isTextual() || !Identifiers.isValid(node.textValue())) {
            throw invalid(name + " must be 1..64 characters of [A-Za-z0-9_.-]");
        }
        return node.textValue();
    }

    String text(String name, int minChars, int maxChars) {
        JsonNode node = frame.get(name);
        if (node == null || !node.isTextual()) {
            throw invalid(name + " must be a string");
        }
        String value = node.textValue();
        int chars = value.codePointCount(0, value.length());
        if (chars < minChars || chars > maxChars) {
            throw invalid(name + " must be " + minChars + ".." + maxChars + " characters");
        }
        String unstorable = ClientJson.unstorable(value);
        if (unstorable != null) {
            throw invalid(name + " " + unstorable);
        }
        return value;
    }

    /** Null when absent or JSON null. */
    String optionalString(String name) {
        JsonNode node = frame.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw invalid(name + " must be a string");
        }
        return node.textValue();
    }

    long integer(String name, long min, long max) {
        JsonNode node = frame.get(name);
        if (node == null) {
            throw invalid(name + " is required");
        }
        return checkedInteger(node, name, min, max);
    }

    /** Null when absent or JSON null. */
    Long optionalInteger(String name, long min, long max) {
        JsonNode node = frame.get(name);
        return node == null || node.isNull() ? null : checkedInteger(node, name, min, max);
    }

    boolean bool(String name) {
        JsonNode node = frame.get(name);
        if (node == null || !node.isBoolean()) {
            throw invalid(name + " must be true or false");
        }
        return node.booleanValue();
    }

    FrameException invalid(String message) {
        return new FrameException(ErrorCodes.BAD_REQUEST, id, clientMsgId, message);
    }

    static boolean isInteger(JsonNode node) {
        return node.isIntegralNumber() && node.canConvertToLong();
    }

    private long checkedInteger(JsonNode node, String name, long min, long max) {
        if (!isInteger(node) || node.longValue() < min || node.longValue() > max) {
            throw invalid(name + (max == Long.MAX_VALUE ? " must be an integer >= " + min
                    : " must be an integer in " + min + ".." + max));
        }
        return node.longValue();
    }
}
