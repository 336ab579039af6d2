package io.switchboard.infra.faults.process;

import io.switchboard.infra.it.ChatClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Every frame every socket of a fault test received, one a line with its socket and its time relative to
 * the faults, so a failed check can be read against what happened when (the file stays under target/).
 */
final class FrameDump {
    private FrameDump() {
    }

    /** @param faultsAt System.nanoTime of each fault, in order; times are printed as ms since the first */
    static void write(Path file, Sessions sessions, List<Long> faultsAt) {
        long origin = faultsAt.isEmpty() ? 0 : faultsAt.getFirst();
        StringBuilder text = new StringBuilder("# ms are since the first fault; faults at ms ")
                .append(faultsAt.stream().map(t -> (t - origin) / 1_000_000).toList()).append('\n');
        sessions.sockets().forEach((user, sockets) -> {
            for (int i = 0; i < sockets.size(); i++) {
                for (ChatClient.Received received : sockets.get(i).received()) {
                    text.append(user).append(" socket").append(i).append(' ')
                            .append((received.atNanos() - origin) / 1_000_000).append(' ').append(received.frame())
                            .append('\n');
                }
            }
        });
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
