package io.switchboard.infra.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One {@link KafkaNodeMain} JVM, started from this JVM's classpath; its output is appended to
 * {@code node-N/broker.log}. {@link #kill()} is SIGKILL: no shutdown, no controlled leader handover.
 */
final class KafkaNodeProcess implements AutoCloseable {
    /** A broker of three on two cores: small heap, Serial GC (its pauses are the broker's own business). */
    private static final String HEAP = "320m";
    /**
     * C1 only: three brokers starting at once spent most of two cores on C2 compiles, and a local cluster is
     * for trying failures, not for throughput (benchmarks use the single broker of ./sb run).
     */
    private static final String JIT = "-XX:TieredStopAtLevel=1";

    private final Path clusterDir;
    private final int nodeId;
    private Process process;

    KafkaNodeProcess(Path clusterDir, int nodeId) {
        this.clusterDir = clusterDir;
        this.nodeId = nodeId;
    }

    int nodeId() {
        return nodeId;
    }

    Path log() {
        return KafkaNodeMain.nodeDir(clusterDir, nodeId).resolve("broker.log");
    }

    synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    synchronized void start() {
        if (isAlive()) {
            throw new IllegalStateException("kafka node " + nodeId + " already runs");
        }
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + HEAP, "-XX:+UseSerialGC", JIT, "-Xss1m",
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "-cp", classpath(), KafkaNodeMain.class.getName(),
                "--node-id", Integer.toString(nodeId), "--cluster-dir", clusterDir.toString(),
                "--parent-pid", Long.toString(ProcessHandle.current().pid()));
        try {
            Files.createDirectories(log().getParent());
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start kafka node " + nodeId, e);
        }
    }

    /** SIGKILL, and waits until the process is gone. */
    synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            waitFor();
        }
    }

    /** SIGTERM without waiting: the broker starts its clean shutdown. */
    synchronized void terminate() {
        if (process != null && process.isAlive()) {
            process.destroy();
        }
    }

    /** Waits until the process is gone, at most until {@code deadlineNanos} (System.nanoTime), then SIGKILLs it. */
    synchronized void awaitExit(long deadlineNanos) {
        if (process == null) {
            return;
        }
        try {
            process.waitFor(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (process.isAlive()) {
            kill();
        }
    }

    /** SIGTERM, and SIGKILL if the broker is not gone within {@code timeout}. */
    synchronized void stop(Duration timeout) {
        terminate();
        awaitExit(System.nanoTime() + timeout.toNanos());
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log());
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(30));
    }

    private void waitFor() {
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String classpath() {
        String classpath = System.getProperty("java.class.path");
        if (!classpath.contains(java.io.File.pathSeparator)) {
            throw new IllegalStateException("this JVM's classpath is a manifest-only jar; kafka nodes need the real one"
                    + " (failsafe: useManifestOnlyJar=false)");
        }
        return classpath;
    }
}
