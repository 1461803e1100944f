package io.jrtc.pc.internal.media;

import static org.assertj.core.api.Assertions.assertThat;

import io.jrtc.media.MediaKind;
import io.jrtc.sdp.media.RtpCodec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** W3C targetBitrate and qualityLimitationReason: what the encoder is told, and whether the estimate holds it back. */
class EncoderTargetStatsTest {
    private static final RtpCodec VP8 = new RtpCodec(96, "video/VP8", 90_000, 0, Map.of(), List.of());

    @Test
    void videoBelowItsCapIsLimitedByBandwidth() {
        assertThat(video(1_000_000, 400_000)).containsEntry("targetBitrate", 400_000.0)
                .containsEntry("qualityLimitationReason", "bandwidth");
    }

    @Test
    void videoAtItsCapIsNotLimited() {
        assertThat(video(1_000_000, 1_000_000)).containsEntry("targetBitrate", 1_000_000.0)
                .containsEntry("qualityLimitationReason", "none");
    }

    @Test
    void withoutACapTheEncodersDefaultRateIsTheTarget() {
        assertThat(video(0, 800_000)).containsEntry("qualityLimitationReason", "bandwidth");
        assertThat(video(0, 2_000_000)).containsEntry("qualityLimitationReason", "none");
        assertThat(video(0, 0)).containsEntry("targetBitrate", 1_500_000.0)
                .containsEntry("qualityLimitationReason", "none");
    }

    @Test
    void audioHasOpusRateAndNoLimitationReason() {
        Map<String, Object> opus = new LinkedHashMap<>();
        EncoderTargetStats.add(opus, MediaKind.AUDIO, new RtpCodec(111, "audio/opus", 48_000, 2, Map.of(), List.of()),
                32_000, 0, 20_000);
        assertThat(opus).containsOnlyKeys("targetBitrate").containsEntry("targetBitrate", 32_000.0);

        Map<String, Object> pcmu = new LinkedHashMap<>();
        EncoderTargetStats.add(pcmu, MediaKind.AUDIO, new RtpCodec(0, "audio/PCMU", 8000, 1, Map.of(), List.of()),
                32_000, 0, 20_000);
        assertThat(pcmu.get("targetBitrate")).isNull();
    }

    private static Map<String, Object> video(long cap, long encoderBitrate) {
        Map<String, Object> s = new LinkedHashMap<>();
        EncoderTargetStats.add(s, MediaKind.VIDEO, VP8, 0, cap, encoderBitrate);
        return s;
    }
}
