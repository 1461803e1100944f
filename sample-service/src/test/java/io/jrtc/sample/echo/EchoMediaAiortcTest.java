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
 * aiortc 1.4 sends its own video (a synthetic 320x240 track it encodes as VP8) and audio (Opus) to POST /echo
 * (test resource {@code echo/aiortc_media_echo.py}, Debian's python3) and decodes what comes back on the same
 * transceivers: the frames its own encoder made, forwarded without decoding, at the size it sent. With
 * {@code ?video-transform=grayscale} it sends a 640x480 colour test pattern instead and measures what comes back:
 * the server decoded each picture, took its colour away and encoded it again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "server.address=127.0.0.1", "rtc.include-loopback=true" })
class EchoMediaAiortcTest {
    private static final String SCRIPT = "/echo/aiortc_media_echo.py";
    private static final int FRAMES = 30;
    private static final long TIMEOUT_SECONDS = 90;

    @LocalServerPort
    int port;

    @Test
    void aiortcGetsItsOwnVideoBackDecodedAtTheSizeItSentAndItsAudio() throws Exception {
        JsonNode result = run("http://127.0.0.1:" + port + "/echo", FRAMES);
        System.out.println("aiortc media echo: " + result);

        assertThat(result.has("error")).as("error: %s", result.path("error")).isFalse();
        assertThat(result.get("postStatus").asInt()).isEqualTo(201);
        for (String kind : List.of("audio", "video")) {
            JsonNode section = result.get("answer").get(kind);
            assertThat(section.get("direction").asString()).as(kind).isEqualTo("sendrecv");
            assertThat(section.get("ssrcCname").asInt()).as(kind).isPositive();
            assertThat(section.get("ssrcMsid").asInt()).as(kind).isEqualTo(section.get("ssrcCname").asInt());
        }
        // aiortc offers RTX for VP8: the echoed stream's retransmissions are signalled on their own SSRC.
        assertThat(result.get("answer").get("video").get("fid").asInt()).isEqualTo(1);
        assertThat(result.get("answer").get("video").get("ssrcCname").asInt()).isEqualTo(2);
        assertThat(result.get("framesDecoded").asInt()).isEqualTo(FRAMES);
        List<String> sizes = result.get("sizes").valueStream().map(JsonNode::asString).toList();
        assertThat(sizes).containsExactly("320x240");
        assertThat(result.get("audioFrames").asInt()).isPositive();
        assertThat(result.get("deleteStatus").asInt()).isEqualTo(200);
    }

    /** Runs the aiortc client with an echo URL, a frame count and its options ("pattern"); its JSON line. */
    @Test
    void aiortcGetsItsColourPatternBackInGreyAtItsSizeAndLuma() throws Exception {
        JsonNode result = run("http://127.0.0.1:" + port + "/echo?video-transform=grayscale", FRAMES, "pattern");
        System.out.println("aiortc grayscale echo: " + result);

        assertThat(result.has("error")).as("error: %s", result.path("error")).isFalse();
        assertThat(result.get("postStatus").asInt()).isEqualTo(201);
        assertThat(result.get("frames").asInt()).isEqualTo(FRAMES);
        assertThat(result.get("sizes").valueStream().map(JsonNode::asString).toList()).containsExactly("640x480");
        assertThat(result.get("meanU").asDouble()).as("average U").isBetween(126.0, 130.0);
        assertThat(result.get("meanV").asDouble()).as("average V").isBetween(126.0, 130.0);
        List<Double> psnr = result.get("lumaPsnr").valueStream().map(JsonNode::asDouble).toList();
        assertThat(psnr).as("luma PSNR of each frame against the sent frame's, dB")
                .allSatisfy(db -> assertThat(db).isGreaterThanOrEqualTo(30.0));
        assertThat(result.get("deleteStatus").asInt()).isEqualTo(200);
    }

    static JsonNode run(String echoUrl, int frames, String... options) throws Exception {
        Path script = Files.createTempFile("aiortc_media_echo", ".py");
        Path stdout = Files.createTempFile("aiortc_media_echo", ".out");
        Path stderr = Files.createTempFile("aiortc_media_echo", ".err");
        try {
            try (InputStream resource = EchoMediaAiortcTest.class.getResourceAsStream(SCRIPT)) {
                assertThat(resource).as(SCRIPT + " on the test classpath").isNotNull();
                Files.copy(resource, script, StandardCopyOption.REPLACE_EXISTING);
            }
            List<String> command = new ArrayList<>(List.of(AiortcPeer.PYTHON.toString(), "-u", script.toString(),
                    echoUrl, Integer.toString(frames)));
            command.addAll(List.of(options));
            ProcessBuilder builder = new ProcessBuilder(command);
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
