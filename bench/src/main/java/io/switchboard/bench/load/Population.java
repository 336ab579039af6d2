package io.switchboard.bench.load;

import java.util.ArrayList;
import java.util.List;

/**
 * Who talks to whom: {@code users} users and conversations whose sizes cycle through the given list. Members are
 * taken in order from a cursor that wraps around, so every user is in at least one conversation and the last
 * conversations may overlap the first ones when the sizes do not divide the user count.
 */
public final class Population {
    private final int users;
    private final List<int[]> conversations;
    private final int[][] conversationsOfUser;

    private Population(int users, List<int[]> conversations) {
        this.users = users;
        this.conversations = List.copyOf(conversations);
        List<List<Integer>> byUser = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            byUser.add(new ArrayList<>());
        }
        for (int c = 0; c < conversations.size(); c++) {
            for (int member : conversations.get(c)) {
                byUser.get(member).add(c);
            }
        }
        this.conversationsOfUser = byUser.stream()
                .map(list -> list.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
    }

    public static Population plan(int users, List<Integer> sizes) {
        if (users < 2 || sizes.isEmpty() || sizes.stream().anyMatch(s -> s < 2 || s > users)) {
            throw new IllegalArgumentException("need at least 2 users and sizes of 2.." + users + ", got " + users + " " + sizes);
        }
        List<int[]> conversations = new ArrayList<>();
        int cursor = 0;
        for (int c = 0; cursor < users; c++) {
            int size = sizes.get(c % sizes.size());
            int[] members = new int[size];
            for (int k = 0; k < size; k++) {
                members[k] = (cursor + k) % users;
            }
            conversations.add(members);
            cursor += size;
        }
        return new Population(users, conversations);
    }

    public int users() {
        return users;
    }

    public int conversationCount() {
        return conversations.size();
    }

    /** Member user indices; the first one creates the conversation. */
    public int[] members(int conversation) {
        return conversations.get(conversation).clone();
    }

    public int size(int conversation) {
        return conversations.get(conversation).length;
    }

    public int[] conversationsOf(int user) {
        return conversationsOfUser[user].clone();
    }

    /** Deliveries a message to each conversation makes, summed: what one message to every conversation costs. */
    public long memberships() {
        return conversations.stream().mapToLong(m -> m.length).sum();
    }
}
