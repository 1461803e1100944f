package io.jrtc.spring.autoconfigure.security;

import static io.jrtc.spring.autoconfigure.security.SecurityTestApplication.from;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;

import io.jrtc.pc.RtcEngine;
import io.jrtc.spring.autoconfigure.service.PeerConnectionService;
import io.jrtc.spring.autoconfigure.whip.JrtcMediaPeer;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The per-address bound at its default of 10: a client address holding 10 WHIP sessions open gets 429 with
 * Retry-After for an 11th, while another address publishes; closing one frees a place. The global limit keeps its
 * 503 (WhipTokenAndLimitTest).
 */
@SpringBootTest(classes = SecurityTestApplication.class, properties = { "rtc.include-loopback=true",
        "rtc.events.stats-interval=0", "rtc.whip.token=publish-secret",
        "rtc.limits.client.creates-per-second-per-address=100" })
@AutoConfigureMockMvc
class ClientLimitsTest {
    private static final String SDP = "application/sdp";
    private static final String TOKEN = "Bearer publish-secret";

    @Autowired
    MockMvc mvc;

    @Autowired
    RtcEngine engine;

    @Autowired
    PeerConnectionService service;

    @Test
    void theEleventhOpenSessionOfOneAddressIs429WhileAnotherAddressPublishes() throws Exception {
        List<JrtcMediaPeer> peers = new ArrayList<>();
        List<String> sessions = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                JrtcMediaPeer peer = JrtcMediaPeer.publisher(engine);
                peers.add(peer);
                sessions.add(mvc.perform(post("/whip/cam" + i).with(from("198.18.0.2")).header("Authorization", TOKEN)
                                .contentType(SDP).content(peer.offer()))
                        .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location"));
            }
            assertThat(service.clients().openFor("198.18.0.2")).isEqualTo(10);
            JrtcMediaPeer eleventh = JrtcMediaPeer.publisher(engine);
            peers.add(eleventh);
            String offer = eleventh.offer();
            mvc.perform(post("/whip/cam10").with(from("198.18.0.2")).header("Authorization", TOKEN)
                            .contentType(SDP).content(offer))
                    .andExpect(status().isTooManyRequests())
                    .andExpect(header().string("Retry-After", "5"))
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.type").value("urn:jrtc:problem:client-limit"))
                    .andExpect(jsonPath("$.property").value("rtc.limits.client.max-open-per-address"))
                    .andExpect(jsonPath("$.limit").value(10));
            sessions.add(mvc.perform(post("/whip/cam10").with(from("198.18.0.3")).header("Authorization", TOKEN)
                            .contentType(SDP).content(offer))
                    .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location"));

            mvc.perform(delete(sessions.remove(0)).with(from("198.18.0.2")).header("Authorization", TOKEN))
                    .andExpect(status().isOk());
            assertThat(service.clients().openFor("198.18.0.2")).isEqualTo(9);
        } finally {
            for (String session : sessions) {
                mvc.perform(delete(session).header("Authorization", TOKEN));
            }
            for (JrtcMediaPeer peer : peers) {
                peer.close();
            }
        }
    }
}
