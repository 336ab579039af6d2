package io.switchboard.ingress.ws.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.ingress.ws.timers.ManualScheduling;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class OutboxTest {
    private static final long NO_BYTE_LIMIT = Long.MAX_VALUE;
    private final ManualScheduling scheduling = new ManualScheduling();
    private final CountDownLatch finished = new CountDownLatch(1);

    @Test
    void shouldSendInOrderThenClose() throws Exception {
        RecordingSink sink = new RecordingSink(null);
        Outbox outbox = new Outbox(sink, 16, NO_BYTE_LIMIT, Duration.ofSeconds(5), scheduling, "s1", finished::countDown);
        outbox.start();

        outbox.offer("a");
        outbox.offer("b");
        outbox.close(4401, "unauthorized");
        outbox.offer("dropped");

        assertThat(sink.closed.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(sink.events).containsExactly("a", "b", "close 4401");
        assertThat(finished.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void shouldKeepNoWriterWhileIdleAndWriteWhatComesLater() throws Exception {
        RecordingSink sink = new RecordingSink(null);
        Outbox outbox = new Outbox(sink, 16, NO_BYTE_LIMIT, Duration.ofSeconds(5), scheduling, "idle", finished::countDown);
        outbox.start();

        for (int burst = 0; burst < 50; burst++) {
            outbox.offer("x" + burst);
            outbox.offer("y" + burst);
            waitUntil(() -> !outbox.writing());
        }

        assertThat(sink.events).hasSize(100).startsWith("x0", "y0").endsWith("x49", "y49");
        assertThat(outbox.queued()).isZero();
        assertThat(finished.getCount()).as("an idle outbox has not finished").isEqualTo(1);
        outbox.shutdown();
        assertThat(finished.await(5, TimeUnit.SECONDS)).as("shutdown of an idle outbox reports the end").isTrue();
    }

    @Test
    void shouldKeepOrderWhenManyThreadsOfferAtOnce() throws Exception {
        RecordingSink sink = new RecordingSink(null);
        Outbox outbox = new Outbox(sink, 10_000, NO_BYTE_LIMIT, Duration.ofSeconds(5), scheduling, "busy", finished::countDown);
        outbox.start();
        List<Thread> producers = new ArrayList<>();
        for (int p = 0; p < 4; p++) {
            String prefix = "p" + p + ":";
            producers.add(Thread.ofVirtual().start(() -> {
                for (int i = 0; i < 500; i++) {
                    outbox.offer(prefix + i);
                }
            }));
        }
        for (Thread producer : producers) {
            producer.join();
        }
        waitUntil(() -> sink.events.size() == 2_000);

        for (int p = 0; p < 4; p++) {
            String prefix = "p" + p + ":";
            assertThat(sink.events.stream().filter(e -> e.startsWith(prefix)).map(e -> e.substring(prefix.length()))
                    .mapToInt(Integer::parseInt).toArray()).as(prefix).isSorted().hasSize(500);
        }
    }

    /** An outbox of 16 whose first frame, "first", is being written until {@code unblock} opens. */
    private Outbox writingFirst(RecordingSink sink, String label) throws InterruptedException {
        Outbox outbox = new Outbox(sink, 16, NO_BYTE_LIMIT, Duration.ofSeconds(5), scheduling, label, finished::countDown);
        outbox.start();
        outbox.offer("first");
        assertThat(sink.sending.await(5, TimeUnit.SECONDS)).isTrue();
        return outbox;
    }

    @Test
    void shouldWriteTheTextFramesQueuedBehindABusyWriteInOneBatchAndKeepOtherItemsInOrder() throws Exception {
        CountDownLatch unblock = new CountDownLatch(1);
        RecordingSink sink = new RecordingSink(unblock);
        Outbox outbox = writingFirst(sink, "batch");

        outbox.offer("b");
        outbox.offer("c");
        outbox.offer("d");
        outbox.ping();
        outbox.offer("e");
        outbox.close(1000, "bye");
        unblock.countDown();

        assertThat(sink.closed.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(sink.events).containsExactly("first", "b", "c", "d", "ping", "e", "close 1000");
        assertThat(sink.batches).containsExactly(List.of("b", "c", "d"));
        assertThat(outbox.queued()).isZero();
    }

    @Test
    void shouldStopGrowingABatchOnceItPassesTheBatchSize() throws Exception {
        CountDownLatch unblock = new CountDownLatch(1);
        RecordingSink sink = new RecordingSink(unblock);
        Outbox outbox = writingFirst(sink, "big");
        String quarter = "x".repeat(Outbox.BATCH_CHARS / 4);
        for (int i = 0; i < 6; i++) {
            outbox.offer(i + quarter);
        }
        unblock.countDown();

        waitUntil(() -> sink.events.size() == 7);
        // each frame is a little over a quarter of the batch size: the fourth one takes a batch past it
        assertThat(sink.batches).extracting(List::size).containsExactly(4, 2);
        assertThat(sink.events).hasSize(7).startsWith("first").endsWith("5" + quarter);
    }

    @Test
    void shouldDropAPeerThatHasNotAnsweredTheCloseAfterTheGrace() throws Exception {
        RecordingSink sink = new RecordingSink(null);
        Outbox outbox = new Outbox(sink, 16, NO_BYTE_LIMIT, Duration.ofSeconds(5), scheduling, "deaf", finished::countDown);
        outbox.start();
        outbox.close(4401, "unauthorized");
        assertThat(sink.closed.await(5, TimeUnit.SECONDS)).isTrue();

        scheduling.advance(Duration.ofSeconds(4));
        assertThat(sink.events).containsExactly("close 4401");
        scheduling.advance(Duration.ofSeconds(1));

        assertThat(sink.events).containsExactly("close 4401", "abort");
    }

    @Test
    void shouldReportTheEndWhenAWriteFails() throws Exception {
        RecordingSink sink = new RecordingSink(null);
        sink.broken = true;
        Outbox outbox = new Outbox(sink, 16, NO_BYTE_LIMIT, Duration.ofSeconds(5), scheduling, "gone", finished::countDown);
        outbox.start();

        outbox.ping();

        assertThat(finished.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(outbox.offer("later")).isFalse();
    }

    @Test
    void shouldCloseSlowReaderWhenQueueOverflows() throws Exception {
        CountDownLatch unblock = new CountDownLatch(1);
        RecordingSink sink = new RecordingSink(unblock);
        Outbox outbox = new Outbox(sink, 16, NO_BYTE_LIMIT, Duration.ofSeconds(5), scheduling, "slow", finished::countDown);
        outbox.start();
        outbox.offer("first");
        assertThat(sink.sending.await(5, TimeUnit.SECONDS)).isTrue();

        for (int i = 0; i < 16; i++) {
            assertThat(outbox.offer("frame" + i)).isTrue();
        }
        assertThat(outbox.offer("one too many")).isFalse();
        assertThat(outbox.offer("after")).isFalse();
        unblock.countDown();

        assertThat(sink.closed.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(sink.events).containsExactly("first", "close 1013");
    }

    @Test
    void shouldCloseAPeerThatPingsButNeverReadsOnceItsPongsFillTheQueue() throws Exception {
        CountDownLatch unblock = new CountDownLatch(1);
        RecordingSink sink = new RecordingSink(unblock);
        Outbox outbox = new Outbox(sink, 16, NO_BYTE_LIMIT, Duration.ofSeconds(5), scheduling, "pinger", finished::countDown);
        outbox.start();
        outbox.offer("first");
        assertThat(sink.sending.await(5, TimeUnit.SECONDS)).isTrue();

        for (int i = 0; i < 100; i++) {
            outbox.pong(new byte[125]);
        }
        assertThat(outbox.closing()).isTrue();
        assertThat(outbox.queued()).isLessThanOrEqualTo(16);
        unblock.countDown();

        assertThat(sink.closed.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(sink.events).containsExactly("first", "close 1013");
    }

    @Test
    void shouldDropConnectionWhenTheCloseCannotBeWritten() throws Exception {
        RecordingSink sink = new RecordingSink(new CountDownLatch(1));
        Outbox outbox = new Outbox(sink, 16, NO_BYTE_LIMIT, Duration.ofSeconds(5), scheduling, "stuck", finished::countDown);
        outbox.start();
        outbox.offer("first");
        assertThat(sink.sending.await(5, TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i <= 16; i++) {
            outbox.offer("frame" + i);
        }

        scheduling.advance(Duration.ofSeconds(5));

        assertThat(sink.interrupted.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(finished.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(outbox.queued()).isZero();
    }

    @Test
    void shouldLetPatientReplayWaitForRoomInsteadOfOverflowing() throws Exception {
        CountDownLatch unblock = new CountDownLatch(1);
        RecordingSink sink = new RecordingSink(unblock);
        Outbox outbox = new Outbox(sink, 16, NO_BYTE_LIMIT, Duration.ofSeconds(5), scheduling, "replay", finished::countDown);
        outbox.start();
        outbox.offer("first");
        assertThat(sink.sending.await(5, TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < 8; i++) {
            outbox.offer("frame" + i);
        }
        Thread.ofVirtual().start(() -> {
            sleep(100);
            unblock.countDown();
        });

        assertThat(outbox.offerPatiently("replayed", Duration.ofSeconds(5))).isTrue();
        assertThat(outbox.closing()).isFalse();
    }

    /** 1,024 frames of large history pages would fill the heap long before the frame count is reached. */
    @Test
    void shouldCloseASlowReaderOnceItsQueuedBytesPassTheLimit() throws Exception {
        CountDownLatch unblock = new CountDownLatch(1);
        RecordingSink sink = new RecordingSink(unblock);
        Outbox outbox = new Outbox(sink, 1_024, 4_000, Duration.ofSeconds(5), scheduling, "bulky", finished::countDown);
        outbox.start();
        outbox.offer("first");
        assertThat(sink.sending.await(5, TimeUnit.SECONDS)).isTrue();

        assertThat(outbox.offer("x".repeat(1_000))).as("2,000 bytes queued").isTrue();
        assertThat(outbox.offer("y".repeat(1_000))).as("4,000 bytes queued: at the limit").isTrue();
        assertThat(outbox.offer("z")).as("one more frame, though far below 1,024 frames").isFalse();
        assertThat(outbox.closing()).isTrue();
        unblock.countDown();

        assertThat(sink.closed.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(sink.events).containsExactly("first", "close 1013");
        assertThat(outbox.queuedBytes()).isZero();
    }

    @Test
    void shouldTakeOneFrameLargerThanTheWholeByteLimitWhenNothingIsQueued() throws Exception {
        RecordingSink sink = new RecordingSink(null);
        Outbox outbox = new Outbox(sink, 16, 100, Duration.ofSeconds(5), scheduling, "big-page", finished::countDown);
        outbox.start();

        assertThat(outbox.offer("p".repeat(500))).isTrue();
        waitUntil(() -> sink.events.size() == 1);
        assertThat(outbox.closing()).isFalse();
        assertThat(outbox.queuedBytes()).as("released once written").isZero();
    }

    @Test
    void shouldLetPatientReplayWaitForBytesToDrain() throws Exception {
        CountDownLatch unblock = new CountDownLatch(1);
        RecordingSink sink = new RecordingSink(unblock);
        Outbox outbox = new Outbox(sink, 1_024, 4_000, Duration.ofSeconds(5), scheduling, "replay-bytes",
                finished::countDown);
        outbox.start();
        outbox.offer("first");
        assertThat(sink.sending.await(5, TimeUnit.SECONDS)).isTrue();
        outbox.offer("x".repeat(1_000));
        Thread.ofVirtual().start(() -> {
            sleep(100);
            unblock.countDown();
        });

        assertThat(outbox.offerPatiently("r".repeat(1_500), Duration.ofSeconds(5))).isTrue();
        assertThat(outbox.closing()).isFalse();
    }

    private static void waitUntil(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition met within 5 s").isLessThan(deadline);
            sleep(1);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Blocks its first send on {@code gate} when given one, like a socket whose reader stopped reading. */
    private static final class RecordingSink implements FrameSink {
        final List<String> events = new CopyOnWriteArrayList<>();
        final List<List<String>> batches = new CopyOnWriteArrayList<>();
        final CountDownLatch sending = new CountDownLatch(1);
        final CountDownLatch closed = new CountDownLatch(1);
        final CountDownLatch interrupted = new CountDownLatch(1);
        private final CountDownLatch gate;
        volatile boolean broken;

        RecordingSink(CountDownLatch gate) {
            this.gate = gate;
        }

        @Override
        public void text(String frame) {
            events.add(frame);
            sending.countDown();
            if (gate != null) {
                try {
                    gate.await();
                } catch (InterruptedException e) {
                    interrupted.countDown();
                    throw new IllegalStateException("socket closed under the write");
                }
            }
        }

        @Override
        public void texts(List<String> frames) {
            batches.add(List.copyOf(frames));
            frames.forEach(this::text);
        }

        @Override
        public void pong(byte[] payload) {
            events.add("pong");
        }

        @Override
        public void ping() {
            if (broken) {
                throw new java.io.UncheckedIOException(new java.io.IOException("Broken pipe"));
            }
            events.add("ping");
        }

        @Override
        public void close(int code, String reason) {
            events.add("close " + code);
            closed.countDown();
        }

        @Override
        public void abort() {
            events.add("abort");
        }
    }
}
