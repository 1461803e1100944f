package io.jrtc.pc;

import static io.jrtc.pc.SettingsChecks.positive;

import java.time.Duration;

/**
 * DTLS knobs of every connection of an engine (RFC 6347).
 *
 * @param handshakeTimeout         how long a handshake may take before the transport fails; 30 s
 * @param initialRetransmitTimeout first handshake retransmission timer, doubled on each retransmission (RFC 6347
 *                                 §4.2.4.1 recommends 1 s); 1 s
 */
public record DtlsSettings(Duration handshakeTimeout, Duration initialRetransmitTimeout) {
    public DtlsSettings {
        positive("dtls handshakeTimeout", handshakeTimeout);
        positive("dtls initialRetransmitTimeout", initialRetransmitTimeout);
        SettingsChecks.ordered("dtls initialRetransmitTimeout", initialRetransmitTimeout, "dtls handshakeTimeout",
                handshakeTimeout);
    }

    public static DtlsSettings defaults() {
        return new DtlsSettings(Duration.ofSeconds(30), Duration.ofSeconds(1));
    }

    public DtlsSettings withHandshakeTimeout(Duration timeout) {
        return new DtlsSettings(timeout, initialRetransmitTimeout);
    }

    public DtlsSettings withInitialRetransmitTimeout(Duration timeout) {
        return new DtlsSettings(handshakeTimeout, timeout);
    }
}
