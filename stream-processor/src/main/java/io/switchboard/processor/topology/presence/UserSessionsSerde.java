package io.switchboard.processor.topology.presence;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** Store format of {@link UserSessions}: internal to the topology, so a plain versioned binary layout. */
public final class UserSessionsSerde implements Serde<UserSessions> {
    private static final byte FORMAT_V1 = 1;

    @Override
    public Serializer<UserSessions> serializer() {
        return (topic, sessions) -> sessions == null ? null : write(sessions);
    }

    @Override
    public Deserializer<UserSessions> deserializer() {
        return (topic, bytes) -> bytes == null ? null : read(bytes);
    }

    private static byte[] write(UserSessions sessions) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT_V1);
            out.writeLong(sessions.lastSeen());
            out.writeInt(sessions.sockets().size());
            for (Map.Entry<String, UserSessions.Socket> entry : sessions.sockets().entrySet()) {
                out.writeUTF(entry.getKey());
                out.writeUTF(entry.getValue().node());
                out.writeLong(entry.getValue().lastBeatMillis());
            }
        } catch (IOException e) {
            throw new SerializationException("Cannot write user sessions", e);
        }
        return bytes.toByteArray();
    }

    private static UserSessions read(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (in.readByte() != FORMAT_V1) {
                throw new SerializationException("Not user sessions of a known format");
            }
            long lastSeen = in.readLong();
            int count = in.readInt();
            Map<String, UserSessions.Socket> sockets = new HashMap<>();
            for (int i = 0; i < count; i++) {
                String sessionId = in.readUTF();
                sockets.put(sessionId, new UserSessions.Socket(in.readUTF(), in.readLong()));
            }
            return new UserSessions(sockets, lastSeen);
        } catch (IOException e) {
            throw new SerializationException("Cannot read user sessions", e);
        }
    }
}
