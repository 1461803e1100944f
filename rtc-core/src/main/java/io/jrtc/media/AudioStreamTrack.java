package io.jrtc.media;

import java.util.concurrent.CompletableFuture;

/**
 * aiortc's {@code AudioStreamTrack}: silence in 20 ms frames of 48 kHz mono (pts advancing by 960), paced in
 * real time by a {@link MediaClock}. Subclasses produce other audio by overriding {@link #samples(long)}.
 */
public class AudioStreamTrack extends MediaStreamTrack {
    public static final int SAMPLE_RATE = 48_000;
    public static final int CHANNELS = 1;
    /** 20 ms at 48 kHz: the Opus frame WebRTC sends by default (RFC 7587 §4.1). */
    public static final int SAMPLES_PER_FRAME = 960;

    private final FramePacer pacer;

    /** Paced by {@link MediaClock#system()}. */
    public AudioStreamTrack() {
        this(MediaClock.system());
    }

    public AudioStreamTrack(MediaClock clock) {
        super(MediaKind.AUDIO);
        this.pacer = new FramePacer(clock, SAMPLE_RATE, SAMPLE_RATE / SAMPLES_PER_FRAME);
    }

    @Override
    public CompletableFuture<Frame> recv() {
        return pacer.next(pts -> new AudioFrame(samples(pts), SAMPLE_RATE, CHANNELS, pts), this::endedError);
    }

    /** The {@link #SAMPLES_PER_FRAME} mono samples starting at sample {@code pts}: silence here. */
    protected short[] samples(long pts) {
        return new short[SAMPLES_PER_FRAME * CHANNELS];
    }

    @Override
    protected void onStop() {
        pacer.stop(this::endedError);
    }
}
