package io.jrtc.pc;

import static io.jrtc.pc.PeerPair.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.jrtc.testkit.BulkSender;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Two of our peer connections over real UDP sockets on loopback. */
class DataChannelLoopbackTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void offererChannelOpensAndCarriesTextAndBinaryBothWays() throws Exception {
        try (PeerPair pair = new PeerPair()) {
            RTCDataChannel offered = pair.offerer.createDataChannel("chat");
            CompletableFuture<RTCDataChannel> remote = new CompletableFuture<>();
            pair.answerer.onDataChannel(remote::complete);
            CompletableFuture<Void> open = new CompletableFuture<>();
            offered.onOpen(() -> open.complete(null));

            pair.negotiate();

            await(open);
            RTCDataChannel answered = await(remote);
            assertThat(answered.getLabel()).isEqualTo("chat");
            assertThat(answered.getId()).isEqualTo(offered.getId());
            assertThat(pair.offerer.getConnectionState()).isIn(RTCPeerConnectionState.CONNECTED,
                    RTCPeerConnectionState.CONNECTING);

            LinkedBlockingQueue<RTCDataChannelMessage> atAnswerer = new LinkedBlockingQueue<>();
            LinkedBlockingQueue<RTCDataChannelMessage> atOfferer = new LinkedBlockingQueue<>();
            answered.onMessage(atAnswerer::add);
            offered.onMessage(atOfferer::add);
            offered.send("hello");
            offered.send(new byte[] {1, 2, 3});
            offered.send("");
            offered.send(new byte[0]);
            answered.send("back");

            assertThat(take(atAnswerer).text()).isEqualTo("hello");
            RTCDataChannelMessage binary = take(atAnswerer);
            assertThat(binary.binary()).isTrue();
            assertThat(binary.data()).containsExactly(1, 2, 3);
            RTCDataChannelMessage emptyText = take(atAnswerer);
            assertThat(emptyText.binary()).isFalse();
            assertThat(emptyText.data()).isEmpty();
            RTCDataChannelMessage emptyBinary = take(atAnswerer);
            assertThat(emptyBinary.binary()).isTrue();
            assertThat(emptyBinary.data()).isEmpty();
            assertThat(take(atOfferer).text()).isEqualTo("back");
        }
    }

    @Test
    void bufferedAmountCountsSentBytesUntilAcknowledgedThenFallsToZeroFiringLow() throws Exception {
        try (PeerPair pair = new PeerPair()) {
            RTCDataChannel channel = pair.offerer.createDataChannel("buffered");
            pair.negotiate();
            awaitOpen(channel);
            channel.setBufferedAmountLowThreshold(64 * 1024);
            Semaphore lows = new Semaphore(0);
            channel.onBufferedAmountLow(lows::release);
            long peak = 0;
            long sent = 0;
            for (int i = 0; i < 64; i++) {
                channel.send(new byte[16 * 1024]);
                sent += 16 * 1024;
                peak = Math.max(peak, channel.getBufferedAmount());
            }
            channel.send(new byte[0]);

            assertThat(peak).isPositive().isLessThanOrEqualTo(sent);
            await().atMost(WAIT).until(() -> channel.getBufferedAmount() == 0);
            assertThat(lows.tryAcquire(WAIT.toSeconds(), TimeUnit.SECONDS)).as("bufferedamountlow").isTrue();
        }
    }

    @Test
    void channelsOpenedFromEachSideAndNegotiatedChannelWorkWithTrickle() throws Exception {
        try (PeerPair pair = new PeerPair()) {
            RTCDataChannel first = pair.offerer.createDataChannel("first");
            RTCDataChannel negotiatedA = pair.offerer.createDataChannel("neg",
                    RTCDataChannelInit.defaults().withNegotiatedId(7));
            RTCDataChannel negotiatedB = pair.answerer.createDataChannel("neg",
                    RTCDataChannelInit.defaults().withNegotiatedId(7));
            List<RTCDataChannel> seenByOfferer = new CopyOnWriteArrayList<>();
            pair.offerer.onDataChannel(seenByOfferer::add);

            pair.negotiateTrickle();
            awaitOpen(first);
            awaitOpen(negotiatedA);
            awaitOpen(negotiatedB);

            RTCDataChannel fromAnswerer = pair.answerer.createDataChannel("second",
                    RTCDataChannelInit.defaults().withOrdered(false).withProtocol("proto"));
            awaitOpen(fromAnswerer);
            await().atMost(WAIT).until(() -> seenByOfferer.size() == 1);
            RTCDataChannel second = seenByOfferer.get(0);
            assertThat(second.getLabel()).isEqualTo("second");
            assertThat(second.isOrdered()).isFalse();
            assertThat(second.getProtocol()).isEqualTo("proto");
            // ids follow the DTLS role: the client takes even ids, the server odd ones (RFC 8832 §6)
            assertThat(first.getId() % 2).isNotEqualTo(fromAnswerer.getId() % 2);

            LinkedBlockingQueue<RTCDataChannelMessage> received = new LinkedBlockingQueue<>();
            negotiatedB.onMessage(received::add);
            negotiatedA.send("over the negotiated channel");
            assertThat(take(received).text()).isEqualTo("over the negotiated channel");
        }
    }

    @Test
    void tenMebibytesArriveIntactOrderedAndUnordered() throws Exception {
        try (PeerPair pair = new PeerPair()) {
            RTCDataChannel ordered = pair.offerer.createDataChannel("ordered");
            RTCDataChannel unordered = pair.offerer.createDataChannel("unordered",
                    RTCDataChannelInit.defaults().withOrdered(false));
            List<RTCDataChannel> remote = new CopyOnWriteArrayList<>();
            pair.answerer.onDataChannel(remote::add);
            pair.negotiate();
            awaitOpen(ordered);
            awaitOpen(unordered);
            await().atMost(WAIT).until(() -> remote.size() == 2);

            for (RTCDataChannel channel : List.of(ordered, unordered)) {
                RTCDataChannel receiver = remote.stream().filter(c -> c.getLabel().equals(channel.getLabel()))
                        .findFirst().orElseThrow();
                Transfer transfer = new Transfer(receiver, 10 << 20, channel.isOrdered());
                String sent = sendBulk(channel, 10 << 20, 16 * 1024, 42);
                assertThat(transfer.awaitDigest()).isEqualTo(sent);
            }
        }
    }

    @Test
    void closingFromEitherSideClosesBothEnds() throws Exception {
        try (PeerPair pair = new PeerPair()) {
            RTCDataChannel a = pair.offerer.createDataChannel("a");
            RTCDataChannel b = pair.offerer.createDataChannel("b");
            List<RTCDataChannel> remote = new CopyOnWriteArrayList<>();
            pair.answerer.onDataChannel(remote::add);
            pair.negotiate();
            awaitOpen(a);
            awaitOpen(b);
            await().atMost(WAIT).until(() -> remote.size() == 2);
            RTCDataChannel remoteA = remote.stream().filter(c -> c.getLabel().equals("a")).findFirst().orElseThrow();
            RTCDataChannel remoteB = remote.stream().filter(c -> c.getLabel().equals("b")).findFirst().orElseThrow();

            a.close();
            await().atMost(WAIT).until(() -> remoteA.getReadyState() == RTCDataChannelState.CLOSED
                    && a.getReadyState() == RTCDataChannelState.CLOSED);
            remoteB.close();
            await().atMost(WAIT).until(() -> b.getReadyState() == RTCDataChannelState.CLOSED
                    && remoteB.getReadyState() == RTCDataChannelState.CLOSED);
            assertThatThrownBy(() -> a.send("late")).isInstanceOf(InvalidStateError.class);
        }
    }

    @Test
    void closeReleasesTheConnection() {
        try (PeerPair pair = new PeerPair()) {
            RTCDataChannel channel = pair.offerer.createDataChannel("x");
            pair.negotiate();
            awaitOpen(channel);
            await(pair.offerer.close());
            assertThat(pair.offerer.getConnectionState()).isEqualTo(RTCPeerConnectionState.CLOSED);
            assertThat(pair.offerer.getSignalingState()).isEqualTo(RTCSignalingState.CLOSED);
            assertThat(pair.engine.openPeerConnections()).isEqualTo(1);
            await().atMost(WAIT).until(() -> channel.getReadyState() == RTCDataChannelState.CLOSED);
        }
    }

    @Test
    void statsDescribeTransportPairsCandidatesCertificatesAndChannels() throws Exception {
        try (PeerPair pair = new PeerPair()) {
            RTCDataChannel channel = pair.offerer.createDataChannel("stats");
            pair.negotiate();
            awaitOpen(channel);
            channel.send("counted");
            await().atMost(WAIT).until(() -> channel.getMessagesSent() == 1);
            RTCStatsReport report = await(pair.offerer.getStats());
            RTCTransportStats transport = (RTCTransportStats) report.ofType("transport").get(0);
            assertThat(transport.getBytesSent()).isPositive();
            assertThat(transport.getDtlsState()).isEqualTo("connected");
            assertThat(transport.getIceRole()).isEqualTo("controlling");
            String selected = (String) transport.get("selectedCandidatePairId");
            assertThat(report).containsKey(selected);
            RTCStats pairStats = report.get(selected);
            assertThat(pairStats.get("state")).isEqualTo("succeeded");
            assertThat(report).containsKeys((String) pairStats.get("localCandidateId"),
                    (String) pairStats.get("remoteCandidateId"), (String) transport.get("localCertificateId"),
                    (String) transport.get("remoteCertificateId"));
            RTCStats dataChannel = report.ofType("data-channel").get(0);
            assertThat(dataChannel.toMap()).containsEntry("label", "stats").containsEntry("state", "open")
                    .containsEntry("messagesSent", 1L);
            assertThat(report.ofType("peer-connection").get(0).get("dataChannelsOpened")).isEqualTo(1);
        }
    }

    @Test
    void messagesOverTheRemoteMaxMessageSizeAreRefused() {
        try (PeerPair pair = new PeerPair()) {
            RTCDataChannel channel = pair.offerer.createDataChannel("big");
            pair.negotiate();
            awaitOpen(channel);
            long limit = channel.getTransport().getMaxMessageSize();
            assertThat(limit).isEqualTo(RTCSctpTransport.MAX_MESSAGE_SIZE);
            assertThatThrownBy(() -> channel.send(new byte[(int) limit + 1])).isInstanceOf(TypeError.class);
        }
    }

    @Test
    void eventsKeepW3cOrderForListenersAddedInCallbacks() throws Exception {
        try (PeerPair pair = new PeerPair()) {
            RTCDataChannel channel = pair.offerer.createDataChannel("order");
            channel.onOpen(() -> channel.send("first"));
            CompletableFuture<Void> remoteOpen = new CompletableFuture<>();
            LinkedBlockingQueue<RTCDataChannelMessage> received = new LinkedBlockingQueue<>();
            pair.answerer.onDataChannel(remote -> {
                remote.onOpen(() -> remoteOpen.complete(null));
                remote.onMessage(received::add);
            });
            List<RTCIceCandidate> candidates = new CopyOnWriteArrayList<>();
            CompletableFuture<Void> endOfCandidates = new CompletableFuture<>();
            pair.offerer.onIceCandidate(c -> {
                if (c == null) {
                    endOfCandidates.complete(null);
                } else {
                    candidates.add(c);
                }
            });
            await(pair.offerer.setLocalDescription());
            await(pair.offerer.gatheringComplete());
            assertThat(endOfCandidates).as("end-of-candidates before gatheringComplete").isDone();
            assertThat(candidates).isNotEmpty();
            await(pair.answerer.setRemoteDescription(pair.offerer.getLocalDescription()));
            await(pair.answerer.setLocalDescription());
            await(pair.answerer.gatheringComplete());
            await(pair.offerer.setRemoteDescription(pair.answerer.getLocalDescription()));

            await(remoteOpen);
            assertThat(take(received).text()).isEqualTo("first");
        }
    }

    @Test
    void connectsOverIpv6() throws Exception {
        try (PeerPair pair = new PeerPair(RTCConfiguration::new, java.net.InetAddress.getByName("::1"))) {
            RTCDataChannel channel = pair.offerer.createDataChannel("v6");
            pair.negotiate();
            awaitOpen(channel);
            assertThat(pair.offerer.getLocalDescription().sdp()).contains(" ::1 ");
        }
    }

    @Test
    void closeReleasesTheUdpPorts() throws Exception {
        try (PeerPair pair = new PeerPair()) {
            RTCDataChannel channel = pair.offerer.createDataChannel("ports");
            pair.negotiate();
            awaitOpen(channel);
            List<Integer> ports = pair.offerer.getSctp().getTransport().getTransport().getIceGatherer()
                    .getLocalCandidates().stream()
                    .map(RTCIceCandidate::getPort).toList();
            assertThat(ports).isNotEmpty();
            await(pair.offerer.close());
            for (int port : ports) {
                try (java.net.DatagramSocket rebound = new java.net.DatagramSocket(port,
                        java.net.InetAddress.getLoopbackAddress())) {
                    assertThat(rebound.getLocalPort()).isEqualTo(port);
                }
            }
        }
    }

    static void awaitOpen(RTCDataChannel channel) {
        await().atMost(WAIT).until(() -> channel.getReadyState() == RTCDataChannelState.OPEN);
    }

    static RTCDataChannelMessage take(LinkedBlockingQueue<RTCDataChannelMessage> queue) throws InterruptedException {
        RTCDataChannelMessage message = queue.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(message).as("a message within " + WAIT).isNotNull();
        return message;
    }

    /** Sends pseudo-random bytes with W3C-style backpressure; returns the hex SHA-256 of what was sent. */
    static String sendBulk(RTCDataChannel channel, long total, int chunk, long seed) throws Exception {
        return BulkSender.sendBulk(channel, total, chunk, seed);
    }

    /** Collects {@code total} bytes on a channel; hashes them in arrival order, or sorted by chunk when unordered. */
    static final class Transfer {
        private final CompletableFuture<String> done = new CompletableFuture<>();
        private final java.util.ArrayList<byte[]> chunks = new java.util.ArrayList<>();
        private long received;

        Transfer(RTCDataChannel channel, long total, boolean ordered) {
            channel.onMessage(message -> {
                chunks.add(message.data());
                received += message.data().length;
                if (received >= total) {
                    done.complete(ordered ? hash(chunks) : "unordered:" + chunks.size());
                }
            });
            this.ordered = ordered;
        }

        private final boolean ordered;

        String awaitDigest() throws Exception {
            String result = done.get(60, TimeUnit.SECONDS);
            if (ordered) {
                return result;
            }
            return hashInSendOrder();
        }

        // Unordered delivery may reorder messages; the sender's stream is rebuilt by matching each chunk to the
        // same seeded generator, so the digest still proves every byte arrived intact.
        private String hashInSendOrder() throws Exception {
            Random random = new Random(42);
            java.util.HashMap<String, Integer> remaining = new java.util.HashMap<>();
            for (byte[] c : chunks) {
                remaining.merge(HexFormat.of().formatHex(c), 1, Integer::sum);
            }
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            long left = received;
            while (left > 0) {
                byte[] expected = new byte[(int) Math.min(16 * 1024, left)];
                random.nextBytes(expected);
                String key = HexFormat.of().formatHex(expected);
                Integer count = remaining.get(key);
                if (count == null) {
                    break;
                }
                remaining.put(key, count - 1);
                digest.update(expected);
                left -= expected.length;
            }
            return HexFormat.of().formatHex(digest.digest());
        }

        private static String hash(List<byte[]> chunks) {
            try {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                chunks.forEach(digest::update);
                return HexFormat.of().formatHex(digest.digest());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
