package io.jrtc.spring.autoconfigure.whip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import io.jrtc.pc.RTCPeerConnectionState;
import io.jrtc.pc.RtcEngine;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The WHEP core-extensions draft's layer selection and server-sent events on a real WHEP session (our own
 * publisher and viewer, MockMvc with the filters): the Link headers, the event stream's life and its {@code active},
 * {@code layers} and {@code inactive} events, and the layer requests the server refuses as problem details.
 */
@SpringBootTest(classes = WhipTestApplication.class, properties = { "rtc.include-loopback=true",
        "rtc.events.stats-interval=0", "rtc.limits.client.creates-per-second-per-address=1000" })
@AutoConfigureMockMvc
class WhepExtensionsTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String SDP = "application/sdp";

    @Autowired
    MockMvc mvc;

    @Autowired
    RtcEngine engine;

    @Autowired
    WhepEventStreams events;

    @Test
    void aViewerGetsItsLayersAsEventsAndChoosesOne() throws Exception {
        try (JrtcMediaPeer publisher = JrtcMediaPeer.publisher(engine);
                JrtcMediaPeer viewer = JrtcMediaPeer.viewer(engine)) {
            MvcResult published = mvc.perform(post("/whip/layered").contentType(SDP).content(publisher.offer()))
                    .andExpect(status().isCreated()).andReturn();
            publisher.accept(published.getResponse().getContentAsString());
            publisher.startVideo();
            await().atMost(WAIT).until(() -> publisher.pc.getConnectionState() == RTCPeerConnectionState.CONNECTED);

            MvcResult playing = mvc.perform(post("/whep/layered").contentType(SDP).content(viewer.offer()))
                    .andExpect(status().isCreated()).andReturn();
            viewer.accept(playing.getResponse().getContentAsString());
            String session = URI.create(playing.getResponse().getHeader("Location")).getPath();
            List<String> links = playing.getResponse().getHeaders("Link");
            assertThat(links).contains("<http://localhost" + session + "/layer>; rel=\"urn:ietf:params:whep:ext:core:layer\"",
                    "<http://localhost" + session + "/sse>; rel=\"urn:ietf:params:whep:ext:core:server-sent-events\"; "
                            + "events=\"active,inactive,layers\"");

            MvcResult created = mvc.perform(post(session + "/sse").contentType(MediaType.APPLICATION_JSON)
                    .content("[\"active\",\"inactive\",\"layers\"]"))
                    .andExpect(status().isCreated()).andReturn();
            String eventStream = URI.create(created.getResponse().getHeader("Location")).getPath();
            assertThat(eventStream).startsWith(session + "/sse/");
            MvcResult poll = mvc.perform(get(eventStream).accept(MediaType.TEXT_EVENT_STREAM)).andReturn();
            await().atMost(WAIT).until(() -> poll.getResponse().getContentAsString()
                    .matches("(?s).*event:layers\ndata:\\{\"1\":\\[\\{\"spatialLayerId\":0,\"bitrate\":[1-9][0-9]*}]}\n.*"));
            String received = poll.getResponse().getContentAsString();
            System.out.println("WHEP events received: " + received.replace("\n", "\\n"));
            assertThat(received).startsWith("event:active\ndata:{}\n\n");

            mvc.perform(post(session + "/layer").contentType(MediaType.APPLICATION_JSON)
                    .content("{\"mediaId\":\"1\",\"temporalLayerId\":0}"))
                    .andExpect(status().isOk());
            mvc.perform(post(session + "/layer").contentType(MediaType.APPLICATION_JSON).content("{}"))
                    .andExpect(status().isOk());
            mvc.perform(post(session + "/layer").contentType(MediaType.APPLICATION_JSON).content("{\"rid\":\"hd\"}"))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.type").value("urn:jrtc:problem:layer-not-available"))
                    .andExpect(jsonPath("$.detail").value("no encoding with rid 'hd'; the publisher sends []"));
            mvc.perform(post(session + "/layer").contentType(MediaType.APPLICATION_JSON).content("{\"mediaId\":\"0\"}"))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.detail").value("m-line 0 forwards no video; video m-lines: [1]"));
            mvc.perform(post(session + "/layer").contentType(MediaType.APPLICATION_JSON).content("{\"maxWidth\":640}"))
                    .andExpect(status().isUnprocessableContent());
            mvc.perform(post(session + "/layer").contentType(MediaType.APPLICATION_JSON).content("{\"rid\":"))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
            mvc.perform(post(session + "/sse").contentType(MediaType.APPLICATION_JSON).content("[\"viewercount\"]"))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.type").value("urn:jrtc:problem:unsupported-event"));

            String whip = URI.create(published.getResponse().getHeader("Location")).getPath();
            mvc.perform(delete(whip)).andExpect(status().isOk());
            await().atMost(WAIT).until(() -> poll.getResponse().getContentAsString().contains("event:inactive\ndata:{}\n"));
            mvc.perform(get(eventStream).accept(MediaType.TEXT_EVENT_STREAM)).andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.type").value("urn:jrtc:problem:event-stream-not-found"));
            mvc.perform(post(session + "/layer").contentType(MediaType.APPLICATION_JSON).content("{}"))
                    .andExpect(status().isNotFound());
            assertThat(events.count()).isZero();
        }
    }

    @Test
    void aDeletedEventStreamIsGoneAndItsQueuedEventsWithIt() throws Exception {
        try (JrtcMediaPeer publisher = JrtcMediaPeer.publisher(engine);
                JrtcMediaPeer viewer = JrtcMediaPeer.viewer(engine)) {
            MvcResult published = mvc.perform(post("/whip/deleted").contentType(SDP).content(publisher.offer()))
                    .andExpect(status().isCreated()).andReturn();
            publisher.accept(published.getResponse().getContentAsString());
            MvcResult playing = mvc.perform(post("/whep/deleted").contentType(SDP).content(viewer.offer()))
                    .andExpect(status().isCreated()).andReturn();
            String session = URI.create(playing.getResponse().getHeader("Location")).getPath();
            String eventStream = URI.create(mvc.perform(post(session + "/sse"))
                    .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location")).getPath();

            mvc.perform(delete(eventStream)).andExpect(status().isOk());
            mvc.perform(get(eventStream).accept(MediaType.TEXT_EVENT_STREAM)).andExpect(status().isNotFound());
            mvc.perform(delete(eventStream)).andExpect(status().isNotFound());
            mvc.perform(post("/whep/deleted/nobody/sse")).andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.type").value("urn:jrtc:problem:session-not-found"));
            mvc.perform(delete(URI.create(published.getResponse().getHeader("Location")).getPath()))
                    .andExpect(status().isOk());
        }
    }
}
