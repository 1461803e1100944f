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
    /** The internal transport, with the RTP session its senders and receivers share. */
    private final RtpTransport core;

    public RTCDtlsTransport(RTCIceTransport transport, List<RTCCertificate> certificates) {
        this(transport, first(certificates), new DtlsTransport(transport.core(), first(certificates).dtls()));
    }

    private static RTCCertificate first(List<RTCCertificate> certificates) {
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("RTCDtlsTransport needs a certificate");
        }
        return certificates.get(0);
    }

    /** The API side of a connection's DTLS transport. */
    RTCDtlsTransport(RTCIceTransport transport, RTCCertificate certificate, DtlsTransport dtls) {
        this.transport = transport;
        this.certificate = certificate;
        this.core = new RtpTransport(this, dtls);
    }

    public RTCIceTransport getTransport() {
        return transport;
    }

    public RTCDtlsTransportState getState() {
        return core.dtls().getState();
    }

    /** Our fingerprints; the role is {@code auto} until the handshake starts. */
    public RTCDtlsParameters getLocalParameters() {
        return new RTCDtlsParameters(certificate.getFingerprints(), RTCDtlsRole.AUTO);
    }

    public RTCDtlsRole getRole() {
        return core.dtls().getRole();
    }

    public Subscription onStateChange(Consumer<RTCDtlsTransportState> listener) {
        return core.dtls().onStateChange(listener);
    }

    /**
     * Starts DTLS with the remote's fingerprints. Our role is the opposite of the remote's; when the remote says
     * {@code auto}, the ICE-controlled side is the client (as in the reference). Completes when connected.
     */
    public CompletableFuture<Void> start(RTCDtlsParameters remote) {
        return core.dtls().start(remote);
    }

    public CompletableFuture<Void> stop() {
        return core.dtls().stop();
    }

    /**
     * The internal DTLS transport ({@code core().dtls()}) and the RTP session its senders and receivers share: one
     * accessor, so that a connection's senders and an ORTC-style sender on this transport find the same session.
     */
    RtpTransport core() {
        return core;
    }
}
