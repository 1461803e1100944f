package io.jrtc.spring.autoconfigure.whip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.jrtc.media.MediaKind;
import io.jrtc.media.VideoFrame;
import io.jrtc.media.video.DecodingVideoTrack;
import io.jrtc.pc.RTCPeerConnectionState;
import io.jrtc.pc.RtcEngine;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Transcoding for WHEP viewers (issue 14): two viewers that receive video only as H.264 play a VP8 stream (a real
 * test pattern, encoded by the publisher's sender), share one transcode, each decode H.264 pictures at the
 * publisher's size, and the transcode stops when the second of them leaves.
 */
@SpringBootTest(classes = WhipTestApplication.class, properties = { "rtc.include-loopback=true",
        "rtc.events.stats-interval=0",
        "rtc.limits.client.creates-per-second-per-address=1000" })
@AutoConfigureMockMvc
class WhepTranscodeTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String SDP = "application/sdp";

    @Autowired
    MockMvc mvc;

    @Autowired
    RtcEngine engine;

    @Autowired
    WhipSessions sessions;

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
