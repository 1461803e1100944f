package io.jrtc.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BufferedTrackTest {

    @Test
    void aTrackIsLiveWithARandomIdAndItsKind() {
        BufferedTrack audio = new BufferedTrack(MediaKind.AUDIO, 4);
        BufferedTrack video = new BufferedTrack(MediaKind.VIDEO, 4);
        assertThat(audio.getId()).isNotEqualTo(video.getId()).hasSize(36);
        assertThat(audio.getKind()).isEqualTo(MediaKind.AUDIO);
        assertThat(audio.getKind()).hasToString("audio");
        assertThat(video.getKind()).hasToString("video");
        assertThat(audio.getReadyState()).isEqualTo(MediaStreamTrackState.LIVE).hasToString("live");
        assertThat(audio.isEnabled()).isTrue();
        audio.setEnabled(false);
        assertThat(audio.isEnabled()).isFalse();
        assertThat(MediaKind.of("Video")).isEqualTo(MediaKind.VIDEO);
        assertThatThrownBy(() -> MediaKind.of("text")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void framesComeOutInPushOrderWhetherPushedBeforeOrAfterRecv() {
        BufferedTrack track = new BufferedTrack(MediaKind.AUDIO, 8);
        track.push(audio(0));
        track.push(audio(960));
        CompletableFuture<Frame> first = track.recv();
        CompletableFuture<Frame> second = track.recv();
        CompletableFuture<Frame> third = track.recv();
        CompletableFuture<Frame> fourth = track.recv();
        assertThat(third).isNotDone();
        track.push(audio(1920));
        track.push(audio(2880));
        assertThat(pts(first)).isEqualTo(0);
        assertThat(pts(second)).isEqualTo(960);
        assertThat(pts(third)).isEqualTo(1920);
        assertThat(pts(fourth)).isEqualTo(2880);
        assertThat(track.droppedFrames()).isZero();
    }

    @Test
    void rawFramesMustMatchTheTrackKind() {
        BufferedTrack video = new BufferedTrack(MediaKind.VIDEO, 2);
        assertThatThrownBy(() -> video.push(audio(0))).isInstanceOf(IllegalArgumentException.class);
        video.push(new VideoFrame(2, 2, new byte[6], 0));
        video.push(new EncodedFrame("video/VP8", 90_000, new byte[] {1}, 3_000, true));
        assertThat(video.bufferedFrames()).isEqualTo(2);
        assertThat(new EncodedFrame("audio/opus", 48_000, new byte[0], 0, true).kind()).isEqualTo(MediaKind.AUDIO);
        assertThatThrownBy(() -> new VideoFrame(2, 2, new byte[5], 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AudioFrame(new short[3], 48_000, 2, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(audio(0).durationNanos()).isEqualTo(20_000_000L);
    }

    @Test
    void overflowDropsTheOldestFrames() {
        BufferedTrack track = new BufferedTrack(MediaKind.AUDIO, 3);
        for (int i = 0; i < 5; i++) {
            track.push(audio(i * 960L));
        }
        assertThat(track.droppedFrames()).isEqualTo(2);
        assertThat(track.bufferedFrames()).isEqualTo(3);
        assertThat(pts(track.recv())).isEqualTo(2 * 960);
        assertThat(pts(track.recv())).isEqualTo(3 * 960);
        assertThat(pts(track.recv())).isEqualTo(4 * 960);
    }

    @Test
    void stopFailsPendingAndLaterRecvAndIgnoresLaterPushes() {
        BufferedTrack track = new BufferedTrack(MediaKind.AUDIO, 3);
        CompletableFuture<Frame> pending = track.recv();
        track.stop();
        assertThat(track.getReadyState()).isEqualTo(MediaStreamTrackState.ENDED).hasToString("ended");
        assertFailsWithStreamError(pending);
        track.push(audio(0));
        assertThat(track.bufferedFrames()).isZero();
        assertFailsWithStreamError(track.recv());
    }

    @Test
    void endedListenersRunOnceAndCanBeRemoved() throws Exception {
        BufferedTrack track = new BufferedTrack(MediaKind.AUDIO, 1);
        AtomicInteger kept = new AtomicInteger();
        AtomicInteger removed = new AtomicInteger();
        track.onEnded(kept::incrementAndGet);
        AutoCloseable handle = track.onEnded(removed::incrementAndGet);
        track.onEnded(() -> {
            throw new IllegalStateException("a failing listener does not stop the others");
        });
        handle.close();
        track.stop();
        track.stop();
        assertThat(kept).hasValue(1);
        assertThat(removed).hasValue(0);

        AtomicInteger late = new AtomicInteger();
        track.onEnded(late::incrementAndGet);
        assertThat(late).as("registered after the end: runs at once").hasValue(1);
    }

    static AudioFrame audio(long pts) {
        return new AudioFrame(new short[960], 48_000, 1, pts);
    }

    static long pts(CompletableFuture<Frame> future) {
        assertThat(future).isDone();
        Frame frame = future.join();
        if (frame instanceof AudioFrame audio) {
            return audio.pts();
        }
        if (frame instanceof VideoFrame video) {
            return video.pts();
        }
        return ((EncodedFrame) frame).timestamp();
    }

    static void assertFailsWithStreamError(CompletableFuture<Frame> future) {
        assertThat(future).isCompletedExceptionally();
        assertThatThrownBy(future::join).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(MediaStreamError.class);
    }
}
