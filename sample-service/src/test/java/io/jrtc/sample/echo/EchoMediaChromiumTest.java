package io.jrtc.sample.echo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

import io.jrtc.sample.HeadlessChromium;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The echo page in real headless Chromium with its fake camera and microphone ticked: the page sends both through
 * POST /echo, and its own getStats() shows its video coming back decoded at the size it sends, and its audio
 * coming back; the colour test pattern sent through the grayscale transform comes back grey with its luma. Leaves
 * a screenshot in {@code target/screenshots/echo-camera.png}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "server.address=127.0.0.1", "rtc.include-loopback=true" })
class EchoMediaChromiumTest {
    private static final Path SCREENSHOT = Path.of("target", "screenshots", "echo-camera.png");
    private static final long FRAMES = 30;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Connects with the camera, then polls the page's statistics until enough echoed video was decoded. */
    private static final String CAMERA_BACK = """
            const [frames, done] = arguments;
            (async () => {
              const started = performance.now();
              await echoTest.connect({ camera: true });
              const connected = performance.now();
              const deadline = Date.now() + 25000;
              for (;;) {
                const stats = await echoTest.mediaStats();
                if ((stats.received.framesDecoded >= frames && stats.audio.packetsReceived > 0
                     && stats.shown.width > 0) || Date.now() > deadline) {
                  stats.connectMs = Math.round(connected - started);
                  stats.waitedMs = Math.round(performance.now() - connected);
                  return stats;
                }
                await new Promise((resolve) => setTimeout(resolve, 200));
              }
            })().then(done, (error) => done({ error: String(error) }));
            """;

    /** Sends the colour test pattern through the grayscale transform and measures what comes back. */
    private static final String GRAYSCALE_BACK = """
            const [frames, done] = arguments;
            (async () => {
              await echoTest.connect({ camera: true, pattern: true, videoTransform: 'grayscale' });
              return await echoTest.measureEcho(frames);
            })().then(done, (error) => done({ error: String(error) }));
            """;

    @LocalServerPort
    int port;

    private HeadlessChromium chromium;
    private ChromeDriver driver;

    @BeforeEach
    void startChromium() throws IOException {
        chromium = new HeadlessChromium("echo-camera");
        driver = chromium.driver();
    }

    @AfterEach
    void stopChromium() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    /**
     * The REST API's W3C report of the echo connection shows the camera jrtc receives (issue 11's members): frames,
     * keyframes, rate and picture size, the codec its codecId names, and the transport's ciphers.
     */
    private void assertRestStatsShowTheCamera() throws Exception {
        String base = "http://127.0.0.1:" + port + "/api/rtc/peer-connections";
        JsonNode video = null;
        JsonNode report = null;
        for (JsonNode connection : get(base)) {
            JsonNode candidate = get(base + "/" + connection.get("id").asString() + "/stats");
            for (JsonNode entry : candidate) {
                if (entry.path("type").asString().equals("inbound-rtp") && entry.path("kind").asString().equals("video")
                        && entry.has("codecId")) {
                    video = entry;
                    report = candidate;
                }
            }
        }
        assertThat(video).as("an inbound video stream in the REST stats").isNotNull();
        System.out.println("REST inbound-rtp: " + video);
        assertThat(video.get("framesReceived").asLong()).isGreaterThanOrEqualTo(FRAMES);
        assertThat(video.get("keyFramesReceived").asLong()).isPositive();
        assertThat(video.get("framesPerSecond").asDouble()).isPositive();
        assertThat(video.get("jitterBufferEmittedCount").asLong()).isPositive();
        assertThat(report.get(video.get("codecId").asString()).get("mimeType").asString()).startsWith("video/");
        JsonNode transport = null;
        for (JsonNode entry : report) {
            transport = entry.path("type").asString().equals("transport") ? entry : transport;
        }
        assertThat(transport.get("srtpCipher").asString()).startsWith("SRTP_");
        assertThat(transport.get("dtlsCipher").asString()).startsWith("TLS_");
    }

    private static JsonNode get(String url) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET " + url).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theCameraComesBackDecodedAtTheSizeItIsSent() throws Exception {
        driver.get("http://127.0.0.1:" + port + "/");

        Map<String, Object> stats = (Map<String, Object>) driver.executeAsyncScript(CAMERA_BACK, FRAMES);

        System.out.println("echo camera: " + stats);
        assertThat(stats).doesNotContainKey("error");
        Map<String, Object> sent = (Map<String, Object>) stats.get("sent");
        Map<String, Object> received = (Map<String, Object>) stats.get("received");
        Map<String, Object> shown = (Map<String, Object>) stats.get("shown");
        assertThat((Long) received.get("framesDecoded")).isGreaterThanOrEqualTo(FRAMES);
        assertThat((Long) sent.get("frameWidth")).isPositive();
        assertThat(received.get("frameWidth")).isEqualTo(sent.get("frameWidth"));
        assertThat(received.get("frameHeight")).isEqualTo(sent.get("frameHeight"));
        assertThat(shown.get("width")).isEqualTo(sent.get("frameWidth"));
        assertThat(shown.get("height")).isEqualTo(sent.get("frameHeight"));
        assertThat((Long) ((Map<String, Object>) stats.get("audio")).get("packetsReceived")).isPositive();
        assertRestStatsShowTheCamera();

        Files.createDirectories(SCREENSHOT.getParent());
        Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
        assertThat(SCREENSHOT).isNotEmptyFile();

        driver.executeAsyncScript("echoTest.close().then(arguments[0], (e) => arguments[0](String(e)));");
    }

    /**
     * Issue 14's transform echo, Chromium's half: the colour test pattern (640x480) sent to
     * {@code /echo?video-transform=grayscale} comes back at its size, its chroma flat, its luma within 30 dB of
     * the sent frames' luma, and in the full-range BT.709 colour space it was sent in.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aColourPatternComesBackGreyWithItsLuma() {
        driver.get("http://127.0.0.1:" + port + "/");

        Map<String, Object> measured = (Map<String, Object>) driver.executeAsyncScript(GRAYSCALE_BACK, FRAMES);

        System.out.println("{\"chromiumGrayscaleEcho\": " + measured + "}");
        assertThat(measured).doesNotContainKey("error");
        assertThat(((Number) measured.get("frames")).longValue()).isGreaterThanOrEqualTo(FRAMES);
        assertThat((List<String>) measured.get("sizes")).containsExactly("640x480");
        assertThat(((Number) measured.get("meanU")).doubleValue()).isCloseTo(128, within(2.0));
        assertThat(((Number) measured.get("meanV")).doubleValue()).isCloseTo(128, within(2.0));
        assertThat((List<Number>) measured.get("lumaPsnr"))
                .allSatisfy(db -> assertThat(db.doubleValue()).isGreaterThanOrEqualTo(30.0));
        // The canvas is captured as full-range BT.709: the server's encoder says so again (the colour-space header
        // extension on keyframes), so Chromium converts the echo to RGB as it was sent, not as limited range.
        assertThat((List<Map<String, Object>>) measured.get("colorSpaces")).isNotEmpty().allSatisfy(colours -> {
            assertThat(colours.get("fullRange")).isEqualTo(true);
            assertThat(colours.get("matrix")).isEqualTo("bt709");
        });

        driver.executeAsyncScript("echoTest.close().then(arguments[0], (e) => arguments[0](String(e)));");
    }
}
