package io.jrtc.rtp;

import java.util.ArrayList;
import java.util.List;

/**
 * A parsed RTP packet (RFC 3550 §5.1): the fixed header, CSRCs, the header extension block (RFC 3550 §5.3.1,
 * elements per RFC 8285 §4.2/§4.3) and where payload and padding lie. It is a view over the caller's array: the
 * payload and extension values are not copied, so the array must not change while the header is in use. Parsing
 * allocates only this object; extension lookups by id allocate nothing.
 */
public final class RtpHeader {
    public static final int VERSION = 2;
    public static final int FIXED_LENGTH = 12;
    public static final int MAX_CSRCS = 15;

    private final byte[] buffer;
    private final int offset;
    private final int length;
    private final int extensionProfile;
    private final int extensionOffset;
    private final int extensionLength;
    private final int payloadOffset;
    private final int paddingLength;

    private RtpHeader(byte[] buffer, int offset, int length, int extensionProfile, int extensionOffset,
                      int extensionLength, int payloadOffset, int paddingLength) {
        this.buffer = buffer;
        this.offset = offset;
        this.length = length;
        this.extensionProfile = extensionProfile;
        this.extensionOffset = extensionOffset;
        this.extensionLength = extensionLength;
        this.payloadOffset = payloadOffset;
        this.paddingLength = paddingLength;
    }

    /** Parses the {@code len} bytes at {@code off} as one RTP packet; checks every length and RFC 8285 element. */
    public static RtpHeader parse(byte[] b, int off, int len) throws RtpParseException {
        RtpParseException.require(WireBytes.fits(b, off, len), "slice outside the buffer");
        RtpParseException.require(len >= FIXED_LENGTH, "shorter than the RTP fixed header");
        RtpParseException.require((b[off] & 0xFF) >>> 6 == VERSION, "not RTP version 2");
        int end = off + len;
        int at = off + FIXED_LENGTH + 4 * (b[off] & 0x0F);
        RtpParseException.require(at <= end, "CSRC list beyond the packet");
        int profile = -1;
        int extensionAt = at;
        int extensionBytes = 0;
        if ((b[off] & 0x10) != 0) {
            RtpParseException.require(end - at >= 4, "extension header beyond the packet");
            profile = WireBytes.u16(b, at);
            extensionBytes = 4 * WireBytes.u16(b, at + 2);
            extensionAt = at + 4;
            RtpParseException.require(extensionBytes <= end - extensionAt, "extension block beyond the packet");
            validateElements(profile, b, extensionAt, extensionAt + extensionBytes);
            at = extensionAt + extensionBytes;
        }
        int padding = 0;
        if ((b[off] & 0x20) != 0) {
            padding = b[end - 1] & 0xFF;
            RtpParseException.require(padding >= 1 && padding <= end - at, "bad padding count");
        }
        return new RtpHeader(b, off, len, profile, extensionAt, extensionBytes, at, padding);
    }

    private static void validateElements(int profile, byte[] b, int at, int end) throws RtpParseException {
        if (!RtpExtensionProfile.isOneByte(profile) && !RtpExtensionProfile.isTwoByte(profile)) {
            return;
        }
        int headerLength = RtpExtensionProfile.elementHeaderLength(profile);
        for (at = RtpExtensionProfile.skipPadding(profile, b, at, end); at < end;
             at = RtpExtensionProfile.skipPadding(profile, b, at, end)) {
            if (RtpExtensionProfile.isOneByte(profile)
                    && RtpExtensionProfile.elementId(profile, b, at) == RtpExtensionProfile.ONE_BYTE_STOP_ID) {
                return;
            }
            RtpParseException.require(end - at >= headerLength, "extension element header beyond the block");
            at += headerLength + RtpExtensionProfile.elementLength(profile, b, at);
            RtpParseException.require(at <= end, "extension element beyond the block");
        }
    }

    public byte[] buffer() {
        return buffer;
    }

    /** Offset of the first byte of the packet in {@link #buffer()}. */
    public int offset() {
        return offset;
    }

    /** Length of the whole packet: header, payload and padding. */
    public int length() {
        return length;
    }

    public int version() {
        return (buffer[offset] & 0xFF) >>> 6;
    }

    public boolean padding() {
        return (buffer[offset] & 0x20) != 0;
    }

    public boolean extension() {
        return (buffer[offset] & 0x10) != 0;
    }

    public int csrcCount() {
        return buffer[offset] & 0x0F;
    }

    public boolean marker() {
        return (buffer[offset + 1] & 0x80) != 0;
    }

    public int payloadType() {
        return buffer[offset + 1] & 0x7F;
    }

    public int sequenceNumber() {
        return WireBytes.u16(buffer, offset + 2);
    }

    /** The RTP timestamp; an unsigned 32-bit value held in an int. */
    public int timestamp() {
        return WireBytes.i32(buffer, offset + 4);
    }

    /** The SSRC; an unsigned 32-bit value held in an int. */
    public int ssrc() {
        return WireBytes.i32(buffer, offset + 8);
    }

    public int csrc(int index) {
        if (index < 0 || index >= csrcCount()) {
            throw new IndexOutOfBoundsException(index);
        }
        return WireBytes.i32(buffer, offset + FIXED_LENGTH + 4 * index);
    }

    /** The extension block's profile value (0xBEDE, 0x100X or other), or -1 without an extension block. */
    public int extensionProfile() {
        return extensionProfile;
    }

    /** Offset in {@link #buffer()} of the extension block's data (after its 4-byte header). */
    public int extensionDataOffset() {
        return extensionOffset;
    }

    /** Length of the extension block's data, a multiple of 4; 0 without an extension block. */
    public int extensionDataLength() {
        return extensionLength;
    }

    /** Header length: fixed part, CSRCs and the extension block. */
    public int headerLength() {
        return payloadOffset - offset;
    }

    public int payloadOffset() {
        return payloadOffset;
    }

    public int payloadLength() {
        return length - headerLength() - paddingLength;
    }

    /** Number of padding bytes at the end, the count byte included; 0 when the P bit is clear. */
    public int paddingLength() {
        return paddingLength;
    }

    /** Offset in {@link #buffer()} of the value of RFC 8285 element {@code id}, or -1 when absent. */
    public int extensionOffset(int id) {
        long found = locate(id);
        return found < 0 ? -1 : (int) (found >>> 32);
    }

    /** Length of the value of RFC 8285 element {@code id}, or -1 when absent. */
    public int extensionLength(int id) {
        long found = locate(id);
        return found < 0 ? -1 : (int) found;
    }

    /** Calls {@code visitor} for each RFC 8285 element in order, without allocating. */
    public void forEachExtension(ExtensionVisitor visitor) {
        if (!hasElements()) {
            return;
        }
        int end = extensionOffset + extensionLength;
        int headerLength = RtpExtensionProfile.elementHeaderLength(extensionProfile);
        for (int at = RtpExtensionProfile.skipPadding(extensionProfile, buffer, extensionOffset, end); at < end;
             at = RtpExtensionProfile.skipPadding(extensionProfile, buffer, at, end)) {
            int id = RtpExtensionProfile.elementId(extensionProfile, buffer, at);
            if (RtpExtensionProfile.isOneByte(extensionProfile) && id == RtpExtensionProfile.ONE_BYTE_STOP_ID) {
                return;
            }
            int valueLength = RtpExtensionProfile.elementLength(extensionProfile, buffer, at);
            visitor.element(id, buffer, at + headerLength, valueLength);
            at += headerLength + valueLength;
        }
    }

    /** The RFC 8285 elements copied out, in order; for tests and control paths. */
    public List<RtpHeaderExtension> extensions() {
        List<RtpHeaderExtension> out = new ArrayList<>();
        forEachExtension((id, b, off, len) -> out.add(new RtpHeaderExtension(id, java.util.Arrays.copyOfRange(
                b, off, off + len))));
        return out;
    }

    private boolean hasElements() {
        return RtpExtensionProfile.isOneByte(extensionProfile) || RtpExtensionProfile.isTwoByte(extensionProfile);
    }

    /** (value offset << 32 | value length) of element {@code id}, or -1. */
    private long locate(int id) {
        if (!hasElements() || id <= 0) {
            return -1;
        }
        int end = extensionOffset + extensionLength;
        int headerLength = RtpExtensionProfile.elementHeaderLength(extensionProfile);
        for (int at = RtpExtensionProfile.skipPadding(extensionProfile, buffer, extensionOffset, end); at < end;
             at = RtpExtensionProfile.skipPadding(extensionProfile, buffer, at, end)) {
            int elementId = RtpExtensionProfile.elementId(extensionProfile, buffer, at);
            if (RtpExtensionProfile.isOneByte(extensionProfile)
                    && elementId == RtpExtensionProfile.ONE_BYTE_STOP_ID) {
                return -1;
            }
            int valueLength = RtpExtensionProfile.elementLength(extensionProfile, buffer, at);
            if (elementId == id) {
                return ((long) (at + headerLength) << 32) | valueLength;
            }
            at += headerLength + valueLength;
        }
        return -1;
    }

    /** Receives RFC 8285 elements; the value lies at {@code off}, {@code len} bytes, in the packet's array. */
    @FunctionalInterface
    public interface ExtensionVisitor {
        void element(int id, byte[] buffer, int off, int len);
    }

    @Override
    public String toString() {
        return "RtpHeader[pt=" + payloadType() + ", seq=" + sequenceNumber() + ", ts="
                + Integer.toUnsignedString(timestamp()) + ", ssrc=" + Integer.toUnsignedString(ssrc()) + ", marker="
                + marker() + ", csrcs=" + csrcCount() + ", extensionProfile=" + extensionProfile + ", payload="
                + payloadLength() + ", padding=" + paddingLength + "]";
    }
}
