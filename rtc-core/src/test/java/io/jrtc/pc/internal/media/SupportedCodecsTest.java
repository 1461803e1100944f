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
        assertThat(video).extracting(RtpCodec::payloadType).containsExactly(96, 97, 102, 103, 104, 105);
        assertThat(video).extracting(RtpCodec::encodingName)
                .containsExactly("VP8", "rtx", "H264", "rtx", "H264", "rtx");
        for (int i = 0; i < video.size(); i += 2) {
            assertThat(video.get(i + 1).associatedPayloadType()).isEqualTo(video.get(i).payloadType());
            assertThat(video.get(i).rtcpFeedback()).extracting(Object::toString)
                    .containsExactly("goog-remb", "transport-cc", "ccm fir", "nack", "nack pli");
        }
        assertThat(video.get(2).parameter("profile-level-id")).isEqualTo("42e01f");
        assertThat(video.get(4).parameter("profile-level-id")).isEqualTo("42001f");
        assertThat(video.get(2).parameter("packetization-mode")).isEqualTo("1");
        assertThat(video.get(2).parameter("level-asymmetry-allowed")).isEqualTo("1");
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
        assertThat(SupportedCodecs.headerExtensions("video")).extracting(ExtMap::id).containsExactly(2, 3, 4);
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
        assertThat(video.codecs()).extracting(RTCRtpCodecCapability::mimeType)
                .containsExactly("video/VP8", "video/rtx", "video/H264", "video/H264");
        RTCRtpCodecCapability rtx = video.codecs().get(1);
        assertThat(rtx.parameters()).isEmpty();
        assertThat(rtx.channels()).isNull();
        assertThat(video.codecs()).allSatisfy(c -> assertThat(c.clockRate()).isEqualTo(90000));
        assertThat(video.headerExtensions()).extracting(RTCRtpHeaderExtensionCapability::uri)
                .doesNotContain("urn:ietf:params:rtp-hdrext:ssrc-audio-level").hasSize(3);
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
        assertThat(SupportedCodecs.toCapability(SupportedCodecs.codecs("video").get(4))).isEqualTo(
                new RTCRtpCodecCapability("video/H264", 90000, null, Map.of("level-asymmetry-allowed", "1",
                        "packetization-mode", "1", "profile-level-id", "42001f")));
        assertThat(SupportedCodecs.toCapability(SupportedCodecs.codecs("video").get(3)))
                .isEqualTo(new RTCRtpCodecCapability("video/rtx", 90000));
    }

    @Test
    void supportsComparesFormatsNotPayloadTypes() {
        assertThat(SupportedCodecs.supports(RtpCodec.of("audio/OPUS", 48000, 2).withPayloadType(109))).isTrue();
        assertThat(SupportedCodecs.supports(RtpCodec.of("audio/PCMU", 8000, 1))).isTrue();
        assertThat(SupportedCodecs.supports(RtpCodec.of("audio/G722", 8000, 1))).isFalse();
        assertThat(SupportedCodecs.supports(RtpCodec.of("video/VP9", 90000, 0))).isFalse();
        assertThat(SupportedCodecs.supports(RtpCodec.of("video/H264", 90000, 0)
                .withParameters(Map.of("packetization-mode", "1", "profile-level-id", "42e034")))).isTrue();
        assertThat(SupportedCodecs.supports(RtpCodec.of("video/H264", 90000, 0)
                .withParameters(Map.of("packetization-mode", "0", "profile-level-id", "42e01f")))).isFalse();
        assertThat(SupportedCodecs.supports(RtpCodec.of("video/H264", 90000, 0)
                .withParameters(Map.of("packetization-mode", "1", "profile-level-id", "640c1f")))).isFalse();
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
                .extracting(RtpCodec::payloadType).containsExactly(104, 105, 96, 97);
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
        RTCRtpCodecCapability vp9 = new RTCRtpCodecCapability("video/VP9", 90000);
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
