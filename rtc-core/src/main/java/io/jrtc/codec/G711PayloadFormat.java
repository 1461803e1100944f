package io.jrtc.codec;

/** PCMU and PCMA (RFC 3551 §4.5.14): sample bytes straight in the payload, any length, one frame per packet. */
public final class G711PayloadFormat extends OnePacketPerFrame {
    public static final int CLOCK_RATE = 8_000;

    public G711PayloadFormat() {
        super("G.711");
    }
}
