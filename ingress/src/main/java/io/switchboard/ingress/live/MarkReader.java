package io.switchboard.ingress.live;

/** GETs the relay's marks ({@code sb:lastseq:*}, {@code sb:pubat:*}) from wherever they live. */
interface MarkReader extends AutoCloseable {
    /** @throws redis.clients.jedis.exceptions.JedisException when Redis cannot answer */
    String get(String key);

    @Override
    void close();
}
