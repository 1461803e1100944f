package io.jrtc.pc;

import static io.jrtc.pc.PeerPair.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.jrtc.media.EncodedFrame;
import io.jrtc.media.MediaClock;
import io.jrtc.media.MediaRelay;
import io.jrtc.media.MediaStreamTrack;
import io.jrtc.media.TrackReading;
import io.jrtc.media.VideoStreamTrack;
import io.jrtc.media.video.VideoCodecThreads;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A raw test pattern's encoder that falls behind does not hold up its connection: with every codec thread taken
 * (an encoder that never finishes, the worst kind of slow), a data channel on the same connection keeps echoing,
 * the sender drops the pictures it cannot encode (counted in {@code framesDropped}) instead of queueing them, and
 * once the codec threads are free again the picture that waited goes out as the keyframe the receiver asked for
 * meanwhile. Asserted are counts and order, not times.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class VideoEncodingOffTheLoopTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int ECHOES = 30;

    @Test
    void aStalledEncoderDropsPicturesWhileTheConnectionKeepsEchoing() throws Exception {
        try (PeerPair pair = new PeerPair()) {
            VideoStreamTrack pattern = VideoStreamTrack.testPattern(MediaClock.system(), 320, 240, 30);
            pair.offerer.addTransceiver(pattern, RTCRtpTransceiverDirection.SENDONLY);
            RTCDataChannel channel = pair.offerer.createDataChannel("echo");
            CompletableFuture<Void> open = new CompletableFuture<>();
            channel.onOpen(() -> open.complete(null));
            pair.answerer.onDataChannel(remote -> remote.onMessage(message -> remote.send(message.text())));
            CompletableFuture<RTCTrackEvent> arrived = new CompletableFuture<>();
            pair.answerer.onTrack(arrived::complete);
            pair.negotiate();
            await(open);
            List<Boolean> keyframes = Collections.synchronizedList(new ArrayList<>());
            MediaStreamTrack received = new MediaRelay().subscribe(arrived.get(20, TimeUnit.SECONDS).track());
            TrackReading.readWhile(received, (frame, error) -> {
                if (frame instanceof EncodedFrame coded) {
                    keyframes.add(coded.keyframe());
                }
                return error == null;
            });
            await().atMost(WAIT).until(() -> keyframes.size() >= 10);

            CountDownLatch release = new CountDownLatch(1);
            takeEveryCodecThread(release);
            try {
                long sentAtStall = outbound(pair, "framesSent");
                LinkedBlockingQueue<String> echoes = new LinkedBlockingQueue<>();
                channel.onMessage(message -> echoes.add(message.text()));
                List<String> echoed = new ArrayList<>();
                for (int i = 0; i < ECHOES; i++) {
                    channel.send("ping " + i);
                    echoed.add(echoes.poll(WAIT.toSeconds(), TimeUnit.SECONDS));
                }
                await().atMost(WAIT).until(() -> outbound(pair, "framesDropped") >= 10);
                long sentWhileStalled = outbound(pair, "framesSent") - sentAtStall;

                int before = keyframes.size();
                arrived.get().track().requestKeyframe();  // a PLI to the sender, whose encoder is stalled
                await().atMost(WAIT).until(() -> outbound(pair, "pliCount") >= 1);
                release.countDown();
                await().atMost(WAIT).until(() -> keyframes.size() >= before + 5);

                long dropped = outbound(pair, "framesDropped");
                System.out.printf("{\"bench\":\"video-encoding-off-the-loop\",\"echoesWhileStalled\":%d,"
                        + "\"framesSentWhileStalled\":%d,\"framesDropped\":%d}%n", echoed.size(),
                        sentWhileStalled, dropped);
                assertThat(echoed).as("every ping echoed, in order, while no picture could be encoded")
                        .containsExactlyElementsOf(java.util.stream.IntStream.range(0, ECHOES)
                                .mapToObj(i -> "ping " + i).toList());
                assertThat(sentWhileStalled).as("at most the picture encoded as the threads were taken")
                        .isLessThanOrEqualTo(1);
                // (A later one may be a keyframe too: an estimate that moved during the stall retunes the encoder.)
                assertThat(keyframes.get(before)).as("the first picture after the stall answers the PLI").isTrue();
            } finally {
                release.countDown();
            }
        }
    }

    /** Occupies every thread of the shared codec pool until {@code release}; returns once they all wait. */
    private static void takeEveryCodecThread(CountDownLatch release) throws InterruptedException {
        ThreadPoolExecutor pool = (ThreadPoolExecutor) VideoCodecThreads.shared();
        int threads = pool.getMaximumPoolSize();
        CountDownLatch taken = new CountDownLatch(threads);
        for (int i = 0; i < threads; i++) {
            pool.execute(() -> {
                taken.countDown();
                try {
                    release.await();
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        assertThat(taken.await(WAIT.toSeconds(), TimeUnit.SECONDS)).as("every codec thread taken").isTrue();
    }

    private static long outbound(PeerPair pair, String counter) {
        RTCStats stats = await(pair.offerer.getStats()).ofType("outbound-rtp").stream()
                .filter(s -> "video".equals(s.get("kind"))).findFirst().orElseThrow();
        return (Long) stats.get(counter);
    }
}
