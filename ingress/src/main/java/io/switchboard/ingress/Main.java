package io.switchboard.ingress;

import io.switchboard.ingress.http.Readiness;
import java.time.Clock;

/** Starts one ingress node from the SB_* environment variables and stops it on shutdown. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        IngressServer server = IngressServer.start(IngressConfig.fromEnv(System.getenv()), Readiness.standalone(),
                Clock.systemUTC());
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "ingress-shutdown"));
    }
}
