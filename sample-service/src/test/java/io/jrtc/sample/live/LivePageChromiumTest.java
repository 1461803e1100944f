package io.jrtc.sample.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;

import io.jrtc.sample.HeadlessChromium;
import io.jrtc.spring.autoconfigure.whip.StreamRegistry;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The live page in real headless Chromium with its fake camera and microphone: one window publishes through WHIP,
 * a second window plays the stream through WHEP, and the player's own getStats() shows decoded video of the
 * camera's size and received audio; a player that receives only H.264, VP9 or AV1 gets the VP8 camera
 * transcoded. Leaves a screenshot of the player in {@code target/screenshots/live-page.png}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "server.address=127.0.0.1", "rtc.include-loopback=true" })
class LivePageChromiumTest {
    private static final Path SCREENSHOT = Path.of("target", "screenshots", "live-page.png");


    private static final String PUBLISH = """
            const [stream, done] = arguments;
            liveTest.publish(stream).then(() => done({ timings: liveTest.timings }),
                (error) => done({ error: String(error) }));
            """;

    private static final String PLAY = """
            const [stream, options, done] = arguments;
            liveTest.play(stream, options).then(() => done({ timings: liveTest.timings }),
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
                // the page shows the resolution on its own stats tick, which a loaded machine may run late
                const shown = document.getElementById('play-resolution').textContent !== '–';
                if ((stats.video.framesDecoded > 30 && stats.audio.packetsReceived > 0 && shown)
                    || Date.now() > deadline) {
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

    @Autowired
    StreamRegistry streams;

    private HeadlessChromium chromium;
    private ChromeDriver driver;

    @BeforeEach
    void startChromium() throws IOException {
        chromium = new HeadlessChromium("live-page");
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
    void oneWindowPublishesTheFakeCameraAndAnotherPlaysItDecoded() throws Exception {
        String publisherWindow = driver.getWindowHandle();
        Map<String, Object> published = publish("chromium-cam");
        Map<String, Object> decoded = playInNewWindow("chromium-cam", Map.of());

        System.out.println("live page: publish " + published.get("timings") + ", play " + decoded.get("timings")
                + ", stats " + decoded.get("stats") + " after " + decoded.get("waitedMs") + " ms more");
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
        stopBoth(publisherWindow);
    }

    /**
     * Transcoding for WHEP viewers (issue 14): the camera published in VP8, a player that receives video only as
     * H.264, VP9 or AV1 decodes at least 30 frames of the camera's size, re-coded by the server.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"H264", "VP9", "AV1"})
    @SuppressWarnings("unchecked")
    void aPlayerThatReceivesOnlyAnotherCodecDecodesTheVp8CameraTranscoded(String codec) throws Exception {
        String publisherWindow = driver.getWindowHandle();
        String stream = "vp8-cam-for-" + codec.toLowerCase(Locale.ROOT);
        publish(stream);
        assertThat(streams.find(stream).orElseThrow().videoCodec().mimeType()).isEqualToIgnoringCase("video/VP8");
        Map<String, Object> decoded = playInNewWindow(stream, Map.of("videoCodec", "video/" + codec));

        System.out.println("live page, " + codec + " player of a VP8 camera: play " + decoded.get("timings")
                + ", stats " + decoded.get("stats") + " after " + decoded.get("waitedMs") + " ms more");
        Map<String, Object> video = (Map<String, Object>) ((Map<String, Object>) decoded.get("stats")).get("video");
        assertThat(video.get("codec")).isEqualTo("video/" + codec);
        assertThat(((Number) video.get("framesDecoded")).longValue()).isGreaterThanOrEqualTo(30);
        assertThat(((Number) video.get("frameWidth")).longValue()).isPositive();
        stopBoth(publisherWindow);
    }

    /** Opens the live page in this window and publishes the fake camera; returns the page's timings. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> publish(String stream) {
        driver.get(page());
        Map<String, Object> published = (Map<String, Object>) driver.executeAsyncScript(PUBLISH, stream);
        assertThat(published).doesNotContainKey("error");
        return published;
    }

    /** Opens the live page in a new window, plays the stream and waits for decoded video: the player's figures. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> playInNewWindow(String stream, Map<String, Object> options) {
        driver.switchTo().newWindow(WindowType.WINDOW);
        driver.get(page());
        Map<String, Object> playing = (Map<String, Object>) driver.executeAsyncScript(PLAY, stream, options);
        assertThat(playing).doesNotContainKey("error");
        Map<String, Object> decoded = (Map<String, Object>) driver.executeAsyncScript(DECODED);
        assertThat(decoded).doesNotContainKey("error");
        return decoded;
    }

    private void stopBoth(String publisherWindow) {
        driver.executeAsyncScript("liveTest.stopPlaying().then(arguments[0]);");
        driver.switchTo().window(publisherWindow);
        driver.executeAsyncScript("liveTest.stopPublishing().then(arguments[0]);");
    }

    private String page() {
        return "http://127.0.0.1:" + port + "/live.html";
    }
}
