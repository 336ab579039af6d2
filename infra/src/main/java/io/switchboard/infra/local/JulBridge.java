package io.switchboard.infra.local;

import org.slf4j.bridge.SLF4JBridgeHandler;

/** Sends java.util.logging (what Helidon writes to) through SLF4J, so one logback.xml governs all logs. */
public final class JulBridge {
    private JulBridge() {
    }

    public static synchronized void install() {
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
    }
}
