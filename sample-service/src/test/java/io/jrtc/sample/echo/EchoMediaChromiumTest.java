package io.jrtc.sample.echo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
 * coming back. Leaves a screenshot in {@code target/screenshots/echo-camera.png}.
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
}
