package io.switchboard.infra.faults.process;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the clients were told, taken from every frame each member's socket received so far. */
final class Observed {
    /** A live {@code message} frame, every field of the contract's message object; editedAt null when absent. */
    record LiveMessage(String conversationId, long seq, String messageId, String clientMsgId, String senderId,
                       String senderName, String text, String sentAt, int version, String editedAt, boolean deleted) {
        String key() {
            return conversationId + "#" + seq;
        }
    }

    private final Set<String> ackedFrameIds = new HashSet<>();
    private final Set<String> ackedClientMsgIds = new HashSet<>();
    private final Map<String, String> refusalCodes = new LinkedHashMap<>();
    private final Map<String, List<LiveMessage>> liveByUser = new LinkedHashMap<>();

    private Observed() {
    }

    static Observed of(List<Member> members) {
        Map<String, List<JsonNode>> framesByUser = new LinkedHashMap<>();
        members.forEach(member -> framesByUser.put(member.userId(), member.client().frames()));
        return of(framesByUser);
    }

    /** @param framesByUser every frame each user's socket received, in arrival order */
    static Observed of(Map<String, List<JsonNode>> framesByUser) {
        Observed observed = new Observed();
        for (Map.Entry<String, List<JsonNode>> entry : framesByUser.entrySet()) {
            List<JsonNode> frames = entry.getValue();
            observed.liveByUser.put(entry.getKey(), frames.stream().filter(f -> type(f, "message"))
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

    /** Everyone whose frames were taken. */
    List<String> users() {
        return List.copyOf(liveByUser.keySet());
    }

    /** The member's live messages in arrival order, redeliveries included. */
    List<LiveMessage> liveAt(String userId) {
        return liveByUser.getOrDefault(userId, List.of());
    }

    /** Distinct messages (conversation, seq) that reached at least one client live. */
    long delivered() {
        return liveByUser.values().stream().flatMap(List::stream).map(LiveMessage::key).distinct().count();
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

    /** The frame's own values, text as text: a field of the wrong JSON type shows up as a difference. */
    private static LiveMessage live(JsonNode f) {
        return new LiveMessage(f.path("conversationId").asText(), f.path("seq").asLong(), f.path("messageId").asText(),
                f.path("clientMsgId").asText(), f.path("senderId").asText(), f.path("senderName").asText(),
                f.path("text").asText(), f.path("sentAt").asText(), f.path("version").asInt(),
                f.hasNonNull("editedAt") ? f.get("editedAt").asText() : null, f.path("deleted").asBoolean());
    }
}
