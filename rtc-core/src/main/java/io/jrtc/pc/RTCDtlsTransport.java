package io.jrtc.pc;

import io.jrtc.pc.internal.transport.DtlsTransport;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * DTLS over an ICE transport (the reference's RTCDtlsTransport). The handshake starts once ICE has a selected
 * pair and the remote parameters are known; the remote certificate must match a signalled fingerprint, else the
 * transport fails and nothing is delivered. SCTP runs over it, and SRTP with the keys its handshake exported.
 */
public final class RTCDtlsTransport {
    private final RTCIceTransport transport;
    private final RTCCertificate certificate;
    private final DtlsTransport core;
    /** The RTP side of this transport, made for its first sender or receiver; on the loop. */
    private RtpTransport rtp;

    public RTCDtlsTransport(RTCIceTransport transport, List<RTCCertificate> certificates) {
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("RTCDtlsTransport needs a certificate");
        }
        this.transport = transport;
        this.certificate = certificates.get(0);
        this.core = new DtlsTransport(transport.core(), certificate.dtls());
    }

    public RTCIceTransport getTransport() {
        return transport;
    }

    public RTCDtlsTransportState getState() {
        return core.getState();
    }

    /** Our fingerprints; the role is {@code auto} until the handshake starts. */
    public RTCDtlsParameters getLocalParameters() {
        return new RTCDtlsParameters(certificate.getFingerprints(), RTCDtlsRole.AUTO);
    }

    public RTCDtlsRole getRole() {
        return core.getRole();
    }

    public Subscription onStateChange(Consumer<RTCDtlsTransportState> listener) {
        return core.onStateChange(listener);
    }

    /**
     * Starts DTLS with the remote's fingerprints. Our role is the opposite of the remote's; when the remote says
     * {@code auto}, the ICE-controlled side is the client (as in the reference). Completes when connected.
     */
    public CompletableFuture<Void> start(RTCDtlsParameters remote) {
        return core.start(remote);
    }

    public CompletableFuture<Void> stop() {
        return core.stop();
    }

    DtlsTransport core() {
        return core;
    }

    /**
     * The RTP side of this transport, made for its first sender or receiver; on the loop. Kept here until the media
     * classes have a home of their own; then the media side keeps it.
     */
    RtpTransport rtp() {
        if (rtp == null) {
            rtp = new RtpTransport(this);
        }
        return rtp;
    }
}
