package io.switchboard.infra.replay;

import io.switchboard.infra.it.SystemHarness;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The start of every test where a replay runs beside the live sink: chat traffic plus a long history,
 * all stored by the live sink, and the schemas the replay leaves behind (its target and the retired
 * live one), dropped after each test so the next one finds only {@code sb}. Register per test instance,
 * after the class's {@link SystemHarness}.
 */
final class LiveReplayFixture implements AfterEachCallback {
    /**
     * Several polls' worth (a poll brings at most 500 records), so a replay has a "halfway" and lasts
     * long enough to leave a window for concurrent writes.
     */
    static final int HISTORY = 1_500;

    private final SystemHarness system;
    private final Operator operator;
    private String target;
    private String retired;

    LiveReplayFixture(SystemHarness system) {
        this.system = system;
        this.operator = new Operator(system);
    }

    Operator operator() {
        return operator;
    }

    /** Runs the chat traffic, then adds {@link #HISTORY} messages, and waits until the live sink stored all. */
    ChatTraffic.Outcome trafficWithHistory() {
        ChatTraffic.Outcome traffic = ChatTraffic.run(system);
        traffic.expected().addAll(HistoryFlood.produce(system.kafka().bootstrapServers(), HISTORY))
                .awaitStoredIn(operator.live());
        return traffic;
    }

    /** The schema a replay rebuilds into; dropped after the test. */
    String target() {
        target = operator.live() + "_rebuild";
        return target;
    }

    /** Notes the schema a switch retired, so it is dropped after the test; @return it */
    String retired(String schema) {
        retired = schema;
        return schema;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Sql.dropSchema(target);
        Sql.dropSchema(retired);
    }
}
