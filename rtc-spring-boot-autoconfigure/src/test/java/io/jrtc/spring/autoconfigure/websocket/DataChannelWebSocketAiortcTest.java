package io.jrtc.spring.autoconfigure.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import io.jrtc.interop.AiortcPeer;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.jayway.jsonpath.JsonPath;

/**
 * aiortc 1.4 (test resource {@code datachannel/aiortc_rest_echo_peer.py}) connects to a REST-created connection
 * and echoes its channel; a WebSocket client of the bridge sends 1,000 text messages and one 1 MiB binary message
 * and gets them back in order, byte for byte; closing the WebSocket closes aiortc's channel.
 */
@SpringBootTest(classes = DataChannelTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "server.address=127.0.0.1", "rtc.include-loopback=true", "rtc.events.stats-interval=0",
                // aiortc and Chromium gather the test namespace's addresses; a starter checks private ranges only as told
                "rtc.ice.allowed-private-destinations=198.18.0.0/15" })
class DataChannelWebSocketAiortcTest {
    private static final String SCRIPT = "/datachannel/aiortc_rest_echo_peer.py";
    private static final int MESSAGES = 1000;

    @LocalServerPort
    int port;

    @Test
    void aiortcEchoesAThousandMessagesAndAMebibyteThroughTheBridge() throws Exception {
        Path script = Files.createTempFile("aiortc_rest_echo_peer", ".py");
        Path stdout = Files.createTempFile("aiortc_rest_echo_peer", ".out");
        Path stderr = Files.createTempFile("aiortc_rest_echo_peer", ".err");
        RestSignalledPeer rest = new RestSignalledPeer(null, port, null);
        try {
            try (InputStream resource = getClass().getResourceAsStream(SCRIPT)) {
                Files.copy(resource, script, StandardCopyOption.REPLACE_EXISTING);
            }
            HttpResponse<String> created = rest.send("POST", "", null, (byte[]) null);
            assertThat(created.statusCode()).isEqualTo(201);
            rest.id = JsonPath.read(created.body(), "$.id");
            ProcessBuilder builder = new ProcessBuilder(AiortcPeer.PYTHON.toString(), "-u", script.toString(),
                    rest.base + "/" + rest.id, Integer.toString(2 << 20));
            Map<String, String> environment = builder.environment();
            environment.remove("PYTHONPATH");
            environment.remove("PYTHONHOME");
            environment.put("PYTHONNOUSERSITE", "1");
            builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
            Process aiortc = builder.start();

            String channelId = rest.openChannelId("chat");
            CollectingWebSocket client = new CollectingWebSocket(true);
            WebSocket ws = rest.webSocket(channelId, client).get(10, TimeUnit.SECONDS);
            byte[] mebibyte = new byte[1 << 20];
            new Random(11).nextBytes(mebibyte);
            for (int i = 0; i < MESSAGES; i++) {
                ws.sendText("echo-" + i, true).get(10, TimeUnit.SECONDS);
            }
            ws.sendBinary(ByteBuffer.wrap(mebibyte), true).get(10, TimeUnit.SECONDS);
            for (int i = 0; i < MESSAGES; i++) {
                assertThat(client.messages.poll(30, TimeUnit.SECONDS)).as("echo %d", i).isEqualTo("echo-" + i);
            }
            assertThat(client.messages.poll(30, TimeUnit.SECONDS)).isInstanceOf(byte[].class).isEqualTo(mebibyte);
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);

            boolean exited = aiortc.waitFor(60, TimeUnit.SECONDS);
            if (!exited) {
                aiortc.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            String out = Files.readString(stdout);
            assertThat(exited).as("aiortc exits once its channel closes; stderr:%n%s", Files.readString(stderr))
                    .isTrue();
            List<String> lines = out.lines().filter(line -> line.startsWith("{")).toList();
            assertThat(lines).as(out).hasSize(1);
            assertThat(lines.get(0)).doesNotContain("\"error\"");
            assertThat((Integer) JsonPath.read(lines.get(0), "$.echoedText")).isEqualTo(MESSAGES);
            assertThat((Integer) JsonPath.read(lines.get(0), "$.echoedBinary")).isEqualTo(1);
            assertThat((Boolean) JsonPath.read(lines.get(0), "$.closed")).isTrue();
        } finally {
            rest.send("DELETE", "/" + rest.id, null, (byte[]) null);
            Files.deleteIfExists(script);
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }
}
