package io.switchboard.ingress.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * {@code /health/live} and {@code /health/ready}, no token. Ready means Kafka is reachable (without it no
 * send can be acked) and whatever else the process depends on is in service ({@link Readiness}); a 503
 * names every reason, so an operator reads from the probe what the node waits for.
 */
public final class HealthService implements HttpService {
    static final String KAFKA_UNREACHABLE = "Kafka is not reachable";

    private final BooleanSupplier kafkaReachable;
    private final Readiness others;

    public HealthService(BooleanSupplier kafkaReachable) {
        this(kafkaReachable, Readiness.standalone());
    }

    public HealthService(BooleanSupplier kafkaReachable, Readiness others) {
        this.kafkaReachable = Objects.requireNonNull(kafkaReachable, "kafkaReachable");
        this.others = Objects.requireNonNull(others, "others");
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
        List<String> reasons = notReady();
        if (reasons.isEmpty()) {
            Json.ok(res, Json.object().put("status", "UP"));
            return;
        }
        ObjectNode body = Json.object().put("code", "unavailable").put("message", String.join("; ", reasons));
        ArrayNode list = body.putArray("reasons");
        reasons.forEach(list::add);
        Json.send(res, Status.SERVICE_UNAVAILABLE_503, body);
    }

    private List<String> notReady() {
        List<String> reasons = new ArrayList<>();
        if (!kafkaReachable.getAsBoolean()) {
            reasons.add(KAFKA_UNREACHABLE);
        }
        reasons.addAll(others.notReady());
        return reasons;
    }
}
