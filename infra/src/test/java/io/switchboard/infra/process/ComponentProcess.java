package io.switchboard.infra.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * One Switchboard component in a JVM of its own, started from this test JVM's classpath with an SB_*
 * environment, so a test can kill it the way a machine dies: {@link #kill()} is SIGKILL, no shutdown
 * hook runs, nothing is flushed. Its output goes to {@code target/processes/<name>.log}.
 */
public final class ComponentProcess implements AutoCloseable {
    public static final String INGRESS = "io.switchboard.ingress.Main";
    public static final String PROCESSOR = "io.switchboard.processor.Main";
    public static final String SINK = "io.switchboard.sink.Main";
    /** {@code ./sb run}: broker, topics, processor, relay, sink and an ingress node in one JVM. */
    public static final String LOCAL_STACK = "io.switchboard.infra.LocalStack";

    private final String name;
    private final Process process;
    private final Path log;

    private ComponentProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /**
     * @param name a label for the log file
     * @param env  the component's SB_* variables (added to this JVM's environment)
     */
    public static ComponentProcess start(String name, String mainClass, Map<String, String> env) {
        return start(name, mainClass, env, "384m");
    }

    /** @param maxHeap the child's -Xmx: the whole single-JVM stack needs more than one component */
    public static ComponentProcess start(String name, String mainClass, Map<String, String> env, String maxHeap) {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "processes");
        Path log = dir.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-Xmx" + maxHeap, "-XX:TieredStopAtLevel=1",
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "-cp", classpath(), mainClass));
        try {
            Files.createDirectories(dir);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(env);
            return new ComponentProcess(name, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name, e);
        }
    }

    private static String classpath() {
        String classpath = System.getProperty("java.class.path");
        if (!classpath.contains(java.io.File.pathSeparator)) {
            throw new IllegalStateException("The test JVM's classpath is a manifest-only jar; run failsafe with "
                    + "useManifestOnlyJar=false so child JVMs can be given the real classpath");
        }
        return classpath;
    }

    /** Waits until {@code ready} holds, failing early (with the log's tail) if the process exits. */
    public ComponentProcess awaitReady(Duration timeout, BooleanSupplier ready) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + logTail());
            }
            if (ready.getAsBoolean()) {
                return this;
            }
            sleep(100);
        }
        throw new IllegalStateException(name + " not ready after " + timeout + ":\n" + logTail());
    }

    /** SIGKILL: the process gets no chance to say goodbye, as when its machine dies. */
    public void kill() {
        process.destroyForcibly();
        waitFor();
    }

    /** SIGTERM: shutdown hooks run, as in an orderly stop. */
    public void stop() {
        process.destroy();
        waitFor();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    private void waitFor() {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
