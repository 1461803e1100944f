package io.jrtc.rtp.forward;

/**
 * A track whose media can also be had as RTP packets: a sender whose codec matches forwards them instead of
 * pulling frames and packetizing them again.
 */
public interface ForwardableTrack {
    /** The packets of this track, or null when it has none to offer (yet). */
    PacketSource packetSource();
}
