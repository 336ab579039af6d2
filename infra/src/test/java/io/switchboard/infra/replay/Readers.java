package io.switchboard.infra.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.infra.it.Api;
import io.switchboard.infra.it.SystemHarness;

/** What readers get from ingress, which reads the live schema: the history a client pages through. */
final class Readers {
    private Readers() {
    }

    static String history(SystemHarness system, ChatTraffic.Outcome traffic) {
        Api.Response response = system.api(0).get(
                "/api/conversations/" + traffic.group() + "/messages?limit=100", traffic.reader().token());
        assertThat(response.status()).as("history: %s", response.body()).isEqualTo(200);
        return response.body();
    }
}
