package io.jrtc.spring.autoconfigure.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.jrtc.spring.autoconfigure.service.PeerConnectionService;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/** The REST API against the real stack, every error as application/problem+json. */
@SpringBootTest(classes = TestApplication.class, properties = { "rtc.include-loopback=true",
        "rtc.limits.max-peer-connections=2", "rtc.limits.max-sdp-bytes=4096", "rtc.events.stats-interval=0",
        "rtc.rest.client-ice-servers.enabled=true", "rtc.rest.client-ice-servers.allowed-hosts=stun.example.org",
        // Every test creates from 127.0.0.1 in quick succession: more than a public client may per second.
        "rtc.limits.client.creates-per-second-per-address=1000" })
@AutoConfigureMockMvc
class PeerConnectionControllerTest {
    private static final String BASE = "/api/rtc/peer-connections";

    @Autowired
    MockMvc mvc;

    @Autowired
    PeerConnectionService service;

    @AfterEach
    void closeAll() {
        service.closeAll();
    }

    private String create() throws Exception {
        String body = mvc.perform(post(BASE)).andExpect(status().isCreated()).andReturn().getResponse()
                .getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    @Test
    void createsAConnectionWithLocationAndItsView() throws Exception {
        mvc.perform(post(BASE).contentType(MediaType.APPLICATION_JSON)
                .content("{\"iceServers\":[{\"urls\":[\"stun:stun.example.org:3478\"]}]}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", startsWith("http://localhost" + BASE + "/")))
                .andExpect(jsonPath("$.connectionState").value("new"))
                .andExpect(jsonPath("$.iceConnectionState").value("new"))
                .andExpect(jsonPath("$.iceGatheringState").value("new"))
                .andExpect(jsonPath("$.signalingState").value("stable"))
                .andExpect(jsonPath("$.localDescription").doesNotExist());
        mvc.perform(get(BASE)).andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(1)));
    }

    @Test
    void makesAnOfferAndListsItsCandidatesThenDeletes() throws Exception {
        String id = create();
        mvc.perform(post(BASE + "/" + id + "/data-channels").contentType(MediaType.APPLICATION_JSON)
                .content("{\"label\":\"chat\",\"ordered\":true}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.label").value("chat"));

        mvc.perform(post(BASE + "/" + id + "/create-offer").param("waitForGathering", "true"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.type").value("offer"))
                .andExpect(jsonPath("$.sdp", containsString("a=candidate:")));
        mvc.perform(get(BASE + "/" + id + "/candidates")).andExpect(status().isOk())
                .andExpect(jsonPath("$.gatheringComplete").value(true))
                .andExpect(jsonPath("$.candidates[0].candidate", startsWith("candidate:")));
        mvc.perform(get(BASE + "/" + id)).andExpect(jsonPath("$.signalingState").value("have-local-offer"));
        mvc.perform(get(BASE + "/" + id + "/stats")).andExpect(status().isOk());

        mvc.perform(delete(BASE + "/" + id)).andExpect(status().isNoContent());
        mvc.perform(get(BASE + "/" + id)).andExpect(status().isNotFound());
    }

    @Test
    void anUnknownIdIs404() throws Exception {
        mvc.perform(get(BASE + "/pc-unknown"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:jrtc:problem:unknown-peer-connection"))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.peerConnectionId").value("pc-unknown"));
        mvc.perform(delete(BASE + "/pc-unknown")).andExpect(status().isNotFound());
    }

    @Test
    void aMalformedOfferIs400NamingTheLine() throws Exception {
        String id = create();
        mvc.perform(post(BASE + "/" + id + "/offer").contentType("application/sdp")
                .content("v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\nthis is not sdp\r\n"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:jrtc:problem:sdp-syntax"))
                .andExpect(jsonPath("$.line").isNumber())
                .andExpect(jsonPath("$.detail", containsString("line")));
    }

    @Test
    void anAnswerWithoutAnOfferIs409() throws Exception {
        String id = create();
        String answer = offerSdp();
        mvc.perform(post(BASE + "/" + id + "/answer").contentType(MediaType.APPLICATION_JSON)
                .content("{\"type\":\"answer\",\"sdp\":" + jsonString(answer) + "}"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:jrtc:problem:invalid-state"));
    }

    @Test
    void anSdpOverTheLimitIs413() throws Exception {
        String id = create();
        String big = "v=0\r\n" + "a=x-padding:0123456789\r\n".repeat(300);
        mvc.perform(post(BASE + "/" + id + "/offer").contentType(MediaType.APPLICATION_JSON)
                .content("{\"type\":\"offer\",\"sdp\":" + jsonString(big) + "}"))
                .andExpect(status().isContentTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.limit").value(4096));
        mvc.perform(post(BASE + "/" + id + "/offer").contentType("application/sdp")
                .content("v=0\r\n" + "a=x-padding:0123456789\r\n".repeat(2000)))
                .andExpect(status().isContentTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aWrongContentTypeIs415() throws Exception {
        String id = create();
        mvc.perform(post(BASE + "/" + id + "/offer").contentType(MediaType.TEXT_PLAIN).content("v=0"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post(BASE + "/" + id + "/candidates").contentType(MediaType.TEXT_PLAIN).content("x"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void theConnectionLimitIs503WithRetryAfter() throws Exception {
        create();
        create();
        mvc.perform(post(BASE))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.limit").value(2));
    }

    @Test
    void aMalformedIceServerInTheRequestIs400() throws Exception {
        mvc.perform(post(BASE).contentType(MediaType.APPLICATION_JSON)
                .content("{\"iceServers\":[{\"urls\":[\"http://example.org\"]}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString("iceServers[0].urls[0]")));
    }

    @Test
    void malformedJsonIs400() throws Exception {
        String id = create();
        mvc.perform(post(BASE + "/" + id + "/candidates").contentType(MediaType.APPLICATION_JSON).content("{"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    private String offerSdp() throws Exception {
        String id = create();
        String body = mvc.perform(post(BASE + "/" + id + "/create-offer")).andReturn().getResponse()
                .getContentAsString();
        return JsonPath.read(body, "$.sdp");
    }

    static String jsonString(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\r", "\\r").replace("\n", "\\n")
                + "\"";
    }
}
