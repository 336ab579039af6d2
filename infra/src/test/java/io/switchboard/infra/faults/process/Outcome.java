package io.switchboard.infra.faults.process;

import io.switchboard.infra.faults.process.FaultDatabase.StoredMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.assertj.core.api.SoftAssertions;

/**
 * The end of a fault test: waits (bounded) until every send was answered, stored and delivered, prints the
 * one-line report, then checks every guarantee at once so a failure lists all that broke.
 */
final class Outcome {
    private static final int SHOWN = 15;

    private final Crowd crowd;
    private final Ledger ledger;
    private final Observed observed;
    private final List<StoredMessage> stored;
    /** The instant of the last crash that took the clients' ingress node down too; null when none did. */
    private final Instant lastNodeCrash;

    private Outcome(Crowd crowd, Ledger ledger, Observed observed, List<StoredMessage> stored, Instant lastNodeCrash) {
        this.crowd = crowd;
        this.ledger = ledger;
        this.observed = observed;
        this.stored = stored;
        this.lastNodeCrash = lastNodeCrash;
    }

    static Outcome settle(String label, FaultDatabase db, Crowd crowd, Ledger ledger, Duration timeout) {
        return settle(label, db, crowd, ledger, timeout, () -> Observed.of(crowd.members()));
    }

    /** @param observed what the clients were told, when members reconnected: every socket each one had */
    static Outcome settle(String label, FaultDatabase db, Crowd crowd, Ledger ledger, Duration timeout,
                          Supplier<Observed> observed) {
        return settle(label, db, crowd, ledger, timeout, observed, null);
    }

    /**
     * @param lastNodeCrash when the clients' own ingress node was last killed (the whole stack was): newer
     *                      versions made before it may never have reached a member ({@link LiveChecks#notAsStoredAcrossCrashes})
     */
    static Outcome settle(String label, FaultDatabase db, Crowd crowd, Ledger ledger, Duration timeout,
                          Supplier<Observed> observed, Instant lastNodeCrash) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Supplier<Outcome> now = () -> new Outcome(crowd, ledger, observed.get(), db.messages(crowd.conversations()),
                lastNodeCrash);
        Outcome outcome = now.get();
        while (!outcome.settled() && System.nanoTime() < deadline) {
            Pause.millis(250);
            outcome = now.get();
        }
        System.out.println(label + ": " + outcome.report());
        return outcome;
    }

    Observed observed() {
        return observed;
    }

    List<StoredMessage> stored() {
        return stored;
    }

    String report() {
        long acked = ledger.all().stream().filter(s -> observed.acked(s.frameId())).count();
        return "sent=" + ledger.all().size() + " edited or deleted=" + ledger.changes().size() + " acked=" + acked + " refused=" + observed.refusals()
                + " delivered=" + observed.delivered() + " stored=" + stored.size() + " (live frames="
                + observed.liveFrames() + ", redelivered=" + observed.redelivered() + ")";
    }

    void assertGuaranteesHeld() {
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(shown(Checks.unanswered(ledger, observed))).as("sends never answered").isEmpty();
        soft.assertThat(shown(Checks.ackedNotStoredOnce(ledger, observed, stored)))
                .as("acked sends not stored exactly once").isEmpty();
        soft.assertThat(shown(Checks.strayOrDoubled(ledger, stored))).as("stored rows not from exactly one send")
                .isEmpty();
        soft.assertThat(shown(Checks.gaps(crowd.conversations(), stored))).as("seq gaps").isEmpty();
        soft.assertThat(shown(notAsStored()))
                .as("messages seen live (newest version per client) that are not stored as seen").isEmpty();
        soft.assertThat(shown(LiveChecks.repeatsThatDiffer(observed)))
                .as("the same (conversationId, seq, version) delivered with different contents").isEmpty();
        soft.assertThat(shown(Checks.missedOrDisordered(crowd, observed, stored)))
                .as("live delivery missed or out of seq order").isEmpty();
        soft.assertAll();
    }

    boolean settled() {
        // Live frames run ahead of PostgreSQL (the sink waits for the commit): wait for it to catch up too.
        return Checks.unanswered(ledger, observed).isEmpty()
                && Checks.ackedNotStoredOnce(ledger, observed, stored).isEmpty()
                && Checks.missedOrDisordered(crowd, observed, stored).isEmpty()
                && notAsStored().isEmpty();
    }

    private List<String> notAsStored() {
        return lastNodeCrash == null ? LiveChecks.notAsStored(observed, stored)
                : LiveChecks.notAsStoredAcrossCrashes(observed, stored, lastNodeCrash);
    }

    private static List<String> shown(List<String> problems) {
        if (problems.size() <= SHOWN) {
            return problems;
        }
        List<String> head = new ArrayList<>(problems.subList(0, SHOWN));
        head.add("... and " + (problems.size() - SHOWN) + " more");
        return head;
    }
}
