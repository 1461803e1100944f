package io.jrtc.rtp.cc;

/**
 * A burst sent at {@code bitrate} to learn whether the path carries it: at least {@code minPackets} packets and
 * {@code minBytes} bytes, so that the receive rate can be read from their arrival times.
 */
public record ProbeCluster(int id, long bitrate, int minBytes, int minPackets) {
    /** The cluster id of packets that belong to no probe. */
    public static final int NONE = -1;
    /** The shortest probe worth measuring (libwebrtc's 15 ms, doubled: tbf-style buckets pass a burst unshaped). */
    static final long MIN_DURATION_NANOS = 30_000_000L;
    static final int MIN_PACKETS = 8;

    /** A cluster at {@code bitrate} that lasts {@link #MIN_DURATION_NANOS} and has {@link #MIN_PACKETS}. */
    static ProbeCluster at(int id, long bitrate) {
        int bytes = (int) (bitrate * MIN_DURATION_NANOS / 8 / 1_000_000_000L);
        return new ProbeCluster(id, bitrate, bytes, MIN_PACKETS);
    }
}
