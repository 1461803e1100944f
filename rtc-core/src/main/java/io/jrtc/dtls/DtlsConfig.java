package io.jrtc.dtls;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Tunables of a {@link DtlsEndpoint}.
 *
 * @param handshakeTimeout how long the whole handshake may take, counted from {@link DtlsEndpoint#start(long)}
 * @param initialRetransmitTimeout first handshake retransmission timer, doubled on each retransmission (RFC 6347
 *     §4.2.4.1 recommends 1 s)
 * @param mtu largest UDP payload the handshake sends: BouncyCastle fragments handshake messages to fit it (RFC 6347
 *     §4.1.1.1); WebRTC uses 1200
 * @param srtpProfiles the DTLS-SRTP protection profiles (RFC 5764 §4.1.2) a client offers, in this order, and a server
 *     chooses from, the first one the client offered; all of {@link SrtpProtectionProfile#PREFERENCE} by default
 */
public record DtlsConfig(Duration handshakeTimeout, Duration initialRetransmitTimeout, int mtu,
                         List<Integer> srtpProfiles) {
    /** Largest datagram accepted from the network; application records must fit it too. */
    public static final int MAX_DATAGRAM_SIZE = 2048;
    /** Smallest MTU: a handshake fragment must carry its record and message headers and some body. */
    public static final int MIN_MTU = 256;

    /** 30 s handshake limit, 1 s initial retransmission, 1200-byte datagrams. */
    public static final DtlsConfig DEFAULT = new DtlsConfig(Duration.ofSeconds(30), Duration.ofSeconds(1), 1200,
        SrtpProtectionProfile.PREFERENCE);

    public DtlsConfig {
        Objects.requireNonNull(handshakeTimeout, "handshakeTimeout");
        Objects.requireNonNull(initialRetransmitTimeout, "initialRetransmitTimeout");
        requireMillis(handshakeTimeout, "handshakeTimeout");
        requireMillis(initialRetransmitTimeout, "initialRetransmitTimeout");
        if (mtu < MIN_MTU || mtu > MAX_DATAGRAM_SIZE) {
            throw new IllegalArgumentException("mtu must be in [" + MIN_MTU + ", " + MAX_DATAGRAM_SIZE + "]: " + mtu);
        }
        srtpProfiles = List.copyOf(srtpProfiles);
        if (srtpProfiles.isEmpty() || srtpProfiles.stream().anyMatch(p -> !SrtpProtectionProfile.isKnown(p))
            || srtpProfiles.stream().distinct().count() != srtpProfiles.size()) {
            throw new IllegalArgumentException("srtpProfiles must be distinct known profiles, at least one: "
                + srtpProfiles);
        }
    }

    public DtlsConfig withHandshakeTimeout(Duration timeout) {
        return new DtlsConfig(timeout, initialRetransmitTimeout, mtu, srtpProfiles);
    }

    public DtlsConfig withInitialRetransmitTimeout(Duration timeout) {
        return new DtlsConfig(handshakeTimeout, timeout, mtu, srtpProfiles);
    }

    public DtlsConfig withMtu(int newMtu) {
        return new DtlsConfig(handshakeTimeout, initialRetransmitTimeout, newMtu, srtpProfiles);
    }

    public DtlsConfig withSrtpProfiles(List<Integer> profiles) {
        return new DtlsConfig(handshakeTimeout, initialRetransmitTimeout, mtu, profiles);
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
