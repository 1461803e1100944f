package io.jrtc.pc.internal.media;

import io.jrtc.pc.RTCRtcpFeedback;
import io.jrtc.pc.RTCRtpCapabilities;
import io.jrtc.pc.RTCRtpCodecCapability;
import io.jrtc.pc.RTCRtpCodecParameters;
import io.jrtc.pc.RTCRtpHeaderExtensionCapability;
import io.jrtc.rtp.ColorSpaceExtension;
import io.jrtc.sdp.media.CodecNegotiation;
import io.jrtc.sdp.media.ExtMap;
import io.jrtc.sdp.media.RtcpFeedback;
import io.jrtc.sdp.media.RtpCodec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The RTP payload formats and header extensions jrtc sends and receives, in decreasing preference, with the
 * payload types and extension ids Chromium offers so that jrtc's offers read like a browser's. Video codecs each
 * carry an RTX format (RFC 4588 §8.6) right after them. This table backs {@code getCapabilities(kind)}, offers
 * (RFC 8829 §5.2.1) and {@code setCodecPreferences} (W3C webrtc §5.5).
 */
public final class SupportedCodecs {
    public static final String AUDIO_LEVEL_URI = "urn:ietf:params:rtp-hdrext:ssrc-audio-level";
    public static final String ABS_SEND_TIME_URI = "http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time";
    public static final String TRANSPORT_CC_URI =
            "http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01";
    public static final String MID_URI = "urn:ietf:params:rtp-hdrext:sdes:mid";
    /** The AV1 RTP specification's dependency descriptor (its appendix A), which SVC-aware forwarding reads. */
    public static final String DEPENDENCY_DESCRIPTOR_URI =
            "https://aomediacodec.github.io/av1-rtp-spec/#dependency-descriptor-rtp-header-extension";

    private static final List<RtpCodec> AUDIO = List.of(
            new RtpCodec(111, "audio/opus", 48000, 2, parameters("minptime", "10", "useinbandfec", "1"),
                    List.of(new RtcpFeedback.Mechanism("transport-cc", null))),
            new RtpCodec(0, "audio/PCMU", 8000, 1, Map.of(), List.of()),
            new RtpCodec(8, "audio/PCMA", 8000, 1, Map.of(), List.of()));

    private static final List<RtcpFeedback.Mechanism> VIDEO_FEEDBACK = List.of(
            new RtcpFeedback.Mechanism("goog-remb", null), new RtcpFeedback.Mechanism("transport-cc", null),
            new RtcpFeedback.Mechanism("ccm", "fir"), new RtcpFeedback.Mechanism("nack", null),
            new RtcpFeedback.Mechanism("nack", "pli"));

    /**
     * VP8, VP9 profiles 0 and 2 (RFC 9628 §6), AV1 main profile (AV1 RTP specification §7.2), H.264 in every
     * profile libwebrtc knows plus High 10 and High 4:2:2, each in packetization-mode 1 and 0 (RFC 6184 §8.1),
     * and H.265 Main and Main 10 (RFC 7798 §7.1), in Chromium's order of preference. jrtc forwards coded video and
     * decodes none, so the H.264 and H.265 levels are the highest (5.2, 6.2): they say what jrtc can receive.
     */
    private static final List<RtpCodec> VIDEO = List.of(
            video(96, "VP8", Map.of()), rtx(97, 96),
            video(98, "VP9", parameters("profile-id", "0")), rtx(99, 98),
            video(100, "VP9", parameters("profile-id", "2")), rtx(101, 100),
            video(45, "AV1", parameters("level-idx", "5", "profile", "0", "tier", "0")), rtx(46, 45),
            h264(102, "42e034", "1"), rtx(103, 102),
            h264(104, "42e034", "0"), rtx(105, 104),
            h264(106, "420034", "1"), rtx(107, 106),
            h264(108, "420034", "0"), rtx(109, 108),
            h264(127, "4d0034", "1"), rtx(125, 127),
            h264(39, "4d0034", "0"), rtx(40, 39),
            h264(112, "640034", "1"), rtx(113, 112),
            h264(114, "640034", "0"), rtx(115, 114),
            h264(116, "640c34", "1"), rtx(117, 116),
            h264(118, "640c34", "0"), rtx(119, 118),
            h264(120, "f40034", "1"), rtx(121, 120),
            h264(122, "f40034", "0"), rtx(123, 122),
            h264(47, "6e0034", "1"), rtx(48, 47),
            h264(49, "6e0034", "0"), rtx(50, 49),
            h264(51, "7a0034", "1"), rtx(52, 51),
            h264(53, "7a0034", "0"), rtx(54, 53),
            h265(55, "1"), rtx(56, 55),
            h265(57, "2"), rtx(58, 57));

    private static final List<ExtMap> AUDIO_EXTENSIONS = List.of(new ExtMap(1, AUDIO_LEVEL_URI),
            new ExtMap(2, ABS_SEND_TIME_URI), new ExtMap(3, TRANSPORT_CC_URI), new ExtMap(4, MID_URI));
    private static final List<ExtMap> VIDEO_EXTENSIONS = List.of(new ExtMap(2, ABS_SEND_TIME_URI),
            new ExtMap(3, TRANSPORT_CC_URI), new ExtMap(4, MID_URI), new ExtMap(8, DEPENDENCY_DESCRIPTOR_URI),
            new ExtMap(9, ColorSpaceExtension.URI));

    private SupportedCodecs() {
    }

    private static Map<String, String> parameters(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static RtpCodec video(int payloadType, String encoding, Map<String, String> parameters) {
        return new RtpCodec(payloadType, "video/" + encoding, 90000, 0, parameters, VIDEO_FEEDBACK);
    }

    private static RtpCodec h264(int payloadType, String profileLevelId, String packetizationMode) {
        return video(payloadType, "H264", parameters("level-asymmetry-allowed", "1", "packetization-mode",
                packetizationMode, "profile-level-id", profileLevelId));
    }

    private static RtpCodec h265(int payloadType, String profileId) {
        return video(payloadType, "H265", parameters("level-id", "186", "profile-id", profileId, "tier-flag", "0",
                "tx-mode", "SRST"));
    }

    private static RtpCodec rtx(int payloadType, int associated) {
        return new RtpCodec(payloadType, "video/rtx", 90000, 0,
                Map.of(RtpCodec.RTX_ASSOCIATED_PAYLOAD_TYPE, Integer.toString(associated)), List.of());
    }

    /**
     * The supported formats of a kind in decreasing preference, with payload types assigned.
     *
     * @throws IllegalArgumentException when {@code kind} is neither "audio" nor "video"
     */
    static List<RtpCodec> codecs(String kind) {
        return switch (checkKind(kind)) {
            case "audio" -> AUDIO;
            default -> VIDEO;
        };
    }

    /** The supported header extensions of a kind with their preferred ids and no direction (RFC 8285 §8). */
    static List<ExtMap> headerExtensions(String kind) {
        return switch (checkKind(kind)) {
            case "audio" -> AUDIO_EXTENSIONS;
            default -> VIDEO_EXTENSIONS;
        };
    }

    private static String checkKind(String kind) {
        if (!"audio".equals(kind) && !"video".equals(kind)) {
            throw new IllegalArgumentException("kind must be \"audio\" or \"video\": " + kind);
        }
        return kind;
    }

    /**
     * What {@code RTCRtpSender.getCapabilities(kind)} and {@code RTCRtpReceiver.getCapabilities(kind)} report: the
     * codecs without payload types, RTX listed once (without {@code apt}, which names a payload type) where it
     * first appears, as browsers report it.
     */
    public static RTCRtpCapabilities capabilities(String kind) {
        List<RTCRtpCodecCapability> codecs = new ArrayList<>();
        for (RtpCodec codec : codecs(kind)) {
            RTCRtpCodecCapability capability = toCapability(codec);
            if (!codecs.contains(capability)) {
                codecs.add(capability);
            }
        }
        List<RTCRtpHeaderExtensionCapability> extensions = headerExtensions(kind).stream()
                .map(e -> new RTCRtpHeaderExtensionCapability(e.uri())).toList();
        return new RTCRtpCapabilities(codecs, extensions);
    }

    /** A codec with an assigned payload type as RTCRtpCodecParameters; channels are null for video. */
    static RTCRtpCodecParameters toParameters(RtpCodec codec) {
        if (codec.payloadType() == RtpCodec.UNASSIGNED) {
            throw new IllegalArgumentException("codec has no payload type yet: " + codec);
        }
        List<RTCRtcpFeedback> feedback = codec.rtcpFeedback().stream()
                .map(m -> new RTCRtcpFeedback(m.type(), m.parameter())).toList();
        return new RTCRtpCodecParameters(codec.mimeType(), codec.clockRate(), channelsOf(codec),
                codec.payloadType(), feedback, codec.parameters());
    }

    /** A codec as a capability; an RTX format loses its {@code apt}, which binds it to a payload type. */
    static RTCRtpCodecCapability toCapability(RtpCodec codec) {
        Map<String, String> parameters = codec.parameters();
        if (codec.isRtx()) {
            parameters = new LinkedHashMap<>(parameters);
            parameters.remove(RtpCodec.RTX_ASSOCIATED_PAYLOAD_TYPE);
        }
        return new RTCRtpCodecCapability(codec.mimeType(), codec.clockRate(), channelsOf(codec), parameters);
    }

    private static Integer channelsOf(RtpCodec codec) {
        return codec.kind().equals("audio") ? Integer.valueOf(codec.channels()) : null;
    }

    /** Whether jrtc handles this format (CodecNegotiation#sameFormat; payload types are not compared). */
    static boolean supports(RtpCodec codec) {
        String kind = codec.kind();
        if (!kind.equals("audio") && !kind.equals("video")) {
            return false;
        }
        return codecs(kind).stream().anyMatch(supported -> CodecNegotiation.sameFormat(supported, codec));
    }

    /**
     * The supported codecs of a kind reordered and filtered to {@code setCodecPreferences} (W3C webrtc §5.5): the
     * supported codecs matching each preference in turn, each followed by its RTX format. A preference for RTX
     * itself is accepted and adds nothing, as RTX always follows its codec. An empty list restores the defaults.
     *
     * @throws IllegalArgumentException naming the first preference that matches no supported codec of the kind,
     *         or when the preferences name only RTX (the W3C InvalidModificationError cases)
     */
    static List<RtpCodec> preferred(String kind, List<RTCRtpCodecCapability> preferences) {
        List<RtpCodec> supported = codecs(kind);
        if (Objects.requireNonNull(preferences, "preferences").isEmpty()) {
            return supported;
        }
        List<RtpCodec> result = new ArrayList<>();
        for (RTCRtpCodecCapability preference : preferences) {
            RtpCodec wanted = toRtpCodec(preference);
            boolean matched = false;
            for (RtpCodec codec : supported) {
                if (CodecNegotiation.sameFormat(codec, wanted)) {
                    matched = true;
                    if (!codec.isRtx() && !result.contains(codec)) {
                        result.add(codec);
                        rtxFor(supported, codec).forEach(result::add);
                    }
                }
            }
            if (!matched) {
                throw new IllegalArgumentException("codec preference is not a supported " + kind + " codec: "
                        + preference);
            }
        }
        if (result.isEmpty()) {
            throw new IllegalArgumentException("codec preferences name only RTX, no media codec: " + preferences);
        }
        return List.copyOf(result);
    }

    private static RtpCodec toRtpCodec(RTCRtpCodecCapability capability) {
        int channels = capability.channels() == null ? 0 : capability.channels();
        return new RtpCodec(RtpCodec.UNASSIGNED, capability.mimeType(), capability.clockRate(), channels,
                capability.parameters(), List.of());
    }

    private static List<RtpCodec> rtxFor(List<RtpCodec> supported, RtpCodec primary) {
        return supported.stream()
                .filter(c -> c.isRtx() && c.associatedPayloadType() == primary.payloadType()).toList();
    }
}
