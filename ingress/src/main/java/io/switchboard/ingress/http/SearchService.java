package io.switchboard.ingress.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.switchboard.ingress.auth.Principal;
import io.switchboard.ingress.input.ClientJson;
import io.switchboard.ingress.store.ReadModel.Page;
import io.switchboard.schemas.frames.Frames;

/**
 * {@code GET /api/search?q=&conversationId=&limit=}: the caller's messages whose newest text has every
 * word of q, newest first (contract 1.1). Costs a rate-limit permit, as a history page does.
 */
public final class SearchService implements HttpService {
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 50;
    static final int MAX_QUERY_CHARS = 200;

    private final ApiContext api;

    public SearchService(ApiContext api) {
        this.api = api;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::search);
    }

    private void search(ServerRequest req, ServerResponse res) {
        Principal caller = api.writer(req);
        String q = req.query().first("q").orElse("").strip();
        if (q.isEmpty() || q.codePointCount(0, q.length()) > MAX_QUERY_CHARS || ClientJson.unstorable(q) != null) {
            throw ApiError.badRequest("q must be 1 to " + MAX_QUERY_CHARS + " characters of text");
        }
        String conversationId = req.query().first("conversationId").orElse("").strip();
        if (!conversationId.isEmpty() && !Ids.valid(conversationId)) {
            throw ApiError.badRequest("conversationId must be 1 to 64 characters of [A-Za-z0-9_.-]");
        }
        int limit = (int) Params.longParam(req, "limit", 1, MAX_LIMIT, DEFAULT_LIMIT);
        Page page = api.read(caller, () -> api.readModel().search(caller.userId(), q,
                conversationId.isEmpty() ? null : conversationId, limit));
        ObjectNode body = Json.object();
        ArrayNode messages = body.putArray("messages");
        page.oldestFirst().forEach(m -> messages.add(Frames.messageBody(m)));
        Json.ok(res, body.put("hasMore", page.hasMore()));
    }
}
