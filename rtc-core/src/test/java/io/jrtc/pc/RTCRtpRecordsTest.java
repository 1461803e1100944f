package io.jrtc.pc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Validation and copying of the RTP parameter and capability records (W3C webrtc §5.2, §5.4). */
class RTCRtpRecordsTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "opus", "audio/", "text/plain", "audio/op us", "video/a/b", "Audio/opus"})
    void capabilityRejectsMimeTypesThatAreNotAudioOrVideo(String mimeType) {
        assertThatThrownBy(() -> new RTCRtpCodecCapability(mimeType, 48000))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void capabilityRejectsNullMimeTypeNonPositiveClockRateAndBadChannels() {
        assertThatThrownBy(() -> new RTCRtpCodecCapability(null, 48000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RTCRtpCodecCapability("audio/opus", 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RTCRtpCodecCapability("audio/opus", -8000))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RTCRtpCodecCapability("audio/opus", 48000, 0, Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void capabilityCopiesParametersInOrderAndKeepsValuelessOnes() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("profile-level-id", "42e01f");
        parameters.put("packetization-mode", "1");
        parameters.put("0-15", null);
        RTCRtpCodecCapability capability = new RTCRtpCodecCapability("video/H264", 90000, null, parameters);
        parameters.put("level-asymmetry-allowed", "1");

        assertThat(capability.parameters()).containsExactly(Map.entry("profile-level-id", "42e01f"),
                Map.entry("packetization-mode", "1"), new AbstractMap.SimpleEntry<>("0-15", null));
        assertThatThrownBy(() -> capability.parameters().put("x", "y"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(capability.kind()).isEqualTo("video");
        assertThat(new RTCRtpCodecCapability("audio/PCMU", 8000, 1, null).parameters()).isEmpty();
    }

    @Test
    void capabilitiesCopyTheirLists() {
        List<RTCRtpCodecCapability> codecs = new ArrayList<>(List.of(new RTCRtpCodecCapability("video/VP8", 90000)));
        RTCRtpCapabilities capabilities = new RTCRtpCapabilities(codecs,
                List.of(new RTCRtpHeaderExtensionCapability("urn:ietf:params:rtp-hdrext:sdes:mid")));
        codecs.clear();
        assertThat(capabilities.codecs()).hasSize(1);
        assertThat(new RTCRtpCapabilities(null, null).headerExtensions()).isEmpty();
        assertThatThrownBy(() -> new RTCRtpHeaderExtensionCapability("has space"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RTCRtpHeaderExtensionCapability("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rtcpFeedbackNeedsATokenTypeAndATrimmedParameter() {
        assertThat(new RTCRtcpFeedback("nack", "pli").parameter()).isEqualTo("pli");
        assertThat(new RTCRtcpFeedback("transport-cc").parameter()).isNull();
        assertThatThrownBy(() -> new RTCRtcpFeedback("", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RTCRtcpFeedback("nack pli", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RTCRtcpFeedback("nack", "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RTCRtcpFeedback("nack", " pli")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void codecParametersValidatePayloadTypeAndCopyCollections() {
        List<RTCRtcpFeedback> feedback = new ArrayList<>(List.of(new RTCRtcpFeedback("nack")));
        Map<String, String> fmtp = new HashMap<>(Map.of("apt", "96"));
        RTCRtpCodecParameters rtx = new RTCRtpCodecParameters("video/rtx", 90000, null, 97, feedback, fmtp);
        feedback.clear();
        fmtp.clear();
        assertThat(rtx.rtcpFeedback()).containsExactly(new RTCRtcpFeedback("nack"));
        assertThat(rtx.parameters()).containsExactly(Map.entry("apt", "96"));
        assertThat(rtx.kind()).isEqualTo("video");

        assertThat(new RTCRtpCodecParameters("audio/PCMU", 8000, 1, 0, null, null).rtcpFeedback()).isEmpty();
        assertThatThrownBy(() -> new RTCRtpCodecParameters("audio/PCMU", 8000, 1, -1, List.of(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RTCRtpCodecParameters("audio/PCMU", 8000, 1, 128, List.of(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RTCRtpCodecParameters("PCMU", 8000, 1, 0, List.of(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RTCRtpCodecParameters("audio/PCMU", 0, 1, 0, List.of(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void headerExtensionIdsFollowRfc8285Ranges() {
        assertThat(new RTCRtpHeaderExtensionParameters("urn:ietf:params:rtp-hdrext:sdes:mid", 14).id()).isEqualTo(14);
        assertThat(new RTCRtpHeaderExtensionParameters("urn:ietf:params:rtp-hdrext:sdes:mid", 16).id()).isEqualTo(16);
        assertThat(new RTCRtpHeaderExtensionParameters("urn:ietf:params:rtp-hdrext:sdes:mid", 255).id())
                .isEqualTo(255);
        for (int bad : new int[] {0, 15, 256, -1}) {
            assertThatThrownBy(() -> new RTCRtpHeaderExtensionParameters("urn:x", bad))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void rtcpParametersCheckTheSsrcRange() {
        assertThat(new RTCRtcpParameters("cname", true, 0xFFFF_FFFFL).ssrc()).isEqualTo(0xFFFF_FFFFL);
        assertThat(RTCRtcpParameters.DEFAULT).isEqualTo(new RTCRtcpParameters(null, false, null));
        assertThatThrownBy(() -> new RTCRtcpParameters("c", true, -1L)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RTCRtcpParameters("c", true, 0x1_0000_0000L))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RTCRtcpParameters("x".repeat(256), true, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rtpParametersDefaultLikeTheReferenceAndCopyLists() {
        RTCRtpParameters defaults = new RTCRtpParameters(null, null, null, null);
        assertThat(defaults.codecs()).isEmpty();
        assertThat(defaults.headerExtensions()).isEmpty();
        assertThat(defaults.muxId()).isEmpty();
        assertThat(defaults.rtcp()).isEqualTo(RTCRtcpParameters.DEFAULT);

        List<RTCRtpHeaderExtensionParameters> extensions =
                new ArrayList<>(List.of(new RTCRtpHeaderExtensionParameters("urn:ietf:params:rtp-hdrext:sdes:mid", 4)));
        RTCRtpParameters parameters = new RTCRtpParameters(
                List.of(new RTCRtpCodecParameters("audio/opus", 48000, 2, 111, List.of(), Map.of())), extensions, "0",
                new RTCRtcpParameters("cname", true, 1234L));
        extensions.clear();
        assertThat(parameters.headerExtensions()).hasSize(1);
        assertThat(parameters.muxId()).isEqualTo("0");
        assertThatThrownBy(() -> parameters.codecs().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void synchronizationSourceChecksRangesAndAudioLevel() {
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        RTCRtpSynchronizationSource source = new RTCRtpSynchronizationSource(at, 0xFFFF_FFFFL, 1.0, 0xFFFF_FFFFL);
        assertThat(source.audioLevel()).isEqualTo(1.0);
        RTCRtpSynchronizationSource referenceShape = new RTCRtpSynchronizationSource(at, 42);
        assertThat(referenceShape.audioLevel()).isNull();
        assertThat(referenceShape.rtpTimestamp()).isZero();

        assertThatThrownBy(() -> new RTCRtpSynchronizationSource(null, 1)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new RTCRtpSynchronizationSource(at, -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RTCRtpSynchronizationSource(at, 1, 1.5, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RTCRtpSynchronizationSource(at, 1, Double.NaN, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RTCRtpSynchronizationSource(at, 1, null, 0x1_0000_0000L))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void contributingSourceHasTheSameRules() {
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        assertThat(new RTCRtpContributingSource(at, 7, 0.0, 90000).source()).isEqualTo(7);
        assertThatThrownBy(() -> new RTCRtpContributingSource(at, 7, -0.1, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RTCRtpContributingSource(at, 0x1_0000_0000L, null, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
