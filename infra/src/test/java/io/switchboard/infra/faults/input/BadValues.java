package io.switchboard.infra.faults.input;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Field values no valid frame may carry, per kind of field, as raw JSON literals: wrong types, values
 * out of range, huge numbers, unicode the identifier alphabet excludes. {@code parses} is false for
 * literals that are not JSON at all, whose frame gets a {@code bad_request} without its id.
 */
final class BadValues {

    /** The kinds of field the client frames have, each with its own validity rule. */
    enum Kind { IDENTIFIER, CLIENT_MSG_ID, TEXT, SEQ_FROM_1, SEQ_FROM_0, OPTIONAL_SEQ, LIMIT, BOOLEAN }

    record Bad(String json, boolean parses) {
    }

    private static final List<String> NOT_STRINGS = List.of("42", "-1", "4.2", "true", "false", "[]", "{}",
            "[\"c1\"]", "{\"value\":\"c1\"}", "1e3");
    private static final List<String> NOT_INTEGERS = List.of("\"1\"", "\"\"", "true", "[]", "{}", "[1]",
            "{\"seq\":1}", "1.5", "1e3", "1.0", "1e400", "-1e400", "99999999999999999999999999999",
            "9223372036854775808", "-9223372036854775809");
    private static final List<String> NOT_JSON_NUMBERS = List.of("NaN", "Infinity", "-Infinity", "01", "0x10",
            "+1", ".5", "1.", "--1", "1e", "9".repeat(1_200));
    private static final List<String> BAD_IDENTIFIERS = List.of("\"\"", "\" \"", "\"a b\"", "\"conv/../x\"",
            "\"caf\u00e9\"", "\"\\u00e9t\u00e9\"", "\"\ud83d\ude00\"", "\"a\\u200bb\"", "\"\\u202econv\"",
            "\"\\ufeffconv\"", "\"\uff43\uff4f\uff4e\uff56\"", "\"e\\u0301\"", "\"conv\\n\"", "\"conv\\u0000\"",
            "\"%00\"", "\"' OR 1=1 --\"", "\"" + "c".repeat(65) + "\"", "\"\\ud800\"", "\"<script>\"");

    private BadValues() {
    }

    static Bad pick(Kind kind, Random random) {
        List<Bad> pool = pool(kind);
        return pool.get(random.nextInt(pool.size()));
    }

    private static List<Bad> pool(Kind kind) {
        List<Bad> pool = new ArrayList<>();
        NOT_JSON_NUMBERS.forEach(literal -> pool.add(new Bad(literal, false)));
        switch (kind) {
            case IDENTIFIER -> {
                parsing(pool, NOT_STRINGS);
                parsing(pool, BAD_IDENTIFIERS);
                pool.add(new Bad("null", true));
            }
            case CLIENT_MSG_ID -> {
                parsing(pool, NOT_STRINGS);
                parsing(pool, List.of("\"\"", "\"" + "m".repeat(65) + "\"", "\"" + "\ud83d\ude00".repeat(65) + "\"",
                        "\"a\\u0000b\"", "\"\\ud83d\"", "null"));
            }
            case TEXT -> {
                parsing(pool, NOT_STRINGS);
                parsing(pool, List.of("\"\"", "\"" + "t".repeat(4_001) + "\"",
                        "\"" + "\ud83d\udca9".repeat(4_001) + "\"", "\"\\u0000\"", "\"before\\u0000after\"",
                        "null"));
                // Unpaired surrogates: no UTF-8 encoding exists, so the text could never be stored as sent.
                parsing(pool, List.of("\"\\ud800\"", "\"a\\udc00b\"", "\"\\ude00\\ud83d\""));
            }
            case SEQ_FROM_1 -> {
                parsing(pool, NOT_INTEGERS);
                parsing(pool, List.of("0", "-0", "-1", "-9223372036854775808", "null"));
            }
            case SEQ_FROM_0 -> {
                parsing(pool, NOT_INTEGERS);
                parsing(pool, List.of("-1", "-9223372036854775808", "null"));
            }
            case OPTIONAL_SEQ -> {
                // null means "absent" for optional fields, which is valid: not in the pool.
                parsing(pool, NOT_INTEGERS);
                parsing(pool, List.of("0", "-1", "-9223372036854775808"));
            }
            case LIMIT -> {
                parsing(pool, NOT_INTEGERS);
                parsing(pool, List.of("0", "101", "-5", "1000000", "2147483648"));
            }
            case BOOLEAN -> parsing(pool, List.of("\"true\"", "\"false\"", "1", "0", "[]", "{}", "null", "\"\""));
        }
        return pool;
    }

    private static void parsing(List<Bad> pool, List<String> literals) {
        literals.forEach(literal -> pool.add(new Bad(literal, true)));
    }
}
