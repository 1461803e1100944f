package io.jrtc.rtp.forward;

import io.jrtc.codec.Depacketizer;
import io.jrtc.codec.Vp8PayloadFormat;
import io.jrtc.codec.Vp9PayloadFormat;

/**
 * The picture numbering in a VP8 (RFC 7741 §4.2) or VP9 (RFC 9628 §4.2) payload descriptor, with where each field
 * lies relative to the payload start: a forwarder rewrites the picture id and TL0PICIDX so that they continue
 * across a switch between simulcast layers, since the viewer's decoder orders and references pictures by them.
 * Both descriptors write the picture id the same way (M bit, then 7 or 15 bits). Only VP8's temporal layer is
 * given: VP9 temporal layers are not dropped, since its spatial layers share a picture and would have to be
 * dropped together.
 *
 * @param temporalLayer the VP8 TID, or {@link ForwardedPacket#ABSENT}
 * @param layerSync     the VP8 Y bit: a frame that every higher temporal layer may follow
 */
record PictureNumbering(int pictureId, int pictureIdBits, int pictureIdAt, int tl0PicIdx, int tl0At,
        int temporalLayer, boolean layerSync) {
    private static final int ABSENT = ForwardedPacket.ABSENT;
    static final PictureNumbering NONE = new PictureNumbering(ABSENT, 0, ABSENT, ABSENT, ABSENT, ABSENT, false);

    /** The numbering of a payload already validated by {@code format}; {@link #NONE} for other codecs. */
    static PictureNumbering of(Depacketizer format, byte[] b, int off, int len) {
        if (format instanceof Vp8PayloadFormat) {
            return vp8(b, off, len);
        }
        if (format instanceof Vp9PayloadFormat) {
            return vp9(b, off);
        }
        return NONE;
    }

    private static PictureNumbering vp8(byte[] b, int off, int len) {
        if ((b[off] & 0x80) == 0 || len < 2) {
            return NONE;
        }
        int x = b[off + 1] & 0xFF;
        int pictureIdAt = (x & 0x80) != 0 ? 2 : ABSENT;
        int at = after(b, off, pictureIdAt, 2);
        int tl0At = (x & 0x40) != 0 ? at++ : ABSENT;
        int tid = ABSENT;
        boolean sync = false;
        if ((x & 0x20) != 0) {
            tid = (b[off + at] & 0xFF) >>> 6;
            sync = (b[off + at] & 0x20) != 0;
        }
        return at(b, off, pictureIdAt, tl0At, tid, sync);
    }

    /** I: picture id; L: layer indices, followed by TL0PICIDX unless F (flexible mode). */
    private static PictureNumbering vp9(byte[] b, int off) {
        int first = b[off] & 0xFF;
        int pictureIdAt = (first & 0x80) != 0 ? 1 : ABSENT;
        boolean layerIndices = (first & 0x20) != 0;
        boolean flexible = (first & 0x10) != 0;
        int tl0At = layerIndices && !flexible ? after(b, off, pictureIdAt, 1) + 1 : ABSENT;
        return at(b, off, pictureIdAt, tl0At, ABSENT, false);
    }

    /** Where the field after the picture id at {@code pictureIdAt} (or at {@code at}, without one) begins. */
    private static int after(byte[] b, int off, int pictureIdAt, int at) {
        return pictureIdAt == ABSENT ? at : pictureIdAt + pictureIdBits(b[off + pictureIdAt]) / 8 + 1;
    }

    /** The numbering read from where its fields lie (M bit, then 7 or 15 bits of picture id). */
    private static PictureNumbering at(byte[] b, int off, int pictureIdAt, int tl0At, int tid, boolean sync) {
        int bits = pictureIdAt == ABSENT ? 0 : pictureIdBits(b[off + pictureIdAt]);
        int pictureId = ABSENT;
        if (bits == 15) {
            pictureId = (b[off + pictureIdAt] & 0x7F) << 8 | b[off + pictureIdAt + 1] & 0xFF;
        } else if (bits == 7) {
            pictureId = b[off + pictureIdAt] & 0x7F;
        }
        int tl0 = tl0At == ABSENT ? ABSENT : b[off + tl0At] & 0xFF;
        return new PictureNumbering(pictureId, bits, pictureIdAt, tl0, tl0At, tid, sync);
    }

    private static int pictureIdBits(byte first) {
        return (first & 0x80) != 0 ? 15 : 7;
    }
}
