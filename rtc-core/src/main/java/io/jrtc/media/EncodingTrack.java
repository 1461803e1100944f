package io.jrtc.media;

/**
 * A track that encodes the frames it hands out, at a bitrate its readers steer: each reader (a sender, or a relay
 * proxy on behalf of its own) reports the target its bandwidth estimate allows, and the track's encoder aims at
 * what its policy makes of all of them. A {@code MediaRelay} proxy passes its reader's target on to its source,
 * so every viewer of a shared transcode counts.
 */
public interface EncodingTrack {
    /**
     * What {@code reader} can take from now on, bit/s; replaces its earlier report. Any thread, never blocks on
     * the codec.
     */
    void setTargetBitrate(Object reader, long bitsPerSecond);

    /** {@code reader} no longer reads (its sender stopped or moved to another track): its target no longer counts. */
    void forgetReader(Object reader);
}
