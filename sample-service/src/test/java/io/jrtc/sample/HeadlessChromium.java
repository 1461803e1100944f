package io.jrtc.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import io.jrtc.interop.ChromiumPeer;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium with the interop harness's flags (rtc-core's interop/CHROMIUM_FLAGS.md: fake camera
 * and microphone, media without a click), for the sample's page tests. Both executables are given, so Selenium
 * Manager has nothing to look up or download. Closing quits the browser and deletes its profile.
 */
public final class HeadlessChromium implements AutoCloseable {
    private final Path workDir;
    private final ChromeDriverService service;
    private final ChromeDriver driver;

    public HeadlessChromium(String name) throws IOException {
        this(name, List.of());
    }

    /** @param extraArguments more Chromium switches; a switch given twice takes its last value */
    public HeadlessChromium(String name, List<String> extraArguments) throws IOException {
        workDir = Files.createTempDirectory("jrtc-" + name + "-");
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, ChromiumPeer.CHROMEDRIVER);
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(ChromiumPeer.CHROMEDRIVER).toFile())
                .usingAnyFreePort()
                .withLogFile(workDir.resolve("chromedriver.log").toFile())
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(ChromiumPeer.CHROMIUM);
        options.addArguments(ChromiumPeer.FLAGS);
        options.addArguments("--user-data-dir=" + workDir.resolve("profile"), "--window-size=1280,900");
        options.addArguments(extraArguments);
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(40));
    }

    public ChromeDriver driver() {
        return driver;
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            service.stop();
            try (Stream<Path> paths = Files.walk(workDir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
