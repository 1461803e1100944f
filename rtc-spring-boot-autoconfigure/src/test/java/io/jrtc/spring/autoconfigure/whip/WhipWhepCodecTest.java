package io.jrtc.spring.autoconfigure.whip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.jrtc.media.MediaKind;
import io.jrtc.media.VideoFrame;
import io.jrtc.media.video.DecodingVideoTrack;
import io.jrtc.pc.RTCPeerConnectionState;
import io.jrtc.pc.RTCRtpCodecCapability;
import io.jrtc.pc.RTCRtpCodecParameters;
import io.jrtc.pc.RTCRtpReceiver;
import io.jrtc.pc.RTCRtpTransceiver;
import io.jrtc.pc.RtcEngine;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Which codecs WHIP takes and WHEP plays (issues 11 and 14): a GStreamer-shaped H.264 High offer is answered with the
 * High profile at jrtc's level; an offer of nothing jrtc receives, a viewer of no codec jrtc forwards or encodes,
 * and (without FFmpeg) a viewer that cannot receive the publisher's codec get 422 problem+json naming what was
 * offered and what would do. With FFmpeg such a viewer gets a transcode: two H.264-only viewers of a VP8 stream (a
 * real test pattern, encoded by the publisher's sender) share one, each decodes pictures at the publisher's size,
 * and it stops when the second of them leaves.
 */
@SpringBootTest(classes = WhipTestApplication.class, properties = { "rtc.include-loopback=true",
        "rtc.events.stats-interval=0",
        "rtc.limits.client.creates-per-second-per-address=1000" })
@AutoConfigureMockMvc
class WhipWhepCodecTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String SDP = "application/sdp";

    @Autowired
    MockMvc mvc;

    @Autowired
    RtcEngine engine;

    @Autowired
    StreamRegistry streams;

    @Autowired
    WhipSessions sessions;

    /** A sendonly offer with one video format, shaped like GStreamer webrtcbin's. */
    static String videoOffer(String rtpmap, String fmtp) {
        return "v=0\r\no=- 1 0 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\na=group:BUNDLE video0\r\n"
                + "m=video 9 UDP/TLS/RTP/SAVPF 96\r\nc=IN IP4 0.0.0.0\r\na=setup:actpass\r\n"
                + "a=ice-ufrag:aBcDeFgH\r\na=ice-pwd:aBcDeFgHiJkLmNoPqRsTuVwX\r\na=rtcp-mux\r\na=rtcp-rsize\r\n"
                + "a=sendonly\r\na=rtpmap:96 " + rtpmap + "\r\n" + (fmtp == null ? "" : "a=fmtp:96 " + fmtp + "\r\n")
                + "a=rtcp-fb:96 nack pli\r\na=ssrc:1234 cname:gst\r\na=mid:video0\r\n"
                + "a=fingerprint:sha-256 00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:"
                + "AA:BB:CC:DD:EE:FF\r\n";
    }

    @Test
    void anX264encHighProfileOfferIsAnsweredInHighAtJrtcsLevel() throws Exception {
        String offer = videoOffer("H264/90000",
                "packetization-mode=1;profile-level-id=640028;level-asymmetry-allowed=1");
        MvcResult published = mvc.perform(post("/whip/high").contentType(SDP).content(offer))
                .andExpect(status().isCreated()).andReturn();
        assertThat(published.getResponse().getContentAsString()).contains("a=rtpmap:96 H264/90000")
                .contains("a=fmtp:96 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=640034");
        assertThat(streams.find("high").orElseThrow().videoCodec().parameters())
                .containsEntry("profile-level-id", "640034");
        mvc.perform(delete(published.getResponse().getHeader("Location"))).andExpect(status().isOk());
    }

    @Test
    void anOfferOfNothingJrtcReceivesIs422NamingBothSides() throws Exception {
        mvc.perform(post("/whip/rext").contentType(SDP).content(videoOffer("H265/90000", "profile-id=4")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:jrtc:problem:unsupported-codec"))
                .andExpect(jsonPath("$.detail").value(allOf(containsString("sends video (mid video0) as H265 "
                        + "(profile-id 4)"), containsString("VP8"), containsString("VP9 (profile-id 2)"),
                        containsString("H264 (high, packetization-mode 0)"), containsString("H265 (profile-id 1)"))));
        assertThat(streams.find("rext")).isEmpty();
    }

    @Test
    void aViewerOfNoCodecJrtcEncodesIs422() throws Exception {
        try (JrtcMediaPeer publisher = JrtcMediaPeer.publisher(engine);
                JrtcMediaPeer viewer = JrtcMediaPeer.viewer(engine)) {
            MvcResult published = mvc.perform(post("/whip/vp8cam").contentType(SDP).content(publisher.offer()))
                    .andExpect(status().isCreated()).andReturn();
            List<RTCRtpCodecCapability> h265Only = RTCRtpReceiver.getCapabilities("video").codecs().stream()
                    .filter(c -> c.mimeType().equals("video/H265")).toList();
            for (RTCRtpTransceiver transceiver : viewer.pc.getTransceivers()) {
                if ("video".equals(transceiver.getKind())) {
                    transceiver.setCodecPreferences(h265Only);
                }
            }
            mvc.perform(post("/whep/vp8cam").contentType(SDP).content(viewer.offer()))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.type").value("urn:jrtc:problem:unsupported-codec"))
                    .andExpect(jsonPath("$.detail").value(allOf(containsString("the stream's video is VP8"),
                            containsString("forwards as it is or transcodes to one of VP8, VP9 (profile-id 0), H264"),
                            containsString("the viewer receives video as H265"))));
            mvc.perform(delete(published.getResponse().getHeader("Location"))).andExpect(status().isOk());
        }
    }

    @Test
    void withoutFfmpegAViewerThatCannotReceiveThePublishersCodecIs422() throws Exception {
        try (JrtcMediaPeer viewer = JrtcMediaPeer.h264Viewer(engine)) {
            RTCRtpCodecParameters vp8 = new RTCRtpCodecParameters("video/VP8", 90_000, null, 96, List.of(),
                    Map.of());
            assertThatThrownBy(() -> OfferedCodecs.requireViewerTakes(viewer.offer(), vp8, false))
                    .isInstanceOf(UnsupportedCodecException.class)
                    .hasMessageContaining("the stream's video is VP8, which jrtc forwards without transcoding "
                            + "(transcoding needs org.bytedeco:ffmpeg")
                    .hasMessageContaining("the viewer receives video as H264 (constrained-baseline");
            assertThat(OfferedCodecs.requireViewerTakes(viewer.offer(), vp8, true).parameters())
                    .as("with FFmpeg the viewer is sent H.264").containsEntry("profile-level-id", "42e01f");
        }
    }

    @Test
    void twoH264ViewersOfAVp8StreamShareOneTranscodeThatEndsWithTheLastOfThem() throws Exception {
        try (JrtcMediaPeer publisher = JrtcMediaPeer.patternPublisher(engine);
                JrtcMediaPeer first = JrtcMediaPeer.h264Viewer(engine);
                JrtcMediaPeer second = JrtcMediaPeer.h264Viewer(engine)) {
            MvcResult published = mvc.perform(post("/whip/vp8pattern").contentType(SDP).content(publisher.offer()))
                    .andExpect(status().isCreated()).andReturn();
            String publisherAnswer = published.getResponse().getContentAsString();
            assertThat(publisherAnswer).contains("VP8/90000");
            publisher.accept(publisherAnswer);
            await().atMost(WAIT).until(() -> publisher.pc.getConnectionState() == RTCPeerConnectionState.CONNECTED);

            long played = System.nanoTime();
            String firstSession = play(first);
            String secondSession = play(second);
            assertThat(sessions.transcodes().count()).as("one transcode for both").isEqualTo(1);
            assertThat(sessions.transcodes().viewers("vp8pattern")).isEqualTo(2);
            for (JrtcMediaPeer viewer : new JrtcMediaPeer[] {first, second}) {
                DecodingVideoTrack decoded = new DecodingVideoTrack(viewer.receivedTrack(MediaKind.VIDEO));
                for (int i = 0; i < 10; i++) {
                    VideoFrame picture = (VideoFrame) decoded.recv().get(WAIT.toSeconds(), TimeUnit.SECONDS);
                    assertThat(picture.width()).isEqualTo(320);
                    assertThat(picture.height()).isEqualTo(240);
                }
                System.out.printf("{\"whepTranscodeTenPicturesMs\": %d}%n", (System.nanoTime() - played) / 1_000_000);
                decoded.stop();
            }

            mvc.perform(delete(firstSession)).andExpect(status().isOk());
            assertThat(sessions.transcodes().count()).as("still running for the second").isEqualTo(1);
            assertThat(sessions.transcodes().viewers("vp8pattern")).isEqualTo(1);
            mvc.perform(delete(secondSession)).andExpect(status().isOk());
            assertThat(sessions.transcodes().count()).as("stopped with its last viewer").isZero();
            mvc.perform(delete(URI.create(published.getResponse().getHeader("Location")).getPath()))
                    .andExpect(status().isOk());
        }
    }

    /** Plays the stream to an H.264-only viewer: the answer sends H.264; returns the session's path. */
    private String play(JrtcMediaPeer viewer) throws Exception {
        MvcResult playing = mvc.perform(post("/whep/vp8pattern").contentType(SDP).content(viewer.offer()))
                .andExpect(status().isCreated()).andReturn();
        String answer = playing.getResponse().getContentAsString();
        assertThat(answer).contains("H264/90000").doesNotContain("VP8/90000");
        viewer.accept(answer);
        return URI.create(playing.getResponse().getHeader("Location")).getPath();
    }
}
