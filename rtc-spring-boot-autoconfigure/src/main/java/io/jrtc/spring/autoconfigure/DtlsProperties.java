package io.jrtc.spring.autoconfigure;

import io.jrtc.pc.DtlsSettings;
import java.time.Duration;

/** {@code rtc.dtls.*}: the DTLS handshake of every connection (RFC 6347). */
public class DtlsProperties {
    private static final DtlsSettings DEFAULTS = DtlsSettings.defaults();

    /** How long a handshake may take before the connection fails. */
    private Duration handshakeTimeout = DEFAULTS.handshakeTimeout();

    /** First handshake retransmission timeout, doubled on each retransmission. */
    private Duration initialRetransmitTimeout = DEFAULTS.initialRetransmitTimeout();

    DtlsSettings toSettings() {
        return new DtlsSettings(handshakeTimeout, initialRetransmitTimeout);
    }

    public Duration getHandshakeTimeout() {
        return handshakeTimeout;
    }

    public void setHandshakeTimeout(Duration handshakeTimeout) {
        this.handshakeTimeout = handshakeTimeout;
    }

    public Duration getInitialRetransmitTimeout() {
        return initialRetransmitTimeout;
    }

    public void setInitialRetransmitTimeout(Duration initialRetransmitTimeout) {
        this.initialRetransmitTimeout = initialRetransmitTimeout;
    }
}
