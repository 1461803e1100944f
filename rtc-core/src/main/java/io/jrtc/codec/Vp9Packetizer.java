package io.jrtc.codec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Packetizes VP9 frames per RFC 9628 §4 in non-flexible mode without layer indices, as GStreamer's rtpvp9pay
 * does: a frame (a superframe of spatial layers included) is cut into payloads of nearly equal size; the first
 * has B = 1, the last E = 1 and the marker bit (§4.1). Every descriptor carries a 15-bit picture id that advances
 * by one per frame, and P = 0 exactly on keyframes (read from the uncompressed header, VP9 §6.2). A keyframe's
 * first packet carries a scalability structure (§4.2.1) with its size, so receivers learn the resolution.
 * One instance per stream.
 */
public final class Vp9Packetizer {
    private static final int MAX_DESCRIPTOR_LENGTH = 3 + 5;

    private final int maxPayloadSize;
    private int pictureId;

    /**
     * @param maxPayloadSize   the largest RTP payload to produce, descriptor included; more than 8
     * @param initialPictureId the first frame's picture id, in [0, 32767]
     */
    public Vp9Packetizer(int maxPayloadSize, int initialPictureId) {
        if (maxPayloadSize <= MAX_DESCRIPTOR_LENGTH) {
            throw new IllegalArgumentException("maxPayloadSize must exceed the descriptor: " + maxPayloadSize);
        }
        if (initialPictureId < 0 || initialPictureId > 0x7FFF) {
            throw new IllegalArgumentException("picture id out of range: " + initialPictureId);
        }
        this.maxPayloadSize = maxPayloadSize;
        this.pictureId = initialPictureId;
    }

    /** Cuts one encoded VP9 frame (or superframe) into RTP payloads; the last one has the marker bit. */
    public List<RtpPayload> packetize(byte[] frame, int off, int len) {
        if (frame == null || off < 0 || len < 1 || len > frame.length - off) {
            throw new IllegalArgumentException("VP9 frame slice empty or outside the buffer");
        }
        byte[] whole = Arrays.copyOfRange(frame, off, off + len);
        byte[] first = Vp9Frames.splitSuperframe(whole).get(0);
        boolean keyframe = Vp9Frames.isKeyframe(first);
        List<Vp9PayloadDescriptor.Resolution> structure = null;
        if (keyframe) {
            Vp9PayloadDescriptor.Resolution size = Vp9Frames.keyframeSize(first);
            structure = size == null ? List.of() : List.of(size);
        }
        int room = maxPayloadSize - MAX_DESCRIPTOR_LENGTH;
        int count = (len + room - 1) / room;
        int base = len / count;
        int larger = len % count;
        List<RtpPayload> payloads = new ArrayList<>(count);
        int at = 0;
        for (int i = 0; i < count; i++) {
            int size = base + (i < larger ? 1 : 0);
            Vp9PayloadDescriptor descriptor = descriptor(keyframe, i == 0, i == count - 1,
                    i == 0 ? structure : null);
            int header = descriptor.length();
            byte[] data = new byte[header + size];
            descriptor.encode(data, 0);
            System.arraycopy(whole, at, data, header, size);
            at += size;
            payloads.add(new RtpPayload(data, i == count - 1));
        }
        pictureId = (pictureId + 1) & 0x7FFF;
        return payloads;
    }

    private Vp9PayloadDescriptor descriptor(boolean keyframe, boolean begins, boolean ends,
            List<Vp9PayloadDescriptor.Resolution> structure) {
        return new Vp9PayloadDescriptor(!keyframe, false, begins, ends, false, pictureId, true,
                Vp9PayloadDescriptor.ABSENT, false, Vp9PayloadDescriptor.ABSENT, false, Vp9PayloadDescriptor.ABSENT,
                List.of(), structure);
    }
}
