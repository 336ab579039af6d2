package io.switchboard.infra;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Components in start order, closed newest first so nothing loses what it depends on while stopping. */
final class Resources implements AutoCloseable {
    private static final Logger LOGGER = LoggerFactory.getLogger(Resources.class);

    private record Named(String name, AutoCloseable resource) {
    }

    private final Deque<Named> started = new ArrayDeque<>();

    synchronized <T extends AutoCloseable> T add(String name, T resource) {
        started.push(new Named(name, resource));
        return resource;
    }

    @Override
    public synchronized void close() {
        while (!started.isEmpty()) {
            Named next = started.pop();
            try {
                next.resource().close();
                LOGGER.atInfo().addKeyValue("component", next.name()).log("stopped");
            } catch (Exception e) {
                LOGGER.atWarn().setCause(e).addKeyValue("component", next.name()).log("did not stop cleanly");
            }
        }
    }
}
