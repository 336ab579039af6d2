package io.switchboard.infra.faults.process;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the clients were told, taken from every frame each member's socket received so far. */
final class Observed {
    /** A live {@code message} frame, as much of it as the guarantees talk about. */
    record LiveMessage(String conversationId, long seq, String messageId, String clientMsgId, int version) {
    }

    private final Set<String> ackedFrameIds = new HashSet<>();
    private final Set<String> ackedClientMsgIds = new HashSet<>();
    private final Map<String, String> refusalCodes = new LinkedHashMap<>();
    private final Map<String, List<LiveMessage>> liveByUser = new LinkedHashMap<>();

    private Observed() {
    }

    static Observed of(List<Member> members) {
        Observed observed = new Observed();
        for (Member member : members) {
            List<JsonNode> frames = member.client().frames();
            observed.liveByUser.put(member.userId(), frames.stream().filter(f -> type(f, "message"))
                    .map(Observed::live).toList());
            for (JsonNode frame : frames) {
                if (type(frame, "ack")) {
                    observed.ackedFrameIds.add(frame.path("id").asText());
                    observed.ackedClientMsgIds.add(frame.path("clientMsgId").asText());
                } else if (type(frame, "error")) {
                    observed.refusalCodes.put(frame.path("id").asText(), frame.path("code").asText());
                }
            }
        }
        return observed;
    }

    boolean acked(String frameId) {
        return ackedFrameIds.contains(frameId);
    }

    /** The error code the request got instead of an ack, or null. */
    String refusal(String frameId) {
        return refusalCodes.get(frameId);
    }

    Set<String> ackedClientMsgIds() {
        return Set.copyOf(ackedClientMsgIds);
    }

    int refusals() {
        return refusalCodes.size();
    }

    /** The member's live messages in arrival order, redeliveries included. */
    List<LiveMessage> liveAt(String userId) {
        return liveByUser.getOrDefault(userId, List.of());
    }

    /** Distinct messages (conversation, seq) that reached at least one client live. */
    long delivered() {
        return liveByUser.values().stream().flatMap(List::stream).map(m -> m.conversationId() + "#" + m.seq())
                .distinct().count();
    }

    long liveFrames() {
        return liveByUser.values().stream().mapToLong(List::size).sum();
    }

    /** Frames a member had already received: at-least-once delivery at work. */
    long redelivered() {
        return liveByUser.values().stream().mapToLong(list -> list.size() - list.stream().distinct().count()).sum();
    }

    private static boolean type(JsonNode frame, String type) {
        return frame.path("type").asText().equals(type);
    }

    private static LiveMessage live(JsonNode f) {
        return new LiveMessage(f.path("conversationId").asText(), f.path("seq").asLong(), f.path("messageId").asText(),
                f.path("clientMsgId").asText(), f.path("version").asInt());
    }
}
