package io.jrtc.spring.autoconfigure.security;

import static io.jrtc.spring.autoconfigure.security.SecurityTestApplication.from;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.jrtc.pc.RtcEngine;
import io.jrtc.pc.Subscription;
import io.jrtc.spring.autoconfigure.events.RtcEventBus;
import io.jrtc.spring.autoconfigure.whip.JrtcMediaPeer;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.json.JsonMapper;

/**
 * A REST token only: WHIP keeps protected mode with its own property (the REST token does not open it), the token in
 * a query string is refused on REST calls, and a published session's remote ice-pwd shows in none of the views:
 * REST list and item, events, the rtc actuator endpoint (which shows no ice-pwd at all).
 */
@SpringBootTest(classes = SecurityTestApplication.class, properties = { "rtc.include-loopback=true",
        "rtc.events.stats-interval=0", "rtc.rest.bearer-token=admin-secret",
        "management.endpoints.web.exposure.include=rtc" })
@AutoConfigureMockMvc
class SecretsAndTokenScopesTest {
    private static final String SDP = "application/sdp";
    private static final String ADMIN = "Bearer admin-secret";
    private static final Pattern ICE_PWD = Pattern.compile("a=ice-pwd:(\\S+)");

    @Autowired
    MockMvc mvc;

    @Autowired
    RtcEngine engine;

    @Autowired
    RtcEventBus events;

    @Autowired
    JsonMapper jsonMapper;

    @Test
    void withARestTokenOnlyWhipFromANonLoopbackClientIsStillRefused() throws Exception {
        mvc.perform(post("/whip/cam").with(from("198.18.0.2")).contentType(SDP).content("v=0\r\n"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.property").value("rtc.whip.token"));
        mvc.perform(post("/whip/cam").with(from("198.18.0.2")).header("Authorization", ADMIN).contentType(SDP)
                        .content("v=0\r\n"))
                .andExpect(status().isForbidden());
    }

    @Test
    void theTokenInAQueryStringCountsOnlyOnTheWebSocketHandshake() throws Exception {
        mvc.perform(get("/api/rtc/peer-connections").param("access_token", "admin-secret"))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/rtc/peer-connections").header("Authorization", ADMIN)).andExpect(status().isOk());
    }

    @Test
    void noViewButTheOwnersShowsTheRemoteIcePassword() throws Exception {
        List<String> published = new CopyOnWriteArrayList<>();
        try (Subscription ignored = events.subscribe(event -> published.add(jsonMapper.writeValueAsString(event)));
                JrtcMediaPeer publisher = JrtcMediaPeer.publisher(engine)) {
            String offer = publisher.offer();
            String remotePwd = icePassword(offer);
            var created = mvc.perform(post("/whip/secrets").contentType(SDP).content(offer))
                    .andExpect(status().isCreated()).andReturn().getResponse();
            // The owner's view: the answer carries the server's own ice-pwd, as it must.
            assertThat(created.getContentAsString()).contains("a=ice-pwd:");
            String id = created.getHeader("Location").replaceAll(".*/", "");

            String list = body(get("/api/rtc/peer-connections").header("Authorization", ADMIN));
            String item = body(get("/api/rtc/peer-connections/" + id).header("Authorization", ADMIN));
            String actuator = body(get("/actuator/rtc").header("Authorization", ADMIN));
            String actuatorItem = body(get("/actuator/rtc/" + id).header("Authorization", ADMIN));
            assertThat(item).contains("remoteDescription").contains("a=ice-ufrag:");
            assertThat(actuatorItem).contains("remoteDescription").contains("a=ice-ufrag:");
            for (String view : List.of(list, item, actuator, actuatorItem, String.join("\n", published))) {
                assertThat(view).doesNotContain("a=ice-pwd:" + remotePwd);
            }
            assertThat(actuator).doesNotContain("a=ice-pwd");
            assertThat(actuatorItem).doesNotContain("a=ice-pwd");
            // Without the token the actuator endpoint is not served at all.
            mvc.perform(get("/actuator/rtc/" + id)).andExpect(status().isUnauthorized());
            mvc.perform(delete(created.getHeader("Location"))).andExpect(status().isOk());
        }
    }

    private String body(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static String icePassword(String sdp) {
        Matcher matcher = ICE_PWD.matcher(sdp);
        assertThat(matcher.find()).as("the offer has an ice-pwd").isTrue();
        return matcher.group(1);
    }
}
