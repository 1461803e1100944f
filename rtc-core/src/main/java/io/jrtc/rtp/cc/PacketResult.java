package io.jrtc.rtp.cc;

/**
 * What transport-wide feedback says of one packet we sent: its extended transport-wide sequence number, when we
 * sent it and how many bytes, the probe cluster it belonged to ({@link ProbeCluster#NONE} for none), and when it
 * arrived in the receiver's clock (nanoseconds on an origin of its own) or {@link #LOST}.
 */
public record PacketResult(long sequence, long sendTime, int size, int probeClusterId, long receiveTime) {
    public static final long LOST = Long.MIN_VALUE;

    public boolean received() {
        return receiveTime != LOST;
    }
}
