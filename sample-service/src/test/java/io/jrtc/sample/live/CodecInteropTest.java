package io.jrtc.sample.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;

import io.jrtc.sample.HeadlessChromium;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * Every codec real publishers send, WHIP in and WHEP out through the sample service (issue 11), with real peers
 * on real sockets: GStreamer webrtcbin publishes H.264 High (x264enc), VP9 (vp9enc) and H.265 (x265enc), Chromium
 * publishes VP9 and AV1 from its fake camera; Chromium plays H.264, VP9 and AV1, and GStreamer plays H.265
 * (avdec_h265), since headless Chromium cannot decode it. Each viewer decodes at least 30 frames at the
 * published size, in the published codec. Chromium's peers negotiate the AV1 dependency descriptor, which jrtc
 * forwards with the packets.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "server.address=127.0.0.1", "rtc.include-loopback=true" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CodecInteropTest {
    private static final int FRAMES = 30;
    private static final int GST_WIDTH = 320;
    private static final int GST_HEIGHT = 240;

    /** Chromium's fake camera at 640x480, sending only the codec asked for, never scaled down under load. */
    private static final String PUBLISH = """
            const [base, stream, mimeType, done] = arguments;
            (async () => {
              const media = await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 480 } });
              const track = media.getVideoTracks()[0];
              const pc = new RTCPeerConnection();
              const transceiver = pc.addTransceiver(track, { direction: 'sendonly' });
              const codecs = RTCRtpSender.getCapabilities('video').codecs.filter((c) => c.mimeType === mimeType);
              if (codecs.length === 0) {
                done({ error: 'Chromium cannot send ' + mimeType });
                return;
              }
              transceiver.setCodecPreferences(codecs);
              codecTest.negotiateDependencyDescriptor(transceiver);
              const session = await codecTest.exchange(pc, base + '/whip/' + stream);
              const parameters = transceiver.sender.getParameters();
              parameters.degradationPreference = 'maintain-resolution';
              await transceiver.sender.setParameters(parameters);
              await codecTest.connected(pc);
              codecTest.publisher = { pc, session };
              const settings = track.getSettings();
              done({ width: settings.width, height: settings.height });
            })().catch((error) => done({ error: String(error) }));
            """;

    /** A WHEP viewer that polls its own getStats() until it decoded enough frames (or 30 s passed). */
    private static final String PLAY = """
            const [base, stream, wanted, done] = arguments;
            (async () => {
              const pc = new RTCPeerConnection();
              codecTest.negotiateDependencyDescriptor(pc.addTransceiver('video', { direction: 'recvonly' }));
              const session = await codecTest.exchange(pc, base + '/whep/' + stream);
              const deadline = Date.now() + 30000;
              for (;;) {
                const stats = await pc.getStats();
                let video = null;
                stats.forEach((s) => { if (s.type === 'inbound-rtp' && s.kind === 'video') video = s; });
                const decoded = video && video.framesDecoded ? video.framesDecoded : 0;
                if (decoded >= wanted || Date.now() > deadline) {
                  const codec = video && video.codecId ? stats.get(video.codecId) : null;
                  const dependencyDescriptor = pc.remoteDescription.sdp.includes('#dependency-descriptor-rtp');
                  pc.close();
                  await fetch(session, { method: 'DELETE' });
                  done({ framesDecoded: decoded, width: video ? video.frameWidth : 0,
                         height: video ? video.frameHeight : 0,
                         codec: codec ? codec.mimeType + ' ' + (codec.sdpFmtpLine || '') : null,
                         decoder: video ? video.decoderImplementation : null, dependencyDescriptor,
                         framesReceived: video ? video.framesReceived : 0,
                         keyFramesDecoded: video ? video.keyFramesDecoded : 0,
                         packetsReceived: video ? video.packetsReceived : 0,
                         packetsLost: video ? video.packetsLost : 0, nackCount: video ? video.nackCount : 0,
                         pliCount: video ? video.pliCount : 0 });
                  return;
                }
                await new Promise((resolve) => setTimeout(resolve, 200));
              }
            })().catch((error) => done({ error: String(error) }));
            """;

    /** The WHIP/WHEP exchange after ICE gathering (no trickle), and waiting for a connection. */
    private static final String HELPERS = """
            window.codecTest = {
              // Chromium offers the AV1 dependency descriptor only when asked: on both ends, so that jrtc must
              // forward it (and AV1 viewers decode by it)
              negotiateDependencyDescriptor(transceiver) {
                const uri = 'https://aomediacodec.github.io/av1-rtp-spec/#dependency-descriptor-rtp-header-extension';
                const extensions = transceiver.getHeaderExtensionsToNegotiate();
                extensions.forEach((e) => { if (e.uri === uri) e.direction = 'sendrecv'; });
                transceiver.setHeaderExtensionsToNegotiate(extensions);
              },
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
                return new URL(response.headers.get('Location'), url).href;
              },
              connected(pc) {
                return new Promise((resolve, reject) => {
                  const check = () => {
                    if (pc.connectionState === 'connected') resolve();
                    if (pc.connectionState === 'failed') reject(new Error('connection failed'));
                  };
                  pc.addEventListener('connectionstatechange', check);
                  check();
                  setTimeout(() => reject(new Error('not connected within 20 s')), 20000);
                });
              },
            };
            arguments[0]();
            """;

    @LocalServerPort
    int port;

    private HeadlessChromium chromium;
    private ChromeDriver driver;

    @BeforeAll
    void startChromium() throws IOException {
        chromium = new HeadlessChromium("codecs");
        driver = chromium.driver();
    }

    @AfterAll
    void stopChromium() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private void openPage() {
        driver.get(base() + "/live.html");
        driver.executeAsyncScript(HELPERS);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> play(String stream) {
        Map<String, Object> played = (Map<String, Object>) driver.executeAsyncScript(PLAY, base(), stream, FRAMES);
        System.out.println("WHEP viewer of " + stream + ": " + played);
        assertThat(played).doesNotContainKey("error");
        return played;
    }

    private static void assertDecoded(Map<String, Object> played, String mimeType, int width, int height) {
        assertThat(((Number) played.get("framesDecoded")).longValue()).isGreaterThanOrEqualTo(FRAMES);
        assertThat((String) played.get("codec")).startsWith(mimeType);
        assertThat(((Number) played.get("width")).intValue()).isEqualTo(width);
        assertThat(((Number) played.get("height")).intValue()).isEqualTo(height);
    }

    private void gstreamerToChromium(String codec, String mimeType) throws Exception {
        String stream = "gst-" + codec;
        try (GstreamerPeer publisher = GstreamerPeer.publisher(base(), stream, codec, GST_WIDTH, GST_HEIGHT)) {
            publisher.awaitConnected();
            openPage();
            assertDecoded(play(stream), mimeType, GST_WIDTH, GST_HEIGHT);
        }
    }

    @Test
    void gstreamerH264HighPlaysInChromium() throws Exception {
        gstreamerToChromium("h264", "video/H264 ");
    }

    @Test
    void gstreamerVp9PlaysInChromium() throws Exception {
        gstreamerToChromium("vp9", "video/VP9");
    }

    @Test
    void gstreamerH265PlaysInAGstreamerViewer() throws Exception {
        try (GstreamerPeer peers = GstreamerPeer.publisherAndViewer(base(), "gst-h265", "h265", GST_WIDTH,
                GST_HEIGHT, FRAMES)) {
            JsonNode result = peers.result();
            System.out.println("GStreamer H.265 WHIP/WHEP: " + result);
            assertThat(result.get("framesDecoded").asInt()).isGreaterThanOrEqualTo(FRAMES);
            assertThat(result.get("sizes").valueStream().map(JsonNode::asString).toList())
                    .containsExactly(GST_WIDTH + "x" + GST_HEIGHT);
            assertThat(result.get("whepDeleteStatus").asInt()).isEqualTo(200);
        }
    }

    @Test
    void chromiumVp9PlaysInChromium() {
        chromiumToChromium("video/VP9", "chromium-vp9");
    }

    @Test
    void chromiumAv1PlaysInChromium() {
        chromiumToChromium("video/AV1", "chromium-av1");
    }

    @SuppressWarnings("unchecked")
    private void chromiumToChromium(String mimeType, String stream) {
        openPage();
        Map<String, Object> published = (Map<String, Object>) driver.executeAsyncScript(PUBLISH, base(), stream,
                mimeType);
        System.out.println("Chromium WHIP publisher of " + stream + ": " + published);
        assertThat(published).doesNotContainKey("error");
        try {
            Map<String, Object> played = play(stream);
            assertDecoded(played, mimeType, ((Number) published.get("width")).intValue(),
                    ((Number) published.get("height")).intValue());
            // both ends negotiated the dependency descriptor: Chromium sends it with AV1 and jrtc forwards it
            assertThat(played).containsEntry("dependencyDescriptor", true);
        } finally {
            driver.executeAsyncScript("""
                    const done = arguments[0];
                    codecTest.publisher.pc.close();
                    fetch(codecTest.publisher.session, { method: 'DELETE' }).then(() => done(), () => done());
                    """);
        }
    }
}
