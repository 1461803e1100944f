package io.jrtc.rtp.forward;

/** Receives a {@link PacketSource}'s packets, on the executor it subscribed with. */
public interface PacketListener {
    void onPacket(ForwardedPacket packet);

    /** The packets queued for this listener so far were all delivered: flush what they produced. */
    default void onBatchEnd() {
    }
}
