package io.jrtc.spring.autoconfigure.diagnostics;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks at startup that a configured UDP port range is usable, so a wrong range fails the application with an
 * explanation instead of failing every later peer connection.
 */
public final class PortRangeProbe {
    /** Ports tried per address before the range counts as unavailable; a busy range is rarely busier. */
    private static final int MAX_ATTEMPTS = 64;

    private PortRangeProbe() {
    }

    /**
     * @param bindAddresses the addresses that will be bound; empty means the wildcard address
     * @throws PortRangeUnavailableException when the range is invalid or no port binds on some address
     */
    public static void check(int min, int max, List<InetAddress> bindAddresses) {
        if (min == 0 && max == 0) {
            return;
        }
        if (min < 1 || max > 65535 || min > max) {
            throw new PortRangeUnavailableException(min, max, "any address",
                    "the range must satisfy 1 <= min <= max <= 65535", null);
        }
        List<InetSocketAddress> targets = new ArrayList<>();
        if (bindAddresses.isEmpty()) {
            targets.add(new InetSocketAddress(0));
        } else {
            for (InetAddress address : bindAddresses) {
                targets.add(new InetSocketAddress(address, 0));
            }
        }
        for (InetSocketAddress target : targets) {
            probe(min, max, target);
        }
    }

    private static void probe(int min, int max, InetSocketAddress target) {
        IOException last = null;
        int attempts = Math.min(MAX_ATTEMPTS, max - min + 1);
        for (int i = 0; i < attempts; i++) {
            int port = min + i;
            try (DatagramSocket socket = new DatagramSocket(null)) {
                socket.bind(new InetSocketAddress(target.getAddress(), port));
                return;
            } catch (IOException e) {
                last = e;
            }
        }
        String address = target.getAddress().isAnyLocalAddress() ? "the wildcard address"
                : target.getAddress().getHostAddress();
        throw new PortRangeUnavailableException(min, max, address,
                "no free port among the first " + attempts + " (" + last.getMessage() + ")", last);
    }
}
