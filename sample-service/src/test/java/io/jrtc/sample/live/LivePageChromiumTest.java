package io.jrtc.sample.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.jrtc.interop.ChromiumPeer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The live page in real headless Chromium with its fake camera and microphone: one window publishes through WHIP,
 * a second window plays the stream through WHEP, and the player's own getStats() shows decoded video of the
 * camera's size and received audio. Leaves a screenshot of the player in {@code target/screenshots/live-page.png}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "server.address=127.0.0.1", "rtc.include-loopback=true" })
class LivePageChromiumTest {
    private static final Path SCREENSHOT = Path.of("target", "screenshots", "live-page.png");

    /** Chromium's fake capture devices, and media that plays without a click (CHROMIUM_FLAGS.md). */
    static final List<String> MEDIA_FLAGS = List.of("--use-fake-device-for-media-stream",
            "--use-fake-ui-for-media-stream", "--autoplay-policy=no-user-gesture-required");

    private static final String PUBLISH = """
            const [stream, done] = arguments;
            liveTest.publish(stream).then(() => done({ timings: liveTest.timings }),
                (error) => done({ error: String(error) }));
            """;

    private static final String PLAY = """
            const [stream, done] = arguments;
            liveTest.play(stream).then(() => done({ timings: liveTest.timings }),
                (error) => done({ error: String(error) }));
            """;

    /** Polls the player's statistics until enough video was decoded (or 20 s passed). */
    private static final String DECODED = """
            const done = arguments[arguments.length - 1];
            const started = performance.now();
            const deadline = Date.now() + 20000;
            (async function poll() {
              try {
                const stats = await liveTest.playerStats();
                if ((stats.video.framesDecoded > 30 && stats.audio.packetsReceived > 0) || Date.now() > deadline) {
                  done({ stats, waitedMs: Math.round(performance.now() - started), timings: liveTest.timings,
                         resolution: document.getElementById('play-resolution').textContent,
                         frames: document.getElementById('play-frames').textContent });
                } else {
                  setTimeout(poll, 200);
                }
              } catch (error) {
                done({ error: String(error) });
              }
            })();
            """;

    @LocalServerPort
    int port;

    private Path workDir;
    private ChromeDriverService service;
    private ChromeDriver driver;

    @BeforeEach
    void startChromium() throws IOException {
        workDir = Files.createTempDirectory("jrtc-live-page-");
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, ChromiumPeer.CHROMEDRIVER);
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(ChromiumPeer.CHROMEDRIVER).toFile())
                .usingAnyFreePort()
                .withLogFile(workDir.resolve("chromedriver.log").toFile())
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(ChromiumPeer.CHROMIUM);
        List<String> flags = new ArrayList<>(ChromiumPeer.FLAGS);
        flags.addAll(MEDIA_FLAGS);
        options.addArguments(flags);
        options.addArguments("--user-data-dir=" + workDir.resolve("profile"), "--window-size=1280,900");
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(40));
    }

    @AfterEach
    void stopChromium() throws IOException {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            if (service != null) {
                service.stop();
            }
            try (Stream<Path> paths = Files.walk(workDir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void oneWindowPublishesTheFakeCameraAndAnotherPlaysItDecoded() throws Exception {
        String page = "http://127.0.0.1:" + port + "/live.html";
        driver.get(page);
        String publisherWindow = driver.getWindowHandle();
        Map<String, Object> published = (Map<String, Object>) driver.executeAsyncScript(PUBLISH, "chromium-cam");
        assertThat(published).doesNotContainKey("error");

        driver.switchTo().newWindow(WindowType.WINDOW);
        driver.get(page);
        Map<String, Object> playing = (Map<String, Object>) driver.executeAsyncScript(PLAY, "chromium-cam");
        assertThat(playing).doesNotContainKey("error");
        Map<String, Object> decoded = (Map<String, Object>) driver.executeAsyncScript(DECODED);

        System.out.println("live page: publish " + published.get("timings") + ", play " + decoded.get("timings")
                + ", stats " + decoded.get("stats") + " after " + decoded.get("waitedMs") + " ms more");
        assertThat(decoded).doesNotContainKey("error");
        Map<String, Object> stats = (Map<String, Object>) decoded.get("stats");
        Map<String, Object> video = (Map<String, Object>) stats.get("video");
        Map<String, Object> audio = (Map<String, Object>) stats.get("audio");
        assertThat(((Number) video.get("framesDecoded")).longValue()).isGreaterThan(10);
        assertThat(((Number) video.get("frameWidth")).longValue()).isPositive();
        assertThat(((Number) video.get("frameHeight")).longValue()).isPositive();
        assertThat(((Number) audio.get("packetsReceived")).longValue()).isPositive();
        assertThat((String) decoded.get("resolution")).matches("[1-9][0-9]*×[1-9][0-9]*");

        Files.createDirectories(SCREENSHOT.getParent());
        Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
        assertThat(SCREENSHOT).isNotEmptyFile();

        driver.executeAsyncScript("liveTest.stopPlaying().then(arguments[0]);");
        driver.switchTo().window(publisherWindow);
        driver.executeAsyncScript("liveTest.stopPublishing().then(arguments[0]);");
    }
}
