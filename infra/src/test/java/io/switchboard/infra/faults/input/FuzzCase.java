package io.switchboard.infra.faults.input;

/**
 * One malformed frame and what the contract says must come back: exactly one {@code error} with
 * {@code code}, and the frame's {@code id} echoed when it carried a usable one.
 *
 * @param text   the text frame to send, or null for a binary frame
 * @param binary the binary frame's bytes when {@code text} is null
 * @param id     the id the frame carried (checked according to {@code idRule})
 */
record FuzzCase(String category, String text, byte[] binary, String code, String id, IdRule idRule) {

    /** Whether the error must echo the frame's id. */
    enum IdRule {
        /** A string id of at most 64 characters in a frame that parses: the error carries it. */
        ECHO,
        /** Nothing usable to echo (not JSON, id not a short string): the error carries no id. */
        NONE
    }

    static FuzzCase text(String category, String text, String code, String id, IdRule idRule) {
        return new FuzzCase(category, text, null, code, id, idRule);
    }

    static FuzzCase binary(byte[] bytes) {
        return new FuzzCase("binary", null, bytes, "bad_request", null, IdRule.NONE);
    }

    /** The frame as the report shows it: short, and printable. */
    String preview() {
        if (text == null) {
            return "<binary " + binary.length + " bytes>";
        }
        String shown = text.length() <= 120 ? text : text.substring(0, 120) + "...(" + text.length() + " chars)";
        return shown.replaceAll("\\p{Cntrl}", "?");
    }
}
