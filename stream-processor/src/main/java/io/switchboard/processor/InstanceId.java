package io.switchboard.processor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * The name a stream-processor instance goes by in its consumer groups ({@code group.instance.id}, static
 * membership), kept in its state directory so it survives a crash. A restart on the same state directory
 * takes over its dead self's membership at once, with no rebalance: without it, the coordinator waits for
 * the dead member it reloaded from {@code __consumer_offsets} until that member's session (45 s) or, after
 * an unclean broker restart, the rebalance timeout (300 s) expires (docs/operations.md, "After a crash").
 * Kafka Streams' state-directory lock keeps two live instances from sharing a directory, hence a name.
 */
public final class InstanceId {
    static final String FILE = "switchboard-instance-id";

    private InstanceId() {
    }

    /** Reads the name stored in {@code stateDir}, or stores a new one there first. */
    public static String of(Path stateDir) {
        Path file = stateDir.resolve(FILE);
        try {
            if (Files.exists(file)) {
                return read(file);
            }
            Files.createDirectories(stateDir);
            String fresh = "sb-" + UUID.randomUUID();
            // Written aside and moved in one step: a crash never leaves a half-written name behind.
            Path draft = Files.createTempFile(stateDir, FILE, ".new");
            Files.writeString(draft, fresh + "\n", StandardCharsets.UTF_8);
            try {
                Files.move(draft, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException e) {
                Files.deleteIfExists(draft);
            }
            return read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or store the instance id in " + stateDir, e);
        }
    }

    private static String read(Path file) throws IOException {
        String id = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (!id.matches("[A-Za-z0-9._-]{1,200}")) {
            throw new IllegalStateException(file + " does not hold an instance id (delete it to get a new one): " + id);
        }
        return id;
    }
}
