package io.jrtc.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The addresses host candidates are gathered on: every up interface, IPv4 and IPv6, loopback when asked. */
public final class LocalAddresses {
    private LocalAddresses() {
    }

    public static List<InetAddress> discover(boolean includeLoopback) {
        List<InetAddress> found = new ArrayList<>();
        try {
            for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nif.isUp() || (nif.isLoopback() && !includeLoopback)) {
                    continue;
                }
                for (InetAddress address : Collections.list(nif.getInetAddresses())) {
                    if (usable(address, includeLoopback)) {
                        found.add(address);
                    }
                }
            }
        } catch (SocketException e) {
            return List.of();
        }
        // IPv4 first: peers pair IPv4 candidates most readily.
        found.sort((a, b) -> Boolean.compare(a instanceof Inet6Address, b instanceof Inet6Address));
        return found;
    }

    private static boolean usable(InetAddress address, boolean includeLoopback) {
        if (address.isLoopbackAddress()) {
            return includeLoopback;
        }
        if (address.isLinkLocalAddress() || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        return address instanceof Inet4Address || address instanceof Inet6Address;
    }
}
