package io.jrtc.rtp.forward;

import io.jrtc.codec.Depacketizer;
import io.jrtc.codec.Vp9PayloadFormat;
import io.jrtc.rtp.RtpHeader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Real publisher packets kept under the test resources, each file the output of a GStreamer 1.22 payloader framed
 * by rtpstreampay (RFC 4571: a two-byte length before each packet), made from 20 frames of videotestsrc
 * (pattern=ball, 128x96 at 30 fps) with a keyframe every 10 frames:
 * <ul>
 * <li>{@code h264-mode1.rtp}: x264enc (constrained baseline, zerolatency) into rtph264pay config-interval=-1
 * aggregate-mode=zero-latency mtu=300 seqnum-offset=65530: STAP-A with the SPS and PPS, FU-A slices, AUDs;</li>
 * <li>{@code h264-mode0.rtp}: the same into rtph264pay aggregate-mode=none mtu=1400: single NAL unit packets only
 * (packetization-mode 0);</li>
 * <li>{@code h265.rtp}: x265enc (zerolatency, option-string=open-gop=0: IDR pictures, which rtph265pay sends after
 * the VPS, SPS and PPS, where an open GOP would make CRA pictures without them) into rtph265pay config-interval=-1
 * mtu=300;</li>
 * <li>{@code vp9.rtp}: vp9enc deadline=1 into rtpvp9pay picture-id-mode=15-bit mtu=300.</li>
 * </ul>
 * {@code layer} copies of a recording stand for simulcast layers: their SSRC, sequence numbers, timestamps and VP9
 * picture ids are moved so that they look like another encoder's (the recordings carry no header extension).
 */
final class RecordedRtp {
    private final List<byte[]> packets;

    private RecordedRtp(List<byte[]> packets) {
        this.packets = packets;
    }

    static RecordedRtp load(String name) {
        try (InputStream in = RecordedRtp.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the test classpath");
            }
            byte[] framed = in.readAllBytes();
            List<byte[]> packets = new ArrayList<>();
            for (int at = 0; at + 2 <= framed.length; ) {
                int length = (framed[at] & 0xFF) << 8 | framed[at + 1] & 0xFF;
                packets.add(java.util.Arrays.copyOfRange(framed, at + 2, at + 2 + length));
                at += 2 + length;
            }
            return new RecordedRtp(packets);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The packets as a publisher's simulcast layer {@code layer} would send them, grouped by frame (timestamp). */
    List<List<ForwardedPacket>> frames(int layer, Depacketizer format, long frameNanos) throws Exception {
        List<List<ForwardedPacket>> frames = new ArrayList<>();
        int lastTimestamp = 0;
        for (byte[] recorded : packets) {
            byte[] wire = recorded.clone();
            add(wire, 2, 2, layer * 20_000);
            add(wire, 4, 4, layer * 900_000);
            add(wire, 8, 4, layer * 0x01010101);
            if (format instanceof Vp9PayloadFormat && (wire[12] & 0x80) != 0 && (wire[13] & 0x80) != 0) {
                add(wire, 13, 2, layer * 1000);  // another encoder's 15-bit picture ids (M stays set)
                wire[13] |= (byte) 0x80;
            }
            RtpHeader header = RtpHeader.parse(wire, 0, wire.length);
            if (frames.isEmpty() || header.timestamp() != lastTimestamp) {
                frames.add(new ArrayList<>());
                lastTimestamp = header.timestamp();
            }
            long arrival = (frames.size() - 1) * frameNanos;
            frames.get(frames.size() - 1).add(ForwardedPacket.copyOf(header, arrival, layer, format));
        }
        return frames;
    }

    /** Adds {@code delta} to the big-endian field of {@code width} bytes at {@code at}, wrapping. */
    private static void add(byte[] b, int at, int width, long delta) {
        long value = 0;
        for (int i = 0; i < width; i++) {
            value = value << 8 | b[at + i] & 0xFF;
        }
        value += delta;
        for (int i = width - 1; i >= 0; i--) {
            b[at + i] = (byte) value;
            value >>>= 8;
        }
    }
}
