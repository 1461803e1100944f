package io.jrtc.spring.autoconfigure;

import io.jrtc.pc.DtlsSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** {@code rtc.dtls.*}: the DTLS handshake of every connection (RFC 6347), and the engine's handshake pool. */
public class DtlsProperties {
    private static final DtlsSettings DEFAULTS = DtlsSettings.defaults();

    /**
     * How long a handshake may take before the connection fails, counted from when ICE connects, whether the
     * handshake waits for the peer or for a thread.
     */
    private Duration handshakeTimeout = DEFAULTS.handshakeTimeout();

    /** First handshake retransmission timeout, doubled on each retransmission. */
    private Duration initialRetransmitTimeout = DEFAULTS.initialRetransmitTimeout();

    /** Handshakes in flight at once, each on a thread of the engine's pool; max(16, 4 x cores) by default. */
    private int handshakeThreads = DEFAULTS.handshakeThreads();

    /** Handshakes waiting for a thread; one more fails its connection at once. */
    private int handshakeQueue = DEFAULTS.handshakeQueue();

    /**
     * DTLS-SRTP protection profiles by RFC name, most preferred first: offered in this order as DTLS client, chosen
     * from as server. All four implemented ones by default, AEAD_AES_256_GCM first.
     */
    private List<String> srtpProfiles = new ArrayList<>(DEFAULTS.srtpProfiles());

    DtlsSettings toSettings() {
        return new DtlsSettings(handshakeTimeout, initialRetransmitTimeout, handshakeThreads, handshakeQueue,
                srtpProfiles);
    }

    public List<String> getSrtpProfiles() {
        return srtpProfiles;
    }

    public void setSrtpProfiles(List<String> srtpProfiles) {
        this.srtpProfiles = srtpProfiles;
    }

    public int getHandshakeThreads() {
        return handshakeThreads;
    }

    public void setHandshakeThreads(int handshakeThreads) {
        this.handshakeThreads = handshakeThreads;
    }

    public int getHandshakeQueue() {
        return handshakeQueue;
    }

    public void setHandshakeQueue(int handshakeQueue) {
        this.handshakeQueue = handshakeQueue;
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
