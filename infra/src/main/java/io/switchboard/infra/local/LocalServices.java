package io.switchboard.infra.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Redis and PostgreSQL for the local stack: the ones named by an exported {@code SB_REDIS_URL} /
 * {@code SB_PG_URL}, else the real ones on their usual ports when they answer, otherwise embedded
 * fallbacks, so {@code ./sb run} works on a machine that has neither.
 */
public final class LocalServices implements AutoCloseable {
    private static final Logger LOGGER = LoggerFactory.getLogger(LocalServices.class);
    static final int REDIS_PORT = 6379;
    static final int PG_PORT = 5432;
    private static final String REAL_PG_URL = "jdbc:postgresql://127.0.0.1:" + PG_PORT + "/" + EmbeddedPg.DATABASE;

    private final String redisUrl;
    private final String pgUrl;
    private final String pgUser;
    private final String pgPassword;
    private final List<AutoCloseable> embedded;

    private LocalServices(String redisUrl, String pgUrl, String pgUser, String pgPassword,
                          List<AutoCloseable> embedded) {
        this.redisUrl = redisUrl;
        this.pgUrl = pgUrl;
        this.pgUser = pgUser;
        this.pgPassword = pgPassword;
        this.embedded = embedded;
    }

    /**
     * @param dataDir where an embedded PostgreSQL keeps its data (a {@code postgres} folder inside)
     * @param env     the caller's environment: an {@code SB_REDIS_URL} or {@code SB_PG_URL} (with
     *                {@code SB_PG_USER}, {@code SB_PG_PASSWORD}) in it is used as given, neither probed nor replaced
     */
    public static LocalServices start(Path dataDir, Map<String, String> env) {
        List<AutoCloseable> embedded = new ArrayList<>();
        String redisUrl = exported(env, "SB_REDIS_URL");
        if (redisUrl != null) {
            LOGGER.atInfo().addKeyValue("url", redisUrl).log("using SB_REDIS_URL");
        } else if (Probes.redisAnswers("127.0.0.1", REDIS_PORT)) {
            redisUrl = "redis://127.0.0.1:" + REDIS_PORT;
            LOGGER.atInfo().addKeyValue("url", redisUrl).log("using the running Redis");
        } else {
            EmbeddedRedis redis = EmbeddedRedis.start(Ports.preferredOrFree(REDIS_PORT));
            embedded.add(redis);
            redisUrl = redis.url();
            LOGGER.atInfo().addKeyValue("url", redisUrl).log("no Redis answered: started embedded Redis");
        }
        String pgUrl = exported(env, "SB_PG_URL");
        if (pgUrl != null) {
            LOGGER.atInfo().addKeyValue("url", pgUrl).log("using SB_PG_URL");
            return new LocalServices(redisUrl, pgUrl, Objects.requireNonNullElse(exported(env, "SB_PG_USER"),
                    EmbeddedPg.USER), Objects.requireNonNullElse(env.get("SB_PG_PASSWORD"), ""), List.copyOf(embedded));
        }
        if (Probes.postgresAnswers(REAL_PG_URL, EmbeddedPg.USER, "")) {
            pgUrl = REAL_PG_URL;
            LOGGER.atInfo().addKeyValue("url", pgUrl).log("using the running PostgreSQL");
        } else {
            EmbeddedPg pg = EmbeddedPg.start(dataDir.resolve("postgres"), Ports.preferredOrFree(PG_PORT));
            embedded.add(pg);
            pgUrl = pg.jdbcUrl();
            LOGGER.atInfo().addKeyValue("url", pgUrl).log("no PostgreSQL answered: started embedded PostgreSQL");
        }
        // Trust authentication in both cases: no password.
        return new LocalServices(redisUrl, pgUrl, EmbeddedPg.USER, "", List.copyOf(embedded));
    }

    private static String exported(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    public String redisUrl() {
        return redisUrl;
    }

    public String pgUrl() {
        return pgUrl;
    }

    public String pgUser() {
        return pgUser;
    }

    public String pgPassword() {
        return pgPassword;
    }

    public boolean anyEmbedded() {
        return !embedded.isEmpty();
    }

    @Override
    public void close() {
        for (AutoCloseable service : embedded.reversed()) {
            try {
                service.close();
            } catch (Exception e) {
                LOGGER.atWarn().setCause(e).addKeyValue("service", service.getClass().getSimpleName())
                        .log("embedded service did not stop cleanly");
            }
        }
    }
}
