package io.jrtc.datachannel;

/**
 * What the data channel engine needs from the SCTP association (implemented by the SCTP layer).
 */
public interface SctpStreamSender {
    /** Queue one user message; unordered/partial reliability per message (RFC 3758 for maxRetransmits/lifetime). */
    void sendMessage(int streamId, int ppid, byte[] data, boolean unordered, Integer maxRetransmits,
                     Long maxLifetimeMillis);

    /** Outgoing stream reset (RFC 6525), used to close a channel. */
    void resetStreams(int[] streamIds);

    long bufferedAmount(int streamId);
}
