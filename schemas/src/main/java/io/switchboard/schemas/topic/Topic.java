package io.switchboard.schemas.topic;

import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;

/**
 * A topic's name, key serde, value serde and retention, together, so no producer or consumer can
 * pair a topic with the wrong serde.
 *
 * @param keyDoc what the key is, for README's topics table
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, String keyDoc,
                          String valueSchema, TopicPolicy policy) {
    public Topic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keySerde, "keySerde");
        Objects.requireNonNull(valueSerde, "valueSerde");
        Objects.requireNonNull(policy, "policy");
    }

    public byte[] serializeKey(K key) {
        return keySerde.serializer().serialize(name, key);
    }

    public byte[] serializeValue(V value) {
        return valueSerde.serializer().serialize(name, value);
    }

    public K deserializeKey(byte[] bytes) {
        return keySerde.deserializer().deserialize(name, bytes);
    }

    public V deserializeValue(byte[] bytes) {
        return valueSerde.deserializer().deserialize(name, bytes);
    }
}
