package io.jrtc.sample.echo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
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
 * An aiortc 1.4 client against POST /echo (test resource {@code echo/aiortc_echo_client.py}, run with Debian's
 * python3): WHIP signalling through urllib, a text and a 1 MiB binary message echoed exactly, then DELETE.
 *
 * <p>aiortc 1.4 advertises {@code a=max-message-size:65536} but reassembles larger messages, so the client's offer
 * declares 1 MiB: the echo never sends more than the client declared (RFC 8841 §6), and with aiortc's own 65536 the
 * 1 MiB echo would be refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "server.address=127.0.0.1", "rtc.include-loopback=true" })
class EchoAiortcTest {
    static final int BINARY_SIZE = 1024 * 1024;
    private static final String SCRIPT = "/echo/aiortc_echo_client.py";
    private static final long TIMEOUT_SECONDS = 60;

    @LocalServerPort
    int port;

    @Test
    void aiortcGetsTextAndOneMebibyteBackExactly() throws Exception {
        JsonNode result = runClient("http://127.0.0.1:" + port + "/echo", BINARY_SIZE, Long.toString(BINARY_SIZE));

        assertThat(result.has("error")).as("error: %s", result.path("error")).isFalse();
        assertThat(result.get("postStatus").asInt()).isEqualTo(201);
        assertThat(result.get("etag").asString()).startsWith("\"");
        assertThat(result.get("answerHasCandidates").asBoolean()).isTrue();
        List<String> echoTypes = new ArrayList<>();
        result.get("echoTypes").forEach(type -> echoTypes.add(type.asString()));
        assertThat(echoTypes).containsExactly("str", "bytes");
        assertThat(result.get("textEchoed").asBoolean()).isTrue();
        assertThat(result.get("binaryLength").asInt()).isEqualTo(BINARY_SIZE);
        assertThat(result.get("binarySha256").asString()).isEqualTo(result.get("expectedSha256").asString())
                .isEqualTo(EchoPageChromiumTest.sha256(EchoPageChromiumTest.pattern(BINARY_SIZE)));
        assertThat(result.get("binaryEchoed").asBoolean()).isTrue();
        assertThat(result.get("deleteStatus").asInt()).isEqualTo(200);
    }

    /**
     * Runs the client script against the echo URL and returns its JSON result line.
     *
     * @param declaredMaxMessageSize the offer's a=max-message-size, or "default" for aiortc's own (65536)
     */
    static JsonNode runClient(String echoUrl, int binarySize, String declaredMaxMessageSize) throws Exception {
        Path script = Files.createTempFile("aiortc_echo_client", ".py");
        Path stdout = Files.createTempFile("aiortc_echo_client", ".out");
        Path stderr = Files.createTempFile("aiortc_echo_client", ".err");
        try {
            try (InputStream resource = EchoAiortcTest.class.getResourceAsStream(SCRIPT)) {
                assertThat(resource).as(SCRIPT + " on the test classpath").isNotNull();
                Files.copy(resource, script, StandardCopyOption.REPLACE_EXISTING);
            }
            ProcessBuilder builder = new ProcessBuilder(AiortcPeer.PYTHON.toString(), "-u", script.toString(),
                    echoUrl, Integer.toString(binarySize), declaredMaxMessageSize);
            // Only Debian's own packages: nothing may shadow aiortc 1.4.
            Map<String, String> environment = builder.environment();
            environment.remove("PYTHONPATH");
            environment.remove("PYTHONHOME");
            environment.put("PYTHONNOUSERSITE", "1");
            // Files, not pipes: nobody has to drain them while the client runs.
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
