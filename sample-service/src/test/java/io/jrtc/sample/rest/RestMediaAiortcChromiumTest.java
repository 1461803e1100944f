package io.jrtc.sample.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.jrtc.interop.AiortcPeer;
import io.jrtc.media.EncodedFrame;
import io.jrtc.media.MediaStreamTrack;
import io.jrtc.media.file.MediaPlayer;
import io.jrtc.media.file.WavWriter;
import io.jrtc.sample.HeadlessChromium;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The REST media API end to end with real peers: aiortc (test resource {@code rest/aiortc_rest_media_peer.py})
 * gets a connection made entirely by REST, whose audio transceiver plays a WAV tone from the media directory and
 * whose video transceiver receives aiortc's camera. aiortc hears the tone at its frequency; the camera, routed by
 * REST to stream {@code s}, plays to Chromium's WHEP player (the live page) at its size; then routed to a file in
 * the media directory, it is recorded and plays back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "server.address=127.0.0.1", "rtc.include-loopback=true" })
class RestMediaAiortcChromiumTest {
    private static final String SCRIPT = "/rest/aiortc_rest_media_peer.py";
    private static final double TONE_HZ = 1000;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Polls the player's statistics until 30 video frames were decoded (or 20 s passed). */
    private static final String DECODED = """
            const done = arguments[arguments.length - 1];
            const deadline = Date.now() + 20000;
            (async function poll() {
              try {
                const stats = await liveTest.playerStats();
                if (stats.video.framesDecoded >= 30 || Date.now() > deadline) {
                  done({ stats });
                } else {
                  setTimeout(poll, 200);
                }
              } catch (error) {
                done({ error: String(error) });
              }
            })();
            """;

    @TempDir
    static Path mediaDirectory;

    @DynamicPropertySource
    static void media(DynamicPropertyRegistry registry) {
        registry.add("rtc.media.directory", () -> mediaDirectory.toString());
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private Process peer;
    private HeadlessChromium chromium;

    @BeforeEach
    void writeTone() throws IOException {
        short[] samples = new short[48_000];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) Math.round(8000 * Math.sin(2 * Math.PI * TONE_HZ * i / 48_000));
        }
        try (WavWriter writer = new WavWriter(FileChannel.open(mediaDirectory.resolve("tone.wav"),
                StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE),
                48_000, 1)) {
            writer.write(samples);
        }
    }

    @AfterEach
    void stop() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
        if (peer != null) {
            peer.getOutputStream().close();
            if (!peer.waitFor(10, TimeUnit.SECONDS)) {
                peer.destroyForcibly();
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aiortcHearsAFileAndItsCameraIsPublishedPlayedAndRecordedByRest() throws Exception {
        String base = "http://127.0.0.1:" + port + "/api/rtc";
        JsonNode setup = startPeer(base);
        System.out.println("REST media peer: " + setup);
        assertThat(setup.has("error")).as("error: %s", setup.path("error")).isFalse();
        assertThat(setup.get("toneHz").asDouble()).isCloseTo(TONE_HZ, org.assertj.core.data.Offset.offset(10.0));
        String transceiver = base + "/peer-connections/" + setup.get("peerConnectionId").asString() + "/transceivers/"
                + setup.get("videoTransceiverId").asString();

        JsonNode published = call("PUT", transceiver + "/route", "{\"type\":\"publish\",\"stream\":\"s\"}", 200);
        assertThat(published.get("route").get("stream").asString()).isEqualTo("s");
        assertThat(published.get("receiveCodecs").get(0).asString()).isEqualTo("video/VP8");

        chromium = new HeadlessChromium("rest-media");
        ChromeDriver driver = chromium.driver();
        driver.get("http://127.0.0.1:" + port + "/live.html");
        java.util.List<Map<String, Object>> listed = (java.util.List<Map<String, Object>>) driver.executeAsyncScript(
                "liveTest.streams().then(arguments[0], (error) => arguments[0]([{ error: String(error) }]));");
        assertThat(listed).singleElement().satisfies(stream -> {
            assertThat(stream).containsEntry("id", "s").containsEntry("videoCodec", "video/VP8");
            assertThat(stream.get("kinds")).isEqualTo(java.util.List.of("video"));
        });
        Map<String, Object> playing = (Map<String, Object>) driver.executeAsyncScript("""
                const [stream, done] = arguments;
                liveTest.play(stream).then(() => done({}), (error) => done({ error: String(error) }));
                """, "s");
        assertThat(playing).doesNotContainKey("error");
        Map<String, Object> decoded = (Map<String, Object>) driver.executeAsyncScript(DECODED);
        System.out.println("Chromium WHEP player of the REST stream: " + decoded);
        assertThat(decoded).doesNotContainKey("error");
        Map<String, Object> video = (Map<String, Object>) ((Map<String, Object>) decoded.get("stats")).get("video");
        assertThat(((Number) video.get("framesDecoded")).longValue()).isGreaterThanOrEqualTo(30);
        assertThat(((Number) video.get("frameWidth")).longValue()).isEqualTo(320);
        assertThat(((Number) video.get("frameHeight")).longValue()).isEqualTo(240);

        JsonNode stream = call("GET", base + "/streams/s", null, 200);
        assertThat(stream.get("viewers").asInt()).isEqualTo(1);
        call("GET", base + "/streams/none", null, 404);

        JsonNode recording = call("PUT", transceiver + "/route", "{\"type\":\"record\",\"path\":\"camera.ivf\"}",
                200);
        assertThat(recording.get("route").get("type").asString()).isEqualTo("record");
        Thread.sleep(3000);
        call("DELETE", transceiver + "/route", null, 200);
        assertPlaysBack(mediaDirectory.resolve("camera.ivf"));

        JsonNode outside = call("PUT", transceiver + "/route", "{\"type\":\"record\",\"path\":\"../x.ivf\"}", 403);
        assertThat(outside.get("type").asString()).isEqualTo("urn:jrtc:problem:file-outside-directory");
    }

    /** The recording opens in the player and holds at least a second of 320x240 VP8 frames. */
    private static void assertPlaysBack(Path file) throws Exception {
        MediaPlayer player = new MediaPlayer(file);
        try {
            MediaStreamTrack video = player.getVideo();
            int frames = 0;
            EncodedFrame first = null;
            while (frames < 30) {
                EncodedFrame frame = (EncodedFrame) video.recv().get(5, TimeUnit.SECONDS);
                if (first == null) {
                    first = frame;
                }
                frames++;
            }
            assertThat(first.keyframe()).isTrue();
            // A VP8 keyframe's uncompressed header: 3 tag bytes, the start code, then 14-bit width and height
            // (RFC 6386 section 9.1).
            byte[] data = first.data();
            assertThat((data[6] & 0xff | (data[7] & 0xff) << 8) & 0x3fff).isEqualTo(320);
            assertThat((data[8] & 0xff | (data[9] & 0xff) << 8) & 0x3fff).isEqualTo(240);
        } finally {
            player.close();
        }
    }

    private JsonNode startPeer(String base) throws Exception {
        Path script = Files.createTempFile("aiortc_rest_media", ".py");
        try (InputStream resource = getClass().getResourceAsStream(SCRIPT)) {
            assertThat(resource).as(SCRIPT + " on the test classpath").isNotNull();
            Files.copy(resource, script, StandardCopyOption.REPLACE_EXISTING);
        }
        ProcessBuilder builder = new ProcessBuilder(AiortcPeer.PYTHON.toString(), "-u", script.toString(), base,
                "tone.wav");
        Map<String, String> environment = builder.environment();
        environment.remove("PYTHONPATH");
        environment.remove("PYTHONHOME");
        environment.put("PYTHONNOUSERSITE", "1");
        builder.redirectError(ProcessBuilder.Redirect.INHERIT);
        peer = builder.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(peer.getInputStream(), StandardCharsets.UTF_8));
        String line = CompletableFuture.supplyAsync(() -> {
            try {
                String read;
                while ((read = out.readLine()) != null && !read.startsWith("{")) {
                    System.out.println("aiortc: " + read);
                }
                return read;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        assertThat(line).as("the peer's JSON line").isNotNull();
        return JSON.readTree(line);
    }

    private JsonNode call(String method, String url, String json, int expectedStatus) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT);
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s %s: %s", method, url, response.body()).isEqualTo(expectedStatus);
        return response.body().isEmpty() ? JSON.readTree("{}") : JSON.readTree(response.body());
    }
}
