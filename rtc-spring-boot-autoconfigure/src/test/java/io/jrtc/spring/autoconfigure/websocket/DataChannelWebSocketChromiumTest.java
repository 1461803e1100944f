package io.jrtc.spring.autoconfigure.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import io.jrtc.interop.ChromiumPeer;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.jayway.jsonpath.JsonPath;

/**
 * Chromium and a REST client talk through a data channel bridged to a WebSocket: Chromium's channel echoes, the
 * WebSocket client sends 1,000 text messages and a binary message of Chromium's whole max-message-size (256 KiB;
 * Chromium advertises no more) and gets them back in order and intact; closing the WebSocket closes Chromium's
 * channel.
 */
@SpringBootTest(classes = DataChannelTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "rtc.include-loopback=true", "rtc.events.stats-interval=0",
                // aiortc and Chromium gather the test namespace's addresses; a starter checks private ranges only as told
                "rtc.ice.allowed-private-destinations=198.18.0.0/15" })
class DataChannelWebSocketChromiumTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int MESSAGES = 1000;
    private static final int BINARY_SIZE = 256 * 1024;

    @LocalServerPort
    int port;

    @Test
    void chromiumEchoesAThousandMessagesAndItsLargestBinaryThroughTheBridge() throws Exception {
        RestSignalledPeer rest = new RestSignalledPeer(null, port, null);
        try (ChromiumPeer chromium = new ChromiumPeer()) {
            chromium.createDataChannel("chat", true, null, null, false, null);
            chromium.enableEcho("chat");
            HttpResponse<String> created = rest.send("POST", "", null, (byte[]) null);
            assertThat(created.statusCode()).isEqualTo(201);
            rest.id = JsonPath.read(created.body(), "$.id");
            HttpResponse<String> answer = rest.send("POST", "/" + rest.id + "/offer?waitForGathering=true",
                    "application/sdp", chromium.createOffer());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            chromium.acceptAnswer(answer.body());
            chromium.awaitChannelOpen("chat", TIMEOUT);

            String channelId = rest.openChannelId("chat");
            CollectingWebSocket client = new CollectingWebSocket(true);
            WebSocket ws = rest.webSocket(channelId, client).get(10, TimeUnit.SECONDS);
            byte[] binary = new byte[BINARY_SIZE];
            new Random(13).nextBytes(binary);
            for (int i = 0; i < MESSAGES; i++) {
                ws.sendText("echo-" + i, true).get(10, TimeUnit.SECONDS);
            }
            ws.sendBinary(ByteBuffer.wrap(binary), true).get(10, TimeUnit.SECONDS);
            for (int i = 0; i < MESSAGES; i++) {
                assertThat(client.messages.poll(30, TimeUnit.SECONDS)).as("echo %d", i).isEqualTo("echo-" + i);
            }
            assertThat(client.messages.poll(30, TimeUnit.SECONDS)).isInstanceOf(byte[].class).isEqualTo(binary);

            ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
            chromium.awaitChannelClosed("chat", TIMEOUT);
        } finally {
            if (rest.id != null) {
                rest.send("DELETE", "/" + rest.id, null, (byte[]) null);
            }
        }
    }
}
