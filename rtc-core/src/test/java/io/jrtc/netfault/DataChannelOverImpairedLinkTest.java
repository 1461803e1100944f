package io.jrtc.netfault;

import static org.assertj.core.api.Assertions.assertThat;

import io.jrtc.pc.RTCDataChannel;
import io.jrtc.pc.RTCDataChannelState;
import io.jrtc.testkit.BulkSender;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A data channel across a real impaired link: 5 % loss each way, 50 ms of delay, jitter that reorders. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class DataChannelOverImpairedLinkTest {
    // 50 ms on the data's way, none on the way back: the round trip (50 ms) is what bounds a loss-driven
    // congestion window, and at 100 ms the 8 MiB take over two minutes on a loaded 2-core machine. 3 % of the
    // datagrams are held up to 10 ms longer, so they arrive behind later ones.
    private static final LinkImpairment LOSSY = LinkImpairment.none().withLoss(5)
            .withDelay(Duration.ofMillis(50), Duration.ofMillis(10)).withJitterFor(3)
            .withReturnDelay(Duration.ZERO);

    @Test
    void eightMebibytesArriveBitExact() throws Exception {
        long total = 8L << 20;
        try (ImpairedLink link = ImpairedLink.open(LOSSY); PeersAcrossLink peers = new PeersAcrossLink(link, s -> s)) {
            RTCDataChannel channel = peers.offerer.createDataChannel("bulk");
            CompletableFuture<RTCDataChannel> remote = new CompletableFuture<>();
            peers.answerer.onDataChannel(remote::complete);
            peers.negotiate();
            peers.awaitConnected();
            RTCDataChannel received = remote.get(20, TimeUnit.SECONDS);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (channel.getReadyState() != RTCDataChannelState.OPEN && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }

            MessageDigest atReceiver = MessageDigest.getInstance("SHA-256");
            CompletableFuture<Long> arrived = new CompletableFuture<>();
            long[] bytes = {0};
            received.onMessage(message -> {
                atReceiver.update(message.data());
                bytes[0] += message.data().length;
                if (bytes[0] >= total) {
                    arrived.complete(bytes[0]);
                }
            });
            long start = System.nanoTime();
            String sent = BulkSender.sendBulk(channel, total, 64 * 1024, 7);
            assertThat(arrived.get(150, TimeUnit.SECONDS)).isEqualTo(total);
            double seconds = (System.nanoTime() - start) / 1e9;
            assertThat(HexFormat.of().formatHex(atReceiver.digest())).isEqualTo(sent);

            ImpairedLink.LinkCounters counters = link.counters();
            System.out.printf("8 MiB over %s: %.1f s (%.0f kB/s); %s%n", LOSSY, seconds, total / seconds / 1000,
                    counters);
            assertThat(counters.lossRate()).isBetween(0.03, 0.07);
            assertThat(counters.reordered()).isPositive();
        }
    }
}
