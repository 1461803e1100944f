package io.jrtc.pc;

import io.jrtc.net.PortRange;
import java.net.InetAddress;
import java.util.List;
import java.util.Objects;

/**
 * Settings of an {@link RtcEngine}: every knob that is not part of the W3C configuration, in one place. Each
 * protocol's knobs are a record of their own ({@link IceSettings}, {@link SctpSettings}, {@link DtlsSettings},
 * {@link RtpSettings}), validated when built; {@link #defaults()} gives browsers' values.
 *
 * @param eventLoopThreads    event-loop threads; 0 means one per core
 * @param minPort             lowest UDP port for host candidates; 0 with maxPort 0 means ephemeral ports
 * @param maxPort             highest UDP port for host candidates
 * @param bindAddresses       addresses to gather host candidates on; empty means every up interface
 * @param includeLoopback     whether loopback addresses are gathered too (browsers never offer them)
 * @param announcedAddresses  extra addresses announced as host candidates, e.g. a public IP in front of a NAT
 * @param ice                 ICE timers and limits
 * @param sctp                SCTP window, retransmission timers and limits of data channels
 * @param dtls                DTLS handshake timers
 * @param rtp                 RTP retransmission history and jitter buffers
 * @param sharedPorts         the ports answered connections share; none by default
 * @param hideHostAddresses   whether host candidates are signalled as random {@code <uuid>.local} names that an
 *                            mDNS responder answers for, instead of their addresses, as browsers do
 *                            (draft-ietf-mmusic-mdns-ice-candidates); off by default, as a server's addresses are
 *                            what its clients must reach; turn it on for client use on a LAN
 * @param activeTcpCandidates whether the connections that offer also gather an active ICE-TCP candidate per address
 *                            (RFC 6544), which opens a stream to a peer's passive TCP candidate: how a client whose
 *                            UDP is blocked reaches a server with {@link SharedPorts#tcpPort()}; off by default
 */
public record RtcEngineSettings(int eventLoopThreads, int minPort, int maxPort, List<InetAddress> bindAddresses,
                                boolean includeLoopback, List<String> announcedAddresses, IceSettings ice,
                                SctpSettings sctp, DtlsSettings dtls, RtpSettings rtp,
                                SharedPorts sharedPorts, boolean hideHostAddresses, boolean activeTcpCandidates) {
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
        Objects.requireNonNull(ice, "ice");
        Objects.requireNonNull(sctp, "sctp");
        Objects.requireNonNull(dtls, "dtls");
        Objects.requireNonNull(rtp, "rtp");
        Objects.requireNonNull(sharedPorts, "sharedPorts");
    }

    private static boolean isIpLiteral(String address) {
        return address.matches("\\d{1,3}(\\.\\d{1,3}){3}") || address.contains(":") && address.matches("[0-9a-fA-F:.]+");
    }

    public static RtcEngineSettings defaults() {
        return new RtcEngineSettings(0, 0, 0, List.of(), false, List.of(), IceSettings.defaults(),
                SctpSettings.defaults(), DtlsSettings.defaults(), RtpSettings.defaults(), SharedPorts.none(),
                false, false);
    }

    public PortRange portRange() {
        return new PortRange(minPort, maxPort);
    }

    public RtcEngineSettings withPortRange(int min, int max) {
        return new RtcEngineSettings(eventLoopThreads, min, max, bindAddresses, includeLoopback, announcedAddresses,
                ice, sctp, dtls, rtp, sharedPorts, hideHostAddresses, activeTcpCandidates);
    }

    public RtcEngineSettings withBindAddresses(List<InetAddress> addresses) {
        return new RtcEngineSettings(eventLoopThreads, minPort, maxPort, addresses, includeLoopback,
                announcedAddresses, ice, sctp, dtls, rtp, sharedPorts, hideHostAddresses, activeTcpCandidates);
    }

    public RtcEngineSettings withIncludeLoopback(boolean include) {
        return new RtcEngineSettings(eventLoopThreads, minPort, maxPort, bindAddresses, include, announcedAddresses,
                ice, sctp, dtls, rtp, sharedPorts, hideHostAddresses, activeTcpCandidates);
    }

    public RtcEngineSettings withEventLoopThreads(int threads) {
        return new RtcEngineSettings(threads, minPort, maxPort, bindAddresses, includeLoopback, announcedAddresses,
                ice, sctp, dtls, rtp, sharedPorts, hideHostAddresses, activeTcpCandidates);
    }

    public RtcEngineSettings withAnnouncedAddresses(List<String> addresses) {
        return new RtcEngineSettings(eventLoopThreads, minPort, maxPort, bindAddresses, includeLoopback, addresses,
                ice, sctp, dtls, rtp, sharedPorts, hideHostAddresses, activeTcpCandidates);
    }

    public RtcEngineSettings withIce(IceSettings settings) {
        return new RtcEngineSettings(eventLoopThreads, minPort, maxPort, bindAddresses, includeLoopback,
                announcedAddresses, settings, sctp, dtls, rtp, sharedPorts, hideHostAddresses, activeTcpCandidates);
    }

    public RtcEngineSettings withSctp(SctpSettings settings) {
        return new RtcEngineSettings(eventLoopThreads, minPort, maxPort, bindAddresses, includeLoopback,
                announcedAddresses, ice, settings, dtls, rtp, sharedPorts, hideHostAddresses, activeTcpCandidates);
    }

    public RtcEngineSettings withDtls(DtlsSettings settings) {
        return new RtcEngineSettings(eventLoopThreads, minPort, maxPort, bindAddresses, includeLoopback,
                announcedAddresses, ice, sctp, settings, rtp, sharedPorts, hideHostAddresses, activeTcpCandidates);
    }

    public RtcEngineSettings withRtp(RtpSettings settings) {
        return new RtcEngineSettings(eventLoopThreads, minPort, maxPort, bindAddresses, includeLoopback,
                announcedAddresses, ice, sctp, dtls, settings, sharedPorts, hideHostAddresses, activeTcpCandidates);
    }

    /** These settings with host addresses hidden behind mDNS names, or shown; see {@code hideHostAddresses}. */
    public RtcEngineSettings withHideHostAddresses(boolean hide) {
        return new RtcEngineSettings(eventLoopThreads, minPort, maxPort, bindAddresses, includeLoopback,
                announcedAddresses, ice, sctp, dtls, rtp, sharedPorts, hide, activeTcpCandidates);
    }

    public RtcEngineSettings withSharedPorts(SharedPorts ports) {
        return new RtcEngineSettings(eventLoopThreads, minPort, maxPort, bindAddresses, includeLoopback,
                announcedAddresses, ice, sctp, dtls, rtp, ports, hideHostAddresses, activeTcpCandidates);
    }

    /**
     * Answered connections share one UDP port per address ({@code 0}: a free one per address), served by one
     * socket per event loop; {@link SharedPorts#OFF} gives every connection its own sockets again.
     */
    /**
     * Answered connections offer a passive ICE-TCP candidate (RFC 6544) on one shared TCP port per address
     * ({@code port}, 0 for a free one), besides their UDP candidates: how peers whose UDP is blocked get in without
     * TURN. {@link SharedPorts#OFF} (the default) offers none.
     */
    public RtcEngineSettings withSharedTcpPort(int port) {
        return withSharedPorts(sharedPorts.withTcpPort(port));
    }

    /** See {@link #activeTcpCandidates()}. */
    public RtcEngineSettings withActiveTcpCandidates(boolean active) {
        return new RtcEngineSettings(eventLoopThreads, minPort, maxPort, bindAddresses, includeLoopback,
                announcedAddresses, ice, sctp, dtls, rtp, sharedPorts, hideHostAddresses, active);
    }

    public RtcEngineSettings withSharedUdpPort(int port) {
        return withSharedPorts(sharedPorts.withUdpPort(port));
    }
}
