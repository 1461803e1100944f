package io.jrtc.codec;

/**
 * ITU-T G.711 companding between 16-bit linear PCM and 8-bit mu-law (PCMU) or A-law (PCMA), the static RTP
 * payload types 0 and 8 (RFC 3551 §4.5.14). Each byte is one sample; every byte decodes, so decoding never fails.
 * Mu-law works on the 14-bit magnitude scaled to 16 bits (bias 132, clipped at 32635); A-law on the top 13 bits.
 */
public final class G711 {
    private static final int MU_LAW_BIAS = 0x84;
    private static final int MU_LAW_CLIP = 32_635;
    /** G.711 inverts the even bits of A-law and marks positive values with the sign bit set. */
    private static final int A_LAW_POSITIVE_MASK = 0xD5;
    private static final int A_LAW_NEGATIVE_MASK = 0x55;

    private G711() {
    }

    public static byte[] encodeMuLaw(short[] pcm) {
        byte[] out = new byte[pcm.length];
        for (int i = 0; i < pcm.length; i++) {
            out[i] = muLaw(pcm[i]);
        }
        return out;
    }

    public static short[] decodeMuLaw(byte[] coded, int off, int len) {
        checkRange(coded, off, len);
        short[] out = new short[len];
        for (int i = 0; i < len; i++) {
            out[i] = muLawToLinear(coded[off + i]);
        }
        return out;
    }

    public static byte[] encodeALaw(short[] pcm) {
        byte[] out = new byte[pcm.length];
        for (int i = 0; i < pcm.length; i++) {
            out[i] = aLaw(pcm[i]);
        }
        return out;
    }

    public static short[] decodeALaw(byte[] coded, int off, int len) {
        checkRange(coded, off, len);
        short[] out = new short[len];
        for (int i = 0; i < len; i++) {
            out[i] = aLawToLinear(coded[off + i]);
        }
        return out;
    }

    /** One sample to mu-law: sign, 3-bit segment (exponent), 4-bit step within it, all bits inverted. */
    public static byte muLaw(short sample) {
        int value = sample;
        int sign = 0;
        if (value < 0) {
            sign = 0x80;
            value = -value;
        }
        value = Math.min(value, MU_LAW_CLIP) + MU_LAW_BIAS;
        int segment = (31 - Integer.numberOfLeadingZeros(value)) - 7;
        int step = (value >> (segment + 3)) & 0x0F;
        return (byte) ~(sign | segment << 4 | step);
    }

    /** One mu-law byte to linear: the middle of the step's interval. */
    public static short muLawToLinear(byte code) {
        int bits = ~code & 0xFF;
        int segment = (bits >> 4) & 0x07;
        int magnitude = ((((bits & 0x0F) << 3) + MU_LAW_BIAS) << segment) - MU_LAW_BIAS;
        return (short) ((bits & 0x80) != 0 ? -magnitude : magnitude);
    }

    /** One sample to A-law: segment 0 and 1 share a step size, each later segment doubles it. */
    public static byte aLaw(short sample) {
        int value = sample >> 3;
        int mask = A_LAW_POSITIVE_MASK;
        if (value < 0) {
            mask = A_LAW_NEGATIVE_MASK;
            value = -value - 1;
        }
        int code;
        if (value < 32) {
            code = value >> 1;
        } else {
            int segment = (31 - Integer.numberOfLeadingZeros(value)) - 4;
            code = segment << 4 | (value >> segment) & 0x0F;
        }
        return (byte) (code ^ mask);
    }

    /** One A-law byte to linear: the middle of the step's interval. */
    public static short aLawToLinear(byte code) {
        int bits = (code & 0xFF) ^ A_LAW_NEGATIVE_MASK;
        int segment = (bits >> 4) & 0x07;
        int magnitude = ((bits & 0x0F) << 4) + 8;
        if (segment >= 1) {
            magnitude = (magnitude + 0x100) << (segment - 1);
        }
        return (short) ((bits & 0x80) != 0 ? magnitude : -magnitude);
    }

    private static void checkRange(byte[] coded, int off, int len) {
        if (off < 0 || len < 0 || off > coded.length - len) {
            throw new IndexOutOfBoundsException("range " + off + "+" + len + " outside " + coded.length);
        }
    }
}
