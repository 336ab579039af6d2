package io.switchboard.processor;

import io.switchboard.processor.presence.PresenceFollower;
import io.switchboard.processor.relay.RedisRelay;
import io.switchboard.processor.topology.SwitchboardTopology;
import io.switchboard.processor.topology.settings.TopologySettings;
import io.switchboard.processor.txn.HangingTransactionSweeper;
import io.switchboard.schemas.topic.Topic;
import io.switchboard.schemas.topic.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running stream processor: the Kafka Streams topology, the Redis relay and the presence view the
 * topology reads ({@link PresenceFollower}), started and closed together. The topology and the relay join
 * their consumer groups as static members named after the state directory ({@link InstanceId}), so a restart
 * after a crash takes over at once; a stall longer than the session timeout is logged as an error saying
 * what it waits for ({@link StallWatch}).
 */
public final class StreamProcessor implements AutoCloseable {
    private static final Logger LOGGER = LoggerFactory.getLogger(StreamProcessor.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration WATCH_EVERY = Duration.ofSeconds(1);
    /**
     * A hanging transaction is aborted only after its producer has been silent this long: twice Kafka Streams'
     * transaction timeout (10 s), by when the coordinator has long aborted any transaction it knows of.
     */
    static final Duration HANGING_MIN_IDLE = Duration.ofSeconds(20);
    /** EX_SOFTWARE: an internal error stopped the process. */
    static final int EXIT_RELAY_DEAD = 70;

    private final Clock clock;
    private final String instanceId;
    private final KafkaStreams streams;
    private final RedisRelay relay;
    private final PresenceFollower presence;
    private final ProcessorStalls stalls;
    private final ScheduledExecutorService watch;
    private final LazyAdmin admin;
    private final CountDownLatch running = new CountDownLatch(1);

    private StreamProcessor(ProcessorConfig config, Clock clock) {
        this.clock = clock;
        this.instanceId = InstanceId.of(config.stateDir());
        this.presence = new PresenceFollower(config.kafkaBootstrap(), instanceId + "-presence-view", clock);
        TopologySettings settings = new TopologySettings(config.dedupRetention(), config.heartbeatInterval(), clock,
                presence);
        this.streams = new KafkaStreams(SwitchboardTopology.buildTopology(settings),
                StreamsProperties.of(config, instanceId));
        this.relay = new RedisRelay(config.relaySettings().withInstanceId(instanceId + "-relay"),
                UnaryOperator.identity(), clock, StreamProcessor::exitForSupervisor);
        RestoreProgress restore = new RestoreProgress();
        streams.setGlobalStateRestoreListener(restore);
        this.stalls = new ProcessorStalls(config.applicationId(), streams, restore, relay, clock);
        streams.setStateListener((now, before) -> {
            stalls.stateChanged(now, before);
            LOGGER.atInfo().addKeyValue("from", before).addKeyValue("to", now).log("Kafka Streams state changed");
            if (now == KafkaStreams.State.RUNNING) {
                running.countDown();
            }
        });
        streams.setUncaughtExceptionHandler(e -> {
            // Under exactly_once_v2 a fresh thread resumes from the last committed transaction: nothing doubles.
            LOGGER.atError().setCause(e).log("Stream thread failed; replacing it");
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        this.admin = new LazyAdmin(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrap()));
        HangingTransactionSweeper sweeper = new HangingTransactionSweeper(admin, ownTopics(config.applicationId()),
                HANGING_MIN_IDLE, clock);
        StallWatch watcher = new StallWatch(stalls::current, config.sessionTimeout(), clock, HANGING_MIN_IDLE, stall -> {
            if (stall.component().equals(ProcessorStalls.TOPOLOGY)) {
                sweeper.sweep();
            }
        });
        this.watch = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("switchboard-stall-watch").daemon().factory());
        watch.scheduleWithFixedDelay(watcher::check, WATCH_EVERY.toMillis(), WATCH_EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** The application's changelogs and the topics it reads and writes: where its transactions go. */
    static Predicate<String> ownTopics(String applicationId) {
        Set<String> shared = Topics.ALL.stream().map(Topic::name).collect(Collectors.toUnmodifiableSet());
        return name -> shared.contains(name) || name.startsWith(applicationId + "-");
    }

    public static StreamProcessor start(ProcessorConfig config) {
        StreamProcessor processor = new StreamProcessor(config, Clock.systemUTC());
        processor.presence.start();
        processor.streams.start();
        try {
            processor.relay.start();
        } catch (RuntimeException e) {
            processor.watch.shutdownNow();
            processor.streams.close(CLOSE_TIMEOUT);
            processor.presence.close();
            throw e;
        }
        LOGGER.atInfo().addKeyValue("applicationId", config.applicationId()).addKeyValue("instanceId",
                processor.instanceId).addKeyValue("kafka", config.kafkaBootstrap()).log("Stream processor started");
        return processor;
    }

    /** The {@code group.instance.id} its consumers join with, from its state directory. */
    public String instanceId() {
        return instanceId;
    }

    /** @return true when Kafka Streams reached RUNNING within {@code timeout} */
    public boolean awaitRunning(Duration timeout) throws InterruptedException {
        return running.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public KafkaStreams.State streamsState() {
        return streams.state();
    }

    /**
     * Readiness: empty when the topology is RUNNING and the relay consumes; otherwise one line per half that
     * is not, saying what it waits for and for how long.
     */
    public List<String> notReady() {
        return stalls.current().stream().map(stall -> stall.component() + ": " + stall.reason() + " (for "
                + Duration.between(stall.since(), clock.instant()).toSeconds() + " s)").toList();
    }

    /** Live: neither half has stopped for good (a REBALANCING topology or a restarting relay is alive). */
    public boolean isHealthy() {
        KafkaStreams.State state = streams.state();
        return (state.isRunningOrRebalancing() || state == KafkaStreams.State.CREATED) && relay.isRunning();
    }

    /**
     * The relay's thread ended by an {@link Error} (out of memory, say): a process that acks sends but never
     * delivers them must not look alive, so it exits (status 70) and its supervisor, or the developer, starts
     * it again; the exit runs the shutdown hooks, which close the rest cleanly. From a thread of its own,
     * since the exit waits for the hooks and the relay's close joins the relay's thread.
     */
    private static void exitForSupervisor(Throwable fatal) {
        LOGGER.atError().setCause(fatal).log("The relay stopped for good; exiting so the process is started again");
        Thread.ofPlatform().name("switchboard-fatal-exit").start(() -> System.exit(EXIT_RELAY_DEAD));
    }

    @Override
    public void close() {
        watch.shutdownNow();
        admin.close();
        relay.close();
        // Leaving the group hands partitions over at once, static member or not; otherwise another instance
        // (or a restart on a new state dir) waits out session.timeout.ms.
        if (!streams.close(CloseOptions.timeout(CLOSE_TIMEOUT)
                .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP))) {
            LOGGER.atWarn().addKeyValue("timeoutMs", CLOSE_TIMEOUT.toMillis()).log("Kafka Streams did not close in time");
        }
        presence.close();
    }
}
