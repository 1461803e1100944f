package io.jrtc.sample.echo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import io.jrtc.sample.HeadlessChromium;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The echo page in headless Chromium sends its colour test pattern (a canvas at 640x480, {@code echo-pattern.js})
 * to {@code POST /echo?video-transform=grayscale} and measures the video that comes back as the page shows it:
 * at the sent size, chroma flat, luma within 30 dB of the sent frames'.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "server.address=127.0.0.1", "rtc.include-loopback=true" })
class EchoTransformChromiumTest {
    private static final long FRAMES = 30;

    private static final String PATTERN_BACK = """
            const [frames, done] = arguments;
            (async () => {
              await echoTest.connect({ camera: true, pattern: true, videoTransform: 'grayscale' });
              const measured = await Promise.race([echoTest.measureEcho(frames),
                  new Promise((resolve) => setTimeout(() => resolve({ error: 'no echoed frames in 30 s' }), 30000))]);
              measured.codec = (await echoTest.mediaStats()).received.codec;
              await echoTest.close();
              return measured;
            })().then(done, (error) => done({ error: String(error) }));
            """;

    @LocalServerPort
    int port;

    private HeadlessChromium chromium;
    private ChromeDriver driver;

    @BeforeEach
    void startChromium() throws IOException {
        chromium = new HeadlessChromium("echo-transform");
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
    void theColourPatternComesBackInGreyAtItsSizeAndLuma() {
        driver.get("http://127.0.0.1:" + port + "/");

        Map<String, Object> result = (Map<String, Object>) driver.executeAsyncScript(PATTERN_BACK, FRAMES);

        System.out.println("Chromium grayscale echo: " + result);
        assertThat(result).doesNotContainKey("error");
        assertThat((Long) result.get("frames")).isEqualTo(FRAMES);
        assertThat((List<String>) result.get("sizes")).containsExactly("640x480");
        assertThat(((Number) result.get("meanU")).doubleValue()).as("average U").isBetween(126.0, 130.0);
        assertThat(((Number) result.get("meanV")).doubleValue()).as("average V").isBetween(126.0, 130.0);
        assertThat((List<Number>) result.get("lumaPsnr")).as("luma PSNR of each frame against the sent frame's, dB")
                .allSatisfy(db -> assertThat(db.doubleValue()).isGreaterThanOrEqualTo(30.0));
    }
}
