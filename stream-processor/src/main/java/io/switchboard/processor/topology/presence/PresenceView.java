package io.switchboard.processor.topology.presence;

/**
 * Who the live path has shown online, as a command task can ask it without leaving its partition
 * (architecture.md, "Notifications"). It only ever saves work: a member it shows online gets no
 * notification candidate, every other member gets one and their own sessions task decides exactly.
 * So it must never show someone online whom clients were already shown offline, while being late to
 * show someone online costs nothing but a candidate.
 */
@FunctionalInterface
public interface PresenceView {
    /** No view: every member is a candidate, which is always correct. */
    PresenceView NONE = userId -> false;

    /** @return true only if the latest presence the live path published for the user is online */
    boolean shownOnline(String userId);
}
