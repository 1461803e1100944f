package io.jrtc.pc.internal.media;

import io.jrtc.pc.RtpSettings;
import io.jrtc.rtp.GenericNack;
import io.jrtc.rtp.RetransmissionBuffer;
import io.jrtc.rtp.RtpHeader;
import io.jrtc.rtp.RtpParseException;
import io.jrtc.rtp.RtxEncoder;
import java.time.Duration;
import java.util.Map;

/**
 * A sender's answer to NACKs (RFC 4585 §6.2.1): it keeps the last second of sent packets and resends the ones
 * asked for on the RTX stream (RFC 4588), never on the media stream itself, whose sequence numbers SRTP's replay
 * protection has already seen. Without a negotiated RTX format NACKs are counted and left unanswered.
 */
final class Retransmissions {
    private static final int MAX_PACKET = 1500;

    private final RetransmissionBuffer sent;
    private final RtxEncoder encoder;
    private final Map<Integer, Integer> rtxTypeByMediaType;
    private final byte[] packet = new byte[MAX_PACKET];
    private long nacksReceived;
    private long packetsResent;

    /**
     * {@code rtxTypeByMediaType} empty: RTX was not negotiated. The history keeps {@code settings}'
     * nackHistoryPackets for nackHistoryAge.
     */
    Retransmissions(RtpSettings settings, int rtxSsrc, Map<Integer, Integer> rtxTypeByMediaType,
            int firstRtxSequenceNumber) {
        this.sent = new RetransmissionBuffer(settings.nackHistoryPackets(), settings.nackHistoryAge());
        this.rtxTypeByMediaType = Map.copyOf(rtxTypeByMediaType);
        this.encoder = rtxTypeByMediaType.isEmpty() ? null
                : new RtxEncoder(rtxSsrc, rtxTypeByMediaType, firstRtxSequenceNumber);
    }

    boolean resends() {
        return encoder != null;
    }

    /** Keeps a copy of a plain (not yet SRTP-protected) RTP packet just sent, when its codec has RTX. */
    void onSent(long now, byte[] rtp, int length) {
        if (encoder != null && rtxTypeByMediaType.containsKey(rtp[1] & 0x7F)) {
            sent.handleSent(now, rtp, 0, length);
        }
    }

    /** Resends what the NACK names and is still held, each as an RTX packet through {@code session}. */
    void onNack(long now, GenericNack nack, RtpSession session) {
        nacksReceived++;
        if (encoder == null) {
            return;
        }
        for (byte[] original : sent.packetsFor(now, nack)) {
            try {
                RtpHeader header = RtpHeader.parse(original, 0, original.length);
                int length = encoder.wrap(header, packet, 0);
                session.sendRtp(packet, length);
                packetsResent++;
            } catch (RtpParseException notRtp) {
                // only packets we wrote are held: cannot happen, and resending is optional anyway
            }
        }
    }

    long nacksReceived() {
        return nacksReceived;
    }

    long packetsResent() {
        return packetsResent;
    }
}
