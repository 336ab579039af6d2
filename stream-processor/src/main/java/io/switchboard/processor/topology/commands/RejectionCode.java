package io.switchboard.processor.topology.commands;

/** Why the topology refused a command; the wire names are contract error codes. */
public enum RejectionCode {
    NOT_FOUND("not_found"),
    NOT_MEMBER("not_member"),
    FORBIDDEN("forbidden"),
    BAD_REQUEST("bad_request");

    private final String wire;

    RejectionCode(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}
