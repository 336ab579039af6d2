package io.switchboard.infra.faults.input;

import io.switchboard.infra.faults.input.BadValues.Bad;
import io.switchboard.infra.faults.input.BadValues.Kind;
import io.switchboard.infra.faults.input.FuzzCase.IdRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded generator of frames that must each be refused: one field of an otherwise well-formed request
 * made invalid, truncated JSON, random text and bytes, deep nesting, unknown types, null or unusable
 * ids, trailing garbage and oversize frames. None of them is a valid request, so each must get exactly
 * one {@code error}; the same seed always gives the same frames, so a failure can be replayed.
 */
final class FuzzFrames {
    /** Each request type with its fields: the frame carries valid values except the one made bad. */
    private static final Map<String, Map<String, Kind>> REQUESTS = requests();
    private static final int MAX_FRAME_BYTES = 64 * 1024;

    private final Random random;
    private final String conversationId;
    private int next;

    private FuzzFrames(long seed, String conversationId) {
        this.random = new Random(seed);
        this.conversationId = conversationId;
    }

    /** @param conversationId a conversation the fuzzing user belongs to, so only the broken field is wrong */
    static List<FuzzCase> generate(long seed, int count, String conversationId) {
        FuzzFrames frames = new FuzzFrames(seed, conversationId);
        List<FuzzCase> cases = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            cases.add(frames.nextCase());
        }
        return cases;
    }

    private FuzzCase nextCase() {
        String id = "f" + next++;
        int roll = random.nextInt(100);
        if (roll < 35) {
            return badField(id);
        } else if (roll < 47) {
            return RandomText.truncated(random, wellFormed(id, pickType()));
        } else if (roll < 59) {
            return RandomText.garbage(random);
        } else if (roll < 65) {
            return FuzzCase.binary(RandomText.bytes(random, 1 + random.nextInt(300)));
        } else if (roll < 71) {
            return RandomText.nesting(random, id);
        } else if (roll < 79) {
            return RandomText.unknownType(random, id);
        } else if (roll < 88) {
            return random.nextInt(3) == 0 ? nullIds() : RandomText.unusableId(random, wellFormed(null, pickType()));
        } else if (roll < 95) {
            return FuzzCase.text("trailing", wellFormed(id, pickType()) + RandomText.trailer(random),
                    "bad_request", id, IdRule.NONE);
        }
        return oversize(id);
    }

    private FuzzCase badField(String id) {
        String type = pickType();
        List<String> fields = List.copyOf(REQUESTS.get(type).keySet());
        String broken = fields.get(random.nextInt(fields.size()));
        Bad bad = BadValues.pick(REQUESTS.get(type).get(broken), random);
        Map<String, String> values = validValues(type);
        values.put(broken, bad.json());
        return FuzzCase.text("field:" + type + "." + broken, object(id, type, values), "bad_request", id,
                bad.parses() ? IdRule.ECHO : IdRule.NONE);
    }

    /** {@code "id": null} counts as no id, so the request must fail on its (also null) conversationId. */
    private FuzzCase nullIds() {
        String type = pickType();
        Map<String, String> values = validValues(type);
        values.put("conversationId", "null");
        return FuzzCase.text("null-ids", "{\"id\":null," + object(null, type, values).substring(1), "bad_request",
                null, IdRule.NONE);
    }

    private FuzzCase oversize(String id) {
        Map<String, String> values = validValues("send");
        String filler = random.nextBoolean() ? "x" : "\u20ac";
        values.put("text", "\"" + filler.repeat(MAX_FRAME_BYTES / filler.length() + 1 + random.nextInt(5_000)) + "\"");
        return FuzzCase.text("oversize", object(id, "send", values), "too_large", id, IdRule.ECHO);
    }

    /** A valid request of {@code type} (to {@link #conversationId}) with {@code id} first when given. */
    private String wellFormed(String id, String type) {
        return object(id, type, validValues(type));
    }

    private Map<String, String> validValues(String type) {
        Map<String, String> values = new LinkedHashMap<>();
        REQUESTS.get(type).forEach((field, kind) -> values.put(field, switch (kind) {
            case IDENTIFIER -> "\"" + conversationId + "\"";
            case CLIENT_MSG_ID -> "\"fuzz-" + next + "\"";
            case TEXT -> "\"fuzz text\"";
            case SEQ_FROM_1, SEQ_FROM_0, OPTIONAL_SEQ -> "1";
            case LIMIT -> "10";
            case BOOLEAN -> "true";
        }));
        return values;
    }

    static String object(String id, String type, Map<String, String> rawValues) {
        StringBuilder json = new StringBuilder("{");
        if (id != null) {
            json.append("\"id\":\"").append(id).append("\",");
        }
        json.append("\"type\":\"").append(type).append('"');
        rawValues.forEach((field, raw) -> json.append(",\"").append(field).append("\":").append(raw));
        return json.append('}').toString();
    }

    private String pickType() {
        List<String> types = List.copyOf(REQUESTS.keySet());
        return types.get(random.nextInt(types.size()));
    }

    private static Map<String, Map<String, Kind>> requests() {
        Map<String, Map<String, Kind>> requests = new LinkedHashMap<>();
        requests.put("send", ordered("conversationId", Kind.IDENTIFIER, "clientMsgId", Kind.CLIENT_MSG_ID,
                "text", Kind.TEXT));
        requests.put("edit", ordered("conversationId", Kind.IDENTIFIER, "seq", Kind.SEQ_FROM_1, "text", Kind.TEXT));
        requests.put("delete", ordered("conversationId", Kind.IDENTIFIER, "seq", Kind.SEQ_FROM_1));
        requests.put("read", ordered("conversationId", Kind.IDENTIFIER, "seq", Kind.SEQ_FROM_0));
        requests.put("typing", ordered("conversationId", Kind.IDENTIFIER, "active", Kind.BOOLEAN));
        requests.put("history", ordered("conversationId", Kind.IDENTIFIER, "beforeSeq", Kind.OPTIONAL_SEQ,
                "limit", Kind.LIMIT));
        return requests;
    }

    private static Map<String, Kind> ordered(Object... fieldsAndKinds) {
        Map<String, Kind> fields = new LinkedHashMap<>();
        for (int i = 0; i < fieldsAndKinds.length; i += 2) {
            fields.put((String) fieldsAndKinds[i], (Kind) fieldsAndKinds[i + 1]);
        }
        return fields;
    }
}
