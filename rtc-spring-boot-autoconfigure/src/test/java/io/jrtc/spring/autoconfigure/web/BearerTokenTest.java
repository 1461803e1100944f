package io.jrtc.spring.autoconfigure.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest(classes = TestApplication.class, properties = { "rtc.rest.bearer-token=s3cret",
        "rtc.include-loopback=true", "rtc.events.stats-interval=0" })
@AutoConfigureMockMvc
class BearerTokenTest {
    private static final String BASE = "/api/rtc/peer-connections";

    @Autowired
    MockMvc mvc;

    @Test
    void aMissingTokenIs401WithTheBearerChallenge() throws Exception {
        mvc.perform(get(BASE))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Bearer realm=\"rtc\""))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401));
    }

    @Test
    void aWrongTokenIs401InvalidToken() throws Exception {
        mvc.perform(get(BASE).header("Authorization", "Bearer guess"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Bearer realm=\"rtc\", error=\"invalid_token\""));
    }

    @Test
    void theRightTokenPassesInTheHeaderButNotInTheQueryOfARestCall() throws Exception {
        mvc.perform(get(BASE).header("Authorization", "Bearer s3cret")).andExpect(status().isOk());
        // A token in a URL ends up in logs; only the event stream's WebSocket handshake may carry it there.
        mvc.perform(get(BASE).param("access_token", "s3cret")).andExpect(status().isUnauthorized());
    }
}
