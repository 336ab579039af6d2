package io.switchboard.infra.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Redis and PostgreSQL for the local stack: the real ones on their usual ports when they answer,
 * otherwise embedded fallbacks, so {@code ./sb run} works on a machine that has neither.
 */
public final class LocalServices implements AutoCloseable {
    private static final Logger LOGGER = LoggerFactory.getLogger(LocalServices.class);
    static final int REDIS_PORT = 6379;
    static final int PG_PORT = 5432;
    private static final String REAL_PG_URL = "jdbc:postgresql://127.0.0.1:" + PG_PORT + "/" + EmbeddedPg.DATABASE;

    private final String redisUrl;
    private final String pgUrl;
    private final List<AutoCloseable> embedded;

    private LocalServices(String redisUrl, String pgUrl, List<AutoCloseable> embedded) {
        this.redisUrl = redisUrl;
        this.pgUrl = pgUrl;
        this.embedded = embedded;
    }

    /** @param dataDir where an embedded PostgreSQL keeps its data (a {@code postgres} folder inside) */
    public static LocalServices start(Path dataDir) {
        List<AutoCloseable> embedded = new ArrayList<>();
        String redisUrl;
        if (Probes.redisAnswers("127.0.0.1", REDIS_PORT)) {
            redisUrl = "redis://127.0.0.1:" + REDIS_PORT;
            LOGGER.atInfo().addKeyValue("url", redisUrl).log("using the running Redis");
        } else {
            EmbeddedRedis redis = EmbeddedRedis.start(Ports.preferredOrFree(REDIS_PORT));
            embedded.add(redis);
            redisUrl = redis.url();
            LOGGER.atInfo().addKeyValue("url", redisUrl).log("no Redis answered: started embedded Redis");
        }
        String pgUrl;
        if (Probes.postgresAnswers(REAL_PG_URL, EmbeddedPg.USER, "")) {
            pgUrl = REAL_PG_URL;
            LOGGER.atInfo().addKeyValue("url", pgUrl).log("using the running PostgreSQL");
        } else {
            EmbeddedPg pg = EmbeddedPg.start(dataDir.resolve("postgres"), Ports.preferredOrFree(PG_PORT));
            embedded.add(pg);
            pgUrl = pg.jdbcUrl();
            LOGGER.atInfo().addKeyValue("url", pgUrl).log("no PostgreSQL answered: started embedded PostgreSQL");
        }
        return new LocalServices(redisUrl, pgUrl, List.copyOf(embedded));
    }

    public String redisUrl() {
        return redisUrl;
    }

    public String pgUrl() {
        return pgUrl;
    }

    public String pgUser() {
        return EmbeddedPg.USER;
    }

    /** Trust authentication in both cases: no password. */
    public String pgPassword() {
        return "";
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
