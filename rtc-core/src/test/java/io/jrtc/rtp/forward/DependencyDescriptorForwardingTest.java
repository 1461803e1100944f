package io.jrtc.rtp.forward;

import static org.assertj.core.api.Assertions.assertThat;

import io.jrtc.codec.Av1Packetizer;
import io.jrtc.codec.Av1PayloadFormat;
import io.jrtc.codec.RtpPayload;
import io.jrtc.rtp.RtpHeader;
import io.jrtc.rtp.RtpHeaderWriter;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The AV1 dependency descriptor goes to the viewer under the viewer's extension id, as the publisher wrote it but
 * for its frame_number, which continues across a simulcast switch the way sequence numbers do. The payloads are a
 * real libaom keyframe packetized by {@link Av1Packetizer}; a delta frame is the same packets with N = 0, which is
 * all the forwarder reads of them.
 */
class DependencyDescriptorForwardingTest {
    private static final int PUBLISHER_ID = 12;
    private static final int VIEWER_ID = 8;
    /** Stands for the template structure a keyframe's first packet carries: forwarded as it is. */
    private static final byte[] STRUCTURE = {(byte) 0xAB, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08};

    private final ForwardingStream stream = new ForwardingStream(90_000);
    private final List<RtpHeader> received = new ArrayList<>();

    /** One simulcast layer of an AV1 publisher that sends the dependency descriptor. */
    private static final class Layer {
        final int index;
        final List<RtpPayload> keyframe;
        int sequenceNumber;
        int timestamp;
        int frameNumber;

        Layer(int index, int sequenceNumber, int frameNumber) throws Exception {
            this.index = index;
            this.sequenceNumber = sequenceNumber;
            this.frameNumber = frameNumber;
            try (InputStream in = getClass().getResourceAsStream("/io/jrtc/codec/av1-keyframe-64x48.obu")) {
                byte[] unit = in.readAllBytes();
                keyframe = new Av1Packetizer(40).packetize(unit, 0, unit.length);
            }
        }

        List<ForwardedPacket> frame(long arrival, boolean key) throws Exception {
            List<ForwardedPacket> packets = new ArrayList<>();
            for (int i = 0; i < keyframe.size(); i++) {
                byte[] payload = keyframe.get(i).data().clone();
                if (!key) {
                    payload[0] &= ~0x08;  // N = 0
                }
                byte[] descriptor = descriptor(i == 0, i == keyframe.size() - 1, key && i == 0);
                byte[] wire = new byte[300];
                int length = new RtpHeaderWriter().payloadType(45).sequenceNumber(sequenceNumber++ & 0xFFFF)
                        .timestamp(timestamp).ssrc(0x1000 + index).marker(keyframe.get(i).marker())
                        .addExtension(PUBLISHER_ID, descriptor, 0, descriptor.length)
                        .write(wire, 0, payload, 0, payload.length, 0);
                packets.add(ForwardedPacket.copyOf(RtpHeader.parse(wire, 0, length), arrival, index,
                        new Av1PayloadFormat(), PUBLISHER_ID));
            }
            frameNumber = (frameNumber + 1) & 0xFFFF;
            timestamp += 3000;
            return packets;
        }

        private byte[] descriptor(boolean start, boolean end, boolean withStructure) {
            byte[] mandatory = {(byte) ((start ? 0x80 : 0) | (end ? 0x40 : 0) | 0x01), (byte) (frameNumber >>> 8),
                    (byte) frameNumber};
            if (!withStructure) {
                return mandatory;
            }
            byte[] both = Arrays.copyOf(mandatory, 3 + STRUCTURE.length);
            System.arraycopy(STRUCTURE, 0, both, 3, STRUCTURE.length);
            return both;
        }
    }

    private void feed(List<ForwardedPacket> packets) throws Exception {
        for (ForwardedPacket packet : packets) {
            byte[] dst = new byte[1500];
            int length = stream.forward(packet, new RtpHeaderWriter().payloadType(35).ssrc(7), dst);
            if (length != ForwardingStream.NOT_FORWARDED) {
                received.add(RtpHeader.parse(dst, 0, length));
            }
        }
    }

    @Test
    void theFrameNumberContinuesAcrossASwitchAndTheRestIsThePublishers() throws Exception {
        stream.setDependencyDescriptorId(VIEWER_ID);
        Layer low = new Layer(0, 100, 65_534);
        Layer high = new Layer(1, 40_000, 300);
        int packetsPerFrame = low.keyframe.size();
        long now = 0;
        for (int frame = 0; frame < 6; frame++, now += 33_333_333L) {
            if (frame == 2) {
                stream.setTargetLayer(1);
            }
            feed(high.frame(now, frame == 4));
            feed(low.frame(now, frame == 0));
        }
        assertThat(stream.layerSwitches()).isEqualTo(1);
        assertThat(received).hasSize(6 * packetsPerFrame);
        int previous = -1;
        for (int i = 0; i < received.size(); i++) {
            RtpHeader out = received.get(i);
            assertThat(out.extensionOffset(PUBLISHER_ID)).as("only the viewer's id").isEqualTo(-1);
            byte[] descriptor = Arrays.copyOfRange(out.buffer(), out.extensionOffset(VIEWER_ID),
                    out.extensionOffset(VIEWER_ID) + out.extensionLength(VIEWER_ID));
            int frameNumber = (descriptor[1] & 0xFF) << 8 | descriptor[2] & 0xFF;
            boolean firstOfFrame = i % packetsPerFrame == 0;
            if (previous >= 0) {
                assertThat((frameNumber - previous) & 0xFFFF).as("frame number of packet %d", i)
                        .isEqualTo(firstOfFrame ? 1 : 0);
            }
            previous = frameNumber;
            boolean keyframeStart = i == 0 || i == 4 * packetsPerFrame;
            assertThat(descriptor.length).isEqualTo(keyframeStart ? 3 + STRUCTURE.length : 3);
            if (keyframeStart) {
                assertThat(Arrays.copyOfRange(descriptor, 3, descriptor.length)).isEqualTo(STRUCTURE);
            }
        }
    }

    @Test
    void aViewerThatDidNotNegotiateItGetsNoDescriptor() throws Exception {
        Layer layer = new Layer(0, 1, 1);
        feed(layer.frame(0, true));
        assertThat(received).isNotEmpty().allSatisfy(out -> assertThat(out.extension()).isFalse());
    }
}
