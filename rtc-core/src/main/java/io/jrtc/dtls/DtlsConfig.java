package io.jrtc.dtls;

import java.time.Duration;
import java.util.Objects;

/**
 * Tunables of a {@link DtlsEndpoint}.
 *
 * @param handshakeTimeout how long the whole handshake may take, counted from when the handshake task starts
 * @param initialRetransmitTimeout first handshake retransmission timer, doubled on each retransmission (RFC 6347
 *     §4.2.4.1 recommends 1 s)
 * @param mtu largest UDP payload the handshake sends: BouncyCastle fragments handshake messages to fit it (RFC 6347
 *     §4.1.1.1); WebRTC uses 1200
 */
public record DtlsConfig(Duration handshakeTimeout, Duration initialRetransmitTimeout, int mtu) {
    /** Largest datagram accepted from the network; application records must fit it too. */
    public static final int MAX_DATAGRAM_SIZE = 2048;
    /** Smallest MTU: a handshake fragment must carry its record and message headers and some body. */
    public static final int MIN_MTU = 256;

    /** 30 s handshake limit, 1 s initial retransmission, 1200-byte datagrams. */
    public static final DtlsConfig DEFAULT = new DtlsConfig(Duration.ofSeconds(30), Duration.ofSeconds(1), 1200);

    public DtlsConfig {
        Objects.requireNonNull(handshakeTimeout, "handshakeTimeout");
        Objects.requireNonNull(initialRetransmitTimeout, "initialRetransmitTimeout");
        requireMillis(handshakeTimeout, "handshakeTimeout");
        requireMillis(initialRetransmitTimeout, "initialRetransmitTimeout");
        if (mtu < MIN_MTU || mtu > MAX_DATAGRAM_SIZE) {
            throw new IllegalArgumentException("mtu must be in [" + MIN_MTU + ", " + MAX_DATAGRAM_SIZE + "]: " + mtu);
        }
    }

    public DtlsConfig withHandshakeTimeout(Duration timeout) {
        return new DtlsConfig(timeout, initialRetransmitTimeout, mtu);
    }

    public DtlsConfig withInitialRetransmitTimeout(Duration timeout) {
        return new DtlsConfig(handshakeTimeout, timeout, mtu);
    }

    public DtlsConfig withMtu(int newMtu) {
        return new DtlsConfig(handshakeTimeout, initialRetransmitTimeout, newMtu);
    }

    int handshakeTimeoutMillis() {
        return (int) handshakeTimeout.toMillis();
    }

    int initialRetransmitMillis() {
        return (int) initialRetransmitTimeout.toMillis();
    }

    private static void requireMillis(Duration duration, String name) {
        if (duration.toMillis() < 1 || duration.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + " must be between 1 ms and 24 days: " + duration);
        }
    }
}
