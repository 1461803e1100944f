package io.jrtc.pc.internal.media;

import io.jrtc.pc.RtpSettings;
import io.jrtc.rtp.GenericNack;
import io.jrtc.rtp.NackGenerator;
import io.jrtc.rtp.RetransmissionBuffer;
import io.jrtc.rtp.RtpHeader;
import io.jrtc.rtp.RtpHeaderWriter;
import io.jrtc.rtp.RtpParseException;
import io.jrtc.rtp.RtxEncoder;
import io.jrtc.sdp.media.RtpCodec;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A sender's answer to NACKs (RFC 4585 §6.2.1): it keeps the last second of sent packets (three round-trip times
 * when that is longer: a NACK that crossed a slow path must still find its packet) and resends the ones
 * asked for on the RTX stream (RFC 4588), never on the media stream itself, whose sequence numbers SRTP's replay
 * protection has already seen. Without a negotiated RTX format NACKs are counted and left unanswered.
 * <p>
 * NACKs cannot turn the sender into an amplifier: a packet goes again at most once per round-trip time (the one
 * RTCP reports measured, RFC 3550 §6.4.1, else {@link #DEFAULT_ROUND_TRIP_TIME}), and resent bytes are paid from a
 * budget that media fills ({@link RtpSettings#retransmissionBudget()}).
 */
final class Retransmissions {
    private static final int MAX_PACKET = 1500;
    /** The round-trip time assumed before a report block measured one: the receiver's own assumption. */
    static final Duration DEFAULT_ROUND_TRIP_TIME = NackGenerator.Settings.defaults().initialRoundTripTime();

    private final RetransmissionBuffer sent;
    private final RtxEncoder encoder;
    private final Map<Integer, Integer> rtxTypeByMediaType;
    private final byte[] packet = new byte[MAX_PACKET];
    private long nacksReceived;
    private long packetsResent;

    /**
     * {@code rtxTypeByMediaType} empty: RTX was not negotiated. The history keeps {@code settings}'
     * nackHistoryPackets for nackHistoryAge and resends within its retransmissionBudget.
     */
    Retransmissions(RtpSettings settings, int rtxSsrc, Map<Integer, Integer> rtxTypeByMediaType,
            int firstRtxSequenceNumber) {
        this.sent = new RetransmissionBuffer(settings.nackHistoryPackets(), settings.nackHistoryAge(),
                settings.retransmissionBudget());
        this.rtxTypeByMediaType = Map.copyOf(rtxTypeByMediaType);
        this.encoder = rtxTypeByMediaType.isEmpty() ? null
                : new RtxEncoder(rtxSsrc, rtxTypeByMediaType, firstRtxSequenceNumber);
    }

    /** Each sendable codec's RTX payload type, where one was negotiated (RFC 4588 §8.1 apt). */
    static Map<Integer, Integer> rtxPayloadTypes(List<RtpCodec> codecs, List<RtpCodec> media) {
        Map<Integer, Integer> rtx = new HashMap<>();
        for (RtpCodec codec : codecs) {
            if (codec.isRtx() && media.stream().anyMatch(m -> m.payloadType() == codec.associatedPayloadType())) {
                rtx.put(codec.associatedPayloadType(), codec.payloadType());
            }
        }
        return rtx;
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

    /**
     * Resends what the NACK names, is still held and may go again, each as an RTX packet through {@code session};
     * {@code roundTripTime} in nanoseconds, negative while unknown.
     */
    void onNack(long now, GenericNack nack, long roundTripTime, RtpSession session) {
        nacksReceived++;
        if (encoder == null) {
            return;
        }
        sent.handleRoundTripTime(roundTripTime);
        long interval = roundTripTime >= 0 ? roundTripTime : DEFAULT_ROUND_TRIP_TIME.toNanos();
        for (byte[] original : sent.packetsFor(now, nack, interval)) {
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

    /**
     * Starts a padding-only packet on the RTX stream (RFC 4588 §4: it keeps the media stream's sequence numbers
     * intact, as libwebrtc pads): payload type, SSRC and sequence number for media payload type
     * {@code mediaPayloadType}; false when that has no RTX.
     */
    boolean padOnRtx(RtpHeaderWriter header, int mediaPayloadType, int rtxSsrc) {
        int rtxPayloadType = encoder == null ? -1 : encoder.rtxPayloadType(mediaPayloadType);
        if (rtxPayloadType < 0) {
            return false;
        }
        header.payloadType(rtxPayloadType).ssrc(rtxSsrc).sequenceNumber(encoder.takeSequenceNumber());
        return true;
    }

    long nacksReceived() {
        return nacksReceived;
    }

    long packetsResent() {
        return packetsResent;
    }
}
