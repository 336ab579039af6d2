package io.switchboard.bench.proc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The process listening on a TCP port, found through /proc/net/tcp{,6} (socket inode of the LISTEN entry) and
 * the /proc/&lt;pid&gt;/fd links naming that inode: how the connection scenario finds the node it measures.
 */
public final class PortOwner {
    private static final String LISTEN = "0A";

    private PortOwner() {
    }

    public static OptionalLong of(int port) {
        Set<String> inodes = new HashSet<>();
        for (String table : new String[] {"/proc/net/tcp", "/proc/net/tcp6"}) {
            String text = ProcFs.read(Path.of(table));
            if (text != null) {
                inodes.addAll(listeningInodes(text, port));
            }
        }
        if (inodes.isEmpty()) {
            return OptionalLong.empty();
        }
        for (long pid : ProcFs.pids()) {
            if (ownsAny(pid, inodes)) {
                return OptionalLong.of(pid);
            }
        }
        return OptionalLong.empty();
    }

    static Set<String> listeningInodes(String table, int port) {
        Set<String> inodes = new HashSet<>();
        String portHex = String.format("%04X", port);
        for (String line : table.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length > 9 && f[1].endsWith(":" + portHex) && LISTEN.equals(f[3])) {
                inodes.add(f[9]);
            }
        }
        return inodes;
    }

    private static boolean ownsAny(long pid, Set<String> inodes) {
        try (var fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            return fds.anyMatch(fd -> {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    return target.startsWith("socket:[") && inodes.contains(target.substring(8, target.length() - 1));
                } catch (IOException | UnsupportedOperationException e) {
                    return false;
                }
            });
        } catch (IOException | SecurityException e) {
            return false;
        }
    }
}
