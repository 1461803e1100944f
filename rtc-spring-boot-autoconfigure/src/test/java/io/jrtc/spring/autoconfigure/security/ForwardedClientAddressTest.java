package io.jrtc.spring.autoconfigure.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.jrtc.spring.autoconfigure.service.PeerConnectionService;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Behind a reverse proxy on loopback, with {@code server.forward-headers-strategy=framework}: the client address is
 * the forwarded one, for protected mode (a forwarded stranger is refused although the proxy is on loopback) and for
 * the per-client counts.
 */
@SpringBootTest(classes = SecurityTestApplication.class, properties = { "server.forward-headers-strategy=framework",
        "rtc.include-loopback=true", "rtc.events.stats-interval=0", "rtc.rest.bearer-token=admin-secret" })
@AutoConfigureMockMvc
class ForwardedClientAddressTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    PeerConnectionService service;

    @AfterEach
    void closeAll() {
        service.closeAll();
    }

    @Test
    void aForwardedStrangerIsNotOnLoopback() throws Exception {
        mvc.perform(post("/whip/cam").header("X-Forwarded-For", "198.18.0.2").contentType("application/sdp")
                        .content("v=0\r\n"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.property").value("rtc.whip.token"));
    }

    @Test
    void createsCountAgainstTheForwardedAddress() throws Exception {
        mvc.perform(post("/api/rtc/peer-connections").header("X-Forwarded-For", "198.18.0.7")
                        .header("Authorization", "Bearer admin-secret"))
                .andExpect(status().isCreated());
        assertThat(service.clients().openFor("198.18.0.7")).isEqualTo(1);
        assertThat(service.clients().openFor("127.0.0.1")).isZero();
    }
}
