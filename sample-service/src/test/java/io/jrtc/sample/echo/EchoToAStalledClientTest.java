package io.jrtc.sample.echo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import io.jrtc.pc.RTCConfiguration;
import io.jrtc.pc.RTCDataChannel;
import io.jrtc.pc.RTCPeerConnection;
import io.jrtc.pc.RTCSdpType;
import io.jrtc.pc.RTCSessionDescription;
import io.jrtc.pc.RtcEngine;
import io.jrtc.pc.RtcEngineSettings;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * POST /echo toward a client that keeps sending but never reads: a real Java peer behind a
 * {@link StalledDownlinkRelay}, so the service's echoes are never acknowledged while the client's messages still
 * arrive. The service must not buffer what it cannot deliver: 48 MiB sent leave it well under 32 MiB more heap.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "server.address=127.0.0.1", "rtc.include-loopback=true" })
class EchoToAStalledClientTest {
    private static final long FLOOD = 48L << 20;
    private static final int MESSAGE = 16 << 10;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theEchoHoldsLittleForAClientThatNeverReads() throws Exception {
        try (RtcEngine clientEngine = RtcEngine.create(RtcEngineSettings.defaults().withIncludeLoopback(true))) {
            RTCPeerConnection client = clientEngine.newPeerConnection(new RTCConfiguration());
            RTCDataChannel channel = client.createDataChannel("flood");
            AtomicLong echoed = new AtomicLong();
            channel.onMessage(message -> echoed.addAndGet(message.data().length));
            CompletableFuture<Void> open = new CompletableFuture<>();
            channel.onOpen(() -> open.complete(null));

            client.setLocalDescription(client.createOffer().get(10, TimeUnit.SECONDS)).get(10, TimeUnit.SECONDS);
            client.gatheringComplete().get(10, TimeUnit.SECONDS);
            // Without our candidates the service can only answer where our checks come from: the relay.
            String offer = client.getLocalDescription().sdp().lines()
                    .filter(line -> !line.startsWith("a=candidate:")).collect(Collectors.joining("\r\n", "", "\r\n"));
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/echo")).header("Content-Type", "application/sdp")
                    .POST(HttpRequest.BodyPublishers.ofString(offer)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).isEqualTo(201);
            try (StalledDownlinkRelay relay = new StalledDownlinkRelay(loopbackCandidate(created.body()))) {
                InetSocketAddress via = relay.clientFacingAddress();
                String answer = created.body().lines().filter(line -> !line.startsWith("a=candidate:"))
                        .map(line -> line.startsWith("a=mid:") ? line + "\r\na=candidate:1 1 udp 2130706431 "
                                + via.getAddress().getHostAddress() + " " + via.getPort() + " typ host" : line)
                        .collect(Collectors.joining("\r\n", "", "\r\n"));
                client.setRemoteDescription(new RTCSessionDescription(answer, RTCSdpType.ANSWER))
                        .get(10, TimeUnit.SECONDS);
                open.get(20, TimeUnit.SECONDS);
                channel.send("through the relay");
                await().atMost(Duration.ofSeconds(10)).until(() -> echoed.get() == "through the relay".length());

                long before = heapAfterGc();
                relay.stall();
                byte[] message = new byte[MESSAGE];
                for (long sent = 0; sent < FLOOD; sent += MESSAGE) {
                    if (channel.getBufferedAmount() > (1 << 20)) {
                        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5))
                                .until(() -> channel.getBufferedAmount() < (256 << 10));
                    }
                    channel.send(message);
                }
                // Everything we sent has reached the service and been acknowledged: it has had its chance to echo.
                await().atMost(Duration.ofSeconds(30)).until(() -> channel.getBufferedAmount() == 0);
                long after = heapAfterGc();
                System.out.printf("{\"floodMiB\":%d,\"heapGrowthMiB\":%.1f,\"echoedBytesThrough\":%d,"
                        + "\"downlinkDatagramsDropped\":%d}%n", FLOOD >> 20, (after - before) / 1048576.0,
                        echoed.get(), relay.droppedDatagrams());
                assertThat(relay.droppedDatagrams()).as("the service did try to echo").isPositive();
                assertThat(after - before).isLessThan(32L << 20);
            } finally {
                client.close().get(5, TimeUnit.SECONDS);
            }
        }
    }

    /** The service's UDP host candidate on 127.0.0.1 in its answer. */
    private static InetSocketAddress loopbackCandidate(String answer) {
        String[] fields = answer.lines().filter(line -> line.startsWith("a=candidate:"))
                .map(line -> line.split(" ")).filter(f -> f[2].equalsIgnoreCase("udp") && f[4].equals("127.0.0.1"))
                .findFirst().orElseThrow(() -> new AssertionError("no UDP candidate on 127.0.0.1: " + answer));
        return new InetSocketAddress(fields[4], Integer.parseInt(fields[5]));
    }

    /** The heap in use after full collections, once it stops shrinking. */
    private static long heapAfterGc() {
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
