package io.jrtc.sample.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.jrtc.sample.HeadlessChromium;
import io.jrtc.sample.SampleServiceApplication;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A token-protected play across a cluster redirect, in real headless Chromium: two sample nodes on two ports (two
 * origins), B in this JVM and C in a JVM of its own, share a real redis-server; WHIP and WHEP want tokens. The fake
 * camera is published on B's page; a first player on B's page fills B (rtc.cluster.max-viewers=1); a second player
 * on B's page is redirected (307) to C. Chromium follows the redirect but drops Authorization across origins, C
 * refuses with 401, and the page offers again to the URL it was sent to with its token: it plays from C (pulled
 * from B). Then C is killed with SIGKILL and the first player leaves B: the second player's connection goes
 * silent, and the page plays again from its entry URL, on B, once B has room (B's session for C's dead link has
 * failed). The time from the kill to decoded video again is printed.
 */
class ClusterRedirectChromiumTest {
    private static final String STREAM = "cluster-cam";
    private static final String WHIP_TOKEN = "whip-token-for-the-cluster-test";
    private static final String WHEP_TOKEN = "whep-token-for-the-cluster-test";
    private static final Duration WAIT = Duration.ofSeconds(60);

    private static final String PUBLISH = """
            const [stream, token, done] = arguments;
            liveTest.publish(stream, { token }).then(() => done({ timings: liveTest.timings }),
                (error) => done({ error: String(error) }));
            """;
    private static final String PLAY = """
            const [stream, token, done] = arguments;
            liveTest.play(stream, { token }).then(() => done({ timings: liveTest.timings,
                playing: liveTest.playing() }), (error) => done({ error: String(error) }));
            """;

    private Process redis;
    private ConfigurableApplicationContext nodeB;
    private Process nodeC;
    private int portB;
    private int portC;
    private HeadlessChromium chromium;

    @BeforeEach
    void start() throws Exception {
        int redisPort = freePort();
        redis = new ProcessBuilder("/usr/bin/redis-server", "--port", Integer.toString(redisPort), "--bind",
                "127.0.0.1", "--save", "", "--appendonly", "no").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        await().atMost(WAIT).ignoreExceptions().until(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", redisPort), 1000);
                return true;
            }
        });
        portB = freePort();
        portC = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), SampleServiceApplication.class.getName()));
        nodeProperties("c", portC, redisPort, 0).forEach(property -> command.add("--" + property));
        nodeC = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        nodeB = new SpringApplicationBuilder(SampleServiceApplication.class)
                .properties(nodeProperties("b", portB, redisPort, 1).toArray(String[]::new)).run();
        HttpClient http = HttpClient.newHttpClient();
        await().atMost(Duration.ofSeconds(180)).ignoreExceptions().until(() -> http.send(HttpRequest.newBuilder(
                URI.create(origin(portC) + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode() == 200);
        chromium = new HeadlessChromium("cluster-redirect");
    }

    private static List<String> nodeProperties(String id, int port, int redisPort, int maxViewers) {
        String url = origin(port);
        return List.of("server.port=" + port, "rtc.udp.port=0", "rtc.tcp.port=0", "rtc.whip.token=" + WHIP_TOKEN,
                "rtc.whep.token=" + WHEP_TOKEN, "spring.data.redis.host=127.0.0.1",
                "spring.data.redis.port=" + redisPort, "rtc.cluster.enabled=true", "rtc.cluster.node-id=" + id,
                "rtc.cluster.secret=cluster-secret-of-the-chromium-test", "rtc.cluster.public-url=" + url,
                "rtc.cluster.internal-url=" + url, "rtc.cluster.heartbeat=250ms", "rtc.cluster.node-ttl=1500ms",
                "rtc.cluster.max-viewers=" + maxViewers,
                // C's pull from B counts as a viewer of B until B's side of it fails: after 8 s of silence here,
                // not the default 30, so that B has room for the reconnect sooner.
                "rtc.ice.consent-timeout=8s");
    }

    @AfterEach
    void stop() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
        if (nodeC != null) {
            nodeC.destroyForcibly().waitFor();
        }
        if (nodeB != null) {
            nodeB.close();
        }
        if (redis != null) {
            redis.destroy();
            redis.waitFor();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPageOnAFullNodePlaysFromTheNodeItIsRedirectedToWithItsTokenAndFromItsEntryAgainWhenThatNodeDies()
            throws Exception {
        ChromeDriver driver = chromium.driver();
        driver.get(page(portB));
        Map<String, Object> published = (Map<String, Object>) driver.executeAsyncScript(PUBLISH, STREAM,
                WHIP_TOKEN);
        assertThat(published).doesNotContainKey("error");

        String firstPlayer = openPlayer(driver);
        Map<String, Object> first = play(driver);
        assertThat(((Map<String, Object>) first.get("playing")).get("origin")).isEqualTo(origin(portB));

        openPlayer(driver);
        Map<String, Object> second = play(driver);
        assertThat(((Map<String, Object>) second.get("playing")).get("origin")).isEqualTo(origin(portC));
        Map<String, Object> timings = (Map<String, Object>) second.get("timings");
        assertThat(((Number) timings.get("reoffers")).longValue()).isEqualTo(1);
        long decodedOnC = framesDecodedAfterWaiting(driver, 10);

        long killed = System.nanoTime();
        nodeC.destroyForcibly().waitFor();
        String secondPlayer = driver.getWindowHandle();
        // B's own viewer leaves, so that B, the only node left, has room for the second player again.
        driver.switchTo().window(firstPlayer);
        driver.executeAsyncScript("liveTest.stopPlaying().then(arguments[0]);");
        driver.switchTo().window(secondPlayer);
        await().atMost(WAIT.multipliedBy(2)).until(() -> origin(portB).equals(playingOrigin(driver)));
        long decodedOnB = framesDecodedAfterWaiting(driver, 10);
        double playingAgainMs = (System.nanoTime() - killed) / 1e6;
        Object reconnects = ((Map<String, Object>) driver.executeScript("return liveTest.timings;")).get("reconnects");
        System.out.printf("{\"clusterRedirectChromium\":{\"playPostMs\":%s,\"reoffers\":%s,\"framesDecodedOnC\":%d,"
                + "\"killToDecodingOnBMs\":%.0f,\"framesDecodedOnB\":%d,\"reconnects\":%s,\"load\":\"%.1f\"}}%n",
                timings.get("playPostMs"), timings.get("reoffers"), decodedOnC, playingAgainMs, decodedOnB, reconnects,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        driver.executeAsyncScript("liveTest.stopPlaying().then(arguments[0]);");
    }

    /** Opens B's page in a new window; its handle. */
    private String openPlayer(ChromeDriver driver) {
        driver.switchTo().newWindow(WindowType.WINDOW);
        driver.get(page(portB));
        return driver.getWindowHandle();
    }

    /** Plays the stream with the WHEP token in the current window: the page's figures and where it plays. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> play(ChromeDriver driver) {
        Map<String, Object> playing = (Map<String, Object>) driver.executeAsyncScript(PLAY, STREAM, WHEP_TOKEN);
        assertThat(playing).doesNotContainKey("error");
        return playing;
    }

    @SuppressWarnings("unchecked")
    private static String playingOrigin(ChromeDriver driver) {
        Map<String, Object> playing = (Map<String, Object>) driver.executeScript("return liveTest.playing();");
        return playing == null ? null : (String) playing.get("origin");
    }

    /** Polls the current window's player until it decoded more than {@code frames} frames. */
    @SuppressWarnings("unchecked")
    private static long framesDecodedAfterWaiting(ChromeDriver driver, long frames) {
        long[] decoded = {0};
        await().atMost(WAIT).until(() -> {
            Map<String, Object> stats = (Map<String, Object>) driver.executeAsyncScript(
                    "liveTest.playerStats().then(arguments[0]);");
            decoded[0] = stats == null ? 0
                    : ((Number) ((Map<String, Object>) stats.get("video")).get("framesDecoded")).longValue();
            return decoded[0] > frames;
        });
        return decoded[0];
    }

    private static String page(int port) {
        return origin(port) + "/live.html";
    }

    private static String origin(int port) {
        return "http://127.0.0.1:" + port;
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }
}
