package io.switchboard.processor.relay;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.Response;
import redis.clients.jedis.SslOptions;
import redis.clients.jedis.util.JedisURIHelper;

/** Sends a {@link RelayBatch} to Redis in one pipeline round trip. */
public final class RedisPublisher implements BatchPublisher {
    /**
     * Raises KEYS[1] to ARGV[1] unless it already holds more; atomic in Redis, so two relay instances
     * (during a rebalance) or a re-delivered old batch can never move a conversation's last seq down.
     */
    static final String RAISE_TO_SCRIPT = """
            local current = tonumber(redis.call('GET', KEYS[1]) or '0')
            local proposed = tonumber(ARGV[1])
            if proposed > current then
              redis.call('SET', KEYS[1], ARGV[1])
              return proposed
            end
            return current
            """;
    private static final int CONNECT_TIMEOUT_MS = 2_000;
    private static final int SOCKET_TIMEOUT_MS = 5_000;

    private final RedisClient client;

    public RedisPublisher(String redisUrl) {
        URI uri = URI.create(redisUrl);
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .user(JedisURIHelper.getUser(uri))
                .password(JedisURIHelper.getPassword(uri))
                .database(JedisURIHelper.getDBIndex(uri))
                .connectionTimeoutMillis(CONNECT_TIMEOUT_MS)
                .socketTimeoutMillis(SOCKET_TIMEOUT_MS)
                .clientName("switchboard-relay");
        if (JedisURIHelper.isRedisSSLScheme(uri)) {
            config.sslOptions(SslOptions.defaults());
        }
        this.client = RedisClient.builder()
                .hostAndPort(JedisURIHelper.getHostAndPort(uri))
                .clientConfig(config.build())
                .build();
    }

    /**
     * Publications go out before the seq marks, so a reader that sees a conversation's last seq can rely
     * on the frames up to it having been published.
     *
     * @throws redis.clients.jedis.exceptions.JedisException when Redis did not accept the whole batch
     */
    @Override
    public void publish(RelayBatch batch) {
        if (batch.isEmpty()) {
            return;
        }
        List<Response<?>> replies = new ArrayList<>(batch.size());
        try (AbstractPipeline pipeline = client.pipelined()) {
            for (Publication p : batch.publications()) {
                replies.add(pipeline.publish(p.channel(), p.payload()));
            }
            batch.seqMarks().forEach((key, seq) ->
                    replies.add(pipeline.eval(RAISE_TO_SCRIPT, List.of(key), List.of(Long.toString(seq)))));
            pipeline.sync();
        }
        // A command Redis refused (OOM, script error) is only reported through its own reply.
        replies.forEach(Response::get);
    }

    @Override
    public void close() {
        client.close();
    }
}
