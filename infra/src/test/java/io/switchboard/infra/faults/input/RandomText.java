package io.switchboard.infra.faults.input;

import io.switchboard.infra.faults.input.FuzzCase.IdRule;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** The frame shapes of {@link FuzzFrames} that are built from random text rather than from one bad field. */
final class RandomText {
    private static final Set<String> KNOWN_TYPES = Set.of("hello", "ping", "send", "edit", "delete", "read",
            "typing", "history");
    private static final List<String> NOT_OBJECTS = List.of("", "   ", "null", "true", "42", "-0.5", "\"send\"",
            "[]", "[1,2,3]", "[{\"type\":\"ping\"}]", "{}", "{\"id\":{}}", "\"\\ud800\"");
    private static final List<String> ODD_TYPES = List.of("\"\"", "\"SEND\"", "\"Send\"", "\"send \"", "\" send\"",
            "\"sending\"", "\"pin\"", "\"ping\\n\"", "\"hello\\u0000\"", "\"__proto__\"", "\"constructor\"",
            "\"\ud83d\udce8\"", "\"s\\u0065nd \"", "\"" + "t".repeat(10_000) + "\"", "1", "null", "[]", "{}", "true",
            "[\"send\"]");
    private static final List<String> UNUSABLE_IDS = List.of("5", "-1", "1.5", "true", "false", "[]", "{}",
            "[\"f\"]", "{\"id\":\"f\"}", "\"" + "x".repeat(65) + "\"", "\"" + "\ud83d\ude00".repeat(65) + "\"",
            "\"" + "\\u00e9".repeat(65) + "\"");
    private static final List<String> TRAILERS = List.of("x", " garbage", "}", "]", ",", "{\"type\":\"ping\"}",
            "\u0000", " // comment", "\"", "\ud83d\ude00", "null");
    /** Jackson refuses nesting deeper than 1000 levels; staying clear of it makes the outcome certain. */
    private static final int SAFE_DEPTH = 900;
    private static final int TOO_DEEP = 1_100;

    private RandomText() {
    }

    /** A prefix of a well-formed object: never a whole JSON value. */
    static FuzzCase truncated(Random random, String wellFormed) {
        String prefix = wellFormed.substring(0, 1 + random.nextInt(wellFormed.length() - 1));
        return FuzzCase.text("truncated", prefix, "bad_request", null, IdRule.NONE);
    }

    static FuzzCase garbage(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> FuzzCase.text("latin1-bytes", latin1(random, random.nextInt(200)), "bad_request", null,
                    IdRule.NONE);
            case 1 -> FuzzCase.text("unicode", codePoints(random, 1 + random.nextInt(100)), "bad_request", null,
                    IdRule.NONE);
            default -> FuzzCase.text("not-an-object", NOT_OBJECTS.get(random.nextInt(NOT_OBJECTS.size())),
                    "bad_request", null, IdRule.NONE);
        };
    }

    static byte[] bytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    /** Deep arrays or objects: as the whole frame, or as the value of a required field. */
    static FuzzCase nesting(Random random, String id) {
        boolean tooDeep = random.nextBoolean();
        int depth = tooDeep ? TOO_DEEP + random.nextInt(9_000) : 2 + random.nextInt(SAFE_DEPTH - 2);
        String nested = random.nextBoolean() ? "[".repeat(depth) + "]".repeat(depth)
                : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
        if (random.nextInt(4) == 0) {
            return FuzzCase.text("nesting-root", nested, "bad_request", null, IdRule.NONE);
        }
        String frame = "{\"id\":\"" + id + "\",\"type\":\"send\",\"conversationId\":" + nested
                + ",\"clientMsgId\":\"m\",\"text\":\"t\"}";
        return FuzzCase.text("nesting-field", frame, "bad_request", id, tooDeep ? IdRule.NONE : IdRule.ECHO);
    }

    static FuzzCase unknownType(Random random, String id) {
        String type = random.nextInt(3) == 0 ? "\"" + alphanumeric(random) + "\""
                : ODD_TYPES.get(random.nextInt(ODD_TYPES.size()));
        String frame = random.nextInt(6) == 0 ? "{\"id\":\"" + id + "\",\"conversationId\":\"c\"}"
                : "{\"id\":\"" + id + "\",\"type\":" + type + ",\"conversationId\":\"c\"}";
        return FuzzCase.text("unknown-type", frame, "bad_request", id, IdRule.ECHO);
    }

    /** An id the server cannot echo (not a string, or over 64 characters) on an otherwise valid request. */
    static FuzzCase unusableId(Random random, String wellFormedWithoutId) {
        String id = UNUSABLE_IDS.get(random.nextInt(UNUSABLE_IDS.size()));
        return FuzzCase.text("unusable-id", "{\"id\":" + id + "," + wellFormedWithoutId.substring(1), "bad_request",
                null, IdRule.NONE);
    }

    /** Anything but whitespace after the object, so the frame is not one JSON value. */
    static String trailer(Random random) {
        return TRAILERS.get(random.nextInt(TRAILERS.size()));
    }

    private static String alphanumeric(Random random) {
        StringBuilder s = new StringBuilder();
        for (int i = 0, n = 1 + random.nextInt(12); i < n; i++) {
            s.append((char) ('a' + random.nextInt(26)));
        }
        // "ping" by chance would be a valid request; no known type ends in an underscore.
        return KNOWN_TYPES.contains(s.toString()) ? s + "_" : s.toString();
    }

    private static String latin1(Random random, int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append((char) random.nextInt(256));
        }
        return s.toString();
    }

    /** Any code point but the surrogates, which a text frame cannot carry unpaired. */
    private static String codePoints(Random random, int count) {
        int surrogates = Character.MAX_SURROGATE - Character.MIN_SURROGATE + 1;
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < count; i++) {
            int cp = random.nextInt(Character.MAX_CODE_POINT + 1 - surrogates);
            s.appendCodePoint(cp < Character.MIN_SURROGATE ? cp : cp + surrogates);
        }
        return s.toString();
    }
}
