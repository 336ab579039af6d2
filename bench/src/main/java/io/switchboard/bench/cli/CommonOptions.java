package io.switchboard.bench.cli;

import java.net.URI;
import java.util.List;

/**
 * The ingress nodes a scenario talks to.
 *
 * @param ingress base URLs of the nodes ({@code http://host:port}); clients spread over the first {@code nodes}
 */
public record CommonOptions(List<URI> ingress, int nodes) {
    public static final URI DEFAULT_INGRESS = URI.create("http://127.0.0.1:8080");

    public CommonOptions {
        ingress = List.copyOf(ingress);
        if (ingress.isEmpty()) {
            throw new IllegalArgumentException("--ingress needs at least one URL");
        }
        for (URI uri : ingress) {
            if (!"http".equals(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 0) {
                throw new IllegalArgumentException("--ingress URLs look like http://127.0.0.1:8080, was " + uri);
            }
        }
        if (nodes < 1 || nodes > ingress.size()) {
            throw new IllegalArgumentException("--nodes must be 1.." + ingress.size() + " (the --ingress URLs given), was " + nodes);
        }
    }

    public static CommonOptions from(Args args) {
        List<URI> ingress = args.uris("ingress", List.of(DEFAULT_INGRESS));
        return new CommonOptions(ingress, args.integer("nodes", ingress.size()));
    }

    /** The nodes clients connect to. */
    public List<URI> activeNodes() {
        return ingress.subList(0, nodes);
    }
}
