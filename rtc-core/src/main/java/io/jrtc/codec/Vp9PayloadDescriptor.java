package io.jrtc.codec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The VP9 payload descriptor (RFC 9628 §4.2) that starts every VP9 RTP payload:
 * <pre>
 *        0 1 2 3 4 5 6 7
 *       +-+-+-+-+-+-+-+-+
 *       |I|P|L|F|B|E|V|Z| (required)
 *       +-+-+-+-+-+-+-+-+
 *  I:   |M| PICTURE ID  | (7 bits, or 15 over two bytes when M = 1)
 *       +-+-+-+-+-+-+-+-+
 *  L:   |  TID  |U| SID |D| (layer indices)
 *       +-+-+-+-+-+-+-+-+
 *       |   TL0PICIDX   | (non-flexible mode only, F = 0)
 *       +-+-+-+-+-+-+-+-+
 *  P,F: | P_DIFF      |N| (flexible mode, up to 3 reference indices)
 *       +-+-+-+-+-+-+-+-+
 *  V:   | SS            | (scalability structure, §4.2.1)
 * </pre>
 * Absent numbers are {@link #ABSENT}. Of the scalability structure the layer resolutions are kept; a picture
 * group (G = 1) is read past and not kept, so {@link #encode} writes SS without one. {@link #headerLength} gives a
 * received descriptor's length.
 *
 * @param interPicture     P: the frame references an earlier picture
 * @param flexible         F: flexible mode, references given as P_DIFFs
 * @param beginsFrame      B: first packet of a layer frame
 * @param endsFrame        E: last packet of a layer frame
 * @param notUpswitchRef   Z: not used as a reference by an upper spatial layer
 * @param pictureId        the 7- or 15-bit picture id, or {@link #ABSENT}
 * @param longPictureId    M: the picture id has 15 bits
 * @param temporalId       TID, or {@link #ABSENT} without layer indices
 * @param switchingUp      U: switching up to a higher temporal layer is possible here
 * @param spatialId        SID, or {@link #ABSENT} without layer indices
 * @param interLayer       D: the frame depends on the spatial layer below
 * @param tl0PicIdx        TL0PICIDX in non-flexible mode with layer indices, else {@link #ABSENT}
 * @param referenceDiffs   the P_DIFFs in flexible mode (1 to 3 of them when P = 1)
 * @param resolutions      null without SS (V = 0); else the layer resolutions it gives (empty when Y = 0)
 */
public record Vp9PayloadDescriptor(boolean interPicture, boolean flexible, boolean beginsFrame, boolean endsFrame,
                                   boolean notUpswitchRef, int pictureId, boolean longPictureId, int temporalId,
                                   boolean switchingUp, int spatialId, boolean interLayer, int tl0PicIdx,
                                   List<Integer> referenceDiffs, List<Resolution> resolutions) {
    public static final int ABSENT = -1;
    private static final int MAX_REFERENCES = 3;
    private static final int MAX_SPATIAL_LAYERS = 8;

    /** One spatial layer's picture size from the scalability structure. */
    public record Resolution(int width, int height) {
        public Resolution {
            check(width >= 0 && width <= 0xFFFF && height >= 0 && height <= 0xFFFF, "resolution out of range");
        }
    }

    public Vp9PayloadDescriptor {
        check(pictureId == ABSENT || pictureId >= 0 && pictureId <= (longPictureId ? 0x7FFF : 0x7F),
                "picture id out of range");
        check(pictureId != ABSENT || !longPictureId, "M without a picture id");
        check((temporalId == ABSENT) == (spatialId == ABSENT), "TID and SID come together");
        check(temporalId == ABSENT || temporalId >= 0 && temporalId <= 7 && spatialId >= 0 && spatialId <= 7,
                "layer index out of range");
        check(temporalId != ABSENT || !switchingUp && !interLayer, "U or D without layer indices");
        check(tl0PicIdx == ABSENT || tl0PicIdx >= 0 && tl0PicIdx <= 0xFF, "TL0PICIDX out of range");
        check((tl0PicIdx != ABSENT) == (temporalId != ABSENT && !flexible),
                "TL0PICIDX comes exactly with layer indices in non-flexible mode");
        referenceDiffs = List.copyOf(referenceDiffs);
        check(referenceDiffs.isEmpty() || flexible && interPicture, "P_DIFF only in flexible mode with P = 1");
        check(!(flexible && interPicture) || !referenceDiffs.isEmpty() && referenceDiffs.size() <= MAX_REFERENCES,
                "flexible mode with P = 1 needs 1 to 3 P_DIFFs");
        check(referenceDiffs.stream().allMatch(d -> d >= 1 && d <= 0x7F), "P_DIFF out of range");
        resolutions = resolutions == null ? null : List.copyOf(resolutions);
        check(resolutions == null || resolutions.size() <= MAX_SPATIAL_LAYERS, "more than eight spatial layers");
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /** Whether the scalability structure (V = 1) was present. */
    public boolean hasScalabilityStructure() {
        return resolutions != null;
    }

    /**
     * Whether this packet begins a picture that decodes on its own: the first packet (B = 1) of the base spatial
     * layer's frame (SID 0 or no layer indices) that references no earlier picture (P = 0), §4.2's "key picture".
     */
    public boolean startsKeyframe() {
        return beginsFrame && !interPicture && spatialId <= 0;
    }

    /** Whether this packet begins a picture: B = 1 in the base spatial layer. */
    public boolean startsPicture() {
        return beginsFrame && spatialId <= 0;
    }

    /**
     * Parses the descriptor at the start of a payload.
     *
     * @throws CodecParseException when the descriptor is truncated or breaks a rule of §4.2
     */
    public static Vp9PayloadDescriptor parse(byte[] b, int off, int len) throws CodecParseException {
        return parse(new Reader(b, off, len));
    }

    /**
     * The spatial layer (SID) of a payload, read from its first bytes without parsing the rest, or {@link #ABSENT}
     * without layer indices or for a payload too short to tell.
     */
    public static int spatialLayerOf(byte[] b, int off, int len) {
        if (len < 1 || (b[off] & 0x20) == 0) {
            return ABSENT;
        }
        int at = off + 1;
        if ((b[off] & 0x80) != 0) {
            at += at < off + len && (b[at] & 0x80) != 0 ? 2 : 1;
        }
        return at < off + len ? (b[at] >>> 1) & 0x07 : ABSENT;
    }

    /** The length of the descriptor at the start of a payload. */
    public static int headerLength(byte[] b, int off, int len) throws CodecParseException {
        Reader in = new Reader(b, off, len);
        parse(in);
        return in.at - off;
    }

    private static Vp9PayloadDescriptor parse(Reader in) throws CodecParseException {
        int first = in.next();
        boolean hasPictureId = (first & 0x80) != 0;
        boolean interPicture = (first & 0x40) != 0;
        boolean hasLayers = (first & 0x20) != 0;
        boolean flexible = (first & 0x10) != 0;
        int pictureId = ABSENT;
        boolean longPictureId = false;
        if (hasPictureId) {
            int m = in.next();
            longPictureId = (m & 0x80) != 0;
            pictureId = longPictureId ? (m & 0x7F) << 8 | in.next() : m;
        }
        int temporalId = ABSENT;
        int spatialId = ABSENT;
        boolean switchingUp = false;
        boolean interLayer = false;
        int tl0PicIdx = ABSENT;
        if (hasLayers) {
            int layers = in.next();
            temporalId = layers >>> 5;
            switchingUp = (layers & 0x10) != 0;
            spatialId = (layers >>> 1) & 0x07;
            interLayer = (layers & 0x01) != 0;
            if (!flexible) {
                tl0PicIdx = in.next();
            }
        }
        List<Integer> diffs = List.of();
        if (flexible && interPicture) {
            Integer[] found = new Integer[MAX_REFERENCES];
            int count = 0;
            boolean more = true;
            while (more) {
                CodecParseException.require(count < MAX_REFERENCES, "more than three VP9 reference indices");
                int diff = in.next();
                CodecParseException.require(diff >>> 1 != 0, "VP9 P_DIFF of zero");
                found[count++] = diff >>> 1;
                more = (diff & 0x01) != 0;
            }
            diffs = List.of(Arrays.copyOf(found, count));
        }
        List<Resolution> resolutions = (first & 0x02) != 0 ? scalabilityStructure(in) : null;
        return new Vp9PayloadDescriptor(interPicture, flexible, (first & 0x08) != 0, (first & 0x04) != 0,
                (first & 0x01) != 0, pictureId, longPictureId, temporalId, switchingUp, spatialId, interLayer,
                tl0PicIdx, diffs, resolutions);
    }

    /** §4.2.1: N_S, Y and G, the layer resolutions when Y = 1, and the picture group when G = 1. */
    private static List<Resolution> scalabilityStructure(Reader in) throws CodecParseException {
        int header = in.next();
        int layers = (header >>> 5) + 1;
        List<Resolution> resolutions = new ArrayList<>();
        if ((header & 0x10) != 0) {
            for (int i = 0; i < layers; i++) {
                int width = in.next() << 8 | in.next();
                int height = in.next() << 8 | in.next();
                resolutions.add(new Resolution(width, height));
            }
        }
        if ((header & 0x08) != 0) {
            int pictures = in.next();
            for (int i = 0; i < pictures; i++) {
                int references = (in.next() >>> 2) & 0x03;
                for (int r = 0; r < references; r++) {
                    in.next();
                }
            }
        }
        return List.copyOf(resolutions);
    }

    /** The encoded length in bytes. */
    public int length() {
        int length = 1 + (pictureId == ABSENT ? 0 : longPictureId ? 2 : 1);
        length += temporalId == ABSENT ? 0 : flexible ? 1 : 2;
        length += referenceDiffs.size();
        if (resolutions != null) {
            length += 1 + 4 * resolutions.size();
        }
        return length;
    }

    /**
     * Writes the descriptor at {@code at}; an SS gets N_S from its resolutions (one layer when it has none) and
     * no picture group. Returns the length written.
     */
    public int encode(byte[] out, int at) {
        int start = at;
        out[at++] = (byte) ((pictureId != ABSENT ? 0x80 : 0) | (interPicture ? 0x40 : 0)
                | (temporalId != ABSENT ? 0x20 : 0) | (flexible ? 0x10 : 0) | (beginsFrame ? 0x08 : 0)
                | (endsFrame ? 0x04 : 0) | (resolutions != null ? 0x02 : 0) | (notUpswitchRef ? 0x01 : 0));
        if (pictureId != ABSENT) {
            if (longPictureId) {
                out[at++] = (byte) (0x80 | pictureId >>> 8);
            }
            out[at++] = (byte) pictureId;
        }
        if (temporalId != ABSENT) {
            out[at++] = (byte) (temporalId << 5 | (switchingUp ? 0x10 : 0) | spatialId << 1 | (interLayer ? 1 : 0));
            if (!flexible) {
                out[at++] = (byte) tl0PicIdx;
            }
        }
        for (int i = 0; i < referenceDiffs.size(); i++) {
            out[at++] = (byte) (referenceDiffs.get(i) << 1 | (i < referenceDiffs.size() - 1 ? 1 : 0));
        }
        if (resolutions != null) {
            int layers = Math.max(1, resolutions.size());
            out[at++] = (byte) ((layers - 1) << 5 | (resolutions.isEmpty() ? 0 : 0x10));
            for (Resolution resolution : resolutions) {
                out[at++] = (byte) (resolution.width() >>> 8);
                out[at++] = (byte) resolution.width();
                out[at++] = (byte) (resolution.height() >>> 8);
                out[at++] = (byte) resolution.height();
            }
        }
        return at - start;
    }

    /** Bytes of a descriptor, each read checked against the payload's end. */
    private static final class Reader {
        private final byte[] bytes;
        private final int end;
        private int at;

        Reader(byte[] bytes, int off, int len) throws CodecParseException {
            CodecParseException.require(bytes != null && off >= 0 && len >= 1 && len <= bytes.length - off,
                    "empty VP9 payload or slice outside the buffer");
            this.bytes = bytes;
            this.at = off;
            this.end = off + len;
        }

        int next() throws CodecParseException {
            CodecParseException.require(at < end, "VP9 payload descriptor truncated");
            return bytes[at++] & 0xFF;
        }
    }
}
