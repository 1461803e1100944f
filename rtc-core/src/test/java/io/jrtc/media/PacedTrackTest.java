package io.jrtc.media;

import static io.jrtc.media.BufferedTrackTest.assertFailsWithStreamError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Generated tracks on a virtual clock: each frame is released exactly at start + pts, never earlier. */
class PacedTrackTest {
    private static final long MS = 1_000_000L;

    @Test
    void silenceComesIn20MsFramesOf48kHzMonoReleasedAtTheirDueTime() {
        VirtualMediaClock clock = new VirtualMediaClock(5_000 * MS);
        AudioStreamTrack track = new AudioStreamTrack(clock);
        assertThat(track.getKind()).isEqualTo(MediaKind.AUDIO);

        CompletableFuture<Frame> first = track.recv();
        AudioFrame frame0 = (AudioFrame) first.join();
        assertThat(frame0.pts()).isZero();
        assertThat(frame0.sampleRate()).isEqualTo(48_000);
        assertThat(frame0.channels()).isEqualTo(1);
        assertThat(frame0.samplesPerChannel()).isEqualTo(960);
        assertThat(frame0.samples()).containsOnly((short) 0);

        for (int n = 1; n <= 5; n++) {
            CompletableFuture<Frame> next = track.recv();
            clock.advance(20 * MS - 1);
            assertThat(next).as("frame %d one nanosecond before its due time", n).isNotDone();
            clock.advance(1);
            assertThat(next).isDone();
            assertThat(((AudioFrame) next.join()).pts()).isEqualTo(960L * n);
        }
    }

    @Test
    void aLateConsumerGetsOverdueFramesAtOnceWithIncreasingPts() {
        VirtualMediaClock clock = new VirtualMediaClock();
        AudioStreamTrack track = new AudioStreamTrack(clock);
        track.recv().join();
        clock.advance(100 * MS);
        for (int n = 1; n <= 5; n++) {
            CompletableFuture<Frame> overdue = track.recv();
            assertThat(overdue).isDone();
            assertThat(((AudioFrame) overdue.join()).pts()).isEqualTo(960L * n);
        }
        assertThat(track.recv()).isNotDone();
    }

    @Test
    void stopFailsTheFrameWaitingForItsDueTime() {
        VirtualMediaClock clock = new VirtualMediaClock();
        AudioStreamTrack track = new AudioStreamTrack(clock);
        track.recv().join();
        CompletableFuture<Frame> waiting = track.recv();
        track.stop();
        assertFailsWithStreamError(waiting);
        clock.advance(1_000 * MS);
        assertFailsWithStreamError(waiting);
        assertFailsWithStreamError(track.recv());
    }

    @Test
    void aToneIsASineContinuousAcrossFrames() {
        VirtualMediaClock clock = new VirtualMediaClock();
        ToneAudioTrack track = new ToneAudioTrack(clock, 1_000, 10_000);
        short[] all = new short[960 * 3];
        for (int n = 0; n < 3; n++) {
            CompletableFuture<Frame> frame = track.recv();
            clock.advance(20 * MS);
            AudioFrame audio = (AudioFrame) frame.join();
            assertThat(audio.pts()).isEqualTo(960L * n);
            System.arraycopy(audio.samples(), 0, all, 960 * n, 960);
        }
        for (int i = 0; i < all.length; i++) {
            assertThat((double) all[i]).isCloseTo(10_000 * Math.sin(2 * Math.PI * 1_000 * i / 48_000.0),
                    org.assertj.core.data.Offset.offset(1.0));
        }
        assertThatThrownBy(() -> new ToneAudioTrack(clock, 30_000, 100)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void videoIs640x480At30FpsOnThe90kHzClock() {
        VirtualMediaClock clock = new VirtualMediaClock();
        VideoStreamTrack track = new VideoStreamTrack(clock);
        assertThat(track.getKind()).isEqualTo(MediaKind.VIDEO);
        VideoFrame first = (VideoFrame) track.recv().join();
        assertThat(first.width()).isEqualTo(640);
        assertThat(first.height()).isEqualTo(480);
        assertThat(first.i420()).hasSize(640 * 480 * 3 / 2);
        assertThat(first.pts()).isZero();
        CompletableFuture<Frame> second = track.recv();
        // 3000 ticks at 90 kHz: 33.333... ms, due at 33_333_333 ns.
        clock.advance(33_333_332);
        assertThat(second).isNotDone();
        clock.advance(1);
        assertThat(((VideoFrame) second.join()).pts()).isEqualTo(3_000);
    }

    @Test
    void aSolidColourFillsEachPlane() {
        VirtualMediaClock clock = new VirtualMediaClock();
        VideoStreamTrack track = new VideoStreamTrack(clock, 4, 2, 10, 81, 90, 240);
        VideoFrame frame = (VideoFrame) track.recv().join();
        assertThat(frame.i420()).containsExactly(81, 81, 81, 81, 81, 81, 81, 81, 90, 90, (byte) 240, (byte) 240);
        CompletableFuture<Frame> next = track.recv();
        clock.advance(100 * MS);
        assertThat(((VideoFrame) next.join()).pts()).isEqualTo(9_000);
    }

    @Test
    void theSystemClockPacesOnItsOneSharedDaemonThread() throws InterruptedException {
        long before = System.nanoTime();
        AudioStreamTrack track = new AudioStreamTrack();
        track.recv().join();
        AtomicReference<Thread> completedOn = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        track.recv().thenRun(() -> {
            completedOn.set(Thread.currentThread());
            done.countDown();
        });
        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(System.nanoTime() - before).as("the second frame is due 20 ms after the first")
                .isGreaterThanOrEqualTo(20 * MS);
        assertThat(completedOn.get().getName()).isEqualTo("jrtc-clock");
        assertThat(completedOn.get().isDaemon()).isTrue();
        track.stop();
    }
}
