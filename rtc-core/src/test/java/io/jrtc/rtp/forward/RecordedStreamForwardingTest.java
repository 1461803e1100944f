package io.jrtc.rtp.forward;

import static org.assertj.core.api.Assertions.assertThat;

import io.jrtc.codec.Depacketizer;
import io.jrtc.codec.FrameAssembler;
import io.jrtc.codec.H264NalUnits;
import io.jrtc.codec.H264PayloadFormat;
import io.jrtc.codec.H265PayloadFormat;
import io.jrtc.codec.MediaFrame;
import io.jrtc.codec.Vp9PayloadDescriptor;
import io.jrtc.codec.Vp9PayloadFormat;
import io.jrtc.rtp.RtpHeader;
import io.jrtc.rtp.RtpHeaderWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One viewer's forwarding of real encoder output ({@link RecordedRtp}: 20 frames, keyframes at frames 0 and 10):
 * a viewer that joins mid-stream, or switches simulcast layers, must start at a packet from which its decoder can
 * decode, which for H.264 and H.265 is the one carrying the parameter sets, not the IDR slice after them. What the
 * viewer gets is reassembled with the codec's own depacketizer, as the viewer's decoder would.
 */
class RecordedStreamForwardingTest {
    private static final long FRAME_NANOS = 33_333_333L;
    private static final int KEYFRAME_INTERVAL = 10;
    private static final int FRAMES = 20;

    static Stream<Arguments> recordings() {
        return Stream.of(
                Arguments.of("h264-mode1.rtp", new H264PayloadFormat()),
                Arguments.of("h264-mode0.rtp", new H264PayloadFormat()),
                Arguments.of("h265.rtp", new H265PayloadFormat()),
                Arguments.of("vp9.rtp", new Vp9PayloadFormat()));
    }

    private final ForwardingStream stream = new ForwardingStream(90_000);
    private final List<RtpHeader> received = new ArrayList<>();

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordings")
    void aViewerJoiningMidStreamStartsAtTheNextKeyframeWithEverythingItNeeds(String name, Depacketizer format)
            throws Exception {
        List<List<ForwardedPacket>> frames = RecordedRtp.load(name).frames(0, format, FRAME_NANOS);
        assertThat(frames).hasSize(FRAMES);
        for (List<ForwardedPacket> frame : frames.subList(3, FRAMES)) {
            feed(frame);
        }
        assertThat(stream.pollKeyframeRequest()).as("a keyframe is asked for while waiting").isTrue();
        List<ForwardedPacket> published = fromKeyframeStart(frames.subList(KEYFRAME_INTERVAL, FRAMES));
        assertForwardedAsPublished(published);
        List<MediaFrame> decoded = reassemble(format);
        assertThat(decoded).hasSize(FRAMES - KEYFRAME_INTERVAL);
        assertStartsDecodable(name, format, decoded);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordings")
    void aLayerSwitchHappensAtTheTargetsKeyframeAndTheViewerDecodesAcrossIt(String name, Depacketizer format)
            throws Exception {
        RecordedRtp recording = RecordedRtp.load(name);
        List<List<ForwardedPacket>> low = recording.frames(0, format, FRAME_NANOS);
        List<List<ForwardedPacket>> high = recording.frames(1, format, FRAME_NANOS);
        for (int i = 0; i < FRAMES; i++) {
            if (i == 2) {
                stream.setTargetLayer(1);
            }
            feed(high.get(i));  // at frame 10 the switch, and then the low layer's frame 10 is not forwarded
            feed(low.get(i));
        }
        assertThat(stream.layerSwitches()).isEqualTo(1);
        List<ForwardedPacket> published = new ArrayList<>(fromKeyframeStart(low.subList(0, KEYFRAME_INTERVAL)));
        published.addAll(fromKeyframeStart(high.subList(KEYFRAME_INTERVAL, FRAMES)));
        assertForwardedAsPublished(published);
        List<MediaFrame> decoded = reassemble(format);
        assertThat(decoded).hasSize(FRAMES);
        assertStartsDecodable(name, format, decoded);
        assertThat(decoded.get(KEYFRAME_INTERVAL).keyframe()).as("the first frame of the new layer").isTrue();
        if (format instanceof Vp9PayloadFormat) {
            assertVp9PictureIdsContinue();
        }
        for (int i = 1; i < FRAMES; i++) {
            assertThat(decoded.get(i).rtpTimestamp() - decoded.get(i - 1).rtpTimestamp())
                    .as("timestamp step before frame %d (GStreamer rounds 1/30 s)", i).isBetween(2999, 3001);
        }
    }

    private void feed(List<ForwardedPacket> frame) throws Exception {
        for (ForwardedPacket packet : frame) {
            byte[] dst = new byte[1500];
            int length = stream.forward(packet, new RtpHeaderWriter().payloadType(100).ssrc(0x0BADCAFE), dst);
            if (length != ForwardingStream.NOT_FORWARDED) {
                received.add(RtpHeader.parse(dst, 0, length));
            }
        }
    }

    /** The viewer got exactly these payloads, in order, under one SSRC with consecutive sequence numbers. */
    private void assertForwardedAsPublished(List<ForwardedPacket> published) {
        assertThat(received).hasSameSizeAs(published);
        for (int i = 0; i < received.size(); i++) {
            RtpHeader out = received.get(i);
            ForwardedPacket in = published.get(i);
            assertThat(out.ssrc()).isEqualTo(0x0BADCAFE);
            assertThat(out.payloadType()).isEqualTo(100);
            assertThat(out.marker()).isEqualTo(in.marker());
            assertThat(withoutPictureId(payload(out), in.numbering())).as("payload %d", i).isEqualTo(
                    withoutPictureId(Arrays.copyOfRange(in.data(), in.payloadOffset(), in.data().length),
                            in.numbering()));
            if (i > 0) {
                assertThat(out.sequenceNumber()).isEqualTo((received.get(i - 1).sequenceNumber() + 1) & 0xFFFF);
            }
        }
    }

    /** VP9 picture ids go up by one per picture across the switch, as the viewer's decoder orders pictures by them. */
    private void assertVp9PictureIdsContinue() throws Exception {
        int previous = -1;
        for (RtpHeader out : received) {
            int pictureId = Vp9PayloadDescriptor.parse(out.buffer(), out.payloadOffset(), out.payloadLength())
                    .pictureId();
            if (previous >= 0) {
                assertThat((pictureId - previous) & 0x7FFF).as("picture id after %d", previous).isIn(0, 1);
            }
            previous = pictureId;
        }
    }

    /** The first packet is where a decoder may start, and the first frame is a keyframe complete with it. */
    private void assertStartsDecodable(String name, Depacketizer format, List<MediaFrame> decoded) {
        byte[] first = payload(received.get(0));
        assertThat(format.startsKeyframe(first, 0, first.length)).isTrue();
        assertThat(decoded.get(0).keyframe()).isTrue();
        if (name.startsWith("h264")) {
            byte[] accessUnit = decoded.get(0).data();
            assertThat(H264NalUnits.isSelfContainedKeyframe(accessUnit, 0, accessUnit.length)).isTrue();
        }
    }

    private List<MediaFrame> reassemble(Depacketizer format) {
        FrameAssembler assembler = new FrameAssembler(format);
        received.forEach(packet -> assembler.receive(0, packet));
        List<MediaFrame> frames = new ArrayList<>();
        for (MediaFrame frame = assembler.poll(); frame != null; frame = assembler.poll()) {
            frames.add(frame);
        }
        assertThat(assembler.malformedPackets()).isZero();
        assertThat(assembler.droppedFrames()).isZero();
        return frames;
    }

    /** The payload with the picture id, which a switch rewrites (assertVp9PictureIdsContinue), zeroed. */
    private static byte[] withoutPictureId(byte[] payload, PictureNumbering numbering) {
        if (numbering.pictureIdAt() >= 0) {
            Arrays.fill(payload, numbering.pictureIdAt(),
                    numbering.pictureIdAt() + (numbering.pictureIdBits() == 15 ? 2 : 1), (byte) 0);
        }
        return payload;
    }

    private static byte[] payload(RtpHeader packet) {
        return Arrays.copyOfRange(packet.buffer(), packet.payloadOffset(), packet.payloadOffset()
                + packet.payloadLength());
    }

    /**
     * The packets from the first a viewer may start at: a packetization-mode 0 keyframe starts at its SPS, after
     * the access unit delimiter that GStreamer sends first.
     */
    private static List<ForwardedPacket> fromKeyframeStart(List<List<ForwardedPacket>> frames) {
        List<ForwardedPacket> packets = flatten(frames);
        int start = 0;
        while (!packets.get(start).keyframe()) {
            start++;
        }
        return packets.subList(start, packets.size());
    }

    private static List<ForwardedPacket> flatten(List<List<ForwardedPacket>> frames) {
        return frames.stream().flatMap(List::stream).toList();
    }
}
