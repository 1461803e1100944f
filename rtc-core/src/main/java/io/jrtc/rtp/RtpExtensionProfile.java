package io.jrtc.rtp;

/**
 * The "defined by profile" values of RFC 8285 header extension blocks and how their elements are laid out.
 * {@link #ONE_BYTE} is {@code 0xBEDE} (§4.2); the two-byte form is {@code 0x100} followed by 4 application bits
 * (§4.3). Any other profile is an opaque RFC 3550 §5.3.1 extension.
 */
public final class RtpExtensionProfile {
    public static final int ONE_BYTE = 0xBEDE;
    public static final int TWO_BYTE = 0x1000;
    /** The one-byte form ends at an element whose id is 15 (§4.2). */
    static final int ONE_BYTE_STOP_ID = 15;

    private RtpExtensionProfile() {
    }

    public static boolean isOneByte(int profile) {
        return profile == ONE_BYTE;
    }

    public static boolean isTwoByte(int profile) {
        return (profile & 0xFFF0) == TWO_BYTE;
    }

    /** The element header length of an RFC 8285 profile: 1 or 2. */
    static int elementHeaderLength(int profile) {
        return isOneByte(profile) ? 1 : 2;
    }

    /**
     * Returns the offset of the next element header at or after {@code at}, skipping padding bytes, or {@code end}
     * when there is none. A one-byte element header with id 0 counts as one padding byte whatever its length
     * nibble (RFC 8285 §4.2 reserves id 0 for padding); in the two-byte form padding is a zero byte (§4.3).
     */
    static int skipPadding(int profile, byte[] b, int at, int end) {
        int mask = isOneByte(profile) ? 0xF0 : 0xFF;
        while (at < end && (b[at] & mask) == 0) {
            at++;
        }
        return at;
    }

    /** Element id at {@code at}; in the one-byte form 15 means stop. */
    static int elementId(int profile, byte[] b, int at) {
        return isOneByte(profile) ? (b[at] & 0xFF) >>> 4 : b[at] & 0xFF;
    }

    /** Value length of the element at {@code at} (whose header must be within the block). */
    static int elementLength(int profile, byte[] b, int at) {
        return isOneByte(profile) ? (b[at] & 0x0F) + 1 : b[at + 1] & 0xFF;
    }
}
