package io.switchboard.ingress.ws;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Which web pages may open a socket ({@code Origin} of the WebSocket upgrade). Browsers send Origin and let
 * any page connect anywhere, so without this a page on another site could act on the node with its
 * visitor's reach (a dev node on their machine, say). The page's own origin (Origin host:port equal to
 * the Host header) is always allowed, so the web client served at {@code /} works; a request without
 * Origin comes from something other than a browser and is allowed; dev mode allows local pages too.
 *
 * @param anyOrigin {@code SB_ALLOWED_ORIGINS=*}
 * @param listed    {@code SB_ALLOWED_ORIGINS}, each normalized to {@code scheme://host:port}
 * @param local     dev mode: pages on localhost, 127.0.0.1 or [::1], any port
 */
public record OriginPolicy(boolean anyOrigin, Set<String> listed, boolean local) {

    public OriginPolicy {
        listed = Set.copyOf(listed);
    }

    /** @param configured {@code SB_ALLOWED_ORIGINS}: null for the default, {@code *}, or a comma-separated list */
    public static OriginPolicy of(String configured, boolean devMode) {
        if (configured != null && configured.strip().equals("*")) {
            return new OriginPolicy(true, Set.of(), devMode);
        }
        Set<String> listed = new LinkedHashSet<>();
        if (configured != null) {
            for (String part : configured.split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                Origin origin = Origin.parse(part.strip());
                if (origin == null) {
                    throw new IllegalArgumentException("SB_ALLOWED_ORIGINS must list origins such as "
                            + "https://chat.example.com or http://localhost:3000 (no path), or be *; got " + part.strip());
                }
                listed.add(origin.normalized());
            }
        }
        return new OriginPolicy(false, listed, devMode);
    }

    /** Same origin only: what a production node does unless told otherwise. */
    public static OriginPolicy sameOrigin() {
        return new OriginPolicy(false, Set.of(), false);
    }

    /** @param origin the Origin header, null when absent; @param host the Host header, null when absent */
    public boolean allows(String origin, String host) {
        if (origin == null || anyOrigin) {
            return true;
        }
        Origin parsed = Origin.parse(origin);
        if (parsed == null) {
            return false;
        }
        if (listed.contains(parsed.normalized()) || local && parsed.isLocal()) {
            return true;
        }
        return host != null && parsed.authority().equals(Origin.authority(parsed.scheme(), host));
    }

    /** An origin as browsers send it: scheme, host, and a port only when not the scheme's default. */
    private record Origin(String scheme, String host, int port) {

        static Origin parse(String text) {
            try {
                URI uri = new URI(text);
                String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
                boolean bare = uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/");
                if (!"http".equals(scheme) && !"https".equals(scheme) || uri.getHost() == null || !bare
                        || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
                    return null;
                }
                int port = uri.getPort() == -1 ? defaultPort(scheme) : uri.getPort();
                return new Origin(scheme, uri.getHost().toLowerCase(Locale.ROOT), port);
            } catch (URISyntaxException e) {
                return null;
            }
        }

        String normalized() {
            return scheme + "://" + authority();
        }

        String authority() {
            return host + ":" + port;
        }

        boolean isLocal() {
            return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
        }

        /** The Host header as {@code host:port}, with the scheme's default port when it names none. */
        static String authority(String scheme, String hostHeader) {
            Origin asOrigin = parse(scheme + "://" + hostHeader.strip());
            return asOrigin == null ? "" : asOrigin.authority();
        }

        private static int defaultPort(String scheme) {
            return scheme.equals("https") ? 443 : 80;
        }
    }
}
