package io.switchboard.bench.proc;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The heap a JVM keeps alive: in use right after a full collection ({@code jcmd <pid> GC.run}, then
 * {@code GC.heap_info}). RSS cannot say this: right after a burst of work most of a heap is garbage not yet
 * collected, and a heap, once committed, stays resident long after it was freed.
 */
public final class LiveHeap {
    private static final Logger LOGGER = LoggerFactory.getLogger(LiveHeap.class);
    private static final Duration JCMD_TIMEOUT = Duration.ofSeconds(60);
    /** ZGC: "ZHeap used 366M, capacity ..."; G1: "garbage-first heap total 262144K, used 12345K ..." */
    private static final Pattern USED = Pattern.compile("used (\\d+)([KMG])");

    private LiveHeap() {
    }

    /** @return bytes of heap in use after a full collection, or empty when the process could not be asked */
    public static OptionalLong liveHeapBytes(long pid) {
        return pid == ProcessHandle.current().pid() ? ownHeapAfterGc() : heapAfterGc(pid);
    }

    private static OptionalLong ownHeapAfterGc() {
        System.gc();
        return OptionalLong.of(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }

    private static OptionalLong heapAfterGc(long pid) {
        if (jcmd(pid, "GC.run") == null) {
            return OptionalLong.empty();
        }
        String info = jcmd(pid, "GC.heap_info");
        Matcher used = info == null ? null : USED.matcher(info);
        if (used == null || !used.find()) {
            LOGGER.atWarn().addKeyValue("pid", pid).log("GC.heap_info said nothing of the heap in use");
            return OptionalLong.empty();
        }
        long unit = switch (used.group(2)) {
            case "K" -> 1L << 10;
            case "M" -> 1L << 20;
            default -> 1L << 30;
        };
        return OptionalLong.of(Long.parseLong(used.group(1)) * unit);
    }

    private static String jcmd(long pid, String command) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (!Files.isExecutable(jcmd)) {
            LOGGER.atWarn().addKeyValue("jcmd", jcmd).log("No jcmd next to this JVM");
            return null;
        }
        try {
            Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command)
                    .redirectErrorStream(true).start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(JCMD_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                return null;
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOGGER.atWarn().addKeyValue("pid", pid).addKeyValue("error", e.toString()).log("jcmd failed");
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
