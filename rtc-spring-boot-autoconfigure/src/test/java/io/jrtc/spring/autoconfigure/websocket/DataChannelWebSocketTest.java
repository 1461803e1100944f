package io.jrtc.spring.autoconfigure.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.jrtc.pc.RTCDataChannel;
import io.jrtc.pc.RTCDataChannelMessage;
import io.jrtc.pc.RtcEngine;
import io.jrtc.pc.RtcEngineSettings;
import io.jrtc.pc.SctpSettings;
import io.jrtc.spring.autoconfigure.events.RtcEvent;
import io.jrtc.spring.autoconfigure.events.RtcEventBus;
import io.jrtc.spring.autoconfigure.events.RtcEventType;
import io.jrtc.spring.autoconfigure.service.PeerConnectionService;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.jayway.jsonpath.JsonPath;

/**
 * A real jrtc peer and a REST client talk through the data-channel WebSocket bridge of the real server: messages
 * both ways in order, text as text and binary as binary, a 1 MiB message intact, flow control both ways (a fast
 * client slowed to the peer's pace, a slow reader slowing the peer), and closing either side closing the other
 * with a reason.
 */
@SpringBootTest(classes = DataChannelTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "server.address=127.0.0.1", "rtc.include-loopback=true", "rtc.events.stats-interval=0",
                "rtc.rest.data-channels.max-buffered-bytes=262144",
                "rtc.limits.client.creates-per-second-per-address=1000" })
class DataChannelWebSocketTest {
    private static final long MAX_BUFFERED = 262_144;

    @LocalServerPort
    int port;

    @Autowired
    PeerConnectionService service;

    @Autowired
    RtcEventBus events;

    @Autowired
    DataChannelWebSocketHandler bridges;

    private final List<RtcEvent> published = new CopyOnWriteArrayList<>();
    private RtcEngine engine;
    private RestSignalledPeer peer;

    @BeforeEach
    void peer() {
        events.subscribe(published::add);
        engine = RtcEngine.create(RtcEngineSettings.defaults().withIncludeLoopback(true));
        peer = new RestSignalledPeer(engine, port, null);
    }

    @AfterEach
    void close() throws Exception {
        peer.close();
        service.closeAll();
        engine.close();
    }

    private static BlockingQueue<RTCDataChannelMessage> collect(RTCDataChannel channel) {
        BlockingQueue<RTCDataChannelMessage> received = new LinkedBlockingQueue<>();
        channel.onMessage(received::add);
        return received;
    }

    @Test
    void aThousandMessagesEachWayInOrderAndOneMebibyteIntact() throws Exception {
        RTCDataChannel chat = peer.pc.createDataChannel("chat");
        BlockingQueue<RTCDataChannelMessage> atPeer = collect(chat);
        peer.connect();
        String channelId = peer.openChannelId("chat");
        assertThat(channelId).isEqualTo("dc-1");
        CollectingWebSocket client = new CollectingWebSocket(true);
        WebSocket ws = peer.webSocket(channelId, client).get(10, TimeUnit.SECONDS);

        byte[] mebibyte = new byte[1 << 20];
        new Random(7).nextBytes(mebibyte);
        for (int i = 0; i < 1000; i++) {
            ws.sendText("to-peer-" + i, true).get(10, TimeUnit.SECONDS);
        }
        ws.sendBinary(ByteBuffer.wrap(mebibyte), true).get(10, TimeUnit.SECONDS);
        for (int i = 0; i < 1000; i++) {
            RTCDataChannelMessage message = atPeer.poll(20, TimeUnit.SECONDS);
            assertThat(message).as("message %d", i).isNotNull();
            assertThat(message.binary()).isFalse();
            assertThat(message.text()).isEqualTo("to-peer-" + i);
        }
        RTCDataChannelMessage big = atPeer.poll(20, TimeUnit.SECONDS);
        assertThat(big).isNotNull();
        assertThat(big.binary()).isTrue();
        assertThat(big.data()).isEqualTo(mebibyte);

        for (int i = 0; i < 1000; i++) {
            chat.send("to-client-" + i);
        }
        chat.send(mebibyte);
        for (int i = 0; i < 1000; i++) {
            assertThat(client.messages.poll(20, TimeUnit.SECONDS)).as("message %d", i).isEqualTo("to-client-" + i);
        }
        assertThat(client.messages.poll(20, TimeUnit.SECONDS)).isInstanceOf(byte[].class).isEqualTo(mebibyte);
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
    }

    @Test
    void closingEitherSideClosesTheOtherWithAReason() throws Exception {
        RTCDataChannel first = peer.pc.createDataChannel("first");
        RTCDataChannel second = peer.pc.createDataChannel("second");
        CompletableFuture<Void> firstClosed = new CompletableFuture<>();
        first.onClose(() -> firstClosed.complete(null));
        peer.connect();
        String firstId = peer.openChannelId("first");
        String secondId = peer.openChannelId("second");
        assertThat(firstId).isNotEqualTo(secondId);

        CollectingWebSocket firstClient = new CollectingWebSocket(true);
        WebSocket ws = peer.webSocket(firstId, firstClient).get(10, TimeUnit.SECONDS);
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        firstClosed.get(20, TimeUnit.SECONDS);
        RtcEvent close = awaitEvent(RtcEventType.DATA_CHANNEL_CLOSE, firstId);
        assertThat(close.data()).containsEntry("label", "first")
                .containsEntry("reason", "websocket closed: 1000 bye");
        assertThat(peer.send("GET", "/" + peer.id + "/data-channels/" + firstId, null, (byte[]) null).statusCode())
                .isEqualTo(404);

        CollectingWebSocket secondClient = new CollectingWebSocket(true);
        peer.webSocket(secondId, secondClient).get(10, TimeUnit.SECONDS);
        second.send("last words");
        assertThat(secondClient.messages.poll(20, TimeUnit.SECONDS)).isEqualTo("last words");
        second.close();
        CollectingWebSocket.Close closed = secondClient.closed.get(20, TimeUnit.SECONDS);
        assertThat(closed.code()).isEqualTo(1000);
        assertThat(closed.reason()).isEqualTo("data channel closed");
        assertThat(awaitEvent(RtcEventType.DATA_CHANNEL_CLOSE, secondId).data()).containsEntry("reason", "closed");
    }

    @Test
    void aClientThatSendsFasterThanThePeerAcknowledgesIsNotReadMeanwhile() throws Exception {
        RTCDataChannel bulk = peer.pc.createDataChannel("bulk");
        BlockingQueue<RTCDataChannelMessage> atPeer = collect(bulk);
        peer.connect();
        String channelId = peer.openChannelId("bulk");
        RTCDataChannel serverSide = service.dataChannel(peer.id, channelId).channel();
        WebSocket ws = peer.webSocket(channelId, new CollectingWebSocket(true)).get(10, TimeUnit.SECONDS);

        AtomicLong highest = new AtomicLong();
        AtomicBoolean sampling = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (sampling.get()) {
                highest.accumulateAndGet(serverSide.getBufferedAmount(), Math::max);
                Thread.onSpinWait();
            }
        });
        sampler.start();
        long pausesBefore = bridges.readPauses();
        byte[] chunk = new byte[64 * 1024];
        int messages = 256; // 16 MiB
        for (int i = 0; i < messages; i++) {
            chunk[0] = (byte) i;
            ws.sendBinary(ByteBuffer.wrap(chunk.clone()), true).get(30, TimeUnit.SECONDS);
        }
        for (int i = 0; i < messages; i++) {
            RTCDataChannelMessage message = atPeer.poll(30, TimeUnit.SECONDS);
            assertThat(message).as("message %d", i).isNotNull();
            assertThat(message.data()[0]).isEqualTo((byte) i);
        }
        sampling.set(false);
        sampler.join();

        assertThat(bridges.readPauses() - pausesBefore).as("times the WebSocket was not read").isPositive();
        // Above the bound only by what the container had read before the pause took effect (a few frames).
        assertThat(highest.get()).isLessThanOrEqualTo(MAX_BUFFERED + 8 * chunk.length);
    }

    @Test
    void aSlowReaderSlowsThePeerWhileTheBridgeStaysBoundedAndGetsEverythingInOrderWhenItSpeedsUp()
            throws Exception {
        RTCDataChannel fast = peer.pc.createDataChannel("fast");
        peer.connect();
        String channelId = peer.openChannelId("fast");
        SlowReadingWebSocket client = new SlowReadingWebSocket();
        peer.webSocket(channelId, client).get(10, TimeUnit.SECONDS);
        long pausesBefore = bridges.receivePauses();

        // The peer sends 24 MiB as fast as W3C backpressure lets it (up to 2 MiB buffered) while the client takes
        // one 16 KiB message every 100 ms: what the socket buffers, the bridge and SCTP's window do not absorb
        // stays with the sender.
        int size = 16 * 1024;
        int count = 1536;
        long sendingLimit = 2 << 20;
        AtomicLong highestAtPeer = new AtomicLong();
        AtomicLong sent = new AtomicLong();
        Thread sender = new Thread(() -> {
            for (int i = 0; i < count; i++) {
                while (fast.getBufferedAmount() >= sendingLimit) {
                    highestAtPeer.accumulateAndGet(fast.getBufferedAmount(), Math::max);
                    Thread.onSpinWait();
                }
                fast.send(ByteBuffer.allocate(size).putInt(i).array());
                sent.incrementAndGet();
            }
        }, "fast-sender");
        sender.setDaemon(true);
        sender.start();
        long slowUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(4);
        while (System.nanoTime() < slowUntil) {
            client.readOne();
            Thread.sleep(100);
        }
        long highestAtBridge = bridges.highestQueuedBytes();
        long sentWhileSlow = sent.get();
        client.speedUp();

        for (int i = 0; i < count; i++) {
            byte[] message = client.messages.poll(60, TimeUnit.SECONDS);
            assertThat(message).as("message %d", i).isNotNull().hasSize(size);
            assertThat(ByteBuffer.wrap(message).getInt()).as("message %d", i).isEqualTo(i);
        }
        sender.join(10_000);
        System.out.printf("slow reader: %d of %d messages sent while it read 1 per 100 ms; the peer's bufferedAmount "
                + "rose to %d, the bridge held at most %d (bound %d)%n", sentWhileSlow, count, highestAtPeer.get(),
                highestAtBridge, MAX_BUFFERED);
        assertThat(sentWhileSlow).as("the peer could not send it all while the client was slow").isLessThan(count);
        assertThat(highestAtPeer.get()).as("the peer's bufferedAmount grew to its sending limit")
                .isGreaterThanOrEqualTo(sendingLimit);
        assertThat(bridges.receivePauses() - pausesBefore).as("times the channel stopped receiving").isPositive();
        // The bound, plus what was on its way when the pause took effect: at most SCTP's window and a message.
        assertThat(highestAtBridge).isGreaterThan(MAX_BUFFERED)
                .isLessThanOrEqualTo(MAX_BUFFERED + SctpSettings.defaults().receiveWindow() + size);
    }

    @Test
    void aServerChannelTakesPostedMessagesAndRefusesWithProblems() throws Exception {
        BlockingQueue<RTCDataChannel> announced = new LinkedBlockingQueue<>();
        peer.pc.onDataChannel(announced::add);
        peer.pc.createDataChannel("client");
        peer.connect();
        assertThat(peer.openChannelId("client")).isEqualTo("dc-1");

        HttpResponse<String> created = peer.send("POST", "/" + peer.id + "/data-channels", "application/json",
                "{\"label\":\"server\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        String channelId = JsonPath.read(created.body(), "$.channelId");
        assertThat(channelId).isEqualTo("dc-2");
        RTCDataChannel atPeer = announced.poll(20, TimeUnit.SECONDS);
        assertThat(atPeer.getLabel()).isEqualTo("server");
        BlockingQueue<RTCDataChannelMessage> received = collect(atPeer);
        peer.openChannelId("server");
        awaitEvent(RtcEventType.DATA_CHANNEL_OPEN, channelId);

        String messages = "/" + peer.id + "/data-channels/" + channelId + "/messages";
        assertThat(peer.send("POST", messages, "text/plain; charset=utf-8", "grüß dich").statusCode()).isEqualTo(204);
        assertThat(peer.send("POST", messages, "application/octet-stream", new byte[] { 1, 2, 3 }).statusCode())
                .isEqualTo(204);
        RTCDataChannelMessage text = received.poll(20, TimeUnit.SECONDS);
        assertThat(text.binary()).isFalse();
        assertThat(text.text()).isEqualTo("grüß dich");
        RTCDataChannelMessage binary = received.poll(20, TimeUnit.SECONDS);
        assertThat(binary.binary()).isTrue();
        assertThat(binary.data()).containsExactly(1, 2, 3);

        assertProblem(peer.send("POST", "/" + peer.id + "/data-channels/dc-99/messages", "text/plain", "x"), 404,
                "unknown-data-channel");
        assertProblem(peer.send("POST", "/pc-missing/data-channels/dc-1/messages", "text/plain", "x"), 404,
                "unknown-peer-connection");
        assertProblem(peer.send("POST", messages, "application/octet-stream", new byte[(1 << 20) + 1]), 413,
                "message-too-large");
        assertThat(peer.send("POST", messages, "application/xml", "<m/>").statusCode()).isEqualTo(415);
        assertProblem(peer.send("POST", messages, "application/json", "{}"), 400, "bad-request");
        assertProblem(peer.send("POST", messages, "text/plain", new byte[] { (byte) 0xff }), 400, "bad-request");

        // One WebSocket per channel; unknown channels are refused before the upgrade.
        peer.webSocket(channelId, new CollectingWebSocket(true)).get(10, TimeUnit.SECONDS);
        assertThat(handshakeStatus(channelId)).isEqualTo(409);
        assertThat(handshakeStatus("dc-99")).isEqualTo(404);

        // A channel of a connection that never connected is not open yet.
        HttpResponse<String> other = peer.send("POST", "", null, (byte[]) null);
        String otherId = JsonPath.read(other.body(), "$.id");
        String pending = JsonPath.read(peer.send("POST", "/" + otherId + "/data-channels", "application/json",
                "{\"label\":\"pending\"}").body(), "$.channelId");
        assertProblem(peer.send("POST", "/" + otherId + "/data-channels/" + pending + "/messages", "text/plain",
                "early"), 409, "data-channel-not-open");

        // Closed by REST: the close event names the channel, then the id is gone and never given again.
        assertThat(peer.send("DELETE", "/" + peer.id + "/data-channels/" + channelId, null, (byte[]) null)
                .statusCode()).isEqualTo(204);
        assertThat(awaitEvent(RtcEventType.DATA_CHANNEL_CLOSE, channelId).data())
                .containsEntry("reason", "closed by REST client");
        assertProblem(peer.send("POST", messages, "text/plain", "late"), 404, "unknown-data-channel");
        String next = JsonPath.read(peer.send("POST", "/" + peer.id + "/data-channels", "application/json",
                "{\"label\":\"server\"}").body(), "$.channelId");
        assertThat(next).isEqualTo("dc-3");
    }

    @Test
    void messageEventsAreOptInPerChannelAndBounded() throws Exception {
        RTCDataChannel loud = peer.pc.createDataChannel("loud");
        RTCDataChannel quiet = peer.pc.createDataChannel("quiet");
        peer.connect();
        String loudId = peer.openChannelId("loud");
        String quietId = peer.openChannelId("quiet");
        HttpResponse<String> patched = peer.send("PATCH", "/" + peer.id + "/data-channels/" + loudId,
                "application/json", "{\"messageEvents\":true}");
        assertThat(patched.statusCode()).isEqualTo(200);
        assertThat((Boolean) JsonPath.read(patched.body(), "$.messageEvents")).isTrue();

        quiet.send("not published");
        loud.send("published");
        loud.send(new byte[10_000]);
        RtcEvent text = awaitEvent(RtcEventType.DATA_CHANNEL_MESSAGE, loudId);
        assertThat(text.data()).containsEntry("data", "published").containsEntry("binary", false)
                .containsEntry("truncated", false);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        RtcEvent large = null;
        while (large == null && System.nanoTime() < deadline) {
            large = published.stream().filter(e -> e.is(RtcEventType.DATA_CHANNEL_MESSAGE))
                    .filter(e -> Boolean.TRUE.equals(e.data().get("binary"))).findFirst().orElse(null);
            Thread.sleep(10);
        }
        assertThat(large).isNotNull();
        assertThat(large.data()).containsEntry("size", 10_000).containsEntry("truncated", true);
        assertThat(((String) large.data().get("data")).length()).isEqualTo(4 * ((4096 + 2) / 3));
        assertThat(published).noneMatch(e -> e.is(RtcEventType.DATA_CHANNEL_MESSAGE)
                && quietId.equals(e.data().get("channelId")));
    }

    private int handshakeStatus(String channelId) throws Exception {
        try {
            peer.webSocket(channelId, new CollectingWebSocket(true)).join();
            return 101;
        } catch (CompletionException e) {
            assertThat(e.getCause()).isInstanceOf(WebSocketHandshakeException.class);
            return ((WebSocketHandshakeException) e.getCause()).getResponse().statusCode();
        }
    }

    private static void assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                value -> assertThat(value).startsWith("application/problem+json"));
        assertThat(response.body()).contains("urn:jrtc:problem:" + type);
    }

    private RtcEvent awaitEvent(RtcEventType type, String channelId) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            for (RtcEvent event : published) {
                if (event.is(type) && channelId.equals(event.data().get("channelId"))) {
                    return event;
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no " + type.wireName() + " event for " + channelId + " in " + new ArrayList<>(
                published.stream().map(RtcEvent::type).toList()));
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
