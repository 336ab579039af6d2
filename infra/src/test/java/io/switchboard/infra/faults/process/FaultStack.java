package io.switchboard.infra.faults.process;

import io.switchboard.infra.it.Api;
import io.switchboard.infra.it.ChatClient;
import io.switchboard.infra.it.TestUser;
import io.switchboard.infra.it.Unique;
import io.switchboard.infra.kafka.EmbeddedKafka;
import io.switchboard.infra.kafka.TopicAdmin;
import io.switchboard.infra.kafka.TopicLayout;
import io.switchboard.infra.local.JulBridge;
import io.switchboard.infra.process.ComponentProcess;
import io.switchboard.ingress.IngressConfig;
import io.switchboard.ingress.IngressServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One fault test's system: an in-process broker (so the test can stop it) or a Kafka the test runs itself
 * ({@link #on}), stream processors and sinks in JVMs of their own (so the test can SIGKILL them), and one
 * in-process ingress node the clients talk to.
 */
final class FaultStack implements ChatSite, AutoCloseable {
    static final int PARTITIONS = 4;
    private static final Logger LOGGER = LoggerFactory.getLogger(FaultStack.class);

    private final String id = Unique.name("fault").toLowerCase(Locale.ROOT).replace('-', '_');
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final List<Instance> processes = new ArrayList<>();
    private final List<ChatClient> clients = new ArrayList<>();
    private final Path stateRoot = Path.of(System.getProperty("java.io.tmpdir"), "fault-streams", id);
    /** Null when the test brought its own Kafka. */
    private final EmbeddedKafka kafka;
    private final FaultDatabase db;
    private final FaultEnv env;
    private final ConsumerGroups groups;
    private IngressServer ingress;

    /** On a single in-process broker of its own. */
    FaultStack() {
        this(null, TopicLayout.singleBroker(PARTITIONS));
    }

    /**
     * On a Kafka the caller runs (and stops): the topics are created there with {@code layout}, and Kafka
     * Streams' internal topics get as many copies.
     */
    static FaultStack on(String bootstrap, TopicLayout layout) {
        return new FaultStack(bootstrap, layout);
    }

    private FaultStack(String externalBootstrap, TopicLayout layout) {
        JulBridge.install();
        db = new FaultDatabase(id);
        started.push(db::drop);
        started.push(() -> StateDirs.delete(stateRoot));
        try {
            kafka = externalBootstrap == null ? track(EmbeddedKafka.startTemporary()) : null;
            String bootstrap = externalBootstrap == null ? kafka.bootstrapServers() : externalBootstrap;
            TopicAdmin.ensureTopics(bootstrap, layout);
            env = new FaultEnv(bootstrap, id, id.replace('_', '-'), layout.replication());
            groups = track(new ConsumerGroups(bootstrap));
        } catch (RuntimeException e) {
            close(); // the caller gets no object to close: stop the broker here
            throw e;
        }
    }

    EmbeddedKafka kafka() {
        if (kafka == null) {
            throw new IllegalStateException("this stack runs on the test's own Kafka, not an embedded broker");
        }
        return kafka;
    }

    FaultDatabase db() {
        return db;
    }

    Path stateDir(String name) {
        return stateRoot.resolve(name);
    }

    Instance startProcessor(String name, Path stateDir) {
        return launch(name, ComponentProcess.PROCESSOR, env.processor(stateDir));
    }

    Instance startSink(String name) {
        return launch(name, ComponentProcess.SINK, env.sink());
    }

    /** The group members of the running processors (topology and relay), to tell a restart from its dead self. */
    Set<String> processorMembers() {
        Set<String> members = new HashSet<>(groups.memberIds(env.appId()));
        members.addAll(groups.memberIds(env.relayGroup()));
        return members;
    }

    void awaitInstances(int processors, int sinks, Duration timeout) {
        awaitInstances(processors, sinks, timeout, Set.of());
    }

    /**
     * Waits until the coordinator has given every topology, relay and sink partition to exactly this many
     * instances, none of them a member in {@code gone}; fails at once, with its log, if a child JVM died.
     */
    void awaitInstances(int processors, int sinks, Duration timeout, Set<String> gone) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!(groups.stableWith(env.appId(), processors, gone) && groups.stableWith(env.relayGroup(), processors, gone)
                && groups.stableWith(env.sinkGroup(), sinks, gone))) {
            for (Instance process : processes) {
                if (process.diedByItself()) {
                    throw new IllegalStateException(process.name() + " exited:\n" + process.logTail());
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(processors + " processor(s) and " + sinks + " sink(s) not in their groups after "
                        + timeout);
            }
            Pause.millis(200);
        }
    }

    /** Starts the ingress node once; the processes must be up, since creating a conversation waits for the sink. */
    URI startIngress() {
        if (ingress == null) {
            ingress = track(IngressServer.start(IngressConfig.fromEnv(env.ingress())));
        }
        return URI.create("http://127.0.0.1:" + ingress.port() + "/");
    }

    @Override
    public Api api() {
        return new Api(startIngress());
    }

    @Override
    public TestUser register(String prefix) {
        String userId = Unique.name(prefix);
        return new TestUser(userId, prefix + " " + userId, api().devToken(userId, prefix + " " + userId));
    }

    @Override
    public synchronized ChatClient connect(TestUser user) {
        ChatClient client = ChatClient.connect(ws(), user.token(), user.userId());
        clients.add(client);
        return client;
    }

    @Override
    public synchronized ChatClient resume(TestUser user, Map<String, Long> resume) {
        ChatClient client = ChatClient.resume(ws(), user.token(), resume, user.userId() + "@resume" + clients.size());
        clients.add(client);
        return client;
    }

    private URI ws() {
        return URI.create("ws://127.0.0.1:" + startIngress().getPort() + "/ws");
    }

    @Override
    public void close() {
        synchronized (this) {
            clients.forEach(ChatClient::close);
        }
        while (!started.isEmpty()) {
            AutoCloseable next = started.pop();
            try {
                next.close();
            } catch (Exception e) {
                LOGGER.atWarn().setCause(e).log("fault stack part did not stop cleanly");
            }
        }
    }

    private Instance launch(String name, String mainClass, Map<String, String> processEnv) {
        Instance process = track(new Instance(name, ComponentProcess.start(id + "-" + name, mainClass, processEnv)));
        processes.add(process);
        return process;
    }

    private <T extends AutoCloseable> T track(T component) {
        started.push(component);
        return component;
    }
}
