package io.jrtc.codec;

/**
 * What tells the H.264 (RFC 6184) and H.265 (RFC 7798) RTP payload formats apart where their packets are built
 * and taken apart the same way: the NAL unit header length, the aggregation packet (STAP-A, AP) and the
 * fragmentation unit (FU-A, FU) with their headers. {@link NalUnitPayloads} does the rest for both.
 */
interface NalUnitFormat {
    /** The NAL unit header's length: 1 for H.264, 2 for H.265. */
    int headerLength();

    /** The NAL unit type of a header's first byte. */
    int type(byte first);

    /** The packet type of an aggregation packet (STAP-A 24, AP 48). */
    int aggregationType();

    /** The packet type of a fragmentation unit (FU-A 28, FU 49). */
    int fragmentType();

    /** Writes the aggregation packet's header for NAL units {@code from} to {@code from + count - 1}. */
    void writeAggregationHeader(byte[] out, java.util.List<byte[]> nalUnits, int from, int count);

    /** Writes a fragment's payload header and FU header (header length + 1 bytes) for a NAL unit. */
    void writeFragmentHeaders(byte[] out, byte[] nal, boolean start, boolean end);

    /** Writes the header of the NAL unit a fragment sequence carries, from its first fragment. */
    void writeReassembledHeader(java.io.ByteArrayOutputStream out, byte[] firstFragment);

    /** The NAL unit type an FU header carries. */
    int fragmentedType(int fuHeader);
}
