package io.jrtc.rtp.forward;

import static org.assertj.core.api.Assertions.assertThat;

import io.jrtc.codec.Vp8PayloadDescriptor;
import io.jrtc.codec.Vp8PayloadFormat;
import io.jrtc.rtp.RtpHeader;
import io.jrtc.rtp.RtpHeaderWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One viewer's forwarding on a virtual clock: a simulcast VP8 publisher's packets in, the viewer's packets out,
 * checked for layer switches at keyframes only and for continuous numbering (RFC 7741 §4.2 picture id and
 * TL0PICIDX, RTP sequence number and timestamp).
 */
class ForwardingStreamTest {
    private static final long FRAME_NANOS = 33_333_333L;
    private static final int VIEWER_SSRC = 0x0BADCAFE;
    private static final Vp8PayloadFormat VP8 = new Vp8PayloadFormat();

    /** A VP8 publisher of one simulcast layer: frames of {@code packetsPerFrame} packets, 15-bit picture ids. */
    private static final class Layer {
        final int index;
        final int ssrc;
        int sequenceNumber;
        int timestamp;
        int pictureId;
        int tl0;

        Layer(int index, int ssrc, int sequenceNumber, int timestamp, int pictureId, int tl0) {
            this.index = index;
            this.ssrc = ssrc;
            this.sequenceNumber = sequenceNumber;
            this.timestamp = timestamp;
            this.pictureId = pictureId;
            this.tl0 = tl0;
        }

        List<ForwardedPacket> frame(long arrival, boolean key, int tid, boolean sync, int packetsPerFrame)
                throws Exception {
            if (tid == 0) {
                tl0 = (tl0 + 1) & 0xFF;
            }
            List<ForwardedPacket> packets = new ArrayList<>();
            for (int i = 0; i < packetsPerFrame; i++) {
                Vp8PayloadDescriptor descriptor = new Vp8PayloadDescriptor(false, i == 0, 0, pictureId, true, tl0,
                        tid, sync, Vp8PayloadDescriptor.ABSENT);
                byte[] payload = new byte[descriptor.length() + 20];
                descriptor.encode(payload, 0);
                payload[descriptor.length()] = (byte) (key ? 0x10 : 0x11);  // P bit: 0 for a keyframe
                byte[] wire = new byte[200];
                int length = new RtpHeaderWriter().payloadType(96).sequenceNumber(sequenceNumber)
                        .timestamp(timestamp).ssrc(ssrc).marker(i == packetsPerFrame - 1)
                        .write(wire, 0, payload, 0, payload.length, 0);
                sequenceNumber = (sequenceNumber + 1) & 0xFFFF;
                packets.add(ForwardedPacket.copyOf(RtpHeader.parse(wire, 0, length), arrival, index, VP8));
            }
            pictureId = (pictureId + 1) & 0x7FFF;
            timestamp += 3000;
            return packets;
        }
    }

    /** What the viewer got, parsed. */
    private record Out(int sequenceNumber, int timestamp, int ssrc, int payloadType, Vp8PayloadDescriptor vp8) {
    }

    private final ForwardingStream stream = new ForwardingStream(90_000);
    private final List<Out> received = new ArrayList<>();

    private void feed(List<ForwardedPacket> packets) throws Exception {
        for (ForwardedPacket packet : packets) {
            RtpHeaderWriter header = new RtpHeaderWriter().payloadType(100).ssrc(VIEWER_SSRC);
            byte[] dst = new byte[1500];
            int length = stream.forward(packet, header, dst);
            if (length != ForwardingStream.NOT_FORWARDED) {
                RtpHeader out = RtpHeader.parse(dst, 0, length);
                received.add(new Out(out.sequenceNumber(), out.timestamp(), out.ssrc(), out.payloadType(),
                        Vp8PayloadDescriptor.parse(dst, out.payloadOffset(), out.payloadLength())));
            }
        }
    }

    @Test
    void nothingGoesOutBeforeAKeyframeWhichIsAskedFor() throws Exception {
        Layer layer = new Layer(0, 1, 100, 0, 5, 0);
        assertThat(stream.pollKeyframeRequest()).isTrue();
        feed(layer.frame(0, false, 0, false, 3));
        assertThat(received).isEmpty();
        feed(layer.frame(FRAME_NANOS, true, 0, false, 3));
        feed(layer.frame(2 * FRAME_NANOS, false, 0, false, 3));
        assertThat(received).hasSize(6);
        assertThat(received).allSatisfy(out -> {
            assertThat(out.ssrc()).isEqualTo(VIEWER_SSRC);
            assertThat(out.payloadType()).isEqualTo(100);
        });
        assertContinuous(received);
    }

    @Test
    void aSwitchWaitsForTheTargetLayersKeyframeAndKeepsEveryNumberContinuous() throws Exception {
        Layer low = new Layer(0, 1, 65_530, 1_000, 32_760, 254);
        Layer high = new Layer(1, 2, 7, 9_000_000, 100, 17);
        long now = 0;
        feed(low.frame(now, true, 0, false, 2));
        stream.pollKeyframeRequest();
        stream.setTargetLayer(1);
        for (int i = 1; i <= 3; i++) {
            now += FRAME_NANOS;
            feed(low.frame(now, false, 0, false, 2));
            feed(high.frame(now, false, 0, false, 4));  // not a keyframe: the low layer goes on
        }
        assertThat(stream.currentLayer()).isZero();
        assertThat(stream.pollKeyframeRequest()).as("the target's keyframe is asked for").isTrue();
        now += FRAME_NANOS;
        feed(high.frame(now, true, 0, false, 4));
        feed(low.frame(now, false, 0, false, 2));  // the old layer is no longer forwarded
        now += FRAME_NANOS;
        feed(high.frame(now, false, 0, false, 4));
        assertThat(stream.currentLayer()).isEqualTo(1);
        assertThat(stream.layerSwitches()).isEqualTo(1);
        assertThat(received).hasSize(4 * 2 + 2 * 4);
        assertContinuous(received);
        Out lastLow = received.get(7);
        Out firstHigh = received.get(8);
        assertThat(firstHigh.timestamp() - lastLow.timestamp()).as("one frame interval of the 90 kHz clock")
                .isEqualTo(3000);
    }

    @Test
    void framesAboveTheTemporalTargetAreDroppedWithoutAGap() throws Exception {
        Layer layer = new Layer(0, 1, 1000, 0, 0, 0);
        stream.setTargetTemporalLayer(0);
        int[] pattern = {0, 2, 1, 2};
        long now = 0;
        for (int frame = 0; frame < 12; frame++, now += FRAME_NANOS) {
            feed(layer.frame(now, frame == 0, pattern[frame % 4], false, 2));
        }
        assertThat(received).hasSize(3 * 2);
        assertThat(received).allSatisfy(out -> assertThat(out.vp8().temporalLayerIndex()).isZero());
        assertContinuous(received);
        assertThat(stream.droppedPackets()).isEqualTo(9 * 2);
    }

    @Test
    void aHigherTemporalTargetWaitsForABaseOrSyncFrame() throws Exception {
        Layer layer = new Layer(0, 1, 1000, 0, 0, 0);
        stream.setTargetTemporalLayer(0);
        feed(layer.frame(0, true, 0, false, 1));
        feed(layer.frame(FRAME_NANOS, false, 2, false, 1));
        stream.setTargetTemporalLayer(2);
        feed(layer.frame(2 * FRAME_NANOS, false, 1, false, 1));  // depends on a frame the viewer lacks: not yet
        feed(layer.frame(3 * FRAME_NANOS, false, 2, true, 1));   // layer sync: from here on
        feed(layer.frame(4 * FRAME_NANOS, false, 0, false, 1));
        assertThat(received).extracting(out -> out.vp8().temporalLayerIndex()).containsExactly(0, 2, 0);
        assertContinuous(received);
    }

    @Test
    void theKeyframeRequestIsRepeatedEverySecondWhileWaiting() throws Exception {
        Layer layer = new Layer(0, 1, 1, 0, 0, 0);
        assertThat(stream.pollKeyframeRequest()).isTrue();
        int requests = 0;
        for (int frame = 0; frame < 90; frame++) {
            feed(layer.frame(frame * FRAME_NANOS, false, 0, false, 1));
            requests += stream.pollKeyframeRequest() ? 1 : 0;
        }
        assertThat(requests).isBetween(2, 4);
        assertThat(received).isEmpty();
    }

    @Test
    void anotherPublishersPacketsContinueTheViewersNumberingFromTheirKeyframe() throws Exception {
        Layer first = new Layer(0, 1, 40_000, 5_000, 700, 3);
        Layer republished = new Layer(0, 9, 12, 77_000_000, 20_000, 200);
        long now = 0;
        feed(first.frame(now, true, 0, false, 2));
        now += FRAME_NANOS;
        feed(first.frame(now, false, 0, false, 2));
        stream.pollKeyframeRequest();
        stream.newSource();
        assertThat(stream.pollKeyframeRequest()).as("the new source's keyframe is asked for").isTrue();
        now += 2_000_000_000L;  // two seconds without a publisher
        feed(republished.frame(now, false, 0, false, 2));
        assertThat(received).hasSize(4);
        now += FRAME_NANOS;
        feed(republished.frame(now, true, 0, false, 2));
        feed(republished.frame(now + FRAME_NANOS, false, 0, false, 2));
        assertThat(received).hasSize(8);
        assertContinuous(received);
        assertThat(received).allSatisfy(out -> assertThat(out.ssrc()).isEqualTo(VIEWER_SSRC));
        assertThat(received.get(4).timestamp() - received.get(3).timestamp())
                .as("the gap on the 90 kHz clock").isEqualTo(90_000 * 2 + 3000);
    }

    /** Sequence numbers follow each other; picture ids and TL0PICIDX go up by one per new picture. */
    private static void assertContinuous(List<Out> packets) {
        for (int i = 1; i < packets.size(); i++) {
            Out before = packets.get(i - 1);
            Out after = packets.get(i);
            assertThat(after.sequenceNumber()).as("sequence number after %s", before)
                    .isEqualTo((before.sequenceNumber() + 1) & 0xFFFF);
            int pictureStep = (after.vp8().pictureId() - before.vp8().pictureId()) & 0x7FFF;
            assertThat(pictureStep).as("picture id after %s", before).isIn(0, 1);
            int tl0Step = (after.vp8().tl0PicIdx() - before.vp8().tl0PicIdx()) & 0xFF;
            assertThat(tl0Step).as("TL0PICIDX after %s", before).isIn(0, 1);
            if (pictureStep == 1) {
                assertThat(after.timestamp() - before.timestamp()).isPositive();
            }
        }
    }
}
