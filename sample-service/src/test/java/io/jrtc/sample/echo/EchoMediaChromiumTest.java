package io.jrtc.sample.echo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
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

        Files.createDirectories(SCREENSHOT.getParent());
        Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
        assertThat(SCREENSHOT).isNotEmptyFile();

        driver.executeAsyncScript("echoTest.close().then(arguments[0], (e) => arguments[0](String(e)));");
    }

    /**
     * Issue 14's transform echo, Chromium's half: the colour test pattern (640x480) sent to
     * {@code /echo?video-transform=grayscale} comes back at its size, its chroma flat and its luma within 30 dB of
     * the sent frames' luma.
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

        driver.executeAsyncScript("echoTest.close().then(arguments[0], (e) => arguments[0](String(e)));");
    }
}
