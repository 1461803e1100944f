package io.jrtc.pc;

import static org.assertj.core.api.Assertions.assertThat;

import io.jrtc.pc.VirtualTimeDataChannelTest.Received;
import io.jrtc.testkit.LinkConditions;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * A receiver that pauses its channel (a reader that cannot keep up) holds the remote sender back through SCTP flow
 * control: nothing is delivered, this side holds at most its receive window, the sender's bufferedAmount keeps the
 * rest, and on resume every byte arrives in order.
 */
class PausedReceivingDataChannelTest {
    private static final long WINDOW = 256 << 10;
    private static final long TOTAL = 2 << 20;

    @Test
    void aPausedChannelSlowsTheSenderAndGetsEverythingInOrderOnResume() throws Exception {
        try (PeerPairOnVirtualTime pair = new PeerPairOnVirtualTime(31,
                s -> s.withSctp(SctpSettings.defaults().withReceiveWindow(WINDOW)))) {
            pair.setConditions(LinkConditions.perfect().withDelay(Duration.ofMillis(20), Duration.ZERO));
            RTCDataChannel channel = pair.offerer.createDataChannel("bulk");
            CompletableFuture<RTCDataChannel> remote = new CompletableFuture<>();
            pair.answerer.onDataChannel(remote::complete);
            pair.connect();
            pair.runUntil(() -> channel.getReadyState() == RTCDataChannelState.OPEN, Duration.ofSeconds(10));
            RTCDataChannel reader = pair.await(remote);
            Received received = new Received(reader);
            reader.pauseReceiving();
            assertThat(reader.isReceivePaused()).isTrue();

            String sent = sendAll(channel);
            long highestHeld = 0;
            for (int second = 0; second < 10; second++) {
                pair.kit.runFor(Duration.ofSeconds(1));
                highestHeld = Math.max(highestHeld, heldBySctp(pair.answerer));
            }

            assertThat(received.bytes()).as("nothing delivered while paused").isZero();
            assertThat(highestHeld).as("held at most the window plus a packet").isLessThanOrEqualTo(WINDOW + 1500)
                    .isGreaterThan(WINDOW / 2);
            assertThat(channel.getBufferedAmount()).as("the sender keeps the rest")
                    .isGreaterThanOrEqualTo(TOTAL - WINDOW - 1500);

            reader.resumeReceiving();
            pair.runUntil(() -> received.bytes() == TOTAL, Duration.ofMinutes(1));
            assertThat(received.digest()).isEqualTo(sent);
            pair.runUntil(() -> channel.getBufferedAmount() == 0, Duration.ofSeconds(10));
            assertThat(channel.getBufferedAmount()).isZero();
        }
    }

    /** Queues all of it at once (within the bufferedAmount cap); the hex SHA-256 of what was sent. */
    private static String sendAll(RTCDataChannel channel) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        Random random = new Random(44);
        for (long sent = 0; sent < TOTAL; sent += 16 * 1024) {
            byte[] data = new byte[16 * 1024];
            random.nextBytes(data);
            digest.update(data);
            channel.send(data);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static long heldBySctp(RTCPeerConnection peer) {
        var association = peer.getSctp().core().association();
        return association == null ? 0 : association.receiveBufferedBytes();
    }
}
