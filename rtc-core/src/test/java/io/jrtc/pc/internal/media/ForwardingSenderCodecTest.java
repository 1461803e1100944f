package io.jrtc.pc.internal.media;

import static org.assertj.core.api.Assertions.assertThat;

import io.jrtc.sdp.media.RtpCodec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Which of a viewer's negotiated codecs carries a publisher's packets: the payload type is rewritten to it, so it
 * must be one whose decoders decode the publisher's bitstream as it is.
 */
class ForwardingSenderCodecTest {
    private static RtpCodec h264(int payloadType, String profileLevelId, String mode) {
        return new RtpCodec(payloadType, "video/H264", 90_000, 0, Map.of("profile-level-id", profileLevelId,
                "packetization-mode", mode, "level-asymmetry-allowed", "1"), List.of());
    }

    private static RtpCodec rtx(int payloadType, int apt) {
        return new RtpCodec(payloadType, "video/rtx", 90_000, 0, Map.of("apt", String.valueOf(apt)), List.of());
    }

    @Test
    void theSameProfileAndModeIsTakenBeforeOneThatOnlyDecodesIt() {
        RtpCodec publisher = h264(102, "42e01f", "1");
        List<RtpCodec> viewer = List.of(h264(112, "640c1f", "1"), rtx(113, 112), h264(106, "42e034", "1"));
        assertThat(ForwardingSender.receiverOf(publisher, viewer).payloadType()).isEqualTo(106);
    }

    @Test
    void aProfileWhoseDecodersDecodeThePublishersCarriesItsPackets() {
        RtpCodec publisher = h264(96, "42e01f", "1");  // Constrained Baseline
        List<RtpCodec> viewer = List.of(rtx(113, 112), h264(112, "64001f", "1"));  // High
        assertThat(ForwardingSender.receiverOf(publisher, viewer).payloadType()).isEqualTo(112);
    }

    @Test
    void neitherAnotherPacketizationModeNorAProfileThatCannotDecodeItIsTaken() {
        RtpCodec high = h264(112, "640c1f", "1");
        assertThat(ForwardingSender.receiverOf(h264(102, "42e01f", "1"), List.of(h264(104, "42e01f", "0"))))
                .as("mode 0 cannot carry FU-A or STAP-A").isNull();
        assertThat(ForwardingSender.receiverOf(high, List.of(h264(102, "42e01f", "1"))))
                .as("a Constrained Baseline decoder does not decode High").isNull();
    }

    @Test
    void vp9Profile2IsNotSentAsProfile0() {
        RtpCodec profile2 = new RtpCodec(100, "video/VP9", 90_000, 0, Map.of("profile-id", "2"), List.of());
        RtpCodec profile0 = new RtpCodec(98, "video/VP9", 90_000, 0, Map.of("profile-id", "0"), List.of());
        assertThat(ForwardingSender.receiverOf(profile2, List.of(profile0))).isNull();
        assertThat(ForwardingSender.receiverOf(profile0, List.of(profile2, profile0)).payloadType()).isEqualTo(98);
    }

    @Test
    void aFullPayloadOfA1400ByteMtuIsForwarded() {
        // GStreamer's payloaders (mtu 1400) write 1388-byte payloads: dropping them broke every VP9 frame above one
        assertThat(ForwardingSender.fits(1388)).isTrue();
        assertThat(ForwardingSender.fits(ForwardingSender.MAX_PAYLOAD)).isTrue();
        assertThat(ForwardingSender.fits(ForwardingSender.MAX_PAYLOAD + 1)).isFalse();
    }
}
