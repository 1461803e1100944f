/**
 * File sources and sinks for tracks, after aiortc's {@code aiortc.contrib.media}:
 * {@link io.jrtc.media.file.MediaPlayer} plays a file as paced tracks, {@link io.jrtc.media.file.MediaRecorder}
 * records tracks into a file, {@link io.jrtc.media.file.MediaBlackhole} swallows tracks. In pure Java, each with a
 * small reader and writer: WAV (16-bit PCM), IVF (VP8), H.264 Annex B byte streams and Ogg Opus (RFC 7845 on
 * RFC 3533). Through FFmpeg (the optional {@code org.bytedeco:ffmpeg}): MP4 and WebM/Matroska with audio and video,
 * demuxed and muxed by libavformat with coded frames passed through (AAC is decoded by libavcodec for playback).
 * Readers throw only {@link io.jrtc.media.file.MediaFileFormatException} for what a file holds. All file I/O of
 * players and recorders runs on {@link io.jrtc.media.file.MediaFileIo#executor()}, never on a track's producer or
 * consumer thread.
 */
package io.jrtc.media.file;
