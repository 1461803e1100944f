package io.jrtc.rtp.forward;

import io.jrtc.codec.Depacketizer;
import io.jrtc.codec.Vp8PayloadFormat;
import io.jrtc.codec.Vp9PayloadFormat;

/**
 * The picture numbering in a VP8 (RFC 7741 §4.2) or VP9 (RFC 9628 §4.2) payload descriptor, with where each field
 * lies relative to the payload start: a forwarder rewrites the picture id and TL0PICIDX so that they continue
 * across a switch between simulcast layers, since the viewer's decoder orders and references pictures by them.
 * Both descriptors write the picture id the same way (M bit, then 7 or 15 bits). The layer indices tell what a
 * forwarder may drop: VP8 and VP9 temporal layers, VP9 spatial layers (SVC).
 *
 * @param temporalLayer   the VP8 or VP9 TID, or {@link ForwardedPacket#ABSENT}
 * @param layerSync       the VP8 Y bit (a frame that every higher temporal layer may follow) or the VP9 U bit (a
 *                        switching-up point: later pictures of higher temporal layers reference none before it)
 * @param spatialLayer    the VP9 SID, or {@link ForwardedPacket#ABSENT}
 * @param endsLayerFrame  the VP9 E bit: the last packet of a spatial layer's frame
 * @param pictureIdGapsKept VP9: pictures reference earlier ones by picture id (P_DIFF in flexible mode, the
 *                        picture group in non-flexible mode), so a dropped picture's id stays a gap rather than
 *                        being closed as VP8's is
 */
record PictureNumbering(int pictureId, int pictureIdBits, int pictureIdAt, int tl0PicIdx, int tl0At,
        int temporalLayer, boolean layerSync, int spatialLayer, boolean endsLayerFrame, boolean pictureIdGapsKept) {
    private static final int ABSENT = ForwardedPacket.ABSENT;
    static final PictureNumbering NONE = new PictureNumbering(ABSENT, 0, ABSENT, ABSENT, ABSENT, ABSENT, false,
            ABSENT, true, false);

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

    /** I: picture id; L: layer indices (TID, U, SID, D), followed by TL0PICIDX unless F (flexible mode). */
    private static PictureNumbering vp9(byte[] b, int off) {
        int first = b[off] & 0xFF;
        int pictureIdAt = (first & 0x80) != 0 ? 1 : ABSENT;
        boolean layerIndices = (first & 0x20) != 0;
        boolean flexible = (first & 0x10) != 0;
        boolean endsLayerFrame = (first & 0x04) != 0;
        int layersAt = after(b, off, pictureIdAt, 1);
        int tl0At = layerIndices && !flexible ? layersAt + 1 : ABSENT;
        PictureNumbering ids = at(b, off, pictureIdAt, tl0At, ABSENT, false);
        int tid = ABSENT;
        int sid = ABSENT;
        boolean switchingUp = false;
        if (layerIndices) {
            int layers = b[off + layersAt] & 0xFF;
            tid = layers >>> 5;
            switchingUp = (layers & 0x10) != 0;
            sid = (layers >>> 1) & 0x07;
        }
        return new PictureNumbering(ids.pictureId, ids.pictureIdBits, ids.pictureIdAt, ids.tl0PicIdx, ids.tl0At, tid,
                switchingUp, sid, endsLayerFrame, true);
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
        return new PictureNumbering(pictureId, bits, pictureIdAt, tl0, tl0At, tid, sync, ABSENT, true, false);
    }

    private static int pictureIdBits(byte first) {
        return (first & 0x80) != 0 ? 15 : 7;
    }
}
