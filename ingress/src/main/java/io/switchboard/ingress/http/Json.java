package io.switchboard.ingress.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.switchboard.ingress.input.ClientJson;
import io.switchboard.schemas.frames.Frames;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Request bodies in, JSON answers out; the one place the 64 KiB body limit is enforced. */
final class Json {
    static final int MAX_BODY_BYTES = 64 * 1024;
    private static final String CONTENT_TYPE = "application/json";

    private Json() {
    }

    static ObjectNode object() {
        return Frames.JSON.createObjectNode();
    }

    static ArrayNode array() {
        return Frames.JSON.createArrayNode();
    }

    /** The body as a JSON object: 413 over the limit (declared or actual), 400 when absent or not an object. */
    static ObjectNode readObject(ServerRequest req) {
        if (req.headers().contentLength().orElse(0) > MAX_BODY_BYTES) {
            throw ApiError.tooLarge(MAX_BODY_BYTES);
        }
        if (!req.content().hasEntity()) {
            throw ApiError.badRequest("A JSON object body is required");
        }
        byte[] body;
        try (InputStream in = req.content().inputStream()) {
            // One byte past the limit tells "exactly at the limit" from "over it" without reading it all.
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (body.length > MAX_BODY_BYTES) {
            throw ApiError.tooLarge(MAX_BODY_BYTES);
        }
        JsonNode node;
        try {
            node = ClientJson.READER.readTree(body);
        } catch (IOException e) {
            throw ApiError.badRequest("Body is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw ApiError.badRequest("Body must be a JSON object");
        }
        return (ObjectNode) node;
    }

    /** A string field, trimmed; null when absent, JSON null or blank. */
    static String optionalText(ObjectNode body, String field, int maxLength) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ApiError.badRequest(field + " must be a string");
        }
        String text = value.asText().strip();
        if (text.length() > maxLength) {
            throw ApiError.badRequest(field + " must be at most " + maxLength + " characters");
        }
        String unstorable = ClientJson.unstorable(text);
        if (unstorable != null) {
            throw ApiError.badRequest(field + " " + unstorable);
        }
        return text.isEmpty() ? null : text;
    }

    /** A required userId-shaped field. */
    static String id(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual() || !Ids.valid(value.asText())) {
            throw ApiError.badRequest(field + " must be 1 to 64 characters of [A-Za-z0-9_.-]");
        }
        return value.asText();
    }

    static void send(ServerResponse res, Status status, JsonNode body) {
        res.status(status);
        res.header(HeaderNames.CONTENT_TYPE, CONTENT_TYPE);
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        try {
            res.send(Frames.JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A tree of JSON nodes always serializes", e);
        }
    }

    static void ok(ServerResponse res, JsonNode body) {
        send(res, Status.OK_200, body);
    }

    static void error(ServerResponse res, Status status, String code, String message) {
        send(res, status, object().put("code", code).put("message", message));
    }
}
