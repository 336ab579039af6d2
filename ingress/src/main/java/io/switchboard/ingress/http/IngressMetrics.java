package io.switchboard.ingress.http;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * The node's meters, scraped by {@code GET /metrics}: JVM basics, open sockets and what went to Kafka.
 * One instance per node, created by IngressServer and handed to whoever counts.
 */
public final class IngressMetrics implements AutoCloseable {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gcMetrics = new JvmGcMetrics();
    private final List<Object> sources = new CopyOnWriteArrayList<>();

    public IngressMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        gcMetrics.bindTo(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** Frames read from and written to clients, counted by the WebSocket side and read at scrape time. */
    public void frames(LongSupplier in, LongSupplier out) {
        FunctionCounter.builder("switchboard.frames.in", held(in), LongSupplier::getAsLong)
                .description("WebSocket frames received from clients").register(registry);
        FunctionCounter.builder("switchboard.frames.out", held(out), LongSupplier::getAsLong)
                .description("WebSocket frames sent to clients").register(registry);
    }

    /** Open WebSocket sessions on this node, read at scrape time. */
    public void openSockets(IntSupplier openSessions) {
        Gauge.builder("switchboard.sockets.open", held(openSessions), s -> s.getAsInt())
                .description("Open WebSocket sessions on this node").register(registry);
    }

    /**
     * Micrometer keeps only a weak reference to what a function meter reads, and the suppliers handed in
     * (method references) have no other owner: without this, the first GC would turn them into NaN.
     */
    private <T> T held(T source) {
        sources.add(source);
        return source;
    }

    String scrape(String contentType) {
        return registry.scrape(contentType);
    }

    @Override
    public void close() {
        gcMetrics.close();
        registry.close();
    }
}
