package io.switchboard.processor.txn;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.AbortTransactionSpec;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Run while the topology is out of service for long (StreamProcessor: 20 s): names every transaction the
 * application's partitions hold open, and aborts the hanging ones (no coordinator will ever end them) that
 * were idle for {@code minIdle}, far beyond the producers' transaction timeout. A whole-stack crash once left
 * Streams restoring "28 records to go" for over 90 s while committed offsets could not be read (issue 12):
 * the signature of such a transaction; this names the cause where it happens and ends it.
 */
public final class HangingTransactionSweeper {
    private static final Logger LOGGER = LoggerFactory.getLogger(HangingTransactionSweeper.class);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(10);

    private final Supplier<Admin> admin;
    private final Predicate<String> topics;
    private final Duration minIdle;
    private final Clock clock;

    /**
     * @param admin   opened on the first sweep (a process that never stalls never opens it)
     * @param topics  which topics to look at: the application's changelogs and the topics it writes
     * @param minIdle how long a hanging transaction's producer must have been silent before it is aborted
     */
    public HangingTransactionSweeper(Supplier<Admin> admin, Predicate<String> topics, Duration minIdle, Clock clock) {
        this.admin = admin;
        this.topics = topics;
        this.minIdle = minIdle;
        this.clock = clock;
    }

    /** @return how many hanging transactions it aborted */
    public int sweep() {
        Admin client = admin.get();
        List<OpenTransaction> open = new OpenTransactions(client, ADMIN_TIMEOUT).find(topics);
        Instant now = clock.instant();
        int aborted = 0;
        for (OpenTransaction txn : open) {
            boolean abort = txn.hanging() && txn.idle(now).compareTo(minIdle) >= 0;
            // Another instance's transaction in flight is normal; one no coordinator holds is the finding.
            (txn.hanging() ? LOGGER.atWarn() : LOGGER.atInfo()).addKeyValue("transaction", txn.describe(now))
                    .addKeyValue("abort", abort).log("Open transaction while the topology is out of service");
            if (abort && abort(client, txn)) {
                aborted++;
            }
        }
        return aborted;
    }

    private static boolean abort(Admin client, OpenTransaction txn) {
        try {
            client.abortTransaction(new AbortTransactionSpec(txn.partition(), txn.producerId(), txn.producerEpoch(),
                    txn.coordinatorEpoch())).all().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            LOGGER.atError().addKeyValue("partition", txn.partition()).addKeyValue("producerId", txn.producerId())
                    .addKeyValue("producerEpoch", txn.producerEpoch()).addKeyValue("firstOffset", txn.firstOffset())
                    .log("Aborted a hanging transaction");
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            LOGGER.atError().addKeyValue("partition", txn.partition()).addKeyValue("error", e.toString())
                    .log("Could not abort a hanging transaction");
            return false;
        }
    }
}
