package io.jrtc.pc;

import io.jrtc.dtls.DtlsEndpoint;
import io.jrtc.dtls.SrtpKeyingMaterial;
import io.jrtc.pc.internal.loop.ConnectionContext;
import io.jrtc.pc.internal.media.MediaTransport;
import io.jrtc.pc.internal.media.RtpSession;
import io.jrtc.pc.internal.transport.DtlsTransport;

/**
 * A DTLS transport as the media layer sees it: the adapter between an {@link RTCDtlsTransport} and the
 * {@link RtpSession} of its senders and receivers, made on the first sender's or receiver's demand; the session gets
 * the received SRTP and SRTCP and is told when the handshake completes. Facade-side glue: it answers a sender's or
 * receiver's getTransport() with the facade, which the media layer must not know.
 */
final class RtpTransport implements MediaTransport {
    private final RTCDtlsTransport facade;
    private final DtlsTransport dtls;
    /** Made for the first sender or receiver; on the loop. */
    private RtpSession session;

    RtpTransport(RTCDtlsTransport facade, DtlsTransport dtls) {
        this.facade = facade;
        this.dtls = dtls;
    }

    /** The DTLS transport a session runs over, for a sender's or receiver's getTransport(); null without one. */
    static RTCDtlsTransport dtlsOf(RtpSession session) {
        return session != null && session.transport() instanceof RtpTransport adapter ? adapter.facade : null;
    }

    DtlsTransport dtls() {
        return dtls;
    }

    /** The RTP session of this transport's senders and receivers, made on first use; on the loop. */
    RtpSession session() {
        if (session == null) {
            RtpSession created = new RtpSession(this);
            session = created;
            dtls.setMediaReceiver(created::onDatagram);
            dtls.addInternalStateListener(state -> {
                if (state == RTCDtlsTransportState.CONNECTED) {
                    created.onTransportReady();
                }
            });
        }
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
