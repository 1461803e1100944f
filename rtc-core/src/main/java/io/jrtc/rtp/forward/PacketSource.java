package io.jrtc.rtp.forward;

import io.jrtc.sdp.media.RtpCodec;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * A track's media as RTP packets, for senders that forward them rather than packetize frames again (a received
 * track, and relay proxies of one). Listeners are called on their own executor, in arrival order, packets
 * batched as they queued up: the publisher's thread never waits for a viewer's.
 */
public interface PacketSource {
    /** The codecs the packets may carry, with the publisher's payload types; no repair formats. */
    List<RtpCodec> codecs();

    /** Adds a listener, called on {@code executor}; closing the handle removes it. */
    AutoCloseable subscribe(Executor executor, PacketListener listener);

    /**
     * The bitrate of each simulcast layer over the last second, by rank (lowest first), in bits per second; one
     * entry without simulcast, 0 for a layer that sent nothing. For one VP9 SVC encoding
     * ({@link #spatialLayers()} above 1) the entries are its spatial layers instead, each with those below it:
     * what a viewer of that layer receives.
     */
    long[] layerBitrates();

    /**
     * How many VP9 spatial layers the publisher's one encoding carried over the last second (SVC), which
     * {@link #layerBitrates()} then ranks; 1 without SVC.
     */
    default int spatialLayers() {
        return 1;
    }

    /**
     * The RID (RFC 8851) of each simulcast layer by rank, as {@link #layerBitrates()} orders them: what a viewer
     * names a layer by (the WHEP layer extension); empty without simulcast.
     */
    default List<String> layerRids() {
        return List.of();
    }

    /** Asks the publisher for a keyframe (PLI), for every simulcast layer; rate-limited by the source. */
    void requestKeyframe();
}
