package io.jrtc.dtls;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.AlertLevel;
import org.bouncycastle.tls.SecurityParameters;

/**
 * What BouncyCastle's peer callbacks learn, for the endpoint to read: the exported SRTP keys and the alerts seen.
 * Written by whichever thread drives the record layer (the handshake thread, then the owner); volatile so the owner
 * sees handshake-time results.
 */
final class HandshakeOutcome {
    private static final Logger LOG = System.getLogger(HandshakeOutcome.class.getName());

    private volatile SrtpKeyingMaterial srtp;
    private volatile boolean closeNotifyReceived;
    private volatile RecordShape recordShape = RecordShape.ANY;
    /** The negotiated cipher suite and protocol version (0 before the handshake is over). */
    private volatile int cipherSuite;
    private volatile int protocolVersion;

    SrtpKeyingMaterial srtp() {
        return srtp;
    }

    void srtp(SrtpKeyingMaterial material) {
        this.srtp = material;
    }

    /** The lengths protected records can have under the negotiated cipher; any before the handshake is over. */
    RecordShape recordShape() {
        return recordShape;
    }

    /** What a finished handshake negotiated: the record shape of its cipher, the suite and the version. */
    void negotiated(SecurityParameters parameters) {
        this.recordShape = RecordShape.of(parameters);
        this.cipherSuite = parameters.getCipherSuite();
        this.protocolVersion = parameters.getNegotiatedVersion().getFullVersion();
    }

    int cipherSuite() {
        return cipherSuite;
    }

    int protocolVersion() {
        return protocolVersion;
    }

    boolean closeNotifyReceived() {
        return closeNotifyReceived;
    }

    void alertReceived(short level, short description) {
        if (description == AlertDescription.close_notify) {
            closeNotifyReceived = true;
        }
        LOG.log(Level.DEBUG, () -> "DTLS alert received: " + AlertLevel.getText(level) + " "
            + AlertDescription.getText(description));
    }

    void alertRaised(short level, short description, String message, Throwable cause) {
        LOG.log(Level.DEBUG, () -> "DTLS alert raised: " + AlertLevel.getText(level) + " "
            + AlertDescription.getText(description) + (message == null ? "" : " (" + message + ")"), cause);
    }
}
