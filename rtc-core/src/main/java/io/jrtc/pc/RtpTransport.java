package io.jrtc.pc;

import io.jrtc.dtls.DtlsEndpoint;
import io.jrtc.dtls.SrtpKeyingMaterial;
import io.jrtc.pc.internal.loop.ConnectionContext;
import io.jrtc.pc.internal.media.MediaTransport;
import io.jrtc.pc.internal.media.RtpSession;
import io.jrtc.pc.internal.transport.DtlsTransport;

/**
 * A DTLS transport as the media layer sees it: the adapter between an {@link RTCDtlsTransport} and the
 * {@link RtpSession} of its senders and receivers. Made by the DTLS transport facade for its first sender or
 * receiver; the session gets the received SRTP and SRTCP and is told when the handshake completes.
 */
final class RtpTransport implements MediaTransport {
    private final RTCDtlsTransport facade;
    private final DtlsTransport dtls;
    private final RtpSession session;

    RtpTransport(RTCDtlsTransport facade) {
        this.facade = facade;
        this.dtls = facade.core();
        this.session = new RtpSession(this);
        dtls.setMediaReceiver(session::onDatagram);
        dtls.addInternalStateListener(state -> {
            if (state == RTCDtlsTransportState.CONNECTED) {
                session.onTransportReady();
            }
        });
    }

    /** The DTLS transport a session runs over, for a sender's or receiver's getTransport(); null without one. */
    static RTCDtlsTransport dtlsOf(RtpSession session) {
        return session != null && session.transport() instanceof RtpTransport adapter ? adapter.facade : null;
    }

    RtpSession session() {
        return session;
    }

    @Override
    public ConnectionContext context() {
        return dtls.context();
    }

    @Override
    public SrtpKeyingMaterial srtpKeyingMaterial() {
        DtlsEndpoint endpoint = dtls.endpoint();
        if (dtls.getState() != RTCDtlsTransportState.CONNECTED || endpoint == null) {
            return null;
        }
        return endpoint.srtpKeyingMaterial();
    }

    @Override
    public void send(byte[] data, int offset, int length) {
        dtls.sendMedia(data, offset, length);
    }
}
