package io.jrtc.srtp;

/**
 * The 32-bit word SRTCP appends after the (encrypted) RTCP packet: the E flag in the top bit, then the 31-bit SRTCP
 * index (RFC 3711 §3.4). It is authenticated, and for AEAD it is associated data (RFC 7714 §9.1).
 */
final class SrtcpTrailer {
    static final int LENGTH = 4;
    static final int ENCRYPTED_FLAG = 0x8000_0000;
    static final int INDEX_MASK = 0x7FFF_FFFF;

    private SrtcpTrailer() {
    }

    static int of(boolean encrypted, int index) {
        return (encrypted ? ENCRYPTED_FLAG : 0) | index & INDEX_MASK;
    }

    static boolean isEncrypted(int trailer) {
        return (trailer & ENCRYPTED_FLAG) != 0;
    }

    static int index(int trailer) {
        return trailer & INDEX_MASK;
    }
}
