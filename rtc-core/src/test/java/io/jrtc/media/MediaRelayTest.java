package io.jrtc.media;

import static io.jrtc.media.BufferedTrackTest.assertFailsWithStreamError;
import static io.jrtc.media.BufferedTrackTest.audio;
import static io.jrtc.media.BufferedTrackTest.pts;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MediaRelayTest {

    @Test
    void everyConsumerGetsEveryFrameFromTheMomentItSubscribes() {
        BufferedTrack source = new BufferedTrack(MediaKind.AUDIO, 8);
        MediaRelay relay = new MediaRelay();
        MediaStreamTrack first = relay.subscribe(source);
        source.push(audio(0));
        MediaStreamTrack second = relay.subscribe(source);
        source.push(audio(960));
        source.push(audio(1920));

        assertThat(first.getKind()).isEqualTo(MediaKind.AUDIO);
        assertThat(first.getId()).isNotEqualTo(second.getId()).isNotEqualTo(source.getId());
        assertThat(pts(first.recv())).isEqualTo(0);
        assertThat(pts(first.recv())).isEqualTo(960);
        assertThat(pts(first.recv())).isEqualTo(1920);
        assertThat(pts(second.recv())).isEqualTo(960);
        assertThat(pts(second.recv())).isEqualTo(1920);
        assertThat(source.bufferedFrames()).as("the relay drains the source").isZero();
    }

    @Test
    void theSourceIsReadOnceForAllConsumers() {
        CountingTrack source = new CountingTrack();
        MediaRelay relay = new MediaRelay();
        MediaStreamTrack first = relay.subscribe(source);
        MediaStreamTrack second = relay.subscribe(source);
        assertThat(source.reads).hasValue(1);
        source.complete(audio(0));
        assertThat(source.reads).hasValue(2);
        assertThat(pts(first.recv())).isZero();
        assertThat(pts(second.recv())).isZero();
    }

    @Test
    void aSlowConsumerDropsItsOldestFramesWithoutHoldingBackTheFastOne() {
        BufferedTrack source = new BufferedTrack(MediaKind.AUDIO, 4);
        MediaRelay relay = new MediaRelay(3);
        MediaStreamTrack fast = relay.subscribe(source);
        MediaStreamTrack slow = relay.subscribe(source);
        List<Long> fastSaw = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            source.push(audio(i));
            fastSaw.add(pts(fast.recv()));
        }
        assertThat(fastSaw).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        assertThat(pts(slow.recv())).isEqualTo(7);
        assertThat(pts(slow.recv())).isEqualTo(8);
        assertThat(pts(slow.recv())).isEqualTo(9);
        assertThat(slow.recv()).isNotDone();
        assertThat(source.droppedFrames()).isZero();
    }

    @Test
    void theSourceEndingEndsEveryProxy() {
        BufferedTrack source = new BufferedTrack(MediaKind.AUDIO, 4);
        MediaRelay relay = new MediaRelay();
        MediaStreamTrack first = relay.subscribe(source);
        MediaStreamTrack second = relay.subscribe(source);
        AtomicInteger ended = new AtomicInteger();
        first.onEnded(ended::incrementAndGet);
        second.onEnded(ended::incrementAndGet);
        CompletableFuture<Frame> waiting = first.recv();
        source.stop();
        assertThat(ended).hasValue(2);
        assertThat(first.getReadyState()).isEqualTo(MediaStreamTrackState.ENDED);
        assertThat(second.getReadyState()).isEqualTo(MediaStreamTrackState.ENDED);
        assertFailsWithStreamError(waiting);
        assertThat(relay.activeSources()).isZero();
        assertThat(relay.subscribe(source).getReadyState()).as("subscribing to an ended source")
                .isEqualTo(MediaStreamTrackState.ENDED);
        assertThat(relay.activeSources()).isZero();
    }

    @Test
    void stoppingAProxyLeavesTheSourceAndTheOtherProxiesRunning() {
        BufferedTrack source = new BufferedTrack(MediaKind.AUDIO, 4);
        MediaRelay relay = new MediaRelay();
        MediaStreamTrack leaving = relay.subscribe(source);
        MediaStreamTrack staying = relay.subscribe(source);
        leaving.stop();
        source.push(audio(0));
        assertThat(source.getReadyState()).isEqualTo(MediaStreamTrackState.LIVE);
        assertThat(pts(staying.recv())).isZero();
        assertFailsWithStreamError(leaving.recv());
    }

    @Test
    void theRelayStopsReadingOnceTheLastConsumerLeaves() {
        CountingTrack source = new CountingTrack();
        MediaRelay relay = new MediaRelay();
        MediaStreamTrack proxy = relay.subscribe(source);
        source.complete(audio(0));
        assertThat(source.reads).hasValue(2);
        proxy.stop();
        assertThat(relay.activeSources()).as("the outstanding read is still out").isEqualTo(1);
        source.complete(audio(1));
        assertThat(source.reads).as("no read after the last consumer left").hasValue(2);
        assertThat(relay.activeSources()).isZero();
        assertThat(source.getReadyState()).isEqualTo(MediaStreamTrackState.LIVE);

        MediaStreamTrack again = relay.subscribe(source);
        assertThat(source.reads).hasValue(3);
        source.complete(audio(2));
        assertThat(pts(again.recv())).isEqualTo(2);
    }

    @Test
    void aConsumerJoiningWhileTheLastReadIsOutGetsItsFrame() {
        CountingTrack source = new CountingTrack();
        MediaRelay relay = new MediaRelay();
        relay.subscribe(source).stop();
        MediaStreamTrack late = relay.subscribe(source);
        assertThat(source.reads).as("the outstanding read is reused").hasValue(1);
        source.complete(audio(7));
        assertThat(pts(late.recv())).isEqualTo(7);
    }

    @Test
    void aSourceWithManyBufferedFramesDoesNotGrowTheStack() {
        BufferedTrack source = new BufferedTrack(MediaKind.AUDIO, 100_000);
        for (int i = 0; i < 100_000; i++) {
            source.push(audio(i));
        }
        MediaRelay relay = new MediaRelay(1);
        MediaStreamTrack proxy = relay.subscribe(source);
        assertThat(pts(proxy.recv())).isEqualTo(99_999);
    }

    /** A source whose reads the test completes by hand, counting them. */
    private static final class CountingTrack extends MediaStreamTrack {
        final AtomicInteger reads = new AtomicInteger();
        private final List<CompletableFuture<Frame>> outstanding = new ArrayList<>();

        CountingTrack() {
            super(MediaKind.AUDIO);
        }

        @Override
        public synchronized CompletableFuture<Frame> recv() {
            reads.incrementAndGet();
            CompletableFuture<Frame> future = new CompletableFuture<>();
            outstanding.add(future);
            return future;
        }

        void complete(Frame frame) {
            CompletableFuture<Frame> next;
            synchronized (this) {
                next = outstanding.remove(0);
            }
            next.complete(frame);
        }

        @Override
        protected void onStop() {
        }
    }
}
