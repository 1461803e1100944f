package io.jrtc.interop;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.stream.Stream;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.json.Json;

/**
 * A headless Chromium peer: Debian's {@code /usr/bin/chromium} driven through {@code /usr/bin/chromedriver}
 * (Selenium), with one page, {@code interop/chromium_peer.html}, whose script speaks the same command/event protocol
 * as the aiortc peer. The page is loaded from a {@code file://} copy: RTCPeerConnection and crypto.subtle both work
 * there (file pages are a secure context), and no HTTP server is needed.
 *
 * <p>One thread, the pump, owns the WebDriver session: it hands queued commands to the page and long-polls the
 * page's event queue. WebDriver runs one command per session at a time anyway, so this costs nothing and keeps
 * callers from blocking each other.
 *
 * <p>Selenium Manager never runs: the driver executable is given explicitly (service and system property), and so
 * is the browser binary, so Selenium has nothing to look up or download.
 */
public final class ChromiumPeer extends ScriptedPeer {

    public static final String CHROMIUM = "/usr/bin/chromium";
    public static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    /** The Chromium flags that make host candidates carry real addresses: dropped to keep the default mDNS mode. */
    private static final String NO_MDNS_FLAG = "--disable-features=WebRtcHideLocalIpsWithMdns";
    private static final String FAKE_MEDIA_PERMISSION_FLAG = "--use-fake-ui-for-media-stream";

    /**
     * Chromium's command line (also documented in {@code interop/CHROMIUM_FLAGS.md}). The tests run inside the
     * network namespace jrtc-test: no DNS, no internet, only lo and the veth pair jt0/jt1.
     */
    public static final List<String> FLAGS = List.of(
            // No display here: the new headless mode is the full browser (same WebRTC stack), without a window.
            "--headless=new",
            // The sandbox needs setuid/user-namespace support and refuses to run as root; tests run as root here.
            "--no-sandbox",
            // No GPU on the test machines; skip probing for one.
            "--disable-gpu",
            // /dev/shm is small in containers; use /tmp for shared memory so renderers don't crash on big pages.
            "--disable-dev-shm-usage",
            // Never try QUIC (HTTP/3) to anything: there is nothing to reach.
            "--disable-quic",
            // Skip first-run dialogs and tasks in the fresh profile.
            "--no-first-run",
            // No update checks, safe-browsing list downloads or other traffic of the browser's own.
            "--disable-background-networking",
            // Don't fetch component updates (e.g. CRLSets, Widevine).
            "--disable-component-update",
            // No sign-in or sync service.
            "--disable-sync",
            // WebAudio (tone tracks, measuring remote audio) runs without a user gesture on the page.
            "--autoplay-policy=no-user-gesture-required",
            // getUserMedia gets Chromium's built-in test camera and microphone, without a permission prompt. (A
            // page with media permission gets real addresses in its candidates, mDNS hiding or not.)
            "--use-fake-device-for-media-stream",
            FAKE_MEDIA_PERMISSION_FLAG,
            // Put the real interface address in host candidates instead of a random "<uuid>.local" mDNS name,
            // which the other peer (aiortc, jrtc) could not resolve: there is no mDNS between test peers.
            "--disable-features=WebRtcHideLocalIpsWithMdns");

    private static final String PAGE_RESOURCE = "/interop/chromium_peer.html";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final long EVENT_WAIT_MS = 50;

    private final Json json = new Json();
    private final Path workDir;
    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final BlockingQueue<String> outbox = new LinkedBlockingQueue<>();
    private final Thread pump;
    private volatile boolean closing;


    /** Starts chromedriver and Chromium, loads the page and waits until it takes commands. */
    public ChromiumPeer() {
        this(false);
    }

    /**
     * @param hideLocalIpsWithMdns whether Chromium runs in its default mode, offering host candidates as
     *                             {@code <uuid>.local} mDNS names that the other peer has to resolve, instead of
     *                             with {@link #FLAGS}' switch that puts the real addresses in
     */
    public ChromiumPeer(boolean hideLocalIpsWithMdns) {
        super("chromium");
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER);
        workDir = createWorkDir();
        Path page = workDir.resolve("chromium_peer.html");
        copyPage(page);
        Path driverLog = workDir.resolve("chromedriver.log");
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
                .usingAnyFreePort()
                .withLogFile(driverLog.toFile())
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(hideLocalIpsWithMdns ? FLAGS.stream()
                .filter(flag -> !flag.equals(NO_MDNS_FLAG) && !flag.equals(FAKE_MEDIA_PERMISSION_FLAG)).toList()
                : FLAGS);
        // A fresh profile per peer: no state carried between tests, and parallel browsers don't share a lock.
        options.addArguments("--user-data-dir=" + workDir.resolve("profile"));
        try {
            driver = new ChromeDriver(service, options);
        } catch (WebDriverException e) {
            String tail = tailOf(driverLog);
            service.stop();
            deleteRecursively(workDir);
            throw new InteropPeerException("chromium: cannot start " + CHROMIUM + " through " + CHROMEDRIVER
                    + "\n--- chromedriver log tail ---\n" + tail, e);
        }
        appendLog("browser " + driver.getCapabilities().getBrowserVersion());
        pump = new Thread(this::pumpEvents, "chromium-pump");
        pump.setDaemon(true);
        try {
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
            driver.get(page.toUri().toString());
            pump.start();
            awaitReady(START_TIMEOUT);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    protected void transmit(String commandJson) {
        if (closing) {
            throw new InteropPeerException("chromium: closed" + logTail());
        }
        outbox.add(commandJson);
    }

    @Override
    public void close() {
        if (pump.isAlive()) {
            try {
                call("close", Map.of(), Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                appendLog("close command failed: " + e.getMessage().lines().findFirst().orElse(""));
            }
        }
        closing = true;
        try {
            pump.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            driver.quit();
        } catch (RuntimeException e) {
            appendLog("driver.quit failed: " + e);
        }
        service.stop();
        deleteRecursively(workDir);
    }

    private void pumpEvents() {
        try {
            handleEventJson("{\"event\":\"log\",\"line\":\"page loaded\"}");
            executeQueuedCommands();
            handleEventJson("{\"event\":\"ready\"}");
            while (!closing) {
                executeQueuedCommands();
                String events = (String) driver.executeAsyncScript(
                        "window.jrtcPeer.takeEvents(arguments[0], arguments[arguments.length - 1]);", EVENT_WAIT_MS);
                List<Map<String, Object>> parsed = json.toType(events, Json.LIST_OF_MAPS_TYPE);
                parsed.forEach(this::handleEvent);
            }
        } catch (RuntimeException e) {
            if (!closing) {
                handleTransportClosed("the WebDriver session failed: " + e);
            }
        } finally {
            handleTransportClosed("the chromium peer is closed");
        }
    }

    private void executeQueuedCommands() {
        List<String> batch = new ArrayList<>();
        outbox.drainTo(batch);
        for (String command : batch) {
            driver.executeScript("window.jrtcPeer.start(arguments[0]);", command);
        }
    }

    private static Path createWorkDir() {
        try {
            return Files.createTempDirectory("jrtc-chromium-peer-");
        } catch (IOException e) {
            throw new UncheckedIOException("chromium: cannot create a temporary directory", e);
        }
    }

    private static void copyPage(Path target) {
        try (InputStream resource = ChromiumPeer.class.getResourceAsStream(PAGE_RESOURCE)) {
            if (resource == null) {
                throw new InteropPeerException("chromium: resource " + PAGE_RESOURCE + " is not on the classpath");
            }
            Files.copy(resource, target);
        } catch (IOException e) {
            throw new UncheckedIOException("chromium: cannot copy " + PAGE_RESOURCE, e);
        }
    }

    private static String tailOf(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no chromedriver log: " + e + ")";
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temp directory is harmless
        }
    }

    /** The candidate pairs whose checks succeeded: remote candidate type and address, and whether nominated. */
    public List<Map<?, ?>> succeededPairs() {
        List<?> pairs = (List<?>) call("succeededPairs", Map.of(), Duration.ofSeconds(10));
        return pairs.stream().<Map<?, ?>>map(pair -> (Map<?, ?>) pair).toList();
    }
}
