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
        int at = 2;
        int pictureId = ABSENT;
        int bits = 0;
        int pictureIdAt = ABSENT;
        if ((x & 0x80) != 0) {
            pictureIdAt = at;
            bits = pictureIdBits(b[off + at]);
            pictureId = pictureId(b, off + at, bits);
            at += bits == 15 ? 2 : 1;
        }
        int tl0 = ABSENT;
        int tl0At = ABSENT;
        if ((x & 0x40) != 0) {
            tl0At = at;
            tl0 = b[off + at++] & 0xFF;
        }
        int tid = ABSENT;
        boolean sync = false;
        if ((x & 0x20) != 0) {
            tid = (b[off + at] & 0xFF) >>> 6;
            sync = (b[off + at] & 0x20) != 0;
        }
        return new PictureNumbering(pictureId, bits, pictureIdAt, tl0, tl0At, tid, sync);
    }

    /** I: picture id; L: layer indices, followed by TL0PICIDX unless F (flexible mode). */
    private static PictureNumbering vp9(byte[] b, int off) {
        int first = b[off] & 0xFF;
        int at = 1;
        int pictureId = ABSENT;
        int bits = 0;
        int pictureIdAt = ABSENT;
        if ((first & 0x80) != 0) {
            pictureIdAt = at;
            bits = pictureIdBits(b[off + at]);
            pictureId = pictureId(b, off + at, bits);
            at += bits == 15 ? 2 : 1;
        }
        boolean layerIndices = (first & 0x20) != 0;
        boolean flexible = (first & 0x10) != 0;
        if (!layerIndices || flexible) {
            return new PictureNumbering(pictureId, bits, pictureIdAt, ABSENT, ABSENT, ABSENT, false);
        }
        int tl0At = at + 1;
        return new PictureNumbering(pictureId, bits, pictureIdAt, b[off + tl0At] & 0xFF, tl0At, ABSENT, false);
    }

    private static int pictureIdBits(byte first) {
        return (first & 0x80) != 0 ? 15 : 7;
    }

    private static int pictureId(byte[] b, int at, int bits) {
        return bits == 15 ? (b[at] & 0x7F) << 8 | b[at + 1] & 0xFF : b[at] & 0x7F;
    }
}
