package io.jrtc.spring.autoconfigure.whip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.jrtc.media.EncodedFrame;
import io.jrtc.media.Frame;
import io.jrtc.media.MediaKind;
import io.jrtc.media.MediaStreamTrack;
import io.jrtc.media.MediaStreamTrackState;
import io.jrtc.pc.RTCPeerConnectionState;
import io.jrtc.pc.RtcEngine;
import io.jrtc.spring.autoconfigure.service.PeerConnectionService;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * WHIP and WHEP over HTTP (MockMvc, with the filters) between real peer connections: our own peers publish and
 * play, and the status codes and headers of RFC 9725 and the WHEP draft are checked along the way.
 */
@SpringBootTest(classes = WhipTestApplication.class, properties = { "rtc.include-loopback=true",
        "rtc.events.stats-interval=0",
        // Publishers and viewers all come from 127.0.0.1, faster than a public client may create.
        "rtc.limits.client.creates-per-second-per-address=1000" })
@AutoConfigureMockMvc
class WhipWhepEndpointsTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String SDP = "application/sdp";
    private static final String FRAGMENT = "application/trickle-ice-sdpfrag";

    @Autowired
    MockMvc mvc;

    @Autowired
    RtcEngine engine;

    @Autowired
    StreamRegistry streams;

    @Autowired
    WhipSessions sessions;

    @Autowired
    PeerConnectionService service;

    @Test
    void aPublishedStreamPlaysToAViewerWithTheKeyframeItAskedFor() throws Exception {
        try (JrtcMediaPeer publisher = JrtcMediaPeer.publisher(engine);
                JrtcMediaPeer viewer = JrtcMediaPeer.viewer(engine)) {
            long posted = System.nanoTime();
            MvcResult published = mvc.perform(post("/whip/cam1").contentType(SDP).content(publisher.offer()))
                    .andExpect(status().isCreated())
                    .andExpect(header().string("Content-Type", SDP))
                    .andExpect(header().string("ETag", org.hamcrest.Matchers.matchesPattern("\"[0-9a-f]{16}\"")))
                    .andExpect(header().string("Location",
                            org.hamcrest.Matchers.matchesPattern("http://localhost/whip/cam1/[^/]+")))
                    .andExpect(header().string("Accept-Patch", FRAGMENT))
                    .andReturn();
            System.out.printf("WHIP POST answered 201 in %d ms%n", (System.nanoTime() - posted) / 1_000_000);
            String answer = published.getResponse().getContentAsString();
            assertThat(answer).contains("a=candidate:").contains("a=recvonly").contains("VP8/90000");
            publisher.accept(answer);
            publisher.startVideo();
            await().atMost(WAIT).until(() -> publisher.pc.getConnectionState() == RTCPeerConnectionState.CONNECTED);
            assertThat(streams.find("cam1")).hasValueSatisfying(stream -> {
                assertThat(stream.tracks()).hasSize(2);
                assertThat(stream.videoCodec().mimeType()).isEqualToIgnoringCase("video/VP8");
            });

            try (JrtcMediaPeer second = JrtcMediaPeer.publisher(engine)) {
                mvc.perform(post("/whip/cam1").contentType(SDP).content(second.offer()))
                        .andExpect(status().isConflict())
                        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                        .andExpect(jsonPath("$.type").value("urn:jrtc:problem:stream-already-published"));
            }

            int keyframeRequestsBefore = publisher.keyframeRequests.get();
            long played = System.nanoTime();
            MvcResult playing = mvc.perform(post("/whep/cam1").contentType(SDP).content(viewer.offer()))
                    .andExpect(status().isCreated())
                    .andExpect(header().string("Location",
                            org.hamcrest.Matchers.startsWith("http://localhost/whep/cam1/")))
                    .andExpect(header().exists("ETag"))
                    .andReturn();
            String viewerAnswer = playing.getResponse().getContentAsString();
            assertThat(viewerAnswer).contains("a=sendonly").contains("VP8/90000").contains("opus/48000/2");
            viewer.accept(viewerAnswer);
            MediaStreamTrack video = viewer.receivedTrack(MediaKind.VIDEO);
            Frame first = video.recv().get(WAIT.toSeconds(), TimeUnit.SECONDS);
            System.out.printf("WHEP viewer: first video frame %d ms after its POST%n",
                    (System.nanoTime() - played) / 1_000_000);
            assertThat(first).isInstanceOf(EncodedFrame.class);
            for (int i = 0; i < 10; i++) {
                assertThat(((EncodedFrame) video.recv().get(5, TimeUnit.SECONDS)).mimeType())
                        .isEqualToIgnoringCase("video/VP8");
            }
            assertThat(viewer.receivedTrack(MediaKind.AUDIO).recv().get(5, TimeUnit.SECONDS)).isNotNull();
            // The viewer's connection asked the publisher for a keyframe (a PLI through the relay).
            await().atMost(WAIT).until(() -> publisher.keyframeRequests.get() > keyframeRequestsBefore);

            String whip = URI.create(published.getResponse().getHeader("Location")).getPath();
            String whep = URI.create(playing.getResponse().getHeader("Location")).getPath();
            mvc.perform(delete(whip)).andExpect(status().isOk());
            assertThat(streams.find("cam1")).isEmpty();
            // The viewer's session ended with the stream.
            mvc.perform(delete(whep)).andExpect(status().isNotFound());
            mvc.perform(delete(whip)).andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.type").value("urn:jrtc:problem:session-not-found"));
            try (JrtcMediaPeer late = JrtcMediaPeer.viewer(engine)) {
                mvc.perform(post("/whep/cam1").contentType(SDP).content(late.offer()))
                        .andExpect(status().isNotFound());
            }
            assertThat(sessions.count(WhipSessions.Kind.WHEP)).isZero();
        }
    }

    @Test
    void playingAStreamNobodyPublishesIs404ProblemJson() throws Exception {
        try (JrtcMediaPeer viewer = JrtcMediaPeer.viewer(engine)) {
            mvc.perform(post("/whep/nobody").contentType(SDP).content(viewer.offer()))
                    .andExpect(status().isNotFound())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.type").value("urn:jrtc:problem:stream-not-found"));
        }
    }

    @Test
    void anotherContentTypeIs415AndMalformedSdpIs400() throws Exception {
        mvc.perform(post("/whip/cam2").contentType(MediaType.TEXT_PLAIN).content("v=0"))
                .andExpect(status().isUnsupportedMediaType());
        mvc.perform(post("/whip/cam2").contentType(SDP).content("this is not sdp"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/whep/cam2").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnsupportedMediaType());
        assertThat(streams.find("cam2")).isEmpty();
    }

    /**
     * Issue 9: Pion 3.1 ends rtcp-fb lines with a space ({@code a=rtcp-fb:96 goog-remb }) and used to get 400;
     * such an offer, with LF endings too, is now published. Issue 8: a 257-character ice-ufrag is a 400.
     */
    @Test
    void anOfferWithTrailingSpacesIsPublishedAndAnOverlongUfragIs400() throws Exception {
        try (JrtcMediaPeer publisher = JrtcMediaPeer.publisher(engine)) {
            String offer = publisher.offer();
            String pionStyle = offer.replaceAll("(a=rtcp-fb:[^\r]*)\r\n", "$1 \n");
            assertThat(pionStyle).contains(" \n");

            MvcResult published = mvc.perform(post("/whip/cam-pion").contentType(SDP).content(pionStyle))
                    .andExpect(status().isCreated()).andReturn();
            mvc.perform(delete(published.getResponse().getHeader("Location"))).andExpect(status().isOk());

            String ufrag = offer.lines().filter(l -> l.startsWith("a=ice-ufrag:")).findFirst().orElseThrow();
            String overlong = offer.replace(ufrag, "a=ice-ufrag:" + "u".repeat(257));
            mvc.perform(post("/whip/cam-long").contentType(SDP).content(overlong))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(content().string(org.hamcrest.Matchers.containsString("ice-ufrag must be 4 to 256")));
        }
    }

    @Test
    void optionsAnswers204WithAcceptPostAndPreflightsPassForAnyOrigin() throws Exception {
        mvc.perform(options("/whip/cam3"))
                .andExpect(status().isNoContent())
                .andExpect(header().string("Accept-Post", SDP));
        mvc.perform(options("/whep/cam3"))
                .andExpect(status().isNoContent())
                .andExpect(header().string("Accept-Post", SDP));
        mvc.perform(options("/whip/cam3").header("Origin", "https://studio.example")
                        .header("Access-Control-Request-Method", "POST")
                        .header("Access-Control-Request-Headers", "authorization, content-type"))
                .andExpect(status().isNoContent())
                .andExpect(header().string("Access-Control-Allow-Origin", "*"))
                .andExpect(header().string("Access-Control-Allow-Headers",
                        org.hamcrest.Matchers.containsString("Authorization")))
                .andExpect(header().string("Access-Control-Allow-Methods",
                        org.hamcrest.Matchers.containsString("PATCH")));
    }

    @Test
    void patchTricklesCandidatesChecksTheEtagAndRefusesACredentialChangeWithoutPassword() throws Exception {
        try (JrtcMediaPeer publisher = JrtcMediaPeer.publisher(engine)) {
            String offer = publisher.offer();
            MvcResult created = mvc.perform(post("/whip/cam4").contentType(SDP).content(offer)
                            .header("Origin", "https://studio.example"))
                    .andExpect(status().isCreated())
                    .andExpect(header().string("Access-Control-Allow-Origin", "*"))
                    .andExpect(header().string("Access-Control-Expose-Headers",
                            org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.containsString("Location"),
                                    org.hamcrest.Matchers.containsString("ETag"),
                                    org.hamcrest.Matchers.containsString("Link"))))
                    .andReturn();
            String session = URI.create(created.getResponse().getHeader("Location")).getPath();
            String etag = created.getResponse().getHeader("ETag");
            String ufrag = offer.lines().filter(line -> line.startsWith("a=ice-ufrag:")).findFirst().orElseThrow()
                    .substring("a=ice-ufrag:".length());
            String fragment = "a=ice-ufrag:" + ufrag + "\r\na=ice-pwd:ignoredbythetestxxxxxxxx\r\n"
                    + "m=audio 9 UDP/TLS/RTP/SAVPF 0\r\na=mid:0\r\n"
                    + "a=candidate:1 1 udp 2122260223 127.0.0.1 40000 typ host\r\na=end-of-candidates\r\n";

            mvc.perform(patch(session).contentType(FRAGMENT).header("If-Match", etag).content(fragment))
                    .andExpect(status().isNoContent());
            mvc.perform(patch(session).contentType(FRAGMENT).header("If-Match", "\"stale\"").content(fragment))
                    .andExpect(status().isPreconditionFailed());
            mvc.perform(patch(session).contentType(FRAGMENT).header("If-Match", "*")
                            .content(fragment.replace(ufrag, "newUfrag").replaceAll("a=ice-pwd:[^\r]*\r\n", "")))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.type").value("urn:jrtc:problem:ice-restart-without-password"));
            mvc.perform(patch(session).contentType(MediaType.TEXT_PLAIN).content(fragment))
                    .andExpect(status().isUnsupportedMediaType());
            mvc.perform(options(session)).andExpect(status().isNoContent())
                    .andExpect(header().string("Accept-Patch", FRAGMENT));
            mvc.perform(patch("/whip/cam4/no-such-session").contentType(FRAGMENT).content(fragment))
                    .andExpect(status().isNotFound());
            // A WHIP session is not a WHEP resource.
            mvc.perform(delete(session.replace("/whip/", "/whep/"))).andExpect(status().isNotFound());
            mvc.perform(delete(session)).andExpect(status().isOk());
            mvc.perform(patch(session).contentType(FRAGMENT).content(fragment)).andExpect(status().isNotFound());
        }
    }

    /** The reaper, shutdown or the REST API closing the publisher's connection ends the WHIP session too. */
    @Test
    void aPublisherWhoseConnectionTheServiceClosesUnpublishesAndEndsTheViewersTracks() throws Exception {
        try (JrtcMediaPeer publisher = JrtcMediaPeer.publisher(engine)) {
            MvcResult created = mvc.perform(post("/whip/cam5").contentType(SDP).content(publisher.offer()))
                    .andExpect(status().isCreated()).andReturn();
            publisher.accept(created.getResponse().getContentAsString());
            PublishedStream stream = streams.find("cam5").orElseThrow();
            MediaStreamTrack proxy = stream.relay().subscribe(stream.tracks().get(0));

            service.close(stream.sessionId()).get(10, TimeUnit.SECONDS);

            await().atMost(WAIT).until(() -> streams.find("cam5").isEmpty());
            assertThat(proxy.getReadyState()).isEqualTo(MediaStreamTrackState.ENDED);
            mvc.perform(delete(URI.create(created.getResponse().getHeader("Location")).getPath()))
                    .andExpect(status().isNotFound());
        }
    }

    /** RFC 9725 section 4.3.2: new credentials in a PATCH restart ICE; media keeps flowing on the new ICE session. */
    @Test
    void anIceRestartThroughPatchGivesNewCredentialsAndAnEtagAndMediaKeepsFlowing() throws Exception {
        try (JrtcMediaPeer publisher = JrtcMediaPeer.publisher(engine)) {
            MvcResult created = mvc.perform(post("/whip/cam6").contentType(SDP).content(publisher.offer()))
                    .andExpect(status().isCreated()).andReturn();
            String answer = created.getResponse().getContentAsString();
            publisher.accept(answer);
            publisher.startVideo();
            await().atMost(WAIT).until(() -> publisher.pc.getConnectionState() == RTCPeerConnectionState.CONNECTED);
            PublishedStream stream = streams.find("cam6").orElseThrow();
            MediaStreamTrack video = stream.relay().subscribe(stream.tracks(MediaKind.VIDEO).get(0));
            video.recv().get(10, TimeUnit.SECONDS);
            String session = URI.create(created.getResponse().getHeader("Location")).getPath();

            publisher.pc.restartIce();
            publisher.pc.setLocalDescription().get(10, TimeUnit.SECONDS);
            publisher.pc.gatheringComplete().get(10, TimeUnit.SECONDS);
            String clientFragment = IceRestartFragments.answerFragment(publisher.pc.getLocalDescription().sdp());
            MvcResult restarted = mvc.perform(patch(session).contentType(FRAGMENT).header("If-Match", "*")
                            .content(clientFragment))
                    .andExpect(status().isOk())
                    .andExpect(header().string("Content-Type", FRAGMENT))
                    .andReturn();
            assertThat(restarted.getResponse().getHeader("ETag")).isNotEqualTo(created.getResponse().getHeader("ETag"));
            TrickleIceFragment serverFragment = TrickleIceFragment.parse(restarted.getResponse().getContentAsString());
            assertThat(serverFragment.iceUfrag()).isNotNull().isNotEqualTo(ufrag(answer));
            assertThat(serverFragment.icePwd()).isNotNull();
            assertThat(serverFragment.candidates()).isNotEmpty();

            String restartedAnswer = IceRestartFragments.restartedOffer(answer, serverFragment.iceUfrag(),
                    serverFragment.icePwd());
            publisher.accept(restartedAnswer);
            for (var candidate : serverFragment.candidates()) {
                publisher.pc.addIceCandidate(candidate).get(10, TimeUnit.SECONDS);
            }
            assertThat(publisher.pc.getLocalDescription().sdp()).contains("a=ice-ufrag:" + TrickleIceFragment
                    .parse(clientFragment).iceUfrag());
            // Frames still arrive, and keep arriving once the new checks have selected a pair.
            for (int i = 0; i < 60; i++) {
                video.recv().get(10, TimeUnit.SECONDS);
            }
            assertThat(publisher.pc.getConnectionState()).isEqualTo(RTCPeerConnectionState.CONNECTED);
            mvc.perform(patch(session).contentType(FRAGMENT)
                            .header("If-Match", created.getResponse().getHeader("ETag")).content(clientFragment))
                    .andExpect(status().isPreconditionFailed());
            mvc.perform(delete(session)).andExpect(status().isOk());
        }
    }

    private static String ufrag(String sdp) {
        return sdp.lines().filter(line -> line.startsWith("a=ice-ufrag:")).findFirst().orElseThrow()
                .substring("a=ice-ufrag:".length());
    }
}
