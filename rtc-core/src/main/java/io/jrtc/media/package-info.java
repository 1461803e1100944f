/**
 * Media tracks, after aiortc's {@code MediaStreamTrack} and the W3C Media Capture and Streams API (§4): a track
 * has an id, a kind and a ready state, and hands out frames through {@link io.jrtc.media.MediaStreamTrack#recv()},
 * a future that never blocks a thread. RTP receivers push into a {@link io.jrtc.media.BufferedTrack}; RTP senders
 * read any track. Generated tracks are paced by a {@link io.jrtc.media.MediaClock}, whose system implementation is
 * the only reader of real time here (one shared daemon thread for every track). {@link io.jrtc.media.MediaRelay}
 * fans one track out to several consumers.
 */
package io.jrtc.media;
