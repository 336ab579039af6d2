package io.switchboard.ingress.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.switchboard.ingress.store.ReadModel.PresenceView;
import io.switchboard.schemas.frames.Frames;
import java.util.ArrayList;
import java.util.List;

/** {@code GET /api/presence?userIds=a,b}: status and last-seen; a user never seen is offline, lastSeen null. */
public final class PresenceService implements HttpService {
    static final int MAX_USERS = 200;

    private final ApiContext api;

    public PresenceService(ApiContext api) {
        this.api = api;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::presence);
    }

    private void presence(ServerRequest req, ServerResponse res) {
        api.caller(req);
        // Repeated parameters (userIds=a&userIds=b) are as good as one comma-separated list.
        List<String> userIds = userIds(String.join(",", req.query().all("userIds", List::of)));
        ArrayNode out = Json.array();
        for (PresenceView p : api.readModel().presence(userIds)) {
            ObjectNode node = out.addObject().put("userId", p.userId()).put("status", p.status());
            if (p.lastSeen() == 0) {
                node.putNull("lastSeen");
            } else {
                node.put("lastSeen", Frames.iso(p.lastSeen()));
            }
        }
        Json.ok(res, out);
    }

    private static List<String> userIds(String raw) {
        List<String> ids = new ArrayList<>();
        for (String part : raw.split(",")) {
            String id = part.strip();
            if (id.isEmpty()) {
                continue;
            }
            if (!Ids.valid(id)) {
                throw ApiError.badRequest("userIds must be userIds of 1 to 64 characters of [A-Za-z0-9_.-]");
            }
            ids.add(id);
        }
        if (ids.isEmpty() || ids.size() > MAX_USERS) {
            throw ApiError.badRequest("userIds must list 1 to " + MAX_USERS + " comma-separated userIds");
        }
        return ids;
    }
}
