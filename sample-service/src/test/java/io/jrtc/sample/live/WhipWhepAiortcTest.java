package io.jrtc.sample.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.jrtc.interop.AiortcPeer;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * aiortc 1.4 on both ends (test resource {@code live/aiortc_whip_whep.py}, Debian's python3): a publisher encodes
 * a synthetic 320x240 track as VP8 and sends it through WHIP; a viewer plays it through WHEP and decodes the
 * forwarded frames; both sessions are DELETEd, after which the stream is gone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "server.address=127.0.0.1", "rtc.include-loopback=true" })
class WhipWhepAiortcTest {
    private static final String SCRIPT = "/live/aiortc_whip_whep.py";
    private static final int FRAMES = 30;
    private static final long TIMEOUT_SECONDS = 60;

    @LocalServerPort
    int port;

    @Test
    void aiortcPublishesVp8AndAnAiortcViewerDecodesItAtItsSize() throws Exception {
        JsonNode result = run("http://127.0.0.1:" + port, "aiortc-cam", FRAMES);
        System.out.println("aiortc WHIP/WHEP: " + result);

        assertThat(result.has("error")).as("error: %s", result.path("error")).isFalse();
        assertThat(result.get("framesDecoded").asInt()).isEqualTo(FRAMES);
        List<String> sizes = result.get("sizes").valueStream().map(JsonNode::asString).toList();
        assertThat(sizes).containsExactly("320x240");
        assertThat(result.get("whepDeleteStatus").asInt()).isEqualTo(200);
        assertThat(result.get("whipDeleteStatus").asInt()).isEqualTo(200);
        assertThat(result.get("whepAfterUnpublish").asInt()).isEqualTo(404);
    }

    static JsonNode run(String baseUrl, String stream, int frames) throws Exception {
        Path script = Files.createTempFile("aiortc_whip_whep", ".py");
        Path stdout = Files.createTempFile("aiortc_whip_whep", ".out");
        Path stderr = Files.createTempFile("aiortc_whip_whep", ".err");
        try {
            try (InputStream resource = WhipWhepAiortcTest.class.getResourceAsStream(SCRIPT)) {
                assertThat(resource).as(SCRIPT + " on the test classpath").isNotNull();
                Files.copy(resource, script, StandardCopyOption.REPLACE_EXISTING);
            }
            ProcessBuilder builder = new ProcessBuilder(AiortcPeer.PYTHON.toString(), "-u", script.toString(),
                    baseUrl, stream, Integer.toString(frames));
            // Only Debian's own packages: nothing may shadow aiortc 1.4.
            Map<String, String> environment = builder.environment();
            environment.remove("PYTHONPATH");
            environment.remove("PYTHONHOME");
            environment.put("PYTHONNOUSERSITE", "1");
            builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
            Process process = builder.start();
            boolean exited = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (!exited) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            String out = Files.readString(stdout);
            String err = Files.readString(stderr);
            assertThat(exited).as("the client exits within %d s; stderr:%n%s", TIMEOUT_SECONDS, err).isTrue();
            List<String> lines = out.lines().filter(line -> line.startsWith("{")).toList();
            assertThat(lines).as("one JSON result line; stdout:%n%s%nstderr:%n%s", out, err).hasSize(1);
            return JsonMapper.builder().build().readTree(lines.get(0));
        } finally {
            Files.deleteIfExists(script);
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }
}
