package io.switchboard.infra.it;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** The HTTP API of one ingress node, as a client uses it: dev tokens and conversations. */
public final class Api {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final URI base;

    public Api(URI base) {
        this.base = base;
    }

    /** A response with its body parsed when it is JSON. */
    public record Response(int status, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (JsonProcessingException e) {
                throw new AssertionError("not JSON (status " + status + "): " + body, e);
            }
        }
    }

    public String devToken(String userId, String displayName) {
        ObjectNode body = JSON.createObjectNode().put("userId", userId).put("displayName", displayName);
        return expect(200, post("/api/dev/token", null, body)).json().path("token").asText();
    }

    /** Creates a conversation as the token's user with {@code members} besides them; returns its id. */
    public String createConversation(String token, List<String> members, String title) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode array = body.putArray("members");
        members.forEach(array::add);
        if (title != null) {
            body.put("title", title);
        }
        return expect(201, post("/api/conversations", token, body)).json().path("conversationId").asText();
    }

    public Response get(String path, String token) {
        return send(authorized(HttpRequest.newBuilder(base.resolve(path)), token).GET().build());
    }

    public Response delete(String path, String token) {
        return send(authorized(HttpRequest.newBuilder(base.resolve(path)), token).DELETE().build());
    }

    public Response post(String path, String token, JsonNode body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        return send(authorized(request, token).build());
    }

    private static HttpRequest.Builder authorized(HttpRequest.Builder request, String token) {
        request.timeout(TIMEOUT);
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static Response expect(int status, Response response) {
        if (response.status() != status) {
            throw new AssertionError("expected HTTP " + status + " but got " + response.status() + ": " + response.body());
        }
        return response;
    }
}
