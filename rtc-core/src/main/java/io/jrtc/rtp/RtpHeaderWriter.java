package io.jrtc.rtp;

import java.util.Arrays;

/**
 * Builds RTP packets (RFC 3550 §5.1) into a caller's buffer. Reusable: {@link #reset()} and set the fields again
 * for the next packet, so the send path allocates nothing once the internal arrays have grown. Header extension
 * elements use the one-byte form (RFC 8285 §4.2) when every id is 1-14 and every value 1-16 bytes long, else the
 * two-byte form (§4.3); {@link #twoByteExtensions(int)} forces the latter.
 */
public final class RtpHeaderWriter {
    private boolean marker;
    private int payloadType;
    private int sequenceNumber;
    private int timestamp;
    private int ssrc;
    private final int[] csrcs = new int[RtpHeader.MAX_CSRCS];
    private int csrcCount;
    private int[] ids = new int[8];
    private int[] valueLengths = new int[8];
    private int extensionCount;
    private byte[] values = new byte[64];
    private int valuesLength;
    private boolean forceTwoByte;
    private int appBits;
    private int opaqueProfile = -1;

    /** Clears every field, CSRC and extension. */
    public RtpHeaderWriter reset() {
        marker = false;
        payloadType = 0;
        sequenceNumber = 0;
        timestamp = 0;
        ssrc = 0;
        csrcCount = 0;
        extensionCount = 0;
        valuesLength = 0;
        forceTwoByte = false;
        appBits = 0;
        opaqueProfile = -1;
        return this;
    }

    public RtpHeaderWriter marker(boolean marker) {
        this.marker = marker;
        return this;
    }

    public RtpHeaderWriter payloadType(int payloadType) {
        if (payloadType < 0 || payloadType > 127) {
            throw new IllegalArgumentException("payload type must be 0-127");
        }
        this.payloadType = payloadType;
        return this;
    }

    public RtpHeaderWriter sequenceNumber(int sequenceNumber) {
        this.sequenceNumber = sequenceNumber & 0xFFFF;
        return this;
    }

    public RtpHeaderWriter timestamp(int timestamp) {
        this.timestamp = timestamp;
        return this;
    }

    public RtpHeaderWriter ssrc(int ssrc) {
        this.ssrc = ssrc;
        return this;
    }

    public RtpHeaderWriter addCsrc(int csrc) {
        if (csrcCount == RtpHeader.MAX_CSRCS) {
            throw new IllegalStateException("at most 15 CSRCs");
        }
        csrcs[csrcCount++] = csrc;
        return this;
    }

    /** Uses the two-byte element form with these 4 application bits (RFC 8285 §4.3) whatever the elements. */
    public RtpHeaderWriter twoByteExtensions(int appBits) {
        if (appBits < 0 || appBits > 15) {
            throw new IllegalArgumentException("app bits are 4 bits");
        }
        this.forceTwoByte = true;
        this.appBits = appBits;
        return this;
    }

    /** Adds RFC 8285 element {@code id} (1-255) with a value of 0-255 bytes copied from {@code value}. */
    public RtpHeaderWriter addExtension(int id, byte[] value, int off, int len) {
        reserveElement(id, len);
        System.arraycopy(value, off, values, valuesLength, len);
        commitElement(id, len);
        return this;
    }

    /** Adds element {@code id} whose value is the low {@code length} bytes of {@code value}, big-endian. */
    public RtpHeaderWriter addExtension(int id, long value, int length) {
        if (length > 8) {
            throw new IllegalArgumentException("an integer value is at most 8 bytes");
        }
        reserveElement(id, length);
        WireBytes.putN(values, valuesLength, value, length);
        commitElement(id, length);
        return this;
    }

    /**
     * Sets the whole extension block verbatim: a profile and its data (a multiple of 4 bytes), for non-RFC 8285
     * extensions or to forward a block unchanged. Excludes {@link #addExtension} on the same packet.
     */
    public RtpHeaderWriter extensionBlock(int profile, byte[] data, int off, int len) {
        if (extensionCount > 0 || (len & 3) != 0 || len > 4 * 0xFFFF || profile < 0 || profile > 0xFFFF) {
            throw new IllegalArgumentException("a raw extension block is 16-bit profile and whole 32-bit words");
        }
        ensureValues(len);
        System.arraycopy(data, off, values, 0, len);
        valuesLength = len;
        opaqueProfile = profile;
        return this;
    }

    /** Copies every header field of {@code header}, its CSRCs and its extension block byte for byte. */
    public RtpHeaderWriter copyFrom(RtpHeader header) {
        reset();
        marker(header.marker()).payloadType(header.payloadType()).sequenceNumber(header.sequenceNumber())
                .timestamp(header.timestamp()).ssrc(header.ssrc());
        for (int i = 0; i < header.csrcCount(); i++) {
            addCsrc(header.csrc(i));
        }
        if (header.extension()) {
            extensionBlock(header.extensionProfile(), header.buffer(), header.extensionDataOffset(),
                    header.extensionDataLength());
        }
        return this;
    }

    /** Header length as {@link #writeHeader} writes it. */
    public int headerLength() {
        int length = RtpHeader.FIXED_LENGTH + 4 * csrcCount;
        return hasExtensionBlock() ? length + 4 + extensionDataLength() : length;
    }

    /** Length of a whole packet with this header. */
    public int packetLength(int payloadLength, int paddingLength) {
        return headerLength() + payloadLength + paddingLength;
    }

    /** Writes the header at {@code off}, with the P bit as given; returns its length. */
    public int writeHeader(byte[] dst, int off, boolean padding) {
        int at = off;
        dst[at] = (byte) ((RtpHeader.VERSION << 6) | (padding ? 0x20 : 0) | (hasExtensionBlock() ? 0x10 : 0)
                | csrcCount);
        dst[at + 1] = (byte) ((marker ? 0x80 : 0) | payloadType);
        WireBytes.put16(dst, at + 2, sequenceNumber);
        WireBytes.put32(dst, at + 4, timestamp);
        WireBytes.put32(dst, at + 8, ssrc);
        at += RtpHeader.FIXED_LENGTH;
        for (int i = 0; i < csrcCount; i++, at += 4) {
            WireBytes.put32(dst, at, csrcs[i]);
        }
        if (hasExtensionBlock()) {
            at = writeExtensionBlock(dst, at);
        }
        return at - off;
    }

    /**
     * Writes a whole packet: header, payload and {@code paddingLength} (0-255) padding bytes, the last holding
     * the count (RFC 3550 §5.1). Returns the packet length.
     */
    public int write(byte[] dst, int off, byte[] payload, int payloadOff, int payloadLen, int paddingLength) {
        if (paddingLength < 0 || paddingLength > 255) {
            throw new IllegalArgumentException("padding is 0-255 bytes");
        }
        int at = off + writeHeader(dst, off, paddingLength > 0);
        System.arraycopy(payload, payloadOff, dst, at, payloadLen);
        at += payloadLen;
        if (paddingLength > 0) {
            Arrays.fill(dst, at, at + paddingLength - 1, (byte) 0);
            dst[at + paddingLength - 1] = (byte) paddingLength;
        }
        return at + paddingLength - off;
    }

    private boolean hasExtensionBlock() {
        return extensionCount > 0 || opaqueProfile >= 0;
    }

    private boolean oneByteForm() {
        if (forceTwoByte) {
            return false;
        }
        for (int i = 0; i < extensionCount; i++) {
            if (ids[i] > 14 || valueLengths[i] < 1 || valueLengths[i] > 16) {
                return false;
            }
        }
        return true;
    }

    private int extensionDataLength() {
        if (opaqueProfile >= 0) {
            return valuesLength;
        }
        int headerBytes = oneByteForm() ? 1 : 2;
        return WireBytes.padded(valuesLength + headerBytes * extensionCount);
    }

    private int writeExtensionBlock(byte[] dst, int at) {
        boolean oneByte = opaqueProfile < 0 && oneByteForm();
        int profile = opaqueProfile >= 0 ? opaqueProfile
                : oneByte ? RtpExtensionProfile.ONE_BYTE : RtpExtensionProfile.TWO_BYTE | appBits;
        int dataLength = extensionDataLength();
        WireBytes.put16(dst, at, profile);
        WireBytes.put16(dst, at + 2, dataLength / 4);
        at += 4;
        if (opaqueProfile >= 0) {
            System.arraycopy(values, 0, dst, at, valuesLength);
            return at + valuesLength;
        }
        int end = at + dataLength;
        int valueAt = 0;
        for (int i = 0; i < extensionCount; i++) {
            int len = valueLengths[i];
            if (oneByte) {
                dst[at++] = (byte) ((ids[i] << 4) | (len - 1));
            } else {
                dst[at++] = (byte) ids[i];
                dst[at++] = (byte) len;
            }
            System.arraycopy(values, valueAt, dst, at, len);
            at += len;
            valueAt += len;
        }
        Arrays.fill(dst, at, end, (byte) 0);
        return end;
    }

    private void reserveElement(int id, int len) {
        if (opaqueProfile >= 0) {
            throw new IllegalStateException("a raw extension block is already set");
        }
        if (id < 1 || id > 255 || len < 0 || len > 255) {
            throw new IllegalArgumentException("extension id must be 1-255 and its value at most 255 bytes");
        }
        ensureValues(valuesLength + len);
        if (extensionCount == ids.length) {
            ids = Arrays.copyOf(ids, 2 * ids.length);
            valueLengths = Arrays.copyOf(valueLengths, 2 * valueLengths.length);
        }
    }

    private void commitElement(int id, int len) {
        ids[extensionCount] = id;
        valueLengths[extensionCount] = len;
        extensionCount++;
        valuesLength += len;
    }

    private void ensureValues(int capacity) {
        if (capacity > values.length) {
            values = Arrays.copyOf(values, Math.max(capacity, 2 * values.length));
        }
    }
}
