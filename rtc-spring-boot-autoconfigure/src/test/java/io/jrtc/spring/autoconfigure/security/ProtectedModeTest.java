package io.jrtc.spring.autoconfigure.security;

import static io.jrtc.spring.autoconfigure.security.SecurityTestApplication.from;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.jrtc.pc.RtcEngine;
import io.jrtc.spring.autoconfigure.whip.JrtcMediaPeer;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * No token anywhere: the control plane (REST, event stream, rtc actuator endpoint) and WHIP answer loopback
 * clients and refuse every other with 403 naming the property to set; WHEP stays open; a forwarding header's
 * "localhost" is not loopback.
 */
@SpringBootTest(classes = SecurityTestApplication.class, properties = { "rtc.include-loopback=true",
        "rtc.events.stats-interval=0", "management.endpoints.web.exposure.include=rtc" })
@AutoConfigureMockMvc
class ProtectedModeTest {
    private static final String STRANGER = "198.18.0.2";
    private static final String SDP = "application/sdp";

    @Autowired
    MockMvc mvc;

    @Autowired
    RtcEngine engine;

    @Test
    void theRestApiAnswersLoopbackAndRefusesOthersNamingTheProperty() throws Exception {
        mvc.perform(get("/api/rtc/peer-connections")).andExpect(status().isOk());
        mvc.perform(get("/api/rtc/peer-connections").with(from(STRANGER)))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:jrtc:problem:protected-mode"))
                .andExpect(jsonPath("$.property").value("rtc.rest.bearer-token"))
                .andExpect(jsonPath("$.detail", containsString("rtc.rest.bearer-token")))
                .andExpect(jsonPath("$.detail", containsString("rtc.security.protected-mode=false")));
        mvc.perform(post("/api/rtc/peer-connections").with(from("::ffff:198.18.0.2")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/rtc/ice-servers").with(from("[2001:db8::1]"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/rtc/ice-servers").with(from("::1"))).andExpect(status().isOk());
    }

    @Test
    void theEventStreamAndTheActuatorEndpointAreTheControlPlaneToo() throws Exception {
        mvc.perform(get("/api/rtc/events").with(from(STRANGER)).header("Upgrade", "websocket")
                        .header("Connection", "Upgrade"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.property").value("rtc.rest.bearer-token"));
        mvc.perform(get("/actuator/rtc").with(from(STRANGER))).andExpect(status().isForbidden());
        mvc.perform(get("/actuator/rtc/some-id").with(from(STRANGER))).andExpect(status().isForbidden());
        mvc.perform(get("/actuator/rtc")).andExpect(status().isOk());
    }

    @Test
    void whipPublishFollowsTheSameRuleWithItsOwnProperty() throws Exception {
        mvc.perform(post("/whip/cam").with(from(STRANGER)).contentType(SDP).content("v=0\r\n"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.property").value("rtc.whip.token"))
                .andExpect(jsonPath("$.detail", containsString("rtc.whip.token")));
        mvc.perform(delete("/whip/cam/some-session").with(from(STRANGER))).andExpect(status().isForbidden());
        try (JrtcMediaPeer publisher = JrtcMediaPeer.publisher(engine)) {
            String location = mvc.perform(post("/whip/loopback-cam").contentType(SDP).content(publisher.offer()))
                    .andExpect(status().isCreated())
                    .andReturn().getResponse().getHeader("Location");
            mvc.perform(delete(location)).andExpect(status().isOk());
        }
    }

    @Test
    void whepPlaybackStaysAnonymous() throws Exception {
        // Not refused by the guard: the stream simply is not published.
        mvc.perform(post("/whep/nothing").with(from(STRANGER)).contentType(SDP).content("v=0\r\n"))
                .andExpect(status().isNotFound());
    }

    @Test
    void aNameIsNeverLoopbackEvenWhenAHeaderSaysLocalhost() throws Exception {
        mvc.perform(get("/api/rtc/peer-connections").with(from("localhost"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/rtc/peer-connections").with(from("127.0.0.1.evil.example")))
                .andExpect(status().isForbidden())
                .andExpect(header().doesNotExist("WWW-Authenticate"));
    }
}
