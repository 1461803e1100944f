package io.jrtc.pc.internal.media;

import static org.assertj.core.api.Assertions.assertThat;

import io.jrtc.sdp.media.ExtMap;
import io.jrtc.sdp.media.RtpCodec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Payload types and extension ids stay bound across the bundle once negotiated (RFC 3264 §8.3.2, RFC 8843 §9). */
class BundleNumberingTest {
    private static final List<RtpCodec> VIDEO = SupportedCodecs.codecs("video");

    @Test
    void nothingBoundKeepsOurNumbers() {
        assertThat(BundleNumbering.keepBoundPayloadTypes(VIDEO, Map.of())).isEqualTo(VIDEO);
        List<ExtMap> ours = SupportedCodecs.headerExtensions("video");
        assertThat(BundleNumbering.keepBoundExtensionIds(ours, Map.of())).isEqualTo(ours);
    }

    @Test
    void aCodecNegotiatedBeforeKeepsItsNumberAndItsRtxFollows() {
        RtpCodec vp8 = VIDEO.get(0);
        RtpCodec rtx = VIDEO.get(1);
        // the remote offerer numbered VP8 120 and its RTX 121; audio took our RTX's 97
        Map<Integer, RtpCodec> bound = Map.of(120, vp8.withPayloadType(120),
                121, rtxFor(121, 120), 97, RtpCodec.of("audio/opus", 48000, 2).withPayloadType(97));
        List<RtpCodec> renumbered = BundleNumbering.keepBoundPayloadTypes(VIDEO, bound);

        assertThat(renumbered.get(0).payloadType()).isEqualTo(120);
        assertThat(renumbered.get(1).payloadType()).isEqualTo(121);
        assertThat(renumbered.get(1).associatedPayloadType()).isEqualTo(120);
        assertThat(renumbered).extracting(RtpCodec::payloadType).doesNotHaveDuplicates().doesNotContain(97);
        assertThat(renumbered.stream().filter(RtpCodec::isRtx))
                .allSatisfy(r -> assertThat(renumbered).anyMatch(c -> c.payloadType() == r.associatedPayloadType()));
        assertThat(rtx.payloadType()).as("the table itself is untouched").isEqualTo(97);
    }

    @Test
    void anExtensionIdBoundToAnotherUriIsNotReused() {
        List<ExtMap> ours = List.of(new ExtMap(1, SupportedCodecs.MID_URI), new ExtMap(2, "urn:example:b"));
        List<ExtMap> renumbered = BundleNumbering.keepBoundExtensionIds(ours,
                Map.of(SupportedCodecs.MID_URI, 4, "urn:example:a", 2));

        assertThat(renumbered).containsExactly(new ExtMap(4, SupportedCodecs.MID_URI), new ExtMap(1, "urn:example:b"));
    }

    private static RtpCodec rtxFor(int payloadType, int associated) {
        return new RtpCodec(payloadType, "video/rtx", 90000, 0,
                Map.of(RtpCodec.RTX_ASSOCIATED_PAYLOAD_TYPE, Integer.toString(associated)), List.of());
    }
}
