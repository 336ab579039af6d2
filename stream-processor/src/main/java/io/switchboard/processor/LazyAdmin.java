package io.switchboard.processor;

import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;

/** An admin client opened on first use: a processor that never stalls never connects one. */
final class LazyAdmin implements Supplier<Admin>, AutoCloseable {
    private final Map<String, Object> configs;
    private Admin admin;

    LazyAdmin(Map<String, Object> configs) {
        this.configs = Map.copyOf(configs);
    }

    @Override
    public synchronized Admin get() {
        if (admin == null) {
            admin = Admin.create(configs);
        }
        return admin;
    }

    @Override
    public synchronized void close() {
        if (admin != null) {
            admin.close();
            admin = null;
        }
    }
}
