package io.jrtc.pc.internal.media;

import io.jrtc.rtp.GenericNack;
import io.jrtc.rtp.NackGenerator;
import io.jrtc.rtp.RtpHeader;
import io.jrtc.rtp.RtpParseException;
import io.jrtc.rtp.RtxDecoder;
import io.jrtc.sdp.media.RtcpFeedback;
import io.jrtc.sdp.media.RtpCodec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A receiver's side of retransmission: NACKs for the media packets that went missing (RFC 4585 §6.2.1), when the
 * codec negotiated {@code nack}, and the RTX packets that answer them (RFC 4588) turned back into the originals.
 * Follows one media SSRC, the latest heard.
 */
final class LossRecovery {
    private final Map<Integer, Integer> mediaTypeByRtxType = new HashMap<>();
    private final boolean nackNegotiated;
    private final NackGenerator.Settings nackSettings;
    private NackGenerator nacks;
    private RtxDecoder rtx;
    private int mediaSsrc;
    private long packetsRecovered;

    LossRecovery(List<RtpCodec> codecs, NackGenerator.Settings nackSettings) {
        this.nackSettings = nackSettings;
        boolean nack = false;
        for (RtpCodec codec : codecs) {
            if (codec.isRtx()) {
                mediaTypeByRtxType.put(codec.payloadType(), codec.associatedPayloadType());
            } else if (codec.rtcpFeedback().contains(new RtcpFeedback.Mechanism("nack", null))) {
                nack = true;
            }
        }
        this.nackNegotiated = nack;
    }

    boolean isRtx(int payloadType) {
        return mediaTypeByRtxType.containsKey(payloadType);
    }

    /** The original packet an RTX packet carries, or null when it cannot be one of ours. */
    RtpHeader unwrap(RtpHeader rtxPacket) {
        if (rtx == null) {
            return null;
        }
        byte[] original = rtx.unwrap(rtxPacket);
        if (original == null) {
            return null;
        }
        try {
            packetsRecovered++;
            return RtpHeader.parse(original, 0, original.length);
        } catch (RtpParseException malformed) {
            return null;
        }
    }

    /** Notes a media packet (new or recovered): gaps become NACKs once they outlast reordering. */
    void onMediaPacket(long now, RtpHeader packet, int reportingSsrc) {
        if (rtx == null || packet.ssrc() != mediaSsrc) {
            mediaSsrc = packet.ssrc();
            rtx = new RtxDecoder(mediaSsrc, mediaTypeByRtxType);
            nacks = nackNegotiated ? new NackGenerator(reportingSsrc, mediaSsrc, nackSettings) : null;
        }
        if (nacks != null) {
            nacks.handleReceive(now, packet);
        }
    }

    long deadline() {
        return nacks == null ? Long.MAX_VALUE : nacks.pollTimeout();
    }

    /** The NACKs due by {@code now}. */
    void onTimeout(long now, List<GenericNack> due) {
        if (nacks == null) {
            return;
        }
        nacks.handleTimeout(now);
        for (GenericNack nack = nacks.pollTransmit(); nack != null; nack = nacks.pollTransmit()) {
            due.add(nack);
        }
    }

    long packetsRecovered() {
        return packetsRecovered;
    }

    long nacksSent() {
        return nacks == null ? 0 : nacks.requestsSent();
    }
}
