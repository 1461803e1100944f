package io.jrtc.codec;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Depacketizes VP9 (RFC 9628), profiles 0 to 3 alike, flexible and non-flexible mode: a frame is one picture, the
 * payloads from the base layer's first packet (B = 1, SID 0 or no layer indices) through the one with the marker
 * bit (§4.1), each stripped of its descriptor (§4.2). A picture of several spatial layers (SVC) comes out as a VP9
 * superframe (VP9 Annex B) of its layer frames, which a VP9 decoder takes as one unit. A picture starting with
 * P = 0 in the base layer is a keyframe.
 */
public final class Vp9PayloadFormat implements Depacketizer {
    /** The RTP timestamp rate of VP9, fixed by RFC 9628 §4.1. */
    public static final int CLOCK_RATE = 90_000;

    @Override
    public int inspect(byte[] payload, int off, int len) throws CodecParseException {
        Vp9PayloadDescriptor descriptor = Vp9PayloadDescriptor.parse(payload, off, len);
        return flags(descriptor);
    }

    private static int flags(Vp9PayloadDescriptor descriptor) {
        return (descriptor.startsPicture() ? FRAME_START : 0) | (descriptor.startsKeyframe() ? KEYFRAME : 0);
    }

    /** Whether the packet is the first of a keyframe (§4.2: B = 1, P = 0, base spatial layer); never throws. */
    public static boolean isKeyframeStart(byte[] payload, int off, int len) {
        try {
            return Vp9PayloadDescriptor.parse(payload, off, len).startsKeyframe();
        } catch (CodecParseException malformed) {
            return false;
        }
    }

    @Override
    public boolean startsKeyframe(byte[] payload, int off, int len) {
        return isKeyframeStart(payload, off, len);
    }

    @Override
    public byte[] assemble(PacketRun packets) throws CodecParseException {
        List<byte[]> layerFrames = new ArrayList<>();
        ByteArrayOutputStream current = null;
        for (int i = 0; i < packets.size(); i++) {
            byte[] b = packets.payload(i);
            int len = packets.length(i);
            Vp9PayloadDescriptor descriptor = Vp9PayloadDescriptor.parse(b, 0, len);
            int header = Vp9PayloadDescriptor.headerLength(b, 0, len);
            CodecParseException.require(i > 0 || descriptor.startsPicture(), "VP9 picture does not begin with B=1");
            if (descriptor.beginsFrame()) {
                CodecParseException.require(current == null, "VP9 layer frame begins before the last one ended");
                current = new ByteArrayOutputStream(len * (packets.size() - i));
            }
            CodecParseException.require(current != null, "VP9 packet outside a layer frame");
            current.write(b, header, len - header);
            if (descriptor.endsFrame()) {
                CodecParseException.require(current.size() > 0, "empty VP9 layer frame");
                layerFrames.add(current.toByteArray());
                current = null;
            }
        }
        CodecParseException.require(current == null, "VP9 picture ends inside a layer frame (no E bit)");
        CodecParseException.require(!layerFrames.isEmpty() && layerFrames.size() <= 8,
                "a VP9 picture holds 1 to 8 layer frames");
        return Vp9Frames.joinSuperframe(layerFrames);
    }
}
