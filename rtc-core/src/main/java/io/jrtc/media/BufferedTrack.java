package io.jrtc.media;

import io.jrtc.rtp.forward.ForwardableTrack;
import io.jrtc.rtp.forward.PacketSource;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;

/**
 * A track whose frames its producer (an RTP receiver) pushes in: a bounded buffer that drops the oldest frame
 * when the consumer lags, so a slow reader sees the newest media rather than ever-older media. Pushing after
 * {@link #stop()} is ignored; stopping discards what is buffered.
 */
public final class BufferedTrack extends MediaStreamTrack implements ForwardableTrack {
    private final FrameQueue queue;
    private volatile PacketSource packetSource;
    private volatile Runnable keyframeRequests = () -> { };
    /** PCM the consumer took: its playout, for W3C media-playout stats. */
    private final LongAdder audioSamplesRead = new LongAdder();
    private final LongAdder audioNanosRead = new LongAdder();

    /** @param capacity frames held for a consumer that has not asked yet, at least 1 */
    public BufferedTrack(MediaKind kind, int capacity) {
        super(kind);
        this.queue = new FrameQueue(capacity);
    }

    /**
     * Delivers a frame to the oldest pending {@link #recv()}, or buffers it.
     *
     * @throws IllegalArgumentException for raw audio on a video track or a raw picture on an audio track
     */
    public void push(Frame frame) {
        Objects.requireNonNull(frame, "frame");
        if (frame instanceof AudioFrame && getKind() != MediaKind.AUDIO
                || frame instanceof VideoFrame && getKind() != MediaKind.VIDEO) {
            throw new IllegalArgumentException(frame.getClass().getSimpleName() + " pushed into a " + getKind()
                    + " track");
        }
        queue.offer(frame);
    }

    /** The producer's packets (an RTP receiver's), for senders that forward them rather than frames. */
    public void setPacketSource(PacketSource source) {
        this.packetSource = source;
    }

    @Override
    public PacketSource packetSource() {
        return packetSource;
    }

    /** Where {@link #requestKeyframe()} goes: the producer asks its own source (an RTP receiver sends a PLI). */
    public void onKeyframeRequest(Runnable handler) {
        this.keyframeRequests = Objects.requireNonNull(handler, "handler");
    }

    @Override
    public void requestKeyframe() {
        keyframeRequests.run();
    }

    /** Frames dropped because the buffer was full. */
    public long droppedFrames() {
        return queue.dropped();
    }

    /** Frames pushed and not yet received. */
    public int bufferedFrames() {
        return queue.size();
    }

    /** Audio samples (per channel) the consumer has received through {@link #recv()}. */
    public long audioSamplesRead() {
        return audioSamplesRead.sum();
    }

    /** How long the audio the consumer has received plays, in nanoseconds. */
    public long audioNanosRead() {
        return audioNanosRead.sum();
    }

    @Override
    public CompletableFuture<Frame> recv() {
        CompletableFuture<Frame> next = queue.poll(this::endedError);
        if (getKind() == MediaKind.AUDIO) {
            next.thenAccept(this::countRead);
        }
        return next;
    }

    private void countRead(Frame frame) {
        if (frame instanceof AudioFrame audio) {
            audioSamplesRead.add(audio.samplesPerChannel());
            audioNanosRead.add(audio.durationNanos());
        }
    }

    @Override
    protected void onStop() {
        queue.close(this::endedError);
    }
}
