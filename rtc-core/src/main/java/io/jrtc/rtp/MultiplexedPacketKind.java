package io.jrtc.rtp;

/**
 * What a datagram on a multiplexed WebRTC 5-tuple is, from its first bytes: RFC 7983 §7 first-byte ranges, and
 * RTP versus RTCP by RFC 5761 §4 (RTCP packet types 192-223 sit where RTP payload types 64-95 would be).
 */
public enum MultiplexedPacketKind {
    STUN, ZRTP, DTLS, TURN_CHANNEL, RTP, RTCP, UNKNOWN;

    /** Classifies {@code len} bytes at {@code off}; an empty or out-of-range slice is {@link #UNKNOWN}. */
    public static MultiplexedPacketKind classify(byte[] b, int off, int len) {
        if (!WireBytes.fits(b, off, len) || len == 0) {
            return UNKNOWN;
        }
        int first = b[off] & 0xFF;
        if (first <= 3) {
            return STUN;
        }
        if (first >= 16 && first <= 19) {
            return ZRTP;
        }
        if (first >= 20 && first <= 63) {
            return DTLS;
        }
        if (first >= 64 && first <= 79) {
            return TURN_CHANNEL;
        }
        if (first >= 128 && first <= 191) {
            return len >= 2 && isRtcpPacketType(b[off + 1] & 0xFF) ? RTCP : RTP;
        }
        return UNKNOWN;
    }

    /** RFC 5761 §4: the second byte with the marker bit masked off falls in 64-95 only for RTCP. */
    public static boolean isRtcpPacketType(int secondByte) {
        int type = secondByte & 0x7F;
        return type >= 64 && type <= 95;
    }
}
