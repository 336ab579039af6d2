package io.switchboard.ingress.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.switchboard.ingress.auth.Principal;
import io.switchboard.ingress.store.ReadModel.PresenceView;
import io.switchboard.schemas.frames.Frames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code GET /api/presence?userIds=a,b}: status and last-seen; a user never seen is offline, lastSeen null.
 * Only for the caller and users who share a conversation with them, as the WebSocket's presence frames:
 * the others are left out, so nobody learns whether a stranger is online or whether an id ever connected.
 */
public final class PresenceService implements HttpService {
    static final int MAX_USERS = 200;
    /**
     * A conversation reaches its members live (the {@code conversation} frame) before the sink has stored
     * its membership, and a client asks for the new members' presence at once: give PostgreSQL this long
     * to show the shared conversation before leaving a user out.
     */
    static final Duration MEMBERSHIP_WAIT = Duration.ofSeconds(1);

    private final ApiContext api;

    public PresenceService(ApiContext api) {
        this.api = api;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::presence);
    }

    private void presence(ServerRequest req, ServerResponse res) {
        Principal caller = api.caller(req);
        // Repeated parameters (userIds=a&userIds=b) are as good as one comma-separated list.
        List<String> userIds = userIds(String.join(",", req.query().all("userIds", List::of)));
        ArrayNode out = Json.array();
        for (PresenceView p : api.read(caller, () -> visiblePresence(caller.userId(), userIds))) {
            ObjectNode node = out.addObject().put("userId", p.userId()).put("status", p.status());
            if (p.lastSeen() == 0) {
                node.putNull("lastSeen");
            } else {
                node.put("lastSeen", Frames.iso(p.lastSeen()));
            }
        }
        Json.ok(res, out);
    }

    private List<PresenceView> visiblePresence(String caller, List<String> userIds) {
        Set<String> visible = api.readModel().awaitSharing(caller, userIds, MEMBERSHIP_WAIT);
        List<String> shown = userIds.stream().filter(id -> id.equals(caller) || visible.contains(id)).toList();
        return shown.isEmpty() ? List.of() : api.readModel().presence(shown);
    }

    static List<String> userIds(String raw) {
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
