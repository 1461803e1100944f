package io.jrtc.pc;

import io.jrtc.dtls.DtlsEndpoint;
import io.jrtc.dtls.SrtpKeyingMaterial;
import io.jrtc.pc.internal.loop.ConnectionContext;
import io.jrtc.pc.internal.media.MediaTransport;
import io.jrtc.pc.internal.media.RtpSession;

/**
 * A DTLS transport as the media layer sees it: the adapter between {@link RTCDtlsTransport} and the
 * {@link RtpSession} of its senders and receivers. The DTLS transport makes it for its first sender or receiver
 * ({@code rtp()}) and tells it when the handshake completes; received SRTP and SRTCP go to the session.
 */
final class RtpTransport implements MediaTransport {
    private final RTCDtlsTransport dtls;
    private final RtpSession session;

    RtpTransport(RTCDtlsTransport dtls) {
        this.dtls = dtls;
        this.session = new RtpSession(this);
        dtls.setMediaReceiver(session::onDatagram);
    }

    /** The DTLS transport a session runs over, for a sender's or receiver's getTransport(); null without one. */
    static RTCDtlsTransport dtlsOf(RtpSession session) {
        return session != null && session.transport() instanceof RtpTransport adapter ? adapter.dtls : null;
    }

    RtpSession session() {
        return session;
    }

    /** DTLS is connected: the session's senders may start. */
    void onDtlsConnected() {
        session.onTransportReady();
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
        dtls.sendUnencrypted(data, offset, length);
    }
}
