package io.switchboard.bench.proc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * Reads of Linux's /proc. A process may exit between any two reads, so every read of another process answers
 * "unknown" rather than throwing.
 */
public final class ProcFs {
    /** USER_HZ: fixed at 100 for the /proc interface on Linux whatever the kernel's tick rate. */
    public static final int TICKS_PER_SECOND = 100;

    private static final Path PROC = Path.of("/proc");

    private ProcFs() {
    }

    public static boolean available() {
        return Files.isReadable(PROC.resolve("self/stat"));
    }

    /** User plus system CPU time of the process so far, in ticks. */
    public static OptionalLong cpuTicks(long pid) {
        String stat = read(PROC.resolve(pid + "/stat"));
        if (stat == null) {
            return OptionalLong.empty();
        }
        // the command name in parentheses may itself hold spaces and parentheses: count fields after the last ')'
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        try {
            return OptionalLong.of(Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
        } catch (RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** Resident set size in bytes. */
    public static OptionalLong rssBytes(long pid) {
        return statusKb(pid, "VmRSS:");
    }

    /** The process's soft limit on open files, or empty when unknown. */
    public static OptionalLong openFileLimit(long pid) {
        String limits = read(PROC.resolve(pid + "/limits"));
        if (limits == null) {
            return OptionalLong.empty();
        }
        for (String line : limits.split("\n")) {
            if (line.startsWith("Max open files")) {
                String[] parts = line.substring("Max open files".length()).trim().split("\\s+");
                return parts[0].equals("unlimited") ? OptionalLong.of(Long.MAX_VALUE) : OptionalLong.of(Long.parseLong(parts[0]));
            }
        }
        return OptionalLong.empty();
    }

    public static String comm(long pid) {
        String comm = read(PROC.resolve(pid + "/comm"));
        return comm == null ? "" : comm.trim();
    }

    /** Arguments of the process, NUL-separated in /proc, split here. */
    public static List<String> cmdline(long pid) {
        String raw = read(PROC.resolve(pid + "/cmdline"));
        return raw == null || raw.isEmpty() ? List.of() : List.of(raw.split("\0"));
    }

    /** Busy and total ticks of all CPUs together, from the first line of /proc/stat. */
    public static long[] machineTicks() {
        String stat = read(PROC.resolve("stat"));
        if (stat == null) {
            return new long[] {0, 0};
        }
        String[] f = stat.substring(0, stat.indexOf('\n')).trim().split("\\s+");
        long total = 0;
        for (int i = 1; i < Math.min(f.length, 9); i++) {
            total += Long.parseLong(f[i]);
        }
        long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
        return new long[] {total - idle, total};
    }

    public static List<Long> pids() {
        try (var entries = Files.list(PROC)) {
            return entries.map(p -> p.getFileName().toString()).filter(n -> n.chars().allMatch(Character::isDigit))
                    .map(Long::parseLong).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static OptionalLong statusKb(long pid, String key) {
        String status = read(PROC.resolve(pid + "/status"));
        if (status == null) {
            return OptionalLong.empty();
        }
        for (String line : status.split("\n")) {
            if (line.startsWith(key)) {
                String[] parts = line.substring(key.length()).trim().split("\\s+");
                return OptionalLong.of(Long.parseLong(parts[0]) * 1024);
            }
        }
        return OptionalLong.empty();
    }

    static String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.ISO_8859_1);
        } catch (IOException | SecurityException e) {
            return null;
        }
    }
}
