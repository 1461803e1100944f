/**
 * Video codecs and decoded video: {@link io.jrtc.media.video.VideoEncoder} and
 * {@link io.jrtc.media.video.VideoDecoder}, one small interface per direction, made by MIME type by
 * {@link io.jrtc.media.video.VideoCodecs} (VP8, VP9, H.264, AV1) on FFmpeg through JavaCPP's
 * {@code org.bytedeco:ffmpeg}, an optional dependency: without it these factories throw a
 * {@link io.jrtc.media.video.VideoCodecUnavailableException} naming it, and everything coded works as before.
 * Coded frames are {@link io.jrtc.media.EncodedFrame}s in the form the RTP packetizers take and the depacketizers
 * make (H.264 as Annex B, VP8 and VP9 as libvpx writes them, AV1 as low-overhead OBUs), pictures are
 * {@link io.jrtc.media.VideoFrame}s (I420). {@link io.jrtc.media.video.DecodingVideoTrack} decodes a received
 * track's frames as they are read, on {@link io.jrtc.media.video.VideoCodecThreads}. RTP senders encode raw
 * pictures with the negotiated codec through the same factory. Codec instances hold native memory until
 * {@code close()}.
 */
package io.jrtc.media.video;
