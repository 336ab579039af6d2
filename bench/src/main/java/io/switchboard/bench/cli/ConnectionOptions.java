package io.switchboard.bench.cli;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Idle sockets held against the first ingress node.
 *
 * @param sourceAddresses local addresses sockets are spread over: each gives about 28,000 ephemeral ports
 *                        towards one server port, so more sockets than that need several (127.0.0.x all work)
 * @param hold            how long the sockets stay open, idle, before memory is read and they are counted again
 * @param ingressPid      the node's process for RSS; 0 finds it as the owner of the node's listening port
 */
public record ConnectionOptions(int sockets, List<InetAddress> sourceAddresses, Duration hold,
                                int connectConcurrency, long ingressPid) {
    public ConnectionOptions {
        sourceAddresses = List.copyOf(sourceAddresses);
        LoadOptions.require(sockets >= 1, "--sockets must be at least 1, was " + sockets);
        LoadOptions.require(!sourceAddresses.isEmpty(), "--source-addresses must name at least one address");
        LoadOptions.require(!hold.isNegative(), "--hold must not be negative");
        LoadOptions.require(connectConcurrency >= 1, "--connect-concurrency must be at least 1");
        LoadOptions.require(ingressPid >= 0, "--ingress-pid must be a pid, was " + ingressPid);
    }

    public static ConnectionOptions from(Args args) {
        return new ConnectionOptions(
                args.integer("sockets", 20_000),
                addresses(args.string("source-addresses", "127.0.0.1")),
                args.duration("hold", Duration.ofSeconds(10)),
                args.integer("connect-concurrency", 64),
                Long.parseLong(args.string("ingress-pid", "0")));
    }

    /** Either a list of addresses or a count n meaning 127.0.0.1 .. 127.0.0.n. */
    static List<InetAddress> addresses(String value) {
        try {
            if (value.matches("\\d{1,3}")) {
                int n = Integer.parseInt(value);
                LoadOptions.require(n >= 1 && n <= 254, "--source-addresses as a count must be 1..254, was " + n);
                List<InetAddress> out = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    out.add(InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) i}));
                }
                return out;
            }
            List<InetAddress> out = new ArrayList<>();
            for (String part : value.split(",")) {
                out.add(InetAddress.getByName(part.trim()));
            }
            return out;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--source-addresses: " + e.getMessage(), e);
        }
    }
}
