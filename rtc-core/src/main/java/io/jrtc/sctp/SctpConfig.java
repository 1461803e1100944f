package io.jrtc.sctp;

/**
 * Settings of one SCTP association over DTLS (RFC 8261).
 *
 * @param localPort                 our SCTP port (SDP {@code a=sctp-port}, 5000 by default)
 * @param remotePort                the peer's SCTP port
 * @param receiveWindow             bytes we advertise as a_rwnd and buffer at most (out-of-order data plus
 *                                  messages not yet taken with {@link SctpAssociation#pollEvent()})
 * @param mtu                       largest SCTP packet we send, common header included
 * @param maxInboundStreams         streams we accept (MIS in INIT)
 * @param maxOutboundStreams        streams we ask for (OS in INIT)
 * @param maxMessageSize            largest message we send or accept (SDP {@code a=max-message-size}); 0 means
 *                                  unlimited
 * @param rtoInitialNanos           RTO.Initial (RFC 9260 §16)
 * @param rtoMinNanos               RTO.Min; above the peer's 200 ms delayed SACK so a lone chunk is not
 *                                  retransmitted spuriously
 * @param rtoMaxNanos               RTO.Max
 * @param maxInitRetransmits        Max.Init.Retransmits: INIT / COOKIE ECHO attempts before giving up
 * @param maxAssociationRetransmits Association.Max.Retrans: consecutive timeouts before the peer is declared dead
 * @param heartbeatIntervalNanos    HB.interval on an idle association; 0 disables heartbeats
 * @param randomSeed                seeds tags, initial TSN and heartbeat nonces for reproducible tests; 0 draws them
 *                                  from {@link java.security.SecureRandom}
 */
public record SctpConfig(int localPort, int remotePort, long receiveWindow, int mtu, int maxInboundStreams,
                         int maxOutboundStreams, long maxMessageSize, long rtoInitialNanos, long rtoMinNanos,
                         long rtoMaxNanos, int maxInitRetransmits, int maxAssociationRetransmits,
                         long heartbeatIntervalNanos, long randomSeed) {

    public static final int DEFAULT_PORT = 5000;
    private static final long MS = 1_000_000L;

    public SctpConfig {
        requireRange("localPort", localPort, 1, 65535);
        requireRange("remotePort", remotePort, 1, 65535);
        requireRange("mtu", mtu, 256, 65535);
        requireRange("maxInboundStreams", maxInboundStreams, 1, 65535);
        requireRange("maxOutboundStreams", maxOutboundStreams, 1, 65535);
        if (receiveWindow < 1500 || receiveWindow > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("receiveWindow must be in [1500, 2^32-1]: " + receiveWindow);
        }
        if (maxMessageSize < 0) {
            throw new IllegalArgumentException("maxMessageSize must be >= 0");
        }
        if (rtoMinNanos <= 0 || rtoMaxNanos < rtoMinNanos || rtoInitialNanos <= 0) {
            throw new IllegalArgumentException("need 0 < rtoMin <= rtoMax and rtoInitial > 0");
        }
        if (maxInitRetransmits < 0 || maxAssociationRetransmits < 0 || heartbeatIntervalNanos < 0) {
            throw new IllegalArgumentException("retransmission limits and heartbeat interval must be >= 0");
        }
    }

    /** WebRTC defaults: port 5000, 4 MiB window, 1200-byte packets, 65535 streams, 256 KiB messages. */
    public static SctpConfig defaults() {
        return new SctpConfig(DEFAULT_PORT, DEFAULT_PORT, 4L << 20, 1200, 65535, 65535, 256L << 10, 1000 * MS,
                220 * MS, 10_000 * MS, 8, 10, 30_000 * MS, 0);
    }

    public SctpConfig withRandomSeed(long seed) {
        return new SctpConfig(localPort, remotePort, receiveWindow, mtu, maxInboundStreams, maxOutboundStreams,
                maxMessageSize, rtoInitialNanos, rtoMinNanos, rtoMaxNanos, maxInitRetransmits,
                maxAssociationRetransmits, heartbeatIntervalNanos, seed);
    }

    public SctpConfig withReceiveWindow(long window) {
        return new SctpConfig(localPort, remotePort, window, mtu, maxInboundStreams, maxOutboundStreams,
                maxMessageSize, rtoInitialNanos, rtoMinNanos, rtoMaxNanos, maxInitRetransmits,
                maxAssociationRetransmits, heartbeatIntervalNanos, randomSeed);
    }

    public SctpConfig withMaxMessageSize(long size) {
        return new SctpConfig(localPort, remotePort, receiveWindow, mtu, maxInboundStreams, maxOutboundStreams,
                size, rtoInitialNanos, rtoMinNanos, rtoMaxNanos, maxInitRetransmits, maxAssociationRetransmits,
                heartbeatIntervalNanos, randomSeed);
    }

    public SctpConfig withMtu(int packetSize) {
        return new SctpConfig(localPort, remotePort, receiveWindow, packetSize, maxInboundStreams,
                maxOutboundStreams, maxMessageSize, rtoInitialNanos, rtoMinNanos, rtoMaxNanos, maxInitRetransmits,
                maxAssociationRetransmits, heartbeatIntervalNanos, randomSeed);
    }

    public SctpConfig withHeartbeatIntervalNanos(long interval) {
        return new SctpConfig(localPort, remotePort, receiveWindow, mtu, maxInboundStreams, maxOutboundStreams,
                maxMessageSize, rtoInitialNanos, rtoMinNanos, rtoMaxNanos, maxInitRetransmits,
                maxAssociationRetransmits, interval, randomSeed);
    }

    public SctpConfig withRto(long initialNanos, long minNanos, long maxNanos) {
        return new SctpConfig(localPort, remotePort, receiveWindow, mtu, maxInboundStreams, maxOutboundStreams,
                maxMessageSize, initialNanos, minNanos, maxNanos, maxInitRetransmits, maxAssociationRetransmits,
                heartbeatIntervalNanos, randomSeed);
    }

    public SctpConfig withStreams(int inbound, int outbound) {
        return new SctpConfig(localPort, remotePort, receiveWindow, mtu, inbound, outbound, maxMessageSize,
                rtoInitialNanos, rtoMinNanos, rtoMaxNanos, maxInitRetransmits, maxAssociationRetransmits,
                heartbeatIntervalNanos, randomSeed);
    }

    private static void requireRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "]: " + value);
        }
    }
}
