package io.switchboard.bench.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** The two HTTP calls a benchmark needs to set up: dev tokens and conversations (docs/protocol.md). */
public final class DevApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;

    public DevApi(HttpClient http) {
        this.http = http;
    }

    /** Registers the user and returns a token; needs the node in dev mode (SB_DEV_MODE=true). */
    public String token(URI node, String userId, String displayName) {
        ObjectNode body = JSON.createObjectNode().put("userId", userId).put("displayName", displayName);
        JsonNode answer = post(node.resolve("/api/dev/token"), null, body, 200);
        return answer.path("token").asText();
    }

    /** A conversation with a title, so two members never collapse into a reused direct conversation. */
    public String createConversation(URI node, String token, List<String> otherMembers, String title) {
        ObjectNode body = JSON.createObjectNode().put("title", title);
        otherMembers.forEach(body.putArray("members")::add);
        JsonNode answer = post(node.resolve("/api/conversations"), token, body, 201);
        return answer.path("conversationId").asText();
    }

    private JsonNode post(URI uri, String token, ObjectNode body, int expectedStatus) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expectedStatus) {
                throw new BenchSetupException("POST " + uri + " answered " + response.statusCode() + ": " + response.body()
                        + (response.statusCode() == 404 && token == null ? " (is the node in dev mode, SB_DEV_MODE=true?)" : ""));
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new BenchSetupException("POST " + uri + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchSetupException("interrupted during POST " + uri, e);
        }
    }
}
