package io.switchboard.ingress.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.schemas.avro.Command;
import io.switchboard.schemas.avro.SendMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class KafkaCommandPublisherTest {

    @Test
    void shouldFailSendsInBoundedTimeWhenNoBrokerAnswers() throws Exception {
        try (KafkaCommandPublisher publisher = new KafkaCommandPublisher("127.0.0.1:1", "publisher-test", Clock.systemUTC())) {
            long started = System.nanoTime();
            CompletableFuture<Void> sent = publisher.publish(Command.newBuilder()
                    .setCommandId("c-1").setUserId("alice").setConversationId("conv1").setIssuedAt(1L)
                    .setPayload(new SendMessage("m-1", "hello", null)).build());

            assertThatThrownBy(() -> sent.get(KafkaCommandPublisher.DELIVERY_TIMEOUT_MS + 5_000L, TimeUnit.MILLISECONDS))
                    .isInstanceOf(ExecutionException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - started))
                    .isLessThan(Duration.ofMillis(KafkaCommandPublisher.DELIVERY_TIMEOUT_MS + 2_000L));
            assertThat(publisher.kafkaReachable()).isFalse();
        }
    }

    @Test
    void shouldKeepTheLastKnownMetadataSoAnOutageCannotBlockTheCallerOfEverySend() {
        // Verified end to end by infra's BrokerOutageIT: back-to-back sends in an outage are each refused
        // within the delivery timeout instead of max.block.ms apart.
        assertThat(KafkaCommandPublisher.producerConfigs("127.0.0.1:9092", "ingress-test"))
                .containsEntry("metadata.recovery.strategy", "none")
                .containsEntry("delivery.timeout.ms", KafkaCommandPublisher.DELIVERY_TIMEOUT_MS)
                .containsEntry("acks", "all")
                .containsEntry("enable.idempotence", true);
    }

    @Test
    void shouldSendAtOnceSoNeitherTheAckNorTheLiveFrameWaitsForALingerWindow() {
        assertThat(KafkaCommandPublisher.producerConfigs("127.0.0.1:9092", "ingress-test"))
                .containsEntry("linger.ms", 0);
    }

    @Test
    void shouldRefuseBlankSettings() {
        Clock clock = Clock.systemUTC();
        assertThatThrownBy(() -> new KafkaCommandPublisher(" ", "x", clock)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KafkaCommandPublisher("127.0.0.1:9092", "", clock))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KafkaCommandPublisher("127.0.0.1:9092", "x", null))
                .isInstanceOf(NullPointerException.class);
    }
}
