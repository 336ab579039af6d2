package io.switchboard.bench.cli;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where the stack keeps its data, for the scenarios that go round the ingress: Kafka and the read model.
 * Defaults are the SB_* variables when set (source .sb/stack.env to pick up a ./sb run stack), else those of
 * docs/architecture.md.
 */
public record StoreOptions(String kafkaBootstrap, String pgUrl, String pgUser, String pgPassword, String pgSchema) {
    private static final Pattern SCHEMA = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    public StoreOptions {
        LoadOptions.require(kafkaBootstrap != null && !kafkaBootstrap.isBlank(), "--kafka must not be blank");
        LoadOptions.require(pgUrl != null && pgUrl.startsWith("jdbc:postgresql:"), "--pg-url must start with jdbc:postgresql:");
        LoadOptions.require(pgUser != null && !pgUser.isBlank(), "--pg-user must not be blank");
        LoadOptions.require(pgPassword != null, "--pg-password must not be null");
        LoadOptions.require(pgSchema != null && SCHEMA.matcher(pgSchema).matches(), "--pg-schema must be a plain SQL identifier");
    }

    public static StoreOptions from(Args args, Map<String, String> env) {
        return new StoreOptions(
                args.string("kafka", env.getOrDefault("SB_KAFKA_BOOTSTRAP", "127.0.0.1:9092")),
                args.string("pg-url", env.getOrDefault("SB_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres")),
                args.string("pg-user", env.getOrDefault("SB_PG_USER", "postgres")),
                args.string("pg-password", env.getOrDefault("SB_PG_PASSWORD", "")),
                args.string("pg-schema", env.getOrDefault("SB_PG_SCHEMA", "switchboard")));
    }

    /** Secrets stay out of logs and reports. */
    @Override
    public String toString() {
        return "StoreOptions[kafka=" + kafkaBootstrap + ", pgUrl=" + pgUrl + ", pgUser=" + pgUser + ", pgSchema=" + pgSchema + "]";
    }
}
