package io.jrtc.netfault;

import static org.assertj.core.api.Assertions.assertThat;

import io.jrtc.media.AudioMeasurements;
import io.jrtc.media.BufferedTrack;
import io.jrtc.media.EncodedFrame;
import io.jrtc.media.Frame;
import io.jrtc.media.MediaKind;
import io.jrtc.media.MediaStreamTrack;
import io.jrtc.media.ToneAudioTrack;
import io.jrtc.pc.RTCPeerConnection;
import io.jrtc.pc.RTCStats;
import io.jrtc.pc.RTCTrackEvent;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A call across a real impaired link losing 10 % of datagrams each way: VP8 frames both ways and an Opus tone, with
 * NACK and RTX recovering the losses. A frame counts as decoded when the receiving stack completes it (every
 * packet, in order: the {@code framesReceived} of its inbound stats), and every frame the test reads from the track
 * must be byte for byte the one sent, in order. A reader the scheduler starves may see fewer: the track then drops
 * frames its buffer cannot hold ({@code framesDropped}), which is the application's pace, not the link's losses.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class MediaOverImpairedLinkTest {
    private static final LinkImpairment LOSSY = LinkImpairment.none().withLoss(10)
            .withDelay(Duration.ofMillis(20), Duration.ofMillis(2));
    private static final int FRAMES = 300;
    private static final int FPS = 50;

    @Test
    void videoBothWaysDecodesAtLeast99PercentOfItsFramesThroughTenPercentLoss() throws Exception {
        try (ImpairedLink link = ImpairedLink.open(LOSSY); PeersAcrossLink peers = new PeersAcrossLink(link, s -> s)) {
            BufferedTrack offererCamera = new BufferedTrack(MediaKind.VIDEO, 1024);
            BufferedTrack answererCamera = new BufferedTrack(MediaKind.VIDEO, 1024);
            peers.offerer.addTrack(offererCamera);
            peers.offerer.addTrack(new ToneAudioTrack(440, 8000));
            CompletableFuture<MediaStreamTrack> videoAtAnswerer = trackOf(peers.answerer, MediaKind.VIDEO);
            CompletableFuture<MediaStreamTrack> audioAtAnswerer = trackOf(peers.answerer, MediaKind.AUDIO);
            CompletableFuture<MediaStreamTrack> videoAtOfferer = trackOf(peers.offerer, MediaKind.VIDEO);
            peers.negotiate(() -> peers.answerer.addTrack(answererCamera));  // takes the offered video transceiver
            peers.awaitConnected();

            List<byte[]> sent = frames(FRAMES, 5);
            Receiver atAnswerer = new Receiver(videoAtAnswerer.get(10, TimeUnit.SECONDS), sent);
            Receiver atOfferer = new Receiver(videoAtOfferer.get(10, TimeUnit.SECONDS), sent);
            long start = System.nanoTime();
            for (int i = 0; i < FRAMES; i++) {
                long timestamp = 90_000L / FPS * i;
                offererCamera.push(new EncodedFrame("video/VP8", 90_000, sent.get(i), timestamp, i == 0));
                answererCamera.push(new EncodedFrame("video/VP8", 90_000, sent.get(i), timestamp, i == 0));
                Thread.sleep(1000 / FPS);
            }
            double tone = AudioMeasurements.dominantFrequency(audioAtAnswerer.get(10, TimeUnit.SECONDS));
            atAnswerer.awaitLast(Duration.ofSeconds(10));
            atOfferer.awaitLast(Duration.ofSeconds(10));
            double seconds = (System.nanoTime() - start) / 1e9;

            ImpairedLink.LinkCounters counters = link.counters();
            RTCStats inbound = video(PeersAcrossLink.await(peers.answerer.getStats()).ofType("inbound-rtp"));
            RTCStats inboundAtOfferer = video(PeersAcrossLink.await(peers.offerer.getStats()).ofType("inbound-rtp"));
            String figures = String.format(java.util.Locale.ROOT, "call over %s for %.1f s: frames decoded at the "
                    + "answerer %d/%d, at the offerer %d/%d; tone %.0f Hz; %s; answerer's video inbound: %s", LOSSY,
                    seconds, atAnswerer.decoded(), FRAMES, atOfferer.decoded(), FRAMES, tone, counters, inbound)
                    + "; offerer's video outbound: " + video(PeersAcrossLink.await(peers.offerer.getStats())
                    .ofType("outbound-rtp"));
            System.out.println(figures);

            assertThat(counters.lossRate()).as(figures).isBetween(0.07, 0.13);
            for (RTCStats side : List.of(inbound, inboundAtOfferer)) {
                assertThat((Long) side.get("framesReceived")).as(figures).isGreaterThanOrEqualTo(FRAMES * 99 / 100);
            }
            for (Receiver reader : List.of(atAnswerer, atOfferer)) {
                assertThat(reader.corrupt()).as(figures).isZero();
            }
            // What the reader did not see, the track dropped for want of room; nothing vanished in between.
            assertThat(atAnswerer.decoded() + (Long) inbound.get("framesDropped")).as(figures)
                    .isGreaterThanOrEqualTo(FRAMES * 99 / 100);
            assertThat(atOfferer.decoded() + (Long) inboundAtOfferer.get("framesDropped")).as(figures)
                    .isGreaterThanOrEqualTo(FRAMES * 99 / 100);
            assertThat((Long) inbound.get("nackCount")).isPositive();
            assertThat((Long) inbound.get("retransmittedPacketsReceived")).isPositive();
            assertThat(tone).isBetween(400.0, 480.0);
        }
    }

    /**
     * Frames of a camera's sizes: a 20 kB keyframe, then 500 B to 4 kB; each carries its index after the VP8 header
     * byte (whose lowest bit is 0 on a keyframe), then random bytes.
     */
    private static List<byte[]> frames(int count, long seed) {
        Random random = new Random(seed);
        List<byte[]> frames = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] frame = new byte[i == 0 ? 20_000 : 500 + random.nextInt(3500)];
            random.nextBytes(frame);
            frame[0] = (byte) (i == 0 ? frame[0] & 0xFE : frame[0] | 0x01);
            ByteBuffer.wrap(frame, 1, 4).putInt(i);
            frames.add(frame);
        }
        return frames;
    }

    private static CompletableFuture<MediaStreamTrack> trackOf(RTCPeerConnection peer, MediaKind kind) {
        CompletableFuture<MediaStreamTrack> track = new CompletableFuture<>();
        peer.onTrack((RTCTrackEvent event) -> {
            if (event.track().getKind() == kind) {
                track.complete(event.track());
            }
        });
        return track;
    }

    private static RTCStats video(List<? extends RTCStats> streams) {
        return streams.stream().filter(s -> "video".equals(s.get("kind"))).findFirst().orElseThrow();
    }

    /** Reads a received video track on a thread of its own, counting frames that arrive complete and in order. */
    private static final class Receiver {
        private final List<Integer> decoded = new CopyOnWriteArrayList<>();
        private final java.util.concurrent.atomic.AtomicInteger corrupt = new java.util.concurrent.atomic.AtomicInteger();
        private final CompletableFuture<Void> last = new CompletableFuture<>();

        Receiver(MediaStreamTrack track, List<byte[]> sent) {
            Thread reader = new Thread(() -> read(track, sent), "frames-" + track.getId());
            reader.setDaemon(true);
            reader.start();
        }

        private void read(MediaStreamTrack track, List<byte[]> sent) {
            int highest = -1;
            while (!last.isDone()) {
                Frame frame;
                try {
                    frame = track.recv().get(30, TimeUnit.SECONDS);
                } catch (InterruptedException | ExecutionException | TimeoutException e) {
                    return;
                }
                byte[] data = ((EncodedFrame) frame).data();
                int index = data.length >= 5 ? ByteBuffer.wrap(data, 1, 4).getInt() : -1;
                if (index > highest && index < sent.size() && Arrays.equals(data, sent.get(index))) {
                    decoded.add(index);
                    highest = index;
                } else {
                    corrupt.incrementAndGet();
                }
                if (index == sent.size() - 1) {
                    last.complete(null);
                }
            }
        }

        /** Waits for the last frame; a lost last frame ends the wait after {@code atMost}. */
        void awaitLast(Duration atMost) throws InterruptedException {
            try {
                last.get(atMost.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                last.complete(null);
            }
        }

        int decoded() {
            return decoded.size();
        }

        /** Frames read that were not the sent frame of their index, or came out of order. */
        int corrupt() {
            return corrupt.get();
        }
    }
}
