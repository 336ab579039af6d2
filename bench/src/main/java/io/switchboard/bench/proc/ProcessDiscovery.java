package io.switchboard.bench.proc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Finds the processes of the stack: JVMs whose command line names io.switchboard (each its own group), a
 * separate Kafka broker, Redis, and PostgreSQL's processes together as one group; plus this JVM and any pids given.
 */
public final class ProcessDiscovery {
    private static final Pattern MAIN_CLASS = Pattern.compile("io\\.switchboard\\.[A-Za-z0-9_.]*\\.[A-Z][A-Za-z0-9_]*");
    private static final int MAX_LABEL = 80;

    private ProcessDiscovery() {
    }

    /** Groups keyed by label, in a stable order. */
    public static Map<String, List<Long>> discover(List<Long> extraPids) {
        long self = ProcessHandle.current().pid();
        Map<String, List<Long>> groups = new LinkedHashMap<>();
        groups.computeIfAbsent("bench (this JVM, pid " + self + ")", k -> new ArrayList<>()).add(self);
        for (long pid : ProcFs.pids()) {
            if (pid == self) {
                continue;
            }
            String label = label(pid, ProcFs.comm(pid), ProcFs.cmdline(pid), extraPids.contains(pid));
            if (label != null) {
                groups.computeIfAbsent(label, k -> new ArrayList<>()).add(pid);
            }
        }
        return groups;
    }

    static String label(long pid, String comm, List<String> cmdline, boolean asked) {
        if (comm.equals("postgres")) {
            return "postgres (all processes)";
        }
        if (comm.startsWith("redis-server")) {
            return "redis (pid " + pid + ")";
        }
        String joined = String.join(" ", cmdline);
        if (joined.contains("kafka.Kafka ")) {
            return "kafka broker (pid " + pid + ")";
        }
        String main = null;
        int mainAt = -1;
        for (int i = 0; i < cmdline.size(); i++) {
            var m = MAIN_CLASS.matcher(cmdline.get(i));
            if (m.find() && !cmdline.get(i).contains("/") && !cmdline.get(i).contains(":")) {
                main = m.group();
                mainAt = i;
            }
        }
        if (main != null) {
            String args = String.join(" ", cmdline.subList(mainAt + 1, cmdline.size()));
            String label = (main.substring(main.lastIndexOf('.', main.lastIndexOf('.') - 1) + 1) + " " + args).trim();
            return abbreviate(label) + " (pid " + pid + ")";
        }
        if (asked) {
            return abbreviate(comm + " " + joined) + " (pid " + pid + ")";
        }
        return null;
    }

    private static String abbreviate(String s) {
        return s.length() <= MAX_LABEL ? s : s.substring(0, MAX_LABEL - 3) + "...";
    }
}
