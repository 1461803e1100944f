package io.jrtc.pc.internal.media;

import io.jrtc.dtls.SrtpKeyingMaterial;
import io.jrtc.pc.internal.loop.ConnectionContext;

/**
 * What an {@link RtpSession} needs of the DTLS transport under it (RFC 5764): the connection it belongs to, the
 * SRTP keys its handshake exported, and a way to send SRTP and SRTCP beside the DTLS records. The transport hands
 * received SRTP and SRTCP to {@link RtpSession#onDatagram} and tells {@link RtpSession#onTransportReady} when it
 * connects.
 */
public interface MediaTransport {
    /** The connection's loop, clock and callbacks. */
    ConnectionContext context();

    /** The keys for SRTP (RFC 5764 §4.2), or null until DTLS is connected and negotiated use_srtp; on the loop. */
    SrtpKeyingMaterial srtpKeyingMaterial();

    /** Sends an SRTP or SRTCP datagram beside the DTLS records (RFC 5764 §5.1.2); on the loop. */
    void send(byte[] data, int offset, int length);
}
