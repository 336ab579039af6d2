package io.switchboard.infra;

import io.switchboard.infra.kafka.TopicAdmin;
import io.switchboard.infra.local.Banner;
import io.switchboard.infra.local.JulBridge;
import io.switchboard.infra.local.LocalKafka;
import io.switchboard.infra.local.LocalServices;
import io.switchboard.infra.local.LocalSettings;
import io.switchboard.infra.local.StackEnvironment;
import io.switchboard.infra.local.StartupWait;
import io.switchboard.ingress.IngressConfig;
import io.switchboard.ingress.IngressServer;
import io.switchboard.processor.InstanceId;
import io.switchboard.processor.ProcessorConfig;
import io.switchboard.processor.StreamProcessor;
import io.switchboard.sink.Sink;
import io.switchboard.sink.SinkConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole system in one JVM for development ({@code ./sb run}): Redis and PostgreSQL (running or
 * embedded), a KRaft broker on 127.0.0.1:9092 keeping its data in ./.sb/kafka (with {@code --cluster}: three
 * broker JVMs on 9092, 9094, 9096, {@link LocalKafka}), every topic, the stream
 * processor, the sink and one ingress node in dev mode. Ctrl-C stops it all, newest first. Ports and
 * the data directory can be moved with {@link LocalSettings}' variables. The banner is printed once the
 * topology is RUNNING and the relay consumes, not before ({@link StartupWait}); the ingress node's
 * {@code /health/ready} answers 503 with the reason whenever either is not.
 */
public final class LocalStack {
    private static final Logger LOGGER = LoggerFactory.getLogger(LocalStack.class);

    private LocalStack() {
    }

    public static void main(String[] args) {
        JulBridge.install();
        LocalSettings local = LocalSettings.fromEnv(System.getenv(), args);
        Path dataDir = local.dataDir();
        Path envFile = local.envFile();
        Resources resources = new Resources();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            resources.close();
            deleteQuietly(envFile);
        }, "local-stack-shutdown"));
        try {
            int partitions = Integer.parseInt(System.getenv().getOrDefault("SB_PARTITIONS", "4"));
            LocalKafka.requirePortsFree(local);
            LocalServices services = resources.add("redis+postgres", LocalServices.start(dataDir, System.getenv()));
            LocalKafka kafka = resources.add("kafka", LocalKafka.start(local, partitions));
            Map<String, String> env = new HashMap<>(StackEnvironment.compose(System.getenv(), services,
                    kafka.bootstrap(), dataDir));
            // Kafka Streams' changelogs and repartitions as safe as the topics they derive from.
            env.putIfAbsent("SB_REPLICATION", Short.toString(kafka.layout().replication()));
            // The sink in this JVM joins its group under the processor's name, so a restart after a crash
            // takes over every group membership of its dead self at once (docs/operations.md).
            env.putIfAbsent("SB_INSTANCE_ID", InstanceId.of(Path.of(env.get("SB_STATE_DIR"))));
            TopicAdmin.ensureTopics(kafka.bootstrap(), kafka.layout());
            StreamProcessor processor = resources.add("stream-processor",
                    StreamProcessor.start(ProcessorConfig.fromEnv(env)));
            resources.add("sink", Sink.start(SinkConfig.fromEnv(env)));
            // This node's readiness is the processor's too: acked sends that are never sequenced are an outage.
            IngressServer ingress = resources.add("ingress", IngressServer.start(IngressConfig.fromEnv(env),
                    processor::notReady));
            StackEnvironment.write(envFile, env);
            Duration waited = new StartupWait(processor::notReady, Clock.systemUTC(), d -> Thread.sleep(d),
                    line -> {
                        System.out.println(line);
                        LOGGER.atInfo().log(line);
                    }).await();
            LOGGER.atInfo().addKeyValue("waitedMs", waited.toMillis()).log("local stack ready");
            System.out.println(Banner.text(env, ingress.port(), ingress.nodeId(), services.anyEmbedded(),
                    kafka.nodeLines()));
        } catch (Exception e) {
            LOGGER.atError().setCause(e).log("local stack failed to start; stopping what did start");
            System.exit(1);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOGGER.atWarn().addKeyValue("file", file).log("could not remove the stack environment file");
        }
    }
}
