package io.switchboard.ingress.http;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.switchboard.ingress.auth.Principal;
import io.switchboard.ingress.store.ReadModel.UserView;
import java.util.List;

/**
 * {@code GET /api/users?ids=a,b}: display names of the asked users who share a conversation with the
 * caller (and the caller's own); others are left out, as presence does (contract 1.1).
 */
public final class UsersService implements HttpService {
    private final ApiContext api;

    public UsersService(ApiContext api) {
        this.api = api;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::users);
    }

    private void users(ServerRequest req, ServerResponse res) {
        Principal caller = api.caller(req);
        List<String> ids = PresenceService.userIds(String.join(",", req.query().all("ids", List::of)));
        ArrayNode out = Json.array();
        for (UserView u : api.read(caller, () -> api.readModel().users(caller.userId(), ids))) {
            out.addObject().put("userId", u.userId()).put("displayName", u.displayName());
        }
        Json.ok(res, out);
    }
}
