package io.jrtc.pc;

/** SCTP capabilities: the largest message a side accepts, in bytes; 0 means no limit. */
public record RTCSctpCapabilities(long maxMessageSize) {
    public long getMaxMessageSize() {
        return maxMessageSize;
    }
}
