package io.jrtc.spring.autoconfigure.whip;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.jrtc.pc.RtcEngine;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Bearer tokens on both endpoints, and the connection limit: a publisher beyond it is told to retry later. */
@SpringBootTest(classes = WhipTestApplication.class, properties = { "rtc.include-loopback=true",
        "rtc.events.stats-interval=0", "rtc.whip.token=publish-secret", "rtc.whep.token=play-secret",
        "rtc.limits.max-peer-connections=0" })
@AutoConfigureMockMvc
class WhipTokenAndLimitTest {
    private static final String SDP = "application/sdp";

    @Autowired
    MockMvc mvc;

    @Autowired
    RtcEngine engine;

    @Test
    void withoutTheRightTokenIs401WithABearerChallenge() throws Exception {
        mvc.perform(post("/whip/cam").contentType(SDP).content("v=0\r\n"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer")))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/whip/cam").contentType(SDP).header("Authorization", "Bearer play-secret")
                        .content("v=0\r\n"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", org.hamcrest.Matchers.containsString("invalid_token")));
        mvc.perform(post("/whep/cam").contentType(SDP).header("Authorization", "Bearer publish-secret")
                        .content("v=0\r\n"))
                .andExpect(status().isUnauthorized());
        // A preflight carries no credentials and must pass.
        mvc.perform(options("/whip/cam").header("Origin", "https://studio.example")
                        .header("Access-Control-Request-Method", "POST"))
                .andExpect(status().isNoContent())
                .andExpect(header().string("Access-Control-Allow-Origin", "*"));
    }

    @Test
    void atTheConnectionLimitAnAuthorizedPublisherGets503WithRetryAfter() throws Exception {
        try (JrtcMediaPeer publisher = JrtcMediaPeer.publisher(engine)) {
            mvc.perform(post("/whip/cam").contentType(SDP).header("Authorization", "Bearer publish-secret")
                            .content(publisher.offer()))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().exists("Retry-After"))
                    .andExpect(jsonPath("$.type").value("urn:jrtc:problem:peer-connection-limit"));
        }
    }
}
