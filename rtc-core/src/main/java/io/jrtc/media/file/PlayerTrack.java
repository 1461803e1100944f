package io.jrtc.media.file;

import io.jrtc.codec.CodecParseException;
import io.jrtc.codec.OpusPayloadFormat;
import io.jrtc.media.AudioFrame;
import io.jrtc.media.EncodedFrame;
import io.jrtc.media.Frame;
import io.jrtc.media.MediaClock;
import io.jrtc.media.MediaKind;
import io.jrtc.media.MediaStreamError;
import io.jrtc.media.MediaStreamTrack;
import io.jrtc.media.MediaStreamTrackState;
import io.jrtc.media.RecodableTrack;
import io.jrtc.media.video.TranscodingVideoTrack;
import io.jrtc.media.video.VideoCodecs;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * A track playing a file in real time, after aiortc's player: the file is read on the I/O executor; the first
 * frame is due at once and fixes the start, every later one at start + (its time - the first's); a consumer that
 * falls behind gets overdue frames at once. When looping, each pass starts where the last frame of the previous
 * pass ended, so timestamps keep rising. The track ends at the end of the file, or on a malformed file. Coded
 * video goes to a sender as it is when the sender negotiated its codec, else re-coded ({@link PlayedVideoCodec}):
 * one {@link TranscodingVideoTrack} per target codec, reading this track, ended with it.
 */
final class PlayerTrack extends MediaStreamTrack implements RecodableTrack {
    private static final System.Logger LOG = System.getLogger(PlayerTrack.class.getName());
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    interface Opener {
        FrameSource open() throws IOException;
    }

    private final Opener opener;
    private final boolean loop;
    private final MediaClock clock;
    private final Executor ioExecutor;
    private final Set<CompletableFuture<Frame>> pending = new HashSet<>();
    /** The codec of the file's coded video, or null (audio, decoded frames). */
    private final String videoMimeType;
    /** The re-coded tracks by target codec; under this object's monitor. */
    private final Map<String, TranscodingVideoTrack> recoded = new HashMap<>();
    // read state: touched on the I/O executor only
    private FrameSource source;
    private long passOffset;
    private long lastTicks;
    private long lastDuration;
    private boolean readAny;
    // pacing state: under this object's monitor
    private boolean started;
    private long startNanos;
    private long firstTicks;

    PlayerTrack(MediaKind kind, FrameSource first, Opener opener, boolean loop, MediaClock clock, Executor io) {
        super(kind);
        this.source = first;
        this.opener = opener;
        this.loop = loop;
        this.clock = clock;
        this.ioExecutor = io;
        this.videoMimeType = kind == MediaKind.VIDEO ? first.videoMimeType() : null;
    }

    @Override
    public MediaStreamTrack sentAs(List<String> negotiatedMimeTypes) {
        if (videoMimeType == null) {
            return this;
        }
        String target = PlayedVideoCodec.sendAs(videoMimeType, negotiatedMimeTypes, VideoCodecs::available);
        if (target.equals(videoMimeType)) {
            return this;
        }
        synchronized (this) {
            TranscodingVideoTrack track = recoded.get(target);
            if (track == null || track.getReadyState() == MediaStreamTrackState.ENDED) {
                track = new TranscodingVideoTrack(this, target);
                recoded.put(target, track);
            }
            return track;
        }
    }

    @Override
    public CompletableFuture<Frame> recv() {
        CompletableFuture<Frame> result = new CompletableFuture<>();
        synchronized (this) {
            if (getReadyState() == MediaStreamTrackState.ENDED) {
                return CompletableFuture.failedFuture(endedError());
            }
            pending.add(result);
        }
        CompletableFuture.supplyAsync(this::read, ioExecutor).whenComplete((frame, error) -> deliver(result, frame, error));
        return result;
    }

    private Frame read() {
        try {
            if (source == null) {
                return null;
            }
            Frame frame = source.next();
            if (frame == null && loop && readAny) {
                source.close();
                source = opener.open();
                passOffset = lastTicks + lastDuration;
                readAny = false;
                frame = source.next();
            }
            if (frame == null) {
                return null;
            }
            long ticks = passOffset + ticksOf(frame);
            lastDuration = durationOf(frame, ticks - lastTicks);
            lastTicks = ticks;
            readAny = true;
            return withTicks(frame, ticks);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void deliver(CompletableFuture<Frame> result, Frame frame, Throwable error) {
        if (error != null || frame == null) {
            if (error != null) {
                LOG.log(System.Logger.Level.WARNING, "playback ends on a read failure", error);
            }
            synchronized (this) {
                pending.remove(result);
            }
            stop();
            result.completeExceptionally(error == null ? endedError()
                    : new MediaStreamError(getKind() + " track " + getId() + " could not read its file", error));
            return;
        }
        long delay;
        synchronized (this) {
            long now = clock.nanoTime();
            long ticks = ticksOf(frame);
            if (!started) {
                started = true;
                startNanos = now;
                firstTicks = ticks;
            }
            delay = startNanos + toNanos(ticks - firstTicks, clockRate(frame)) - now;
            if (delay <= 0) {
                pending.remove(result);
            }
        }
        if (delay <= 0) {
            result.complete(frame);
        } else {
            clock.schedule(delay, () -> release(result, frame));
        }
    }

    private void release(CompletableFuture<Frame> result, Frame frame) {
        synchronized (this) {
            if (!pending.remove(result)) {
                return;
            }
        }
        result.complete(frame);
    }

    @Override
    protected void onStop() {
        List<CompletableFuture<Frame>> failed;
        synchronized (this) {
            failed = new ArrayList<>(pending);
            pending.clear();
        }
        ioExecutor.execute(() -> {
            try {
                if (source != null) {
                    source.close();
                    source = null;
                }
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, "closing a played file failed", e);
            }
        });
        for (CompletableFuture<Frame> future : failed) {
            future.completeExceptionally(endedError());
        }
    }

    private static int clockRate(Frame frame) {
        return frame instanceof AudioFrame audio ? audio.sampleRate() : ((EncodedFrame) frame).clockRate();
    }

    private static long ticksOf(Frame frame) {
        return frame instanceof AudioFrame audio ? audio.pts() : ((EncodedFrame) frame).timestamp();
    }

    private static Frame withTicks(Frame frame, long ticks) {
        if (frame instanceof AudioFrame a) {
            return new AudioFrame(a.samples(), a.sampleRate(), a.channels(), ticks);
        }
        EncodedFrame e = (EncodedFrame) frame;
        return new EncodedFrame(e.mimeType(), e.clockRate(), e.data(), ticks, e.keyframe());
    }

    /** How long a frame plays: audio knows; video lasts as long as the gap before it (a 30 fps frame at first). */
    private static long durationOf(Frame frame, long gapBefore) {
        if (frame instanceof AudioFrame audio) {
            return audio.samplesPerChannel();
        }
        EncodedFrame coded = (EncodedFrame) frame;
        if (coded.mimeType().equals(FrameSources.OPUS)) {
            try {
                return OpusPayloadFormat.samplesAt48kHz(coded.data(), 0, coded.data().length);
            } catch (CodecParseException e) {
                return 960;
            }
        }
        return gapBefore > 0 ? gapBefore : coded.clockRate() / 30;
    }

    private static long toNanos(long ticks, long clockRate) {
        return ticks / clockRate * NANOS_PER_SECOND + ticks % clockRate * NANOS_PER_SECOND / clockRate;
    }
}
