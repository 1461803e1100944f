/**
 * File sources and sinks for tracks, after aiortc's {@code aiortc.contrib.media}, in pure Java (no ffmpeg):
 * {@link io.jrtc.media.file.MediaPlayer} plays a file as a paced track, {@link io.jrtc.media.file.MediaRecorder}
 * records a track into a file, {@link io.jrtc.media.file.MediaBlackhole} swallows tracks. The containers each have
 * a small reader and writer: WAV (16-bit PCM), IVF (VP8), H.264 Annex B byte streams and Ogg Opus (RFC 7845 on
 * RFC 3533). Readers throw only {@link io.jrtc.media.file.MediaFileFormatException} for what a file holds. All file
 * I/O of players and recorders runs on {@link io.jrtc.media.file.MediaFileIo#executor()}, never on a track's
 * producer or consumer thread.
 */
package io.jrtc.media.file;
