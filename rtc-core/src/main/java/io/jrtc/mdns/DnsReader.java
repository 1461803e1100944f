package io.jrtc.mdns;

/** A bounds-checked cursor over one DNS message; every read past the end is a {@link DnsParseException}. */
final class DnsReader {
    private final byte[] data;
    private final int start;
    private final int end;
    private int position;

    DnsReader(byte[] data, int offset, int length) {
        if (offset < 0 || length < 0 || offset > data.length - length) {
            throw new IndexOutOfBoundsException("offset " + offset + ", length " + length + ", size " + data.length);
        }
        this.data = data;
        this.start = offset;
        this.end = offset + length;
        this.position = offset;
    }

    /** Position relative to the message start, as compression pointers count it. */
    int position() {
        return position - start;
    }

    void seek(int messageOffset) throws DnsParseException {
        if (messageOffset < 0 || messageOffset > end - start) {
            throw new DnsParseException("offset " + messageOffset + " outside the message");
        }
        position = start + messageOffset;
    }

    int remaining() {
        return end - position;
    }

    int u8() throws DnsParseException {
        need(1);
        return data[position++] & 0xFF;
    }

    int u16() throws DnsParseException {
        need(2);
        int value = ((data[position] & 0xFF) << 8) | (data[position + 1] & 0xFF);
        position += 2;
        return value;
    }

    long u32() throws DnsParseException {
        return ((long) u16() << 16) | u16();
    }

    byte[] bytes(int length) throws DnsParseException {
        need(length);
        byte[] out = new byte[length];
        System.arraycopy(data, position, out, 0, length);
        position += length;
        return out;
    }

    void skip(int length) throws DnsParseException {
        need(length);
        position += length;
    }

    private void need(int count) throws DnsParseException {
        if (count > end - position) {
            throw new DnsParseException("truncated: need " + count + " bytes at offset " + position()
                    + ", have " + (end - position));
        }
    }
}
