package io.jrtc.sample.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import io.jrtc.sample.HeadlessChromium;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * VP9 SVC per viewer in real headless Chromium (issue 11): one peer connection publishes the fake camera at
 * 1280x720 in one VP9 encoding of three spatial and three temporal layers ({@code scalabilityMode: 'L3T3_KEY'}),
 * a second plays it through WHEP and picks spatial layers through the WHEP layer extension
 * ({@code {"spatialLayerId": n}}); its own getStats() shows the picked layer's size, decoded from the packets jrtc
 * forwards with the layers above dropped and the picture's end marked on the highest one left.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "server.address=127.0.0.1", "rtc.include-loopback=true" })
class Vp9SvcLayerChromiumTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** Each spatial layer with the width L3T3_KEY gives it from 1280x720, in the order they are picked. */
    private static final Map<Integer, Long> PICKS = Map.of(0, 320L, 2, 1280L, 1, 640L);
    private static final int[] PICK_ORDER = {0, 2, 1};

    /** The publisher and the viewer, each one RTCPeerConnection in the same page. */
    private static final String HELPERS = """
            window.svcTest = {
              async exchange(pc, url) {
                await pc.setLocalDescription(await pc.createOffer());
                await new Promise((resolve) => {
                  if (pc.iceGatheringState === 'complete') { resolve(); return; }
                  pc.addEventListener('icegatheringstatechange',
                    () => { if (pc.iceGatheringState === 'complete') resolve(); });
                  setTimeout(resolve, 3000);
                });
                const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/sdp' },
                                                    body: pc.localDescription.sdp });
                const answer = await response.text();
                if (response.status !== 201) {
                  throw new Error('POST ' + url + ' answered ' + response.status + ': ' + answer);
                }
                await pc.setRemoteDescription({ type: 'answer', sdp: answer });
                const links = {};
                (response.headers.get('Link') || '').split(',').forEach((link) => {
                  const match = /<([^>]+)>.*rel="([^"]+)"/.exec(link);
                  if (match) links[match[2]] = new URL(match[1], url).href;
                });
                return { session: new URL(response.headers.get('Location'), url).href, links };
              },
              async publish(base, stream) {
                const media = await navigator.mediaDevices.getUserMedia({ video: { width: 1280, height: 720 } });
                const pc = new RTCPeerConnection();
                const transceiver = pc.addTransceiver(media.getVideoTracks()[0],
                  { direction: 'sendonly', sendEncodings: [{ scalabilityMode: 'L3T3_KEY' }] });
                transceiver.setCodecPreferences(RTCRtpSender.getCapabilities('video').codecs
                  .filter((c) => c.mimeType === 'video/VP9' && (c.sdpFmtpLine || '').includes('profile-id=0')));
                const { session } = await svcTest.exchange(pc, base + '/whip/' + stream);
                const parameters = transceiver.sender.getParameters();
                parameters.degradationPreference = 'maintain-resolution';
                await transceiver.sender.setParameters(parameters);
                svcTest.publisher = { pc, session };
                return { scalabilityMode: transceiver.sender.getParameters().encodings[0].scalabilityMode };
              },
              async play(base, stream) {
                const pc = new RTCPeerConnection();
                pc.addTransceiver('video', { direction: 'recvonly' });
                const { session, links } = await svcTest.exchange(pc, base + '/whep/' + stream);
                svcTest.viewer = { pc, session, layerUrl: links['urn:ietf:params:whep:ext:core:layer'] };
                return { layerUrl: svcTest.viewer.layerUrl || null };
              },
              async choose(spatialLayerId) {
                const response = await fetch(svcTest.viewer.layerUrl, { method: 'POST',
                  headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ spatialLayerId }) });
                return { status: response.status, body: await response.text() };
              },
              async viewerStats() {
                let video = null;
                (await svcTest.viewer.pc.getStats()).forEach((s) => {
                  if (s.type === 'inbound-rtp' && s.kind === 'video') video = s;
                });
                return video ? { width: video.frameWidth || 0, height: video.frameHeight || 0,
                                 framesDecoded: video.framesDecoded || 0, keyFramesDecoded: video.keyFramesDecoded,
                                 packetsLost: video.packetsLost, nackCount: video.nackCount,
                                 pliCount: video.pliCount } : { width: 0 };
              },
              async stop() {
                for (const side of [svcTest.viewer, svcTest.publisher]) {
                  if (side) {
                    side.pc.close();
                    await fetch(side.session, { method: 'DELETE' }).catch(() => {});
                  }
                }
              },
            };
            arguments[0]();
            """;

    @LocalServerPort
    int port;

    private HeadlessChromium chromium;
    private ChromeDriver driver;

    @BeforeEach
    void startChromium() throws IOException {
        chromium = new HeadlessChromium("vp9-svc", SimulcastLayerChromiumTest.CAMERA_AT_30_FPS);
        driver = chromium.driver();
    }

    @AfterEach
    void stopChromium() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> call(String script, Object... arguments) {
        Object[] all = new Object[arguments.length];
        System.arraycopy(arguments, 0, all, 0, arguments.length);
        return (Map<String, Object>) driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const args = Array.from(arguments).slice(0, -1);
                (%s)(...args).then(done, (error) => done({ error: String(error) }));
                """.formatted(script), all);
    }

    private long decodedWidth() {
        return ((Number) call("() => svcTest.viewerStats()").get("width")).longValue();
    }

    @Test
    void theViewerPicksEachSpatialLayerThroughTheWhepLayerExtension() {
        String base = "http://127.0.0.1:" + port;
        driver.get(base + "/live.html");
        driver.executeAsyncScript(HELPERS);
        Map<String, Object> published = call("(base, stream) => svcTest.publish(base, stream)", base, "vp9-svc");
        System.out.println("VP9 SVC publisher: " + published);
        assertThat(published).containsEntry("scalabilityMode", "L3T3_KEY");
        Map<String, Object> playing = call("(base, stream) => svcTest.play(base, stream)", base, "vp9-svc");
        assertThat(playing.get("layerUrl")).isNotNull();
        // the layer URL takes a spatial layer once the stack has heard the publisher's three (in its first second)
        Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(500))
                .until(() -> call("(layer) => svcTest.choose(layer)", 2), chosen -> {
                    System.out.println("spatial layer 2 asked for: " + chosen);
                    return Long.valueOf(200).equals(chosen.get("status"));
                });
        for (int layer : PICK_ORDER) {
            long started = System.nanoTime();
            assertThat(call("(layer) => svcTest.choose(layer)", layer)).containsEntry("status", 200L);
            long width = PICKS.get(layer);
            Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(200))
                    .until(this::decodedWidth, decoded -> decoded == width);
            System.out.printf("{\"spatialLayer\":%d,\"width\":%d,\"switchMs\":%d,\"viewer\":\"%s\"}%n", layer, width,
                    (System.nanoTime() - started) / 1_000_000, call("() => svcTest.viewerStats()"));
        }
        driver.executeAsyncScript("svcTest.stop().then(arguments[0]);");
    }
}
