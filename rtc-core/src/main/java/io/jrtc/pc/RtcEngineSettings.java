package io.jrtc.pc;

import io.jrtc.net.PortRange;
import java.net.InetAddress;
import java.util.List;

/**
 * Settings of an {@link RtcEngine}: the knobs that are not part of the W3C configuration.
 *
 * @param eventLoopThreads    event-loop threads; 0 means one per core
 * @param minPort             lowest UDP port for host candidates; 0 with maxPort 0 means ephemeral ports
 * @param maxPort             highest UDP port for host candidates
 * @param bindAddresses       addresses to gather host candidates on; empty means every up interface
 * @param includeLoopback     whether loopback addresses are gathered too (browsers never offer them)
 * @param announcedAddresses  extra addresses announced as host candidates, e.g. a public IP in front of a NAT
 */
public record RtcEngineSettings(int eventLoopThreads, int minPort, int maxPort, List<InetAddress> bindAddresses,
                                boolean includeLoopback, List<String> announcedAddresses) {
    public RtcEngineSettings {
        bindAddresses = List.copyOf(bindAddresses);
        announcedAddresses = List.copyOf(announcedAddresses);
        new PortRange(minPort, maxPort);
        for (String address : announcedAddresses) {
            if (!isIpLiteral(address)) {
                throw new IllegalArgumentException("announced address '" + address + "' is not an IP literal");
            }
        }
        if (eventLoopThreads < 0) {
            throw new IllegalArgumentException("eventLoopThreads must be >= 0");
        }
    }

    private static boolean isIpLiteral(String address) {
        return address.matches("\\d{1,3}(\\.\\d{1,3}){3}") || address.contains(":") && address.matches("[0-9a-fA-F:.]+");
    }

    public static RtcEngineSettings defaults() {
        return new RtcEngineSettings(0, 0, 0, List.of(), false, List.of());
    }

    public PortRange portRange() {
        return new PortRange(minPort, maxPort);
    }

    public RtcEngineSettings withPortRange(int min, int max) {
        return new RtcEngineSettings(eventLoopThreads, min, max, bindAddresses, includeLoopback, announcedAddresses);
    }

    public RtcEngineSettings withBindAddresses(List<InetAddress> addresses) {
        return new RtcEngineSettings(eventLoopThreads, minPort, maxPort, addresses, includeLoopback, announcedAddresses);
    }

    public RtcEngineSettings withIncludeLoopback(boolean include) {
        return new RtcEngineSettings(eventLoopThreads, minPort, maxPort, bindAddresses, include, announcedAddresses);
    }

    public RtcEngineSettings withEventLoopThreads(int threads) {
        return new RtcEngineSettings(threads, minPort, maxPort, bindAddresses, includeLoopback, announcedAddresses);
    }

    public RtcEngineSettings withAnnouncedAddresses(List<String> addresses) {
        return new RtcEngineSettings(eventLoopThreads, minPort, maxPort, bindAddresses, includeLoopback, addresses);
    }
}
