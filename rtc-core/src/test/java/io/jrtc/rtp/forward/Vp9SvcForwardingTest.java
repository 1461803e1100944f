package io.jrtc.rtp.forward;

import static org.assertj.core.api.Assertions.assertThat;

import io.jrtc.codec.Vp9PayloadDescriptor;
import io.jrtc.codec.Vp9PayloadFormat;
import io.jrtc.rtp.RtpHeader;
import io.jrtc.rtp.RtpHeaderWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One viewer's forwarding of a VP9 SVC publisher (RFC 9628) on a virtual clock: pictures of three spatial layers
 * (two packets each) in the three temporal layers of L3T3 (TID 0, 2, 1, 2, ...), crafted descriptors in, the
 * viewer's packets out, checked for the layers dropped, the marker on the last packet forwarded of each picture,
 * continuous sequence numbers and picture ids left as the publisher wrote them.
 */
class Vp9SvcForwardingTest {
    private static final long FRAME_NANOS = 33_333_333L;
    private static final int SPATIAL_LAYERS = 3;
    private static final int PACKETS_PER_LAYER = 2;
    private static final int[] TEMPORAL_PATTERN = {0, 2, 1, 2};
    private static final Vp9PayloadFormat VP9 = new Vp9PayloadFormat();

    /** What the viewer got, parsed. */
    private record Out(int sequenceNumber, int timestamp, boolean marker, Vp9PayloadDescriptor vp9) {
    }

    private final ForwardingStream stream = new ForwardingStream(90_000);
    private final List<Out> received = new ArrayList<>();
    private int sequenceNumber = 65_500;
    private int timestamp = 1_000;
    private int pictureId = 32_700;
    private int tl0 = 250;
    private int pictures;
    private boolean flexible;

    /** The next picture, all spatial layers; a keyframe restarts the temporal pattern. */
    private List<ForwardedPacket> picture(boolean key) throws Exception {
        if (key) {
            pictures = 0;
        }
        int tid = TEMPORAL_PATTERN[pictures++ % TEMPORAL_PATTERN.length];
        if (tid == 0) {
            tl0 = (tl0 + 1) & 0xFF;
        }
        boolean switchingUp = !key && tid < 2;  // as libvpx's L3T3: a higher layer may follow from here
        List<ForwardedPacket> packets = new ArrayList<>();
        for (int sid = 0; sid < SPATIAL_LAYERS; sid++) {
            for (int i = 0; i < PACKETS_PER_LAYER; i++) {
                boolean interPicture = !key;
                List<Integer> diffs = flexible && interPicture ? List.of(tid == 0 ? 4 : tid == 1 ? 2 : 1) : List.of();
                List<Vp9PayloadDescriptor.Resolution> ss = key && sid == 0 && i == 0
                        ? List.of(new Vp9PayloadDescriptor.Resolution(320, 180),
                                new Vp9PayloadDescriptor.Resolution(640, 360),
                                new Vp9PayloadDescriptor.Resolution(1280, 720))
                        : null;
                Vp9PayloadDescriptor descriptor = new Vp9PayloadDescriptor(interPicture, flexible, i == 0,
                        i == PACKETS_PER_LAYER - 1, false, pictureId, true, tid, switchingUp, sid, key && sid > 0,
                        flexible ? Vp9PayloadDescriptor.ABSENT : tl0, diffs, ss);
                byte[] payload = new byte[descriptor.length() + 20];
                descriptor.encode(payload, 0);
                byte[] wire = new byte[200];
                boolean last = sid == SPATIAL_LAYERS - 1 && i == PACKETS_PER_LAYER - 1;
                int length = new RtpHeaderWriter().payloadType(98).sequenceNumber(sequenceNumber)
                        .timestamp(timestamp).ssrc(7).marker(last).write(wire, 0, payload, 0, payload.length, 0);
                sequenceNumber = (sequenceNumber + 1) & 0xFFFF;
                packets.add(ForwardedPacket.copyOf(RtpHeader.parse(wire, 0, length), pictures * FRAME_NANOS, 0,
                        VP9));
            }
        }
        pictureId = (pictureId + 1) & 0x7FFF;
        timestamp += 3000;
        return packets;
    }

    private void feed(List<ForwardedPacket> packets) throws Exception {
        for (ForwardedPacket packet : packets) {
            RtpHeaderWriter header = new RtpHeaderWriter().payloadType(98).ssrc(9);
            byte[] dst = new byte[1500];
            int length = stream.forward(packet, header, dst);
            if (length != ForwardingStream.NOT_FORWARDED) {
                RtpHeader out = RtpHeader.parse(dst, 0, length);
                received.add(new Out(out.sequenceNumber(), out.timestamp(), out.marker(),
                        Vp9PayloadDescriptor.parse(dst, out.payloadOffset(), out.payloadLength())));
            }
        }
    }

    private void feedPictures(int count) throws Exception {
        for (int i = 0; i < count; i++) {
            feed(picture(false));
        }
    }

    @Test
    void everyLayerGoesOutByDefaultWithThePublishersMarker() throws Exception {
        feed(picture(true));
        feedPictures(3);
        assertThat(received).hasSize(4 * SPATIAL_LAYERS * PACKETS_PER_LAYER);
        assertThat(received.stream().filter(Out::marker).map(out -> out.vp9().spatialId()).toList())
                .containsExactly(2, 2, 2, 2);
        assertContinuous();
    }

    @Test
    void aLowerSpatialTargetDropsTheLayersAboveAndMarksTheEndOfEachPicture() throws Exception {
        stream.setTargetSpatialLayer(0);
        feed(picture(true));
        feedPictures(7);
        assertThat(received).hasSize(8 * PACKETS_PER_LAYER);
        assertThat(received).allSatisfy(out -> assertThat(out.vp9().spatialId()).isZero());
        assertThat(received.stream().filter(Out::marker).count()).isEqualTo(8);
        assertThat(received).allSatisfy(out -> assertThat(out.marker()).isEqualTo(out.vp9().endsFrame()));
        assertThat(received.get(0).vp9().resolutions()).as("the keyframe's scalability structure is forwarded")
                .hasSize(3);
        assertContinuous();
    }

    @Test
    void goingDownTakesTheNextPictureAndGoingUpWaitsForAKeyframeWhichIsAskedFor() throws Exception {
        feed(picture(true));
        stream.pollKeyframeRequest();
        stream.setTargetSpatialLayer(1);
        feedPictures(2);
        assertThat(stream.currentSpatialLayer()).isEqualTo(1);
        assertThat(received.subList(SPATIAL_LAYERS * PACKETS_PER_LAYER, received.size()))
                .allSatisfy(out -> assertThat(out.vp9().spatialId()).isLessThanOrEqualTo(1));
        stream.setTargetSpatialLayer(2);
        int before = received.size();
        feedPictures(2);
        assertThat(stream.currentSpatialLayer()).as("an upper layer's delta frames need its earlier frames")
                .isEqualTo(1);
        assertThat(received.size() - before).isEqualTo(2 * 2 * PACKETS_PER_LAYER);
        assertThat(stream.pollKeyframeRequest()).isTrue();
        feed(picture(true));
        assertThat(stream.currentSpatialLayer()).isEqualTo(2);
        assertThat(received.get(received.size() - 1).vp9().spatialId()).isEqualTo(2);
        assertContinuous();
    }

    @Test
    void temporalLayersAboveTheTargetAreDroppedKeepingThePictureIdsAndGoUpAtASwitchingPoint() throws Exception {
        stream.setTargetSpatialLayer(0);
        stream.setTargetTemporalLayer(0);
        feed(picture(true));
        feedPictures(7);  // TID 2 1 2 0 2 1 2
        assertThat(received).hasSize(2 * PACKETS_PER_LAYER);
        assertThat(received).allSatisfy(out -> assertThat(out.vp9().temporalId()).isZero());
        int first = received.get(0).vp9().pictureId();
        assertThat(received.get(received.size() - 1).vp9().pictureId())
                .as("the picture group references by picture id: dropped pictures leave their ids unused")
                .isEqualTo((first + 4) & 0x7FFF);
        stream.setTargetTemporalLayer(ForwardingStream.ALL_TEMPORAL_LAYERS);
        int before = received.size();
        feedPictures(4);  // TID 0 with U: every layer from there on
        assertThat(received.size() - before).isEqualTo(4 * PACKETS_PER_LAYER);
        assertContinuous();
    }

    @Test
    void flexibleModeReferencesStayValidWhenTemporalLayersAreDropped() throws Exception {
        flexible = true;
        stream.setTargetTemporalLayer(1);
        feed(picture(true));
        feedPictures(7);
        List<Integer> ids = received.stream().filter(out -> out.vp9().beginsFrame() && out.vp9().spatialId() == 0)
                .map(out -> out.vp9().pictureId()).toList();
        assertThat(ids).hasSize(4);  // TID 0 (the keyframe) 1 0 1
        for (int i = 1; i < ids.size(); i++) {
            assertThat(ids.get(i) - ids.get(i - 1)).isEqualTo(2);
        }
        assertContinuous();
    }

    private void assertContinuous() {
        for (int i = 1; i < received.size(); i++) {
            assertThat(received.get(i).sequenceNumber())
                    .isEqualTo((received.get(i - 1).sequenceNumber() + 1) & 0xFFFF);
            assertThat(received.get(i).timestamp() - received.get(i - 1).timestamp()).isIn(0, 3000, 6000, 9000,
                    12_000);
        }
    }
}
