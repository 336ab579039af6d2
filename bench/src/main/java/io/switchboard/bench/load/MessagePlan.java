package io.switchboard.bench.load;

/** Which user sends message {@code i}, to which conversation. */
public interface MessagePlan {
    int sender(long i);

    int conversation(long i);

    /**
     * Senders take turns over all users, each cycling through its own conversations: every user sends at
     * rate / users, which keeps each under the per-user rate limit for as long as possible.
     */
    static MessagePlan roundRobin(Population population) {
        int users = population.users();
        int[][] byUser = new int[users][];
        for (int u = 0; u < users; u++) {
            byUser[u] = population.conversationsOf(u);
        }
        return new MessagePlan() {
            @Override
            public int sender(long i) {
                return (int) (i % users);
            }

            @Override
            public int conversation(long i) {
                int[] own = byUser[sender(i)];
                return own[(int) ((i / users) % own.length)];
            }
        };
    }

    /** Message i goes to conversation i from its creator: one message per conversation, to prove delivery works. */
    static MessagePlan onePerConversation(Population population) {
        int[] creators = new int[population.conversationCount()];
        for (int c = 0; c < creators.length; c++) {
            creators[c] = population.members(c)[0];
        }
        return new MessagePlan() {
            @Override
            public int sender(long i) {
                return creators[(int) i];
            }

            @Override
            public int conversation(long i) {
                return (int) i;
            }
        };
    }
}
