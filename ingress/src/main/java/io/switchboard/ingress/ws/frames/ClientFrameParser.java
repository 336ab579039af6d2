package io.switchboard.ingress.ws.frames;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.ingress.auth.Identifiers;
import io.switchboard.ingress.input.ClientJson;
import java.util.LinkedHashMap;
import java.util.Map;

/** Turns a client text frame into a {@link ClientFrame}, or a {@link FrameException} naming what is wrong. */
public final class ClientFrameParser {
    static final int MAX_ID_CHARS = 64;
    static final int MAX_CLIENT_MSG_ID_CHARS = 64;
    static final int MAX_TEXT_CHARS = 4000;
    static final int MAX_HISTORY_LIMIT = 100;
    /** Contract 1.1: an emoji is 1..16 characters (code points, as every text length here). */
    static final int MAX_EMOJI_CHARS = 16;
    static final int DEFAULT_HISTORY_LIMIT = 50;
    /** Each entry costs a few queries; a client in more conversations resumes the rest with history. */
    static final int MAX_RESUME_ENTRIES = 1_000;

    public ClientFrame parse(String text) {
        JsonNode root;
        try {
            root = ClientJson.READER.readTree(text);
        } catch (JsonProcessingException e) {
            throw FrameException.badRequest(null, "frame is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw FrameException.badRequest(null, "frame must be a JSON object");
        }
        String id = id(root);
        JsonNode type = root.get("type");
        if (type == null || !type.isTextual()) {
            throw FrameException.badRequest(id, "type is required");
        }
        Fields fields = new Fields(root, id);
        return switch (type.textValue()) {
            case "hello" -> hello(root, fields, id);
            case "ping" -> new ClientFrame.Ping(id);
            case "send" -> send(fields, id);
            case "edit" -> new ClientFrame.Edit(id, fields.identifier("conversationId"),
                    fields.integer("seq", 1, Long.MAX_VALUE), fields.text("text", 1, MAX_TEXT_CHARS));
            case "delete" -> new ClientFrame.Delete(id, fields.identifier("conversationId"),
                    fields.integer("seq", 1, Long.MAX_VALUE));
            case "read" -> new ClientFrame.Read(id, fields.identifier("conversationId"),
                    fields.integer("seq", 0, Long.MAX_VALUE));
            case "typing" -> new ClientFrame.Typing(id, fields.identifier("conversationId"), fields.bool("active"));
            case "history" -> history(fields, id);
            case "react" -> new ClientFrame.React(id, fields.identifier("conversationId"),
                    fields.integer("seq", 1, Long.MAX_VALUE), fields.text("emoji", 1, MAX_EMOJI_CHARS),
                    fields.bool("active"));
            default -> throw FrameException.badRequest(id, "unknown type: " + abbreviate(type.textValue()));
        };
    }

    /** An id that is not a string of at most 64 characters cannot be echoed, so the error carries none. */
    private static String id(JsonNode root) {
        JsonNode id = root.get("id");
        if (id == null || id.isNull()) {
            return null;
        }
        if (!id.isTextual()) {
            throw FrameException.badRequest(null, "id must be a string");
        }
        String value = id.textValue();
        if (value.codePointCount(0, value.length()) > MAX_ID_CHARS) {
            throw FrameException.badRequest(null, "id must be at most " + MAX_ID_CHARS + " characters");
        }
        return value;
    }

    private static ClientFrame send(Fields fields, String id) {
        String conversationId = fields.identifier("conversationId");
        String clientMsgId = fields.text("clientMsgId", 1, MAX_CLIENT_MSG_ID_CHARS);
        fields.echoClientMsgId(clientMsgId);
        String text = fields.text("text", 1, MAX_TEXT_CHARS);
        return new ClientFrame.Send(id, conversationId, clientMsgId, text,
                fields.optionalInteger("replyTo", 1, Long.MAX_VALUE));
    }

    private static ClientFrame history(Fields fields, String id) {
        String conversationId = fields.identifier("conversationId");
        Long beforeSeq = fields.optionalInteger("beforeSeq", 1, Long.MAX_VALUE);
        Long limit = fields.optionalInteger("limit", 1, MAX_HISTORY_LIMIT);
        return new ClientFrame.History(id, conversationId, beforeSeq,
                limit == null ? DEFAULT_HISTORY_LIMIT : limit.intValue());
    }

    private static ClientFrame hello(JsonNode root, Fields fields, String id) {
        String token = fields.optionalString("token");
        JsonNode resume = root.get("resume");
        if (resume == null || resume.isNull()) {
            return new ClientFrame.Hello(id, token, Map.of(), null);
        }
        if (!resume.isObject()) {
            return new ClientFrame.Hello(id, token, Map.of(), "resume must be an object of conversationId -> seq");
        }
        if (resume.size() > MAX_RESUME_ENTRIES) {
            return new ClientFrame.Hello(id, token, Map.of(),
                    "resume may name at most " + MAX_RESUME_ENTRIES + " conversations");
        }
        Map<String, Long> entries = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : resume.properties()) {
            if (!Identifiers.isValid(entry.getKey())) {
                return new ClientFrame.Hello(id, token, Map.of(),
                        "resume keys must be conversationIds (1..64 characters of [A-Za-z0-9_.-])");
            }
            JsonNode seq = entry.getValue();
            if (!Fields.isInteger(seq) || seq.longValue() < 0) {
                return new ClientFrame.Hello(id, token, Map.of(),
                        "resume." + entry.getKey() + " must be an integer >= 0");
            }
            entries.put(entry.getKey(), seq.longValue());
        }
        return new ClientFrame.Hello(id, token, entries, null);
    }

    private static String abbreviate(String value) {
        return value.length() <= 64 ? value : value.substring(0, 64) + "...";
    }
}
