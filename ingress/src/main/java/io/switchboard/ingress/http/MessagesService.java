package io.switchboard.ingress.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.switchboard.ingress.auth.Principal;
import io.switchboard.ingress.store.ReadModel.Page;
import io.switchboard.schemas.frames.Frames;

/**
 * {@code GET /api/conversations/{id}/messages?beforeSeq=&limit=}: one page of history, oldest first,
 * the same message objects the WebSocket sends; with {@code replyTo=SEQ&afterSeq=} the replies to SEQ.
 */
public final class MessagesService implements HttpService {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 100;

    private final ApiContext api;

    public MessagesService(ApiContext api) {
        this.api = api;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/{id}/messages", this::page);
    }

    private void page(ServerRequest req, ServerResponse res) {
        // A page costs a rate-limit permit, as WebSocket history does.
        Principal caller = api.writer(req);
        String conversationId = Params.conversationId(req);
        long beforeSeq = Params.longParam(req, "beforeSeq", 1, Long.MAX_VALUE, Long.MAX_VALUE);
        long replyTo = Params.longParam(req, "replyTo", 1, Long.MAX_VALUE, 0);
        long afterSeq = Params.longParam(req, "afterSeq", 0, Long.MAX_VALUE, 0);
        int limit = (int) Params.longParam(req, "limit", 1, MAX_LIMIT, DEFAULT_LIMIT);
        Page page = api.read(caller, () -> {
            if (api.readModel().conversation(conversationId).isEmpty()) {
                throw ApiError.notFound("No conversation " + conversationId);
            }
            if (!api.readModel().isMember(conversationId, caller.userId())) {
                throw ApiError.notMember(conversationId);
            }
            // replyTo: one thread's replies, oldest first from afterSeq (contract 1.1)
            return replyTo > 0 ? api.readModel().replies(conversationId, replyTo, afterSeq, limit)
                    : api.readModel().messagesBefore(conversationId, beforeSeq, limit);
        });
        ObjectNode body = Json.object();
        ArrayNode messages = body.putArray("messages");
        page.oldestFirst().forEach(m -> messages.add(Frames.messageBody(m)));
        Json.ok(res, body.put("hasMore", page.hasMore()));
    }
}
