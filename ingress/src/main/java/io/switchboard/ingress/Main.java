package io.switchboard.ingress;

/** Starts one ingress node from the SB_* environment variables and stops it on shutdown. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        IngressServer server = IngressServer.start(IngressConfig.fromEnv(System.getenv()));
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "ingress-shutdown"));
    }
}
