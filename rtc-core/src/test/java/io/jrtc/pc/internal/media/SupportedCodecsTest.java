package io.jrtc.pc.internal.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jrtc.pc.RTCRtcpFeedback;
import io.jrtc.pc.RTCRtpCapabilities;
import io.jrtc.pc.RTCRtpCodecCapability;
import io.jrtc.pc.RTCRtpCodecParameters;
import io.jrtc.pc.RTCRtpHeaderExtensionCapability;
import io.jrtc.sdp.media.ExtMap;
import io.jrtc.sdp.media.RtpCodec;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The supported-codec table and the setCodecPreferences rules built on it (W3C webrtc §5.5). */
class SupportedCodecsTest {
    private static final RTCRtpCodecCapability OPUS =
            new RTCRtpCodecCapability("audio/opus", 48000, 2, Map.of("minptime", "10", "useinbandfec", "1"));
    private static final RTCRtpCodecCapability PCMA = new RTCRtpCodecCapability("audio/PCMA", 8000, 1, Map.of());
    private static final RTCRtpCodecCapability VP8 = new RTCRtpCodecCapability("video/VP8", 90000);
    private static final RTCRtpCodecCapability H264_BASELINE = new RTCRtpCodecCapability("video/H264", 90000, null,
            Map.of("packetization-mode", "1", "profile-level-id", "42001f"));

    @Test
    void audioCodecsUseChromiumPayloadTypesOpusFirst() {
        List<RtpCodec> audio = SupportedCodecs.codecs("audio");
        assertThat(audio).extracting(RtpCodec::payloadType).containsExactly(111, 0, 8);
        assertThat(audio).extracting(RtpCodec::mimeType).containsExactly("audio/opus", "audio/PCMU", "audio/PCMA");
        RtpCodec opus = audio.get(0);
        assertThat(opus.clockRate()).isEqualTo(48000);
        assertThat(opus.channels()).isEqualTo(2);
        assertThat(opus.parameters()).containsExactly(Map.entry("minptime", "10"), Map.entry("useinbandfec", "1"));
        assertThat(opus.rtcpFeedback()).extracting(Object::toString).containsExactly("transport-cc");
    }

    @Test
    void videoCodecsEachHaveTheirRtxRightAfterThem() {
        List<RtpCodec> video = SupportedCodecs.codecs("video");
        assertThat(video).extracting(RtpCodec::payloadType).startsWith(96, 97, 98, 99, 100, 101, 45, 46, 102, 103);
        assertThat(video.stream().filter(c -> !c.isRtx()).map(RtpCodec::encodingName).distinct())
                .containsExactly("VP8", "VP9", "AV1", "H264", "H265");
        for (int i = 0; i < video.size(); i += 2) {
            assertThat(video.get(i + 1).associatedPayloadType()).isEqualTo(video.get(i).payloadType());
            assertThat(video.get(i).rtcpFeedback()).extracting(Object::toString)
                    .containsExactly("goog-remb", "transport-cc", "ccm fir", "nack", "nack pli");
        }
        RtpCodec h264 = video.get(8);
        assertThat(h264.parameter("profile-level-id")).isEqualTo("42e034");
        assertThat(h264.parameter("packetization-mode")).isEqualTo("1");
        assertThat(h264.parameter("level-asymmetry-allowed")).isEqualTo("1");
    }

    /** RFC 6184 §8.1: every H.264 profile libwebrtc knows, and High 10 and 4:2:2, in both packetization modes. */
    @Test
    void h264IsOfferedInEveryProfileAndBothPacketizationModes() {
        List<String> h264 = SupportedCodecs.codecs("video").stream().filter(c -> c.encodingName().equals("H264"))
                .map(c -> c.parameter("profile-level-id").substring(0, 4) + "/" + c.parameter("packetization-mode"))
                .toList();
        assertThat(h264).containsExactly("42e0/1", "42e0/0", "4200/1", "4200/0", "4d00/1", "4d00/0", "6400/1",
                "6400/0", "640c/1", "640c/0", "f400/1", "f400/0", "6e00/1", "6e00/0", "7a00/1", "7a00/0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"audio", "video"})
    void payloadTypesAndExtensionIdsAreDistinctWithinAKind(String kind) {
        Set<Integer> payloadTypes = new HashSet<>();
        SupportedCodecs.codecs(kind).forEach(c -> assertThat(payloadTypes.add(c.payloadType())).isTrue());
        Set<Integer> ids = new HashSet<>();
        SupportedCodecs.headerExtensions(kind).forEach(e -> assertThat(ids.add(e.id())).isTrue());
        assertThat(SupportedCodecs.headerExtensions(kind)).allSatisfy(e -> assertThat(e.direction()).isNull());
    }

    @Test
    void headerExtensionsUseChromiumIds() {
        assertThat(SupportedCodecs.headerExtensions("audio")).containsExactly(
                new ExtMap(1, "urn:ietf:params:rtp-hdrext:ssrc-audio-level"),
                new ExtMap(2, "http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time"),
                new ExtMap(3, "http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01"),
                new ExtMap(4, "urn:ietf:params:rtp-hdrext:sdes:mid"));
        assertThat(SupportedCodecs.headerExtensions("video")).extracting(ExtMap::id).containsExactly(2, 3, 4, 8, 9);
        assertThat(SupportedCodecs.headerExtensions("video").get(3).uri())
                .isEqualTo(SupportedCodecs.DEPENDENCY_DESCRIPTOR_URI);
    }

    @Test
    void audioCapabilitiesListOpusFirstWithoutPayloadTypes() {
        RTCRtpCapabilities audio = SupportedCodecs.capabilities("audio");
        assertThat(audio.codecs()).containsExactly(OPUS, new RTCRtpCodecCapability("audio/PCMU", 8000, 1, Map.of()),
                PCMA);
        assertThat(audio.headerExtensions()).extracting(RTCRtpHeaderExtensionCapability::uri)
                .first().isEqualTo("urn:ietf:params:rtp-hdrext:ssrc-audio-level");
        assertThat(audio.headerExtensions()).hasSize(4);
    }

    @Test
    void videoCapabilitiesListVp8FirstAndRtxOnceWithoutApt() {
        RTCRtpCapabilities video = SupportedCodecs.capabilities("video");
        assertThat(video.codecs()).extracting(RTCRtpCodecCapability::mimeType).startsWith("video/VP8", "video/rtx",
                "video/VP9", "video/VP9", "video/AV1", "video/H264").endsWith("video/H265", "video/H265")
                .containsOnlyOnce("video/rtx").hasSize(23);
        RTCRtpCodecCapability rtx = video.codecs().get(1);
        assertThat(rtx.parameters()).isEmpty();
        assertThat(rtx.channels()).isNull();
        assertThat(video.codecs()).allSatisfy(c -> assertThat(c.clockRate()).isEqualTo(90000));
        assertThat(video.headerExtensions()).extracting(RTCRtpHeaderExtensionCapability::uri)
                .doesNotContain("urn:ietf:params:rtp-hdrext:ssrc-audio-level").hasSize(5);
    }

    @Test
    void unknownKindIsRejected() {
        assertThatThrownBy(() -> SupportedCodecs.capabilities("application"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("application");
        assertThatThrownBy(() -> SupportedCodecs.codecs(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toParametersCarriesEveryField() {
        RTCRtpCodecParameters opus = SupportedCodecs.toParameters(SupportedCodecs.codecs("audio").get(0));
        assertThat(opus).isEqualTo(new RTCRtpCodecParameters("audio/opus", 48000, 2, 111,
                List.of(new RTCRtcpFeedback("transport-cc")), Map.of("minptime", "10", "useinbandfec", "1")));

        RTCRtpCodecParameters vp8 = SupportedCodecs.toParameters(SupportedCodecs.codecs("video").get(0));
        assertThat(vp8.channels()).isNull();
        assertThat(vp8.payloadType()).isEqualTo(96);
        assertThat(vp8.rtcpFeedback()).contains(new RTCRtcpFeedback("nack", "pli"), new RTCRtcpFeedback("ccm", "fir"));

        RTCRtpCodecParameters rtx = SupportedCodecs.toParameters(SupportedCodecs.codecs("video").get(1));
        assertThat(rtx.parameters()).containsExactly(Map.entry("apt", "96"));
        assertThatThrownBy(() -> SupportedCodecs.toParameters(RtpCodec.of("audio/PCMU", 8000, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toCapabilityDropsOnlyTheRtxBinding() {
        assertThat(SupportedCodecs.toCapability(SupportedCodecs.codecs("video").get(12))).isEqualTo(
                new RTCRtpCodecCapability("video/H264", 90000, null, Map.of("level-asymmetry-allowed", "1",
                        "packetization-mode", "1", "profile-level-id", "420034")));
        assertThat(SupportedCodecs.toCapability(SupportedCodecs.codecs("video").get(13)))
                .isEqualTo(new RTCRtpCodecCapability("video/rtx", 90000));
    }

    @Test
    void supportsComparesFormatsNotPayloadTypes() {
        assertThat(SupportedCodecs.supports(RtpCodec.of("audio/OPUS", 48000, 2).withPayloadType(109))).isTrue();
        assertThat(SupportedCodecs.supports(RtpCodec.of("audio/PCMU", 8000, 1))).isTrue();
        assertThat(SupportedCodecs.supports(RtpCodec.of("audio/G722", 8000, 1))).isFalse();
        assertThat(SupportedCodecs.supports(RtpCodec.of("video/VP9", 90000, 0))).isTrue();
        assertThat(SupportedCodecs.supports(RtpCodec.of("video/VP9", 90000, 0)
                .withParameters(Map.of("profile-id", "1")))).isFalse();
        assertThat(SupportedCodecs.supports(RtpCodec.of("video/AV1", 90000, 0))).isTrue();
        assertThat(SupportedCodecs.supports(RtpCodec.of("video/H265", 90000, 0))).isTrue();
        assertThat(SupportedCodecs.supports(RtpCodec.of("video/H264", 90000, 0)
                .withParameters(Map.of("packetization-mode", "1", "profile-level-id", "42e01f")))).isTrue();
        assertThat(SupportedCodecs.supports(RtpCodec.of("video/H264", 90000, 0)
                .withParameters(Map.of("packetization-mode", "0", "profile-level-id", "640028")))).isTrue();
        assertThat(SupportedCodecs.supports(RtpCodec.of("video/H264", 90000, 0)
                .withParameters(Map.of("packetization-mode", "2", "profile-level-id", "42e01f")))).isFalse();
        assertThat(SupportedCodecs.supports(RtpCodec.of("video/H264", 90000, 0)
                .withParameters(Map.of("packetization-mode", "1", "profile-level-id", "53001f")))).isFalse();
        assertThat(SupportedCodecs.supports(RtpCodec.of("text/t140", 1000, 0))).isFalse();
    }

    @Test
    void emptyPreferencesRestoreTheDefaults() {
        assertThat(SupportedCodecs.preferred("video", List.of())).isEqualTo(SupportedCodecs.codecs("video"));
        assertThat(SupportedCodecs.preferred("audio", List.of())).isEqualTo(SupportedCodecs.codecs("audio"));
    }

    @Test
    void preferencesReorderAndFilterAudio() {
        assertThat(SupportedCodecs.preferred("audio", List.of(PCMA, OPUS)))
                .extracting(RtpCodec::payloadType).containsExactly(8, 111);
    }

    @Test
    void preferencesKeepRtxWithItsCodec() {
        assertThat(SupportedCodecs.preferred("video", List.of(H264_BASELINE, VP8)))
                .extracting(RtpCodec::payloadType).containsExactly(106, 107, 96, 97);
    }

    @Test
    void capabilitiesFedBackAsPreferencesGiveTheDefaults() {
        assertThat(SupportedCodecs.preferred("video", SupportedCodecs.capabilities("video").codecs()))
                .isEqualTo(SupportedCodecs.codecs("video"));
        assertThat(SupportedCodecs.preferred("audio", SupportedCodecs.capabilities("audio").codecs()))
                .isEqualTo(SupportedCodecs.codecs("audio"));
    }

    @Test
    void repeatedPreferencesAndRtxEntriesAddNothing() {
        RTCRtpCodecCapability rtx = new RTCRtpCodecCapability("video/rtx", 90000);
        assertThat(SupportedCodecs.preferred("video", List.of(VP8, rtx, VP8)))
                .extracting(RtpCodec::payloadType).containsExactly(96, 97);
    }

    @Test
    void anUnsupportedPreferenceIsRejectedByName() {
        RTCRtpCodecCapability vp9 = new RTCRtpCodecCapability("video/VP9", 90000, null, Map.of("profile-id", "3"));
        assertThatThrownBy(() -> SupportedCodecs.preferred("video", List.of(VP8, vp9)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("video/VP9");
        assertThatThrownBy(() -> SupportedCodecs.preferred("video", List.of(OPUS)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("audio/opus");
        RTCRtpCodecCapability monoOpus = new RTCRtpCodecCapability("audio/opus", 48000, 1, Map.of());
        assertThatThrownBy(() -> SupportedCodecs.preferred("audio", List.of(monoOpus)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void preferencesNamingOnlyRtxAreRejected() {
        RTCRtpCodecCapability rtx = new RTCRtpCodecCapability("video/rtx", 90000);
        assertThatThrownBy(() -> SupportedCodecs.preferred("video", List.of(rtx)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only RTX");
    }
}
