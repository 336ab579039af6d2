package io.switchboard.ingress.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.switchboard.schemas.avro.User;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/dev/token}: registers or updates a user and hands out a token for them. Anyone may
 * become anyone here, so it answers 404 unless the node runs in dev mode.
 */
public final class DevTokenService implements HttpService {
    static final Duration TOKEN_TTL = Duration.ofHours(24);
    private static final Logger LOGGER = LoggerFactory.getLogger(DevTokenService.class);
    private static final int MAX_DISPLAY_NAME = 100;

    private final ApiContext api;

    public DevTokenService(ApiContext api) {
        this.api = api;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/token", this::issue);
    }

    private void issue(ServerRequest req, ServerResponse res) {
        if (!api.devMode()) {
            throw ApiError.notFound("Not found");
        }
        // A page on another site can POST text/plain or a form here without the browser asking first (no
        // CORS preflight); application/json it cannot, so only a same-origin caller or a tool registers users.
        if (!req.headers().contentType().map(type -> type.test(MediaTypes.APPLICATION_JSON)).orElse(false)) {
            throw ApiError.badRequest("Content-Type must be application/json");
        }
        ObjectNode body = Json.readObject(req);
        String userId = Json.id(body, "userId");
        String given = Json.optionalText(body, "displayName", MAX_DISPLAY_NAME);
        String displayName = given == null ? userId : given;
        api.requirePermit(userId);
        // Kafka first: the token is only handed out once the profile is durable, so names resolve.
        User user = new User(userId, displayName, api.clock().millis());
        api.publish(() -> api.publisher().publish(user), "user " + userId);
        // Within SB_JWT_MAX_LIFETIME, or the node would hand out tokens it then refuses.
        Duration ttl = TOKEN_TTL.compareTo(api.tokens().maxLifetime()) <= 0 ? TOKEN_TTL : api.tokens().maxLifetime();
        String token = api.tokens().issue(userId, displayName, ttl);
        LOGGER.atInfo().addKeyValue("userId", userId).addKeyValue("node", api.nodeId()).log("Dev token issued");
        Json.ok(res, Json.object().put("token", token).put("userId", userId));
    }
}
