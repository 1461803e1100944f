package io.jrtc.pc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jrtc.pc.internal.transport.SctpTransport;
import io.jrtc.testkit.LinkConditions;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What one connection's data channels can hold, on virtual time ({@link PeerPairOnVirtualTime}): bufferedAmount
 * stops at its cap with OperationError, as in browsers, and opening and closing channels by the hundred thousand
 * leaves nothing behind.
 */
class DataChannelBoundsTest {
    private static final int MESSAGE = 64 << 10;

    @Test
    void aSendPastTheBufferedAmountCapFailsWithOperationErrorAndQueuesNothing() {
        assertThat(SctpSettings.defaults().maxBufferedAmount()).isEqualTo(16L << 20);
        try (PeerPairOnVirtualTime pair = new PeerPairOnVirtualTime(11)) {
            RTCDataChannel channel = pair.offerer.createDataChannel("capped");
            AtomicInteger received = new AtomicInteger();
            pair.answerer.onDataChannel(remote -> remote.onMessage(message -> received.incrementAndGet()));
            pair.connect();
            pair.runUntil(() -> channel.getReadyState() == RTCDataChannelState.OPEN, Duration.ofSeconds(10));
            pair.setConditions(LinkConditions.cut());   // nothing is acknowledged: the peer does not read

            byte[] message = new byte[MESSAGE];
            for (int i = 0; i < (16 << 20) / MESSAGE; i++) {
                channel.send(message);
            }
            assertThat(channel.getBufferedAmount()).isEqualTo(16L << 20);
            assertThatThrownBy(() -> channel.send(new byte[1])).isInstanceOf(OperationError.class)
                    .hasMessageContaining("rtc.sctp.max-buffered-amount")
                    .satisfies(e -> assertThat(((RTCError) e).getReason()).isEqualTo(RTCErrorReason.SEND_QUEUE_FULL));
            assertThatThrownBy(() -> channel.send("x")).isInstanceOf(OperationError.class);
            assertThat(channel.getBufferedAmount()).isEqualTo(16L << 20);
            assertThat(channel.getReadyState()).isEqualTo(RTCDataChannelState.OPEN);

            pair.setConditions(LinkConditions.perfect());
            pair.runUntil(() -> channel.getBufferedAmount() == 0, Duration.ofMinutes(2));
            channel.send("after");
            pair.runUntil(() -> received.get() == (16 << 20) / MESSAGE + 1, Duration.ofSeconds(30));
        }
    }

    @Test
    void theCapIsASetting() {
        try (PeerPairOnVirtualTime pair = new PeerPairOnVirtualTime(12,
                settings -> settings.withSctp(settings.sctp().withMaxBufferedAmount(1000)))) {
            RTCDataChannel channel = pair.offerer.createDataChannel("small");
            pair.connect();
            pair.runUntil(() -> channel.getReadyState() == RTCDataChannelState.OPEN, Duration.ofSeconds(10));
            pair.setConditions(LinkConditions.cut());
            channel.send(new byte[600]);
            assertThatThrownBy(() -> channel.send(new byte[401])).isInstanceOf(OperationError.class);
            channel.send(new byte[400]);
            assertThat(channel.getBufferedAmount()).isEqualTo(1000);
        }
        assertThatThrownBy(() -> SctpSettings.defaults().withMaxBufferedAmount(0))
                .hasMessageContaining("sctp maxBufferedAmount");
    }

    @Test
    void aHundredThousandChannelsOpenedAndClosedLeaveNothingBehind() throws Exception {
        try (PeerPairOnVirtualTime pair = new PeerPairOnVirtualTime(13)) {
            RTCDataChannel first = pair.offerer.createDataChannel("first");
            pair.connect();
            SctpTransport remote = pair.answerer.getSctp().core();
            pair.runUntil(() -> first.getReadyState() == RTCDataChannelState.OPEN
                    && remote.dataChannelsOpened() == 1, Duration.ofSeconds(10));
            int batch = 100;
            cycle(pair, remote, batch, 20);                 // warm-up: every class loaded, every map grown
            settleCallbacks(pair);
            long before = heapAfterGc();
            int cycles = cycle(pair, remote, batch, 100_000 / batch);
            settleCallbacks(pair);
            long after = heapAfterGc();
            System.out.printf("{\"channelCycles\":%d,\"heapBeforeMiB\":%.1f,\"heapAfterMiB\":%.1f,"
                    + "\"growthMiB\":%.2f,\"remoteChannelsLeft\":%d}%n", cycles, before / 1048576.0,
                    after / 1048576.0, (after - before) / 1048576.0, remote.channels().size());
            assertThat(cycles).isEqualTo(100_000);
            assertThat(after - before).isLessThan(16L << 20);
            assertThat(remote.channels()).hasSize(1);
            assertThat(first.getReadyState()).isEqualTo(RTCDataChannelState.OPEN);
        }
    }

    /**
     * {@code rounds} times: opens {@code batch} channels, waits for both ends to have them open, closes them, waits
     * for both ends to close. States are read from the loops' own counters, not from callbacks, which may lag behind
     * virtual time on a loaded machine.
     */
    private static int cycle(PeerPairOnVirtualTime pair, SctpTransport remote, int batch, int rounds) {
        int cycles = 0;
        for (int round = 0; round < rounds; round++) {
            int openedBefore = remote.dataChannelsOpened();
            int closedBefore = remote.dataChannelsClosed();
            List<RTCDataChannel> open = new ArrayList<>(batch);
            for (int i = 0; i < batch; i++) {
                open.add(pair.offerer.createDataChannel("c" + i));
            }
            pair.runUntil(() -> remote.dataChannelsOpened() == openedBefore + batch
                    && open.stream().allMatch(c -> c.getReadyState() == RTCDataChannelState.OPEN),
                    Duration.ofSeconds(10));
            open.forEach(RTCDataChannel::close);
            pair.runUntil(() -> remote.dataChannelsClosed() == closedBefore + batch
                    && open.stream().allMatch(c -> c.getReadyState() == RTCDataChannelState.CLOSED),
                    Duration.ofSeconds(10));
            cycles += batch;
        }
        return cycles;
    }

    /**
     * Waits (in real time) until both connections' callbacks queued so far have run: a marker channel's datachannel
     * event on the remote and its close event here, each queued behind the earlier ones (listeners added first).
     */
    private static void settleCallbacks(PeerPairOnVirtualTime pair) throws Exception {
        CompletableFuture<Void> local = new CompletableFuture<>();
        CompletableFuture<Void> remote = new CompletableFuture<>();
        Subscription announced = pair.answerer.onDataChannel(channel -> remote.complete(null));
        RTCDataChannel marker = pair.offerer.createDataChannel("marker");
        marker.onClose(() -> local.complete(null));
        pair.runUntil(() -> marker.getReadyState() == RTCDataChannelState.OPEN, Duration.ofSeconds(10));
        marker.close();
        pair.runUntil(() -> marker.getReadyState() == RTCDataChannelState.CLOSED, Duration.ofSeconds(10));
        CompletableFuture.allOf(local, remote).get(2, TimeUnit.MINUTES);
        announced.close();
    }

    /** The heap in use after full collections, once it stops shrinking. */
    static long heapAfterGc() {
        var memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            long now = memory.getHeapMemoryUsage().getUsed();
            if (now >= used) {
                return now;
            }
            used = now;
        }
        return used;
    }
}
