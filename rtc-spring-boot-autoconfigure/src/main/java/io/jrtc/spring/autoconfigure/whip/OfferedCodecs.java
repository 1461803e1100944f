package io.jrtc.spring.autoconfigure.whip;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.jrtc.media.video.VideoCodecs;
import io.jrtc.pc.RTCRtpCodecCapability;
import io.jrtc.pc.RTCRtpCodecParameters;
import io.jrtc.pc.RTCRtpReceiver;
import io.jrtc.sdp.MediaDescription;
import io.jrtc.sdp.SdpParseException;
import io.jrtc.sdp.SessionDescription;
import io.jrtc.sdp.media.CodecNegotiation;
import io.jrtc.sdp.media.H264ProfileLevelId;
import io.jrtc.sdp.media.RtpCodec;
import io.jrtc.sdp.media.RtpMediaSection;
import io.jrtc.spring.autoconfigure.service.ForwardedCodecs;

/**
 * Checks an offer's codecs before a session is made for it, so that an offer jrtc cannot take is refused with a
 * {@link UnsupportedCodecException} naming what it offered and what jrtc takes, not answered with rejected
 * m-lines. Codecs compare as in the answer ({@link CodecNegotiation#sameFormat}: H.264 profile and packetization
 * mode, VP9 and AV1 profile, H.265 profile and tier). An offer that does not parse is left to the peer
 * connection, which reports the syntax error.
 */
final class OfferedCodecs {
    /**
     * What jrtc's encoders write, in its order of preference: the formats a viewer can be sent transcoded. H.264
     * is OpenH264's Constrained Baseline in packetization mode 1.
     */
    private static final List<RtpCodec> TRANSCODE_FORMATS = List.of(
            format("video/VP8", Map.of()),
            format("video/VP9", Map.of("profile-id", "0")),
            format("video/H264", Map.of("profile-level-id", "42e01f", "packetization-mode", "1",
                    "level-asymmetry-allowed", "1")),
            format("video/AV1", Map.of("profile", "0")));

    private OfferedCodecs() {
    }

    /**
     * WHIP: every audio or video section the publisher sends must offer a codec jrtc receives.
     *
     * @throws UnsupportedCodecException naming the first section that offers none
     */
    static void requireReceivable(String offer) {
        for (RtpMediaSection section : sections(offer)) {
            if (!section.direction().sends()) {
                continue;
            }
            List<RtpCodec> offered = mediaCodecs(section);
            List<RtpCodec> supported = supported(section.kind());
            if (offered.stream().noneMatch(codec -> supported.stream()
                    .anyMatch(local -> CodecNegotiation.sameFormat(local, codec)))) {
                throw new UnsupportedCodecException("the offer sends " + section.kind() + " (mid "
                        + section.mid() + ") as " + describe(offered) + "; jrtc receives " + section.kind()
                        + " as " + describe(supported));
            }
        }
    }

    /**
     * WHEP: a viewer of a stream published in {@code published} video must offer to receive it in some video
     * section ({@link CodecNegotiation#canReceive}: for H.264 a profile whose decoders decode the publisher's),
     * since the publisher's video is forwarded as it is; failing that, when {@code transcoding} (FFmpeg is there),
     * a format jrtc encodes, the first of the viewer's codecs that takes one.
     *
     * @return null to forward the publisher's video, else the format to transcode it to
     * @throws UnsupportedCodecException naming the published codec and the viewer's video codecs
     */
    static RTCRtpCodecParameters requireViewerTakes(String offer, RTCRtpCodecParameters published,
            boolean transcoding) {
        if (published == null) {
            return null;
        }
        RtpCodec wanted = new RtpCodec(RtpCodec.UNASSIGNED, published.mimeType(), published.clockRate(), 0,
                published.parameters(), List.of());
        List<RtpCodec> viewerVideo = new ArrayList<>();
        for (RtpMediaSection section : sections(offer)) {
            if (section.kind().equals("video") && section.direction().receives()) {
                List<RtpCodec> offered = mediaCodecs(section);
                if (offered.stream().anyMatch(codec -> CodecNegotiation.canReceive(codec, wanted))) {
                    return null;
                }
                viewerVideo.addAll(offered);
            }
        }
        if (viewerVideo.isEmpty()) {
            return null;
        }
        RTCRtpCodecParameters target = transcoding ? transcodeTarget(viewerVideo) : null;
        if (target == null) {
            String ways = transcoding ? "forwards as it is or transcodes to one of " + describe(TRANSCODE_FORMATS)
                    : "forwards without transcoding (transcoding needs " + VideoCodecs.DEPENDENCY + ")";
            throw new UnsupportedCodecException("the stream's video is " + describe(List.of(wanted)) + ", which jrtc "
                    + ways + "; the viewer receives video as " + describe(viewerVideo));
        }
        return target;
    }

    /** The first of the viewer's codecs that takes a format jrtc encodes and sends, as that format; or null. */
    private static RTCRtpCodecParameters transcodeTarget(List<RtpCodec> viewerVideo) {
        for (RtpCodec viewer : viewerVideo) {
            for (RtpCodec encoded : TRANSCODE_FORMATS) {
                RTCRtpCodecParameters target = new RTCRtpCodecParameters(encoded.mimeType(), encoded.clockRate(),
                        null, viewer.payloadType(), List.of(), encoded.parameters());
                if (CodecNegotiation.canReceive(viewer, encoded)
                        && !ForwardedCodecs.preferencesFor(target).isEmpty()) {
                    return target;
                }
            }
        }
        return null;
    }

    private static RtpCodec format(String mimeType, Map<String, String> parameters) {
        return new RtpCodec(RtpCodec.UNASSIGNED, mimeType, 90_000, 0, parameters, List.of());
    }

    private static List<RtpMediaSection> sections(String offer) {
        List<RtpMediaSection> sections = new ArrayList<>();
        try {
            for (MediaDescription m : SessionDescription.parse(offer).media()) {
                if (m.port() != 0 && (m.media().equals("audio") || m.media().equals("video"))) {
                    sections.add(RtpMediaSection.parse(m));
                }
            }
        } catch (SdpParseException | IllegalArgumentException malformed) {
            return List.of();
        }
        return sections;
    }

    private static List<RtpCodec> mediaCodecs(RtpMediaSection section) {
        return section.codecs().stream()
                .filter(codec -> !ForwardedCodecs.isRepairFormat(codec.mimeType())).toList();
    }

    private static List<RtpCodec> supported(String kind) {
        List<RtpCodec> codecs = new ArrayList<>();
        for (RTCRtpCodecCapability capability : RTCRtpReceiver.getCapabilities(kind).codecs()) {
            int channels = capability.channels() == null ? 0 : capability.channels();
            RtpCodec codec = new RtpCodec(RtpCodec.UNASSIGNED, capability.mimeType(), capability.clockRate(),
                    channels, capability.parameters(), List.of());
            if (!ForwardedCodecs.isRepairFormat(codec.mimeType())) {
                codecs.add(codec);
            }
        }
        return codecs;
    }

    /** Codecs by name and the parameters that tell formats apart, each once: "H264 (High, mode 1), VP8". */
    static String describe(List<RtpCodec> codecs) {
        Set<String> names = new LinkedHashSet<>();
        for (RtpCodec codec : codecs) {
            names.add(describe(codec));
        }
        return names.isEmpty() ? "no codec" : String.join(", ", names);
    }

    private static String describe(RtpCodec codec) {
        String name = codec.encodingName();
        String detail = switch (name.toUpperCase(Locale.ROOT)) {
            case "H264" -> {
                H264ProfileLevelId id = H264ProfileLevelId.of(codec);
                String mode = codec.parameter("packetization-mode");
                yield (id == null ? "profile-level-id " + codec.parameter("profile-level-id") : id.profile())
                        + ", packetization-mode " + (mode == null ? "0" : mode);
            }
            case "VP9", "H265" -> parameterOr(codec, "profile-id", name.equalsIgnoreCase("VP9") ? "0" : "1",
                    "profile-id ");
            case "AV1" -> parameterOr(codec, "profile", "0", "profile ");
            default -> null;
        };
        String rate = codec.kind().equals("audio") ? "/" + codec.clockRate() : "";
        return name + rate + (detail == null ? "" : " (" + detail + ")");
    }

    private static String parameterOr(RtpCodec codec, String name, String fallback, String label) {
        String value = codec.parameter(name);
        return label + (value == null ? fallback : value);
    }
}
