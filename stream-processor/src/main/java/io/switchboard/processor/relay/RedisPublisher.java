package io.switchboard.processor.relay;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.Response;
import redis.clients.jedis.SslOptions;
import redis.clients.jedis.exceptions.JedisNoScriptException;
import redis.clients.jedis.util.JedisURIHelper;

/** Sends a {@link RelayBatch} to Redis in one pipeline round trip (two after Redis lost its script cache). */
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
    /** EVALSHA sends (and Redis hashes) 40 bytes per seq mark instead of the script. */
    static final String RAISE_TO_SHA = sha1Hex(RAISE_TO_SCRIPT);
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
        List<Response<?>> published = new ArrayList<>(batch.publications().size());
        List<Response<?>> marked = new ArrayList<>(batch.seqMarks().size());
        try (AbstractPipeline pipeline = client.pipelined()) {
            for (Publication p : batch.publications()) {
                published.add(pipeline.publish(p.channel().getBytes(StandardCharsets.UTF_8), p.payload()));
            }
            batch.seqMarks().forEach((key, seq) ->
                    marked.add(pipeline.evalsha(RAISE_TO_SHA, List.of(key), List.of(Long.toString(seq)))));
            pipeline.sync();
        }
        // A command Redis refused (OOM, script error) is only reported through its own reply.
        published.forEach(Response::get);
        if (!scriptKnown(marked)) {
            markWithScript(batch.seqMarks());
        }
    }

    /** False when Redis had lost the script (restarted, or SCRIPT FLUSH): no mark of the batch was set. */
    private static boolean scriptKnown(List<Response<?>> marked) {
        try {
            marked.forEach(Response::get);
            return true;
        } catch (JedisNoScriptException e) {
            return false;
        }
    }

    /** EVAL sets the marks and makes Redis cache the script for the EVALSHAs that follow. */
    private void markWithScript(Map<String, Long> seqMarks) {
        List<Response<?>> replies = new ArrayList<>(seqMarks.size());
        try (AbstractPipeline pipeline = client.pipelined()) {
            seqMarks.forEach((key, seq) ->
                    replies.add(pipeline.eval(RAISE_TO_SCRIPT, List.of(key), List.of(Long.toString(seq)))));
            pipeline.sync();
        }
        replies.forEach(Response::get);
    }

    private static String sha1Hex(String script) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(script.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-1", e);
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
