package io.jrtc.sample.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.jrtc.sample.HeadlessChromium;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The live page's simulcast switch and layer chooser in real headless Chromium: one window publishes the fake
 * camera at 1280x720 in three encodings (rids q, h, f), a second plays it, learns the layers from the WHEP
 * {@code layers} event and picks each through the WHEP layer extension; the player's own getStats() shows the
 * picked encoding's size.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "server.address=127.0.0.1", "rtc.include-loopback=true" })
class SimulcastLayerChromiumTest {
    /** The fake camera's default is 20 fps; libwebrtc makes three layers only from 1280x720 up. */
    static final List<String> CAMERA_AT_30_FPS = List.of("--use-fake-device-for-media-stream=fps=30");
    private static final Duration WAIT = Duration.ofSeconds(60);

    /** Each rid with the width its encoding has, in the order they are picked. */
    private static final Map<String, Long> PICKS = new LinkedHashMap<>();

    static {
        PICKS.put("q", 320L);
        PICKS.put("f", 1280L);
        PICKS.put("h", 640L);
    }

    @LocalServerPort
    int port;

    private HeadlessChromium chromium;
    private ChromeDriver driver;

    @BeforeEach
    void startChromium() throws IOException {
        chromium = new HeadlessChromium("simulcast-layer", CAMERA_AT_30_FPS);
        driver = chromium.driver();
    }

    @AfterEach
    void stopChromium() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void theViewerPicksEachEncodingThroughTheWhepLayerExtension() {
        String page = "http://127.0.0.1:" + port + "/live.html";
        driver.get(page);
        String publisherWindow = driver.getWindowHandle();
        assertThat(LivePages.publish(driver, "simulcast-cam", true)).doesNotContainKey("error");

        driver.switchTo().newWindow(WindowType.WINDOW);
        driver.get(page);
        assertThat(LivePages.play(driver, "simulcast-cam")).doesNotContainKey("error");
        Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(500))
                .until(() -> LivePages.sendingRids(driver), rids -> rids.containsAll(List.of("q", "h", "f")));
        System.out.println("layers event: " + driver.executeScript("return JSON.stringify(liveTest.layers());"));

        for (Map.Entry<String, Long> pick : PICKS.entrySet()) {
            long started = System.nanoTime();
            assertThat(LivePages.chooseLayer(driver, pick.getKey())).isEqualTo(200L);
            Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(200))
                    .until(() -> LivePages.decodedWidth(driver), width -> width.equals(pick.getValue()));
            System.out.printf("{\"layer\":\"%s\",\"width\":%d,\"switchMs\":%d}%n", pick.getKey(), pick.getValue(),
                    (System.nanoTime() - started) / 1_000_000);
        }
        System.out.println("layers event: " + driver.executeScript("return JSON.stringify(liveTest.layers());"));
        assertThat(LivePages.chooseLayer(driver, null)).isEqualTo(200L);
        assertThat(driver.findElement(org.openqa.selenium.By.id("play-layer")).getDomProperty("value")).isEmpty();

        driver.executeAsyncScript("liveTest.stopPlaying().then(arguments[0]);");
        driver.switchTo().window(publisherWindow);
        driver.executeAsyncScript("liveTest.stopPublishing().then(arguments[0]);");
    }
}
