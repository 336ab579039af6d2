package io.switchboard.processor.relay;

/** Where the relay loop delivers a batch; Redis in production, a fake in loop tests. */
public interface BatchPublisher extends AutoCloseable {

    /** @throws RuntimeException when the batch was not (entirely) accepted; the loop retries it whole */
    void publish(RelayBatch batch);

    @Override
    void close();
}
