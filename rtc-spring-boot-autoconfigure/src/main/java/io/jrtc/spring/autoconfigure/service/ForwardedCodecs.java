package io.jrtc.spring.autoconfigure.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.jrtc.pc.RTCRtpCodecCapability;
import io.jrtc.pc.RTCRtpCodecParameters;
import io.jrtc.pc.RTCRtpSender;
import io.jrtc.sdp.media.CodecNegotiation;
import io.jrtc.sdp.media.RtpCodec;

/**
 * What forwarding coded media without transcoding asks of codecs, for WHEP viewers and REST routes alike: which
 * negotiated codec is the media one (not a repair format), which sender codecs a consumer may negotiate for a
 * source's codec, and whether a negotiated sender can carry a source's frames ({@link CodecNegotiation#canReceive}).
 */
public final class ForwardedCodecs {
    private static final List<String> REPAIR_FORMATS = List.of("video/rtx", "video/red", "video/ulpfec",
            "video/flexfec-03", "audio/red", "audio/telephone-event", "audio/cn");

    private ForwardedCodecs() {
    }

    /** Retransmission, redundancy and signalling formats, which carry no media of their own. */
    public static boolean isRepairFormat(String mimeType) {
        return REPAIR_FORMATS.contains(mimeType.toLowerCase(Locale.ROOT));
    }

    /** The first media codec of a negotiated list, or null when there is none. */
    public static RTCRtpCodecParameters mediaCodec(List<RTCRtpCodecParameters> codecs) {
        return codecs.stream().filter(codec -> !isRepairFormat(codec.mimeType())).findFirst().orElse(null);
    }

    /**
     * The sender capabilities a consumer may negotiate for a source's codec: its exact format first, then (for
     * H.264) the profiles whose decoders decode it, since a sender packetizes only frames of its negotiated codec and
     * the consumer must decode the source's bitstream as it is. Headless Chromium, for one, offers no H.264 High but
     * High 4:4:4 Predictive, whose decoders decode High.
     */
    public static List<RTCRtpCodecCapability> preferencesFor(RTCRtpCodecParameters codec) {
        RtpCodec wanted = of(codec);
        List<RTCRtpCodecCapability> exact = new ArrayList<>();
        List<RTCRtpCodecCapability> decoding = new ArrayList<>();
        for (RTCRtpCodecCapability capability : RTCRtpSender.getCapabilities(codec.kind()).codecs()) {
            RtpCodec local = new RtpCodec(RtpCodec.UNASSIGNED, capability.mimeType(), capability.clockRate(), 0,
                    capability.parameters(), List.of());
            if (CodecNegotiation.sameFormat(wanted, local)) {
                exact.add(capability);
            } else if (CodecNegotiation.canReceive(local, wanted)) {
                decoding.add(capability);
            }
        }
        exact.addAll(decoding);
        return exact;
    }

    /** Whether a sender that negotiated {@code sender} can send frames coded as {@code source} as they are. */
    public static boolean canForward(RTCRtpCodecParameters sender, RTCRtpCodecParameters source) {
        return CodecNegotiation.canReceive(of(sender), of(source));
    }

    private static RtpCodec of(RTCRtpCodecParameters codec) {
        return new RtpCodec(RtpCodec.UNASSIGNED, codec.mimeType(), codec.clockRate(), 0, codec.parameters(),
                List.of());
    }
}
