package io.jrtc.pc;

import static org.assertj.core.api.Assertions.assertThat;

import io.jrtc.testkit.LinkConditions;
import io.jrtc.testkit.SimulatedNetwork;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Whole connections on virtual time over a simulated link ({@link PeerPairOnVirtualTime}): a data channel opens and
 * carries a bulk transfer bit-exact through loss, reordering, duplication and delay; the virtual seconds it takes
 * cost little real time.
 */
class VirtualTimeDataChannelTest {
    private static final LinkConditions BAD_LINK = LinkConditions.perfect().withLoss(0.05)
            .withDelay(Duration.ofMillis(50), Duration.ofMillis(10)).withDuplication(0.02);

    @Test
    void twoMebibytesArriveBitExactThroughLossReorderingDuplicationAndDelay() throws Exception {
        try (PeerPairOnVirtualTime pair = new PeerPairOnVirtualTime(7)) {
            // from the first packet: ICE checks, the DTLS handshake (on real time, see VirtualTimeEngine) and SCTP
            pair.setConditions(BAD_LINK);
            RTCDataChannel channel = pair.offerer.createDataChannel("bulk");
            CompletableFuture<RTCDataChannel> remote = new CompletableFuture<>();
            pair.answerer.onDataChannel(remote::complete);
            pair.negotiate();
            pair.runUntil(() -> channel.getReadyState() == RTCDataChannelState.OPEN, Duration.ofSeconds(30));
            Received received = new Received(pair.await(remote));
            long total = 2 << 20;
            Duration transfer = time(pair, () -> {
                String sent = sendBulk(pair, channel, total, 16 * 1024, 42);
                pair.runUntil(() -> received.bytes() == total, Duration.ofMinutes(5));
                assertThat(received.digest()).isEqualTo(sent);
            });

            SimulatedNetwork.Counters counters = pair.kit.network.counters();
            assertThat(counters.lost()).as("the link lost datagrams").isPositive();
            assertThat(counters.duplicated()).as("the link duplicated datagrams").isPositive();
            // 2 MiB over a 100 ms round trip with 5 % loss is seconds of SCTP congestion control, not milliseconds
            assertThat(transfer).isGreaterThan(Duration.ofSeconds(1));
        }
    }

    @Test
    void aBandwidthCapBoundsTheTransferTime() throws Exception {
        long bitsPerSecond = 2_000_000;
        try (PeerPairOnVirtualTime pair = new PeerPairOnVirtualTime(8)) {
            RTCDataChannel channel = pair.offerer.createDataChannel("capped");
            CompletableFuture<RTCDataChannel> remote = new CompletableFuture<>();
            pair.answerer.onDataChannel(remote::complete);
            pair.connect();
            Received received = new Received(pair.await(remote));
            pair.setConditions(LinkConditions.perfect().withDelay(Duration.ofMillis(20), Duration.ZERO)
                    .withBandwidth(bitsPerSecond, 32 * 1024));
            long total = 512 << 10;
            Duration transfer = time(pair, () -> {
                String sent = sendBulk(pair, channel, total, 16 * 1024, 43);
                pair.runUntil(() -> received.bytes() == total, Duration.ofMinutes(2));
                assertThat(received.digest()).isEqualTo(sent);
            });

            // no faster than the cap allows (payload alone, headers come on top), and not stalled either
            assertThat(transfer).isGreaterThan(Duration.ofNanos(total * 8 * 1_000_000_000L / bitsPerSecond))
                    .isLessThan(Duration.ofSeconds(20));
        }
    }

    @Test
    void anIceRestartOverALossyLinkKeepsTheChannelWorkingWithNewCredentials() throws Exception {
        try (PeerPairOnVirtualTime pair = new PeerPairOnVirtualTime(9)) {
            RTCDataChannel channel = pair.offerer.createDataChannel("restart");
            CompletableFuture<RTCDataChannel> remote = new CompletableFuture<>();
            pair.answerer.onDataChannel(remote::complete);
            pair.connect();
            pair.runUntil(() -> channel.getReadyState() == RTCDataChannelState.OPEN, Duration.ofSeconds(10));
            Received received = new Received(pair.await(remote));
            String ufragBefore = iceUfrag(pair.offerer.getLocalDescription().sdp());
            String remoteUfragBefore = iceUfrag(pair.answerer.getLocalDescription().sdp());
            pair.setConditions(BAD_LINK);

            pair.offerer.restartIce();
            pair.negotiate();
            pair.kit.runFor(Duration.ofSeconds(5));

            assertThat(iceUfrag(pair.offerer.getLocalDescription().sdp())).isNotEqualTo(ufragBefore);
            assertThat(iceUfrag(pair.answerer.getLocalDescription().sdp())).isNotEqualTo(remoteUfragBefore);
            assertThat(pair.offerer.getIceConnectionState())
                    .isIn(RTCIceConnectionState.CONNECTED, RTCIceConnectionState.COMPLETED);
            channel.send(new byte[] {1, 2, 3});
            pair.runUntil(() -> received.bytes() == 3, Duration.ofSeconds(10));
            assertThat(pair.offerer.getConnectionState()).isEqualTo(RTCPeerConnectionState.CONNECTED);
        }
    }

    private static String iceUfrag(String sdp) {
        return sdp.lines().filter(l -> l.startsWith("a=ice-ufrag:")).findFirst().orElseThrow();
    }

    /** Runs {@code body}; the virtual time it took. */
    static Duration time(PeerPairOnVirtualTime pair, ThrowingRunnable body) throws Exception {
        Duration before = pair.virtualTime();
        body.run();
        return pair.virtualTime().minus(before);
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    /**
     * Sends pseudo-random bytes with W3C-style backpressure, letting virtual time run whenever a MiB is buffered;
     * returns the hex SHA-256 of what was sent.
     */
    static String sendBulk(PeerPairOnVirtualTime pair, RTCDataChannel channel, long total, int chunk, long seed)
            throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        Random random = new Random(seed);
        long sent = 0;
        while (sent < total) {
            if (channel.getBufferedAmount() >= (1 << 20)) {
                pair.runUntil(() -> channel.getBufferedAmount() < (256 << 10), Duration.ofMinutes(1));
            }
            byte[] data = new byte[(int) Math.min(chunk, total - sent)];
            random.nextBytes(data);
            digest.update(data);
            channel.send(data);
            sent += data.length;
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** What arrives on a channel, hashed in arrival order. */
    static final class Received {
        private final MessageDigest digest;
        private volatile long bytes;

        Received(RTCDataChannel channel) throws Exception {
            digest = MessageDigest.getInstance("SHA-256");
            channel.onMessage(message -> {
                synchronized (digest) {
                    digest.update(message.data());
                }
                bytes += message.data().length;
            });
        }

        long bytes() {
            return bytes;
        }

        String digest() {
            synchronized (digest) {
                return HexFormat.of().formatHex(digest.digest());
            }
        }
    }
}
