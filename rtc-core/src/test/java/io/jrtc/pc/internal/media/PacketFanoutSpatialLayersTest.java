package io.jrtc.pc.internal.media;

import static org.assertj.core.api.Assertions.assertThat;

import io.jrtc.codec.Vp9PayloadDescriptor;
import io.jrtc.rtp.RtpHeader;
import io.jrtc.rtp.RtpHeaderWriter;
import io.jrtc.sdp.media.RtpCodec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The layers a VP9 publisher's one encoding offers its viewers: with SVC its spatial layers, each ranked with the
 * bitrate a viewer of it receives (that layer and those below); without, one layer.
 */
class PacketFanoutSpatialLayersTest {
    private static final long FRAME_NANOS = 33_333_333L;
    private static final RtpCodec VP9 = new RtpCodec(98, "video/VP9", 90_000, 0, Map.of("profile-id", "0"),
            List.of());

    private final PacketFanout fanout = new PacketFanout(() -> { });
    private int sequenceNumber;

    private void publish(long now, int spatialId, int payloadBytes) throws Exception {
        int tid = spatialId < 0 ? Vp9PayloadDescriptor.ABSENT : 0;
        Vp9PayloadDescriptor descriptor = new Vp9PayloadDescriptor(true, false, true, true, false, 5, true, tid,
                false, spatialId < 0 ? Vp9PayloadDescriptor.ABSENT : spatialId, false,
                spatialId < 0 ? Vp9PayloadDescriptor.ABSENT : 0, List.of(), null);
        byte[] payload = new byte[payloadBytes];
        descriptor.encode(payload, 0);
        byte[] wire = new byte[1500];
        int length = new RtpHeaderWriter().payloadType(98).sequenceNumber(sequenceNumber++).timestamp(0).ssrc(1)
                .write(wire, 0, payload, 0, payload.length, 0);
        fanout.publish(RtpHeader.parse(wire, 0, length), now, 0);
    }

    @Test
    void svcSpatialLayersAreRankedWithTheLayersBelowThem() throws Exception {
        fanout.setCodecs(List.of(VP9), NegotiatedParameters.NO_EXTENSION);
        for (int frame = 0; frame <= 31; frame++) {
            publish(frame * FRAME_NANOS, 0, 200);
            publish(frame * FRAME_NANOS, 1, 400);
            publish(frame * FRAME_NANOS, 2, 800);
        }
        long[] bitrates = fanout.layerBitrates();
        System.out.println("{\"spatialLayerBitrates\":" + java.util.Arrays.toString(bitrates) + "}");
        assertThat(fanout.spatialLayers()).isEqualTo(3);
        assertThat(bitrates).hasSize(3);
        assertThat(bitrates[1]).isGreaterThan(2 * bitrates[0]);
        assertThat(bitrates[2]).isGreaterThan(bitrates[1] + 2 * bitrates[0]);
    }

    @Test
    void vp9WithoutLayerIndicesIsOneLayer() throws Exception {
        fanout.setCodecs(List.of(VP9), NegotiatedParameters.NO_EXTENSION);
        for (int frame = 0; frame <= 31; frame++) {
            publish(frame * FRAME_NANOS, -1, 600);
        }
        assertThat(fanout.spatialLayers()).isEqualTo(1);
        assertThat(fanout.layerBitrates()).hasSize(1);
    }

    @Test
    void theSpatialLayerIsReadPastEitherPictureIdWidth() {
        byte[] shortId = {(byte) 0xA8, 0x05, (byte) (1 << 5 | 2 << 1), 0};
        byte[] longId = {(byte) 0xA8, (byte) 0x80, 0x05, (byte) (1 << 5 | 1 << 1), 0};
        assertThat(Vp9PayloadDescriptor.spatialLayerOf(shortId, 0, shortId.length)).isEqualTo(2);
        assertThat(Vp9PayloadDescriptor.spatialLayerOf(longId, 0, longId.length)).isEqualTo(1);
        assertThat(Vp9PayloadDescriptor.spatialLayerOf(longId, 0, 2)).as("truncated")
                .isEqualTo(Vp9PayloadDescriptor.ABSENT);
        assertThat(Vp9PayloadDescriptor.spatialLayerOf(new byte[] {0x08}, 0, 1)).as("no layer indices")
                .isEqualTo(Vp9PayloadDescriptor.ABSENT);
    }
}
