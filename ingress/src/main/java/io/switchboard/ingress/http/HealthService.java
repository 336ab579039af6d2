package io.switchboard.ingress.http;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.function.BooleanSupplier;

/**
 * {@code /health/live} and {@code /health/ready}, no token. Ready means Kafka is reachable: without it no
 * send can be acked, so a load balancer should stop routing new clients here.
 */
public final class HealthService implements HttpService {
    private final BooleanSupplier kafkaReachable;

    public HealthService(BooleanSupplier kafkaReachable) {
        this.kafkaReachable = kafkaReachable;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/live", this::live)
                .get("/ready", this::ready);
    }

    private void live(ServerRequest req, ServerResponse res) {
        Json.ok(res, Json.object().put("status", "UP"));
    }

    private void ready(ServerRequest req, ServerResponse res) {
        if (kafkaReachable.getAsBoolean()) {
            Json.ok(res, Json.object().put("status", "UP"));
        } else {
            Json.error(res, Status.SERVICE_UNAVAILABLE_503, "unavailable", "Kafka is not reachable");
        }
    }
}
