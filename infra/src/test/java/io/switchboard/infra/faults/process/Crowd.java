package io.switchboard.infra.faults.process;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.infra.it.TestUser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Users chatting in overlapping group conversations (each conversation has three members, so the topics'
 * partitions all carry traffic), connected to the stack's ingress and known to be subscribed live.
 */
final class Crowd {
    private static final long WARM_UP_MS = 15_000;

    private final List<Member> members;
    private final List<String> conversations;

    private Crowd(List<Member> members, List<String> conversations) {
        this.members = members;
        this.conversations = conversations;
    }

    static Crowd gather(ChatSite stack, Ledger ledger, int userCount, int conversationCount) {
        if (userCount < 3) {
            throw new IllegalArgumentException("every conversation has three members, so at least three users");
        }
        List<TestUser> users = new ArrayList<>();
        for (int i = 0; i < userCount; i++) {
            users.add(stack.register("u" + i));
        }
        Map<String, List<TestUser>> byConversation = new LinkedHashMap<>();
        for (int c = 0; c < conversationCount; c++) {
            List<TestUser> group = List.of(users.get(c % userCount), users.get((c + 1) % userCount),
                    users.get((c + 2) % userCount));
            List<String> others = group.subList(1, group.size()).stream().map(TestUser::userId).toList();
            byConversation.put(stack.api().createConversation(group.getFirst().token(), others, "fault " + c), group);
        }
        List<Member> members = users.stream().map(user -> new Member(user, stack.connect(user),
                byConversation.entrySet().stream().filter(e -> e.getValue().contains(user))
                        .map(Map.Entry::getKey).toList())).toList();
        Crowd crowd = new Crowd(members, List.copyOf(byConversation.keySet()));
        crowd.warmUp(ledger);
        return crowd;
    }

    List<Member> members() {
        return members;
    }

    List<String> conversations() {
        return conversations;
    }

    List<Member> membersOf(String conversationId) {
        return members.stream().filter(m -> m.conversations().contains(conversationId)).toList();
    }

    /**
     * Ingress subscribes a new socket's channels asynchronously after {@code welcome}: one message per
     * conversation, repeated until every member saw one, proves the live path before the load starts.
     */
    private void warmUp(Ledger ledger) {
        long deadline = System.currentTimeMillis() + WARM_UP_MS;
        for (String conversation : conversations) {
            Member sender = membersOf(conversation).getFirst();
            for (int attempt = 0; !everyMemberSawOne(conversation); attempt++) {
                if (System.currentTimeMillis() > deadline) {
                    throw new AssertionError("live path not ready for " + conversation);
                }
                ledger.send(sender, conversation, "warm-" + conversations.indexOf(conversation) + "-" + attempt);
                Pause.millis(500);
            }
        }
    }

    private boolean everyMemberSawOne(String conversation) {
        return membersOf(conversation).stream().allMatch(m -> !m.client().matching(f -> isMessageIn(f, conversation))
                .isEmpty());
    }

    private static boolean isMessageIn(JsonNode frame, String conversation) {
        return frame.path("type").asText().equals("message")
                && frame.path("conversationId").asText().equals(conversation);
    }
}
