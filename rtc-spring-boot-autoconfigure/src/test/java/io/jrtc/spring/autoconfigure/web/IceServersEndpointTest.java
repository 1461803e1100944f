package io.jrtc.spring.autoconfigure.web;

import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * GET /api/rtc/ice-servers: the configured STUN URLs (never a configured TURN server's static password) and the
 * shared-secret TURN server with credentials issued for the request, behind the bearer token like the rest.
 */
@SpringBootTest(classes = TestApplication.class, properties = { "rtc.rest.bearer-token=s3cret",
        "rtc.events.stats-interval=0",
        "rtc.ice-servers[0].urls=stun:stun.example.org:3478,turn:static.example.org",
        "rtc.ice-servers[0].username=static", "rtc.ice-servers[0].credential=not-for-clients",
        "rtc.turn.urls=turn:turn.example.org:3478,turns:turn.example.org:5349",
        "rtc.turn.shared-secret=shared", "rtc.turn.credential-ttl=1h" })
@AutoConfigureMockMvc
class IceServersEndpointTest {
    @Autowired
    MockMvc mvc;

    @Test
    void clientsGetTheStunUrlsAndFreshTurnCredentialsButNoStaticPassword() throws Exception {
        mvc.perform(get("/api/rtc/ice-servers").header("Authorization", "Bearer s3cret"))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(jsonPath("$.iceServers", hasSize(2)))
                .andExpect(jsonPath("$.iceServers[0].urls", hasSize(1)))
                .andExpect(jsonPath("$.iceServers[0].urls[0]").value("stun:stun.example.org:3478"))
                .andExpect(jsonPath("$.iceServers[0].credential").doesNotExist())
                .andExpect(jsonPath("$.iceServers[1].urls[1]").value("turns:turn.example.org:5349"))
                .andExpect(jsonPath("$.iceServers[1].username", matchesPattern("\\d{10}")))
                .andExpect(jsonPath("$.iceServers[1].credential", matchesPattern("[A-Za-z0-9+/]{27}=")));
    }

    @Test
    void withoutTheTokenItIs401() throws Exception {
        mvc.perform(get("/api/rtc/ice-servers")).andExpect(status().isUnauthorized());
    }
}
