package io.switchboard.bench.load;

import io.switchboard.bench.client.BenchClient;
import io.switchboard.bench.client.FrameHandler;
import io.switchboard.bench.client.InboundFrame;

/**
 * Books every client's frames into the current run's {@link Ledger}. A message's text is
 * {@code <tag>:<index>:<padding>} and its clientMsgId {@code <tag>-<index>}, which is all it takes to find the
 * intended send time again on arrival.
 */
public final class LedgerHandler implements FrameHandler {
    private volatile Ledger ledger;

    public LedgerHandler(Ledger ledger) {
        this.ledger = ledger;
    }

    public void switchTo(Ledger next) {
        this.ledger = next;
    }

    public static String clientMsgId(String tag, long i) {
        return tag + "-" + i;
    }

    public static String sendFrame(String conversationId, String tag, long i, int textLength) {
        String head = tag + ":" + i + ":";
        StringBuilder frame = new StringBuilder(textLength + 120)
                .append("{\"type\":\"send\",\"conversationId\":\"").append(conversationId)
                .append("\",\"clientMsgId\":\"").append(clientMsgId(tag, i))
                .append("\",\"text\":\"").append(head);
        frame.repeat('x', Math.max(0, textLength - head.length()));
        return frame.append("\"}").toString();
    }

    @Override
    public void onFrame(BenchClient client, InboundFrame frame, long receivedNanos) {
        Ledger current = ledger;
        switch (frame.type() == null ? "" : frame.type()) {
            case "message" -> onMessage(current, client, frame, receivedNanos);
            case "ack" -> {
                int i = index(current.tag(), frame.clientMsgId(), '-');
                if (i < 0) {
                    current.stray();
                } else {
                    current.acked(i, receivedNanos);
                }
            }
            case "error" -> current.error(frame.code());
            default -> {
                // welcome, presence, conversation and the like carry no figures
            }
        }
    }

    private static void onMessage(Ledger current, BenchClient client, InboundFrame frame, long receivedNanos) {
        if (frame.conversationId() == null || frame.seq() < 0) {
            current.stray();
            return;
        }
        long step = client.advance(frame.conversationId(), frame.seq());
        if (step <= 0) {
            current.duplicate();
            return;
        }
        if (step > 1) {
            current.gap();
        }
        int i = index(current.tag(), frame.text(), ':');
        if (i < 0) {
            current.stray();
        } else {
            current.delivered(i, receivedNanos);
        }
    }

    /** The index after {@code <tag><separator>}, or -1 when the value belongs to another run or is no bench value. */
    static int index(String tag, String value, char separator) {
        if (value == null || value.length() <= tag.length() + 1 || !value.startsWith(tag)
                || value.charAt(tag.length()) != separator) {
            return -1;
        }
        int first = tag.length() + 1;
        int k = first;
        long result = 0;
        while (k < value.length() && value.charAt(k) >= '0' && value.charAt(k) <= '9') {
            result = result * 10 + (value.charAt(k) - '0');
            if (result > Integer.MAX_VALUE) {
                return -1;
            }
            k++;
        }
        // a clientMsgId ends with the index; a text goes on with ':' and its padding
        boolean whole = separator == '-' ? k == value.length() : k < value.length() && value.charAt(k) == ':';
        return k > first && whole ? (int) result : -1;
    }
}
