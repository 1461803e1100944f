package io.jrtc.sample.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
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
 * origins) share a real redis-server, WHIP and WHEP want tokens. The fake camera is published on C's page; a first
 * player on B's page fills B (rtc.cluster.max-viewers=1); a second player on B's page is redirected (307) to C.
 * Chromium follows the redirect but drops Authorization across origins, C refuses with 401, and the page offers
 * again to the URL it was sent to with its token: it plays from C.
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
    private ConfigurableApplicationContext nodeC;
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
        nodeC = node("c", portC, redisPort, 0);
        nodeB = node("b", portB, redisPort, 1);
        chromium = new HeadlessChromium("cluster-redirect");
    }

    private static ConfigurableApplicationContext node(String id, int port, int redisPort, int maxViewers) {
        String url = "http://127.0.0.1:" + port;
        return new SpringApplicationBuilder(SampleServiceApplication.class).properties("server.port=" + port,
                "rtc.udp.port=0", "rtc.tcp.port=0", "rtc.whip.token=" + WHIP_TOKEN, "rtc.whep.token=" + WHEP_TOKEN,
                "spring.data.redis.host=127.0.0.1", "spring.data.redis.port=" + redisPort,
                "rtc.cluster.enabled=true", "rtc.cluster.node-id=" + id,
                "rtc.cluster.secret=cluster-secret-of-the-chromium-test", "rtc.cluster.public-url=" + url,
                "rtc.cluster.internal-url=" + url, "rtc.cluster.heartbeat=250ms", "rtc.cluster.node-ttl=1500ms",
                "rtc.cluster.max-viewers=" + maxViewers).run();
    }

    @AfterEach
    void stop() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
        for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] {nodeB, nodeC}) {
            if (node != null) {
                node.close();
            }
        }
        if (redis != null) {
            redis.destroy();
            redis.waitFor();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPageOnAFullNodePlaysFromTheNodeItIsRedirectedToWithItsToken() {
        ChromeDriver driver = chromium.driver();
        driver.get(page(portC));
        Map<String, Object> published = (Map<String, Object>) driver.executeAsyncScript(PUBLISH, STREAM,
                WHIP_TOKEN);
        assertThat(published).doesNotContainKey("error");

        Map<String, Object> first = playInNewWindow(driver);
        assertThat(((Map<String, Object>) first.get("playing")).get("origin")).isEqualTo(origin(portB));

        Map<String, Object> second = playInNewWindow(driver);
        assertThat(((Map<String, Object>) second.get("playing")).get("origin")).isEqualTo(origin(portC));
        long decoded = framesDecodedAfterWaiting(driver);
        System.out.printf("{\"clusterRedirectChromium\":{\"playPostMs\":%s,\"framesDecoded\":%d,"
                + "\"load\":\"%.1f\"}}%n", ((Map<String, Object>) second.get("timings")).get("playPostMs"), decoded,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        assertThat(decoded).isGreaterThan(10);
        driver.executeAsyncScript("liveTest.stopPlaying().then(arguments[0]);");
    }

    /** Opens B's page in a new window and plays the stream with the WHEP token: the page's figures. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> playInNewWindow(ChromeDriver driver) {
        driver.switchTo().newWindow(WindowType.WINDOW);
        driver.get(page(portB));
        Map<String, Object> playing = (Map<String, Object>) driver.executeAsyncScript(PLAY, STREAM, WHEP_TOKEN);
        assertThat(playing).doesNotContainKey("error");
        return playing;
    }

    /** Polls the current window's player until it decoded more than 10 frames, or the wait is over. */
    @SuppressWarnings("unchecked")
    private static long framesDecodedAfterWaiting(ChromeDriver driver) {
        long[] decoded = {0};
        await().atMost(WAIT).until(() -> {
            Map<String, Object> stats = (Map<String, Object>) driver.executeAsyncScript(
                    "liveTest.playerStats().then(arguments[0]);");
            decoded[0] = ((Number) ((Map<String, Object>) stats.get("video")).get("framesDecoded")).longValue();
            return decoded[0] > 10;
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
