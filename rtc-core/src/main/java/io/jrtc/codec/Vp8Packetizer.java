package io.jrtc.codec;

import java.util.ArrayList;
import java.util.List;

/**
 * Packetizes VP8 frames per RFC 7741 §4: the frame is cut into payloads of nearly equal size that each fit
 * {@code maxPayloadSize} with the descriptor (§4.2); the first has S = 1 and PID = 0, the last the marker bit
 * (§4.1). Every descriptor carries a 15-bit PictureID that advances by one per frame (wrapping at 2^15), which
 * receivers use to spot lost frames. The whole frame is one partition as far as PID goes, which RFC 7741 §4.4
 * allows. One instance per stream.
 */
public final class Vp8Packetizer {
    private static final int DESCRIPTOR_LENGTH = 4;

    private final int maxPayloadSize;
    private int pictureId;

    /**
     * @param maxPayloadSize   the largest RTP payload to produce, descriptor included (e.g. 1200 minus headers)
     * @param initialPictureId the first frame's PictureID, in [0, 32767]
     */
    public Vp8Packetizer(int maxPayloadSize, int initialPictureId) {
        if (maxPayloadSize <= DESCRIPTOR_LENGTH) {
            throw new IllegalArgumentException("maxPayloadSize must exceed the descriptor: " + maxPayloadSize);
        }
        if (initialPictureId < 0 || initialPictureId > 0x7FFF) {
            throw new IllegalArgumentException("PictureID out of range: " + initialPictureId);
        }
        this.maxPayloadSize = maxPayloadSize;
        this.pictureId = initialPictureId;
    }

    /** The PictureID the next frame will carry. */
    public int nextPictureId() {
        return pictureId;
    }

    /** Cuts one encoded VP8 frame into RTP payloads; the last one has the marker bit. */
    public List<RtpPayload> packetize(byte[] frame, int off, int len) {
        if (frame == null || off < 0 || len < 1 || len > frame.length - off) {
            throw new IllegalArgumentException("VP8 frame slice empty or outside the buffer");
        }
        int room = maxPayloadSize - DESCRIPTOR_LENGTH;
        int count = (len + room - 1) / room;
        int base = len / count;
        int larger = len % count;
        List<RtpPayload> payloads = new ArrayList<>(count);
        int at = off;
        for (int i = 0; i < count; i++) {
            int size = base + (i < larger ? 1 : 0);
            Vp8PayloadDescriptor descriptor = new Vp8PayloadDescriptor(false, i == 0, 0, pictureId, true,
                    Vp8PayloadDescriptor.ABSENT, Vp8PayloadDescriptor.ABSENT, false, Vp8PayloadDescriptor.ABSENT);
            byte[] data = new byte[DESCRIPTOR_LENGTH + size];
            descriptor.encode(data, 0);
            System.arraycopy(frame, at, data, DESCRIPTOR_LENGTH, size);
            at += size;
            payloads.add(new RtpPayload(data, i == count - 1));
        }
        pictureId = (pictureId + 1) & 0x7FFF;
        return payloads;
    }
}
