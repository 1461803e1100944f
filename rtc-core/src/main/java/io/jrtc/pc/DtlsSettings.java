package io.jrtc.pc;

import static io.jrtc.pc.SettingsChecks.positive;

import io.jrtc.dtls.SrtpProtectionProfile;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * DTLS knobs of every connection of an engine (RFC 6347), and of the engine's handshake pool.
 *
 * <p>BouncyCastle's handshake blocks a thread while it waits for the peer's flights, so handshakes run on a pool of
 * their own. A handshake takes a thread only once there is work for it (as server: once the peer's ClientHello has
 * arrived), and gives it back when it ends; at most {@code handshakeThreads} run at once and at most
 * {@code handshakeQueue} wait for a thread. A handshake that finds the queue full fails at once, so that a burst of
 * connections costs neither unbounded threads nor an unbounded wait.
 *
 * @param handshakeTimeout         how long a handshake may take before the transport fails, counted from when ICE
 *                                 connects and the handshake is due, whether it waits for the peer or for a thread;
 *                                 30 s
 * @param initialRetransmitTimeout first handshake retransmission timer, doubled on each retransmission (RFC 6347
 *                                 §4.2.4.1 recommends 1 s); 1 s
 * @param handshakeThreads         handshakes in flight at once, each on a thread of the engine's pool;
 *                                 max(16, 4 x cores)
 * @param handshakeQueue           handshakes waiting for a thread, beyond which a handshake fails at once; 256
 * @param srtpProfiles             the DTLS-SRTP protection profiles (RFC 5764 §4.1.2, RFC 7714 §14.2) by their RFC
 *                                 names, most preferred first: what we offer as DTLS client, in this order, and
 *                                 choose from as server; all four we implement by default,
 *                                 {@code SRTP_AEAD_AES_256_GCM}, {@code SRTP_AEAD_AES_128_GCM},
 *                                 {@code SRTP_AES128_CM_HMAC_SHA1_80}, {@code SRTP_AES128_CM_HMAC_SHA1_32}
 */
public record DtlsSettings(Duration handshakeTimeout, Duration initialRetransmitTimeout, int handshakeThreads,
                           int handshakeQueue, List<String> srtpProfiles) {
    public DtlsSettings {
        positive("dtls handshakeTimeout", handshakeTimeout);
        positive("dtls initialRetransmitTimeout", initialRetransmitTimeout);
        SettingsChecks.ordered("dtls initialRetransmitTimeout", initialRetransmitTimeout, "dtls handshakeTimeout",
                handshakeTimeout);
        SettingsChecks.range("dtls handshakeThreads", handshakeThreads, 1, 4096);
        SettingsChecks.range("dtls handshakeQueue", handshakeQueue, 0, 1_000_000);
        srtpProfiles = List.copyOf(Objects.requireNonNull(srtpProfiles, "dtls srtpProfiles"));
        if (srtpProfiles.isEmpty()) {
            throw new IllegalArgumentException("dtls srtpProfiles must name at least one profile");
        }
        for (String name : srtpProfiles) {
            try {
                SrtpProtectionProfile.forName(name);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("dtls srtpProfiles: " + e.getMessage(), e);
            }
        }
    }

    /** As {@link #defaults()} with these timers. */
    public DtlsSettings(Duration handshakeTimeout, Duration initialRetransmitTimeout) {
        this(handshakeTimeout, initialRetransmitTimeout, defaultHandshakeThreads(), 256,
                SrtpProtectionProfile.PREFERENCE.stream().map(SrtpProtectionProfile::name).toList());
    }

    public static DtlsSettings defaults() {
        return new DtlsSettings(Duration.ofSeconds(30), Duration.ofSeconds(1));
    }

    /** max(16, 4 x cores): a handshake's thread mostly waits for the network, so a few per core keep CPUs busy. */
    public static int defaultHandshakeThreads() {
        return Math.max(16, 4 * Runtime.getRuntime().availableProcessors());
    }

    public DtlsSettings withHandshakeTimeout(Duration timeout) {
        return new DtlsSettings(timeout, initialRetransmitTimeout, handshakeThreads, handshakeQueue, srtpProfiles);
    }

    public DtlsSettings withInitialRetransmitTimeout(Duration timeout) {
        return new DtlsSettings(handshakeTimeout, timeout, handshakeThreads, handshakeQueue, srtpProfiles);
    }

    public DtlsSettings withHandshakeThreads(int threads) {
        return new DtlsSettings(handshakeTimeout, initialRetransmitTimeout, threads, handshakeQueue, srtpProfiles);
    }

    public DtlsSettings withHandshakeQueue(int queued) {
        return new DtlsSettings(handshakeTimeout, initialRetransmitTimeout, handshakeThreads, queued, srtpProfiles);
    }

    /** With these SRTP protection profiles, by RFC name, most preferred first. */
    public DtlsSettings withSrtpProfiles(List<String> profiles) {
        return new DtlsSettings(handshakeTimeout, initialRetransmitTimeout, handshakeThreads, handshakeQueue,
                profiles);
    }
}
