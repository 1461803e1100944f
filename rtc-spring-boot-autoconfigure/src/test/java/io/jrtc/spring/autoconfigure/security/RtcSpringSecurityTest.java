package io.jrtc.spring.autoconfigure.security;

import static io.jrtc.spring.autoconfigure.security.SecurityTestApplication.from;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An application with Spring Security (Boot's security auto-configuration on) and its own filter chain that
 * secures the rtc endpoints in one line with {@link RtcRequestMatchers}: its authentication (HTTP Basic here)
 * decides, with no rtc token configured, from any address; the starter's guard accepts what the chain
 * authenticated, and WHEP stays open.
 */
@SpringBootTest(classes = { SecurityTestApplication.class, RtcSpringSecurityTest.AppSecurity.class },
        properties = { "spring.autoconfigure.exclude=", "rtc.include-loopback=true", "rtc.events.stats-interval=0" })
@AutoConfigureMockMvc
class RtcSpringSecurityTest {
    private static final String STRANGER = "198.18.0.2";
    private static final String OPERATOR = "Basic "
            + Base64.getEncoder().encodeToString("operator:pw".getBytes(StandardCharsets.UTF_8));

    @Autowired
    MockMvc mvc;

    @Configuration(proxyBeanMethods = false)
    static class AppSecurity {
        @Bean
        SecurityFilterChain appChain(HttpSecurity http, RtcRequestMatchers rtc) throws Exception {
            return http.authorizeHttpRequests(rtc.authenticated())
                    .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                    .httpBasic(Customizer.withDefaults())
                    .csrf(csrf -> csrf.ignoringRequestMatchers(rtc.all()))
                    .build();
        }

        @Bean
        UserDetailsService users() {
            return new InMemoryUserDetailsManager(
                    User.withUsername("operator").password("{noop}pw").roles("RTC").build());
        }
    }

    @Test
    void theApplicationsChainAuthenticatesTheControlPlane() throws Exception {
        mvc.perform(get("/api/rtc/peer-connections").with(from(STRANGER)))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Basic")));
        mvc.perform(get("/api/rtc/peer-connections"))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/rtc/peer-connections").with(from(STRANGER)).header("Authorization", OPERATOR))
                .andExpect(status().isOk());
    }

    @Test
    void anAuthenticatedPublisherPassesTheStartersGuardFromAnyAddress() throws Exception {
        mvc.perform(post("/whip/cam").with(from(STRANGER)).contentType("application/sdp").content("v=0\r\n"))
                .andExpect(status().isUnauthorized());
        // Past both guards, the stack refuses the malformed offer.
        mvc.perform(post("/whip/cam").with(from(STRANGER)).header("Authorization", OPERATOR)
                        .contentType("application/sdp").content("v=0\r\n"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void whepPlaybackStaysOpen() throws Exception {
        mvc.perform(post("/whep/cam").with(from(STRANGER)).contentType("application/sdp").content("v=0\r\n"))
                .andExpect(status().isNotFound());
    }
}
