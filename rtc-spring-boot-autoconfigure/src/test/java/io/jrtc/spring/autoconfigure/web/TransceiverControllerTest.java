package io.jrtc.spring.autoconfigure.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;

import io.jrtc.spring.autoconfigure.service.PeerConnectionService;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

/**
 * The transceivers of the REST API against the real stack: adding, reading, changing and stopping them, and every
 * refused source or route as application/problem+json with its status.
 */
@SpringBootTest(classes = TestApplication.class, properties = { "rtc.include-loopback=true",
        "rtc.events.stats-interval=0", "rtc.limits.client.creates-per-second-per-address=1000" })
@AutoConfigureMockMvc
class TransceiverControllerTest {
    private static final String BASE = "/api/rtc/peer-connections";

    @TempDir
    static Path media;

    @DynamicPropertySource
    static void mediaDirectory(DynamicPropertyRegistry registry) {
        registry.add("rtc.media.directory", () -> media.toString());
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    PeerConnectionService service;

    @AfterEach
    void closeAll() {
        service.closeAll();
    }

    @Test
    void addsATransceiverWithAToneAndMakesItPartOfTheOffer() throws Exception {
        String id = create();
        json(post(BASE + "/" + id + "/transceivers"),
                "{\"kind\":\"audio\",\"direction\":\"sendonly\",\"source\":{\"type\":\"tone\",\"frequency\":600}}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.transceiverId").value("tr-1"))
                .andExpect(jsonPath("$.kind").value("audio"))
                .andExpect(jsonPath("$.direction").value("sendonly"))
                .andExpect(jsonPath("$.mid").doesNotExist())
                .andExpect(jsonPath("$.source.type").value("tone"))
                .andExpect(jsonPath("$.source.frequency").value(600.0))
                .andExpect(jsonPath("$.source.stream").doesNotExist());
        json(post(BASE + "/" + id + "/transceivers"), "{\"kind\":\"video\",\"direction\":\"recvonly\","
                + "\"codecs\":[\"video/H264\"]}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.transceiverId").value("tr-2"));

        mvc.perform(post(BASE + "/" + id + "/create-offer")).andExpect(status().isOk())
                .andExpect(jsonPath("$.sdp", containsString("a=sendonly")))
                .andExpect(jsonPath("$.sdp", containsString("a=recvonly")))
                .andExpect(jsonPath("$.sdp", containsString("H264/90000")));
        mvc.perform(get(BASE + "/" + id + "/transceivers")).andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(2)))
                .andExpect(jsonPath("$[0].mid").value("0"))
                .andExpect(jsonPath("$[1].transceiverId").value("tr-2"));

        json(patch(BASE + "/" + id + "/transceivers/tr-1"), "{\"direction\":\"inactive\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.direction").value("inactive"));
        mvc.perform(delete(BASE + "/" + id + "/transceivers/tr-1/source")).andExpect(status().isOk())
                .andExpect(jsonPath("$.source").doesNotExist());
        mvc.perform(post(BASE + "/" + id + "/transceivers/tr-1/stop")).andExpect(status().isOk())
                .andExpect(jsonPath("$.direction").value("stopped"));
        problem(json(put(BASE + "/" + id + "/transceivers/tr-1/source"), "{\"type\":\"tone\"}"), 409,
                "transceiver-stopped");
    }

    @Test
    void aForwardedLayerIsRefusedWhereNoPublishersPacketsAreForwarded() throws Exception {
        String id = create();
        json(post(BASE + "/" + id + "/transceivers"), "{\"kind\":\"video\",\"direction\":\"sendonly\","
                + "\"source\":{\"type\":\"test-pattern\",\"width\":320,\"height\":240}}")
                .andExpect(status().isCreated());
        String layer = BASE + "/" + id + "/transceivers/tr-1/layer";

        problem(json(put(layer), "{\"rid\":\"h\"}"), 422, "layer-not-available")
                .andExpect(jsonPath("$.detail").value("the sender forwards no publisher's packets"));
        problem(json(put(layer), "{\"rid\":\"h\",\"temporalLayer\":4}"), 422, "layer-not-available")
                .andExpect(jsonPath("$.detail").value("a temporal layer is 0 to 3, got 4"));
        problem(mvc.perform(delete(layer)), 422, "layer-not-available");
        problem(json(put(BASE + "/" + id + "/transceivers/tr-9/layer"), "{}"), 404, "unknown-transceiver");
    }

    @Test
    void refusesWhatCannotBeSentOrRoutedWithProblems() throws Exception {
        String id = create();
        json(post(BASE + "/" + id + "/transceivers"), "{\"kind\":\"video\"}").andExpect(status().isCreated());
        String source = BASE + "/" + id + "/transceivers/tr-1/source";
        String route = BASE + "/" + id + "/transceivers/tr-1/route";

        problem(mvc.perform(get(BASE + "/" + id + "/transceivers/tr-9")), 404, "unknown-transceiver");
        problem(json(put(source), "{\"type\":\"tone\"}"), 422, "wrong-kind");
        json(post(BASE + "/" + id + "/transceivers"), "{\"kind\":\"audio\"}").andExpect(status().isCreated());
        problem(json(put(BASE + "/" + id + "/transceivers/tr-2/source"), "{\"type\":\"test-pattern\"}"), 422,
                "wrong-kind");
        problem(json(put(source), "{\"type\":\"stream\",\"stream\":\"nobody\"}"), 404, "unknown-stream");
        problem(json(put(source), "{\"type\":\"file\",\"path\":\"../../etc/passwd\"}"), 403,
                "file-outside-directory");
        problem(json(put(source), "{\"type\":\"file\",\"path\":\"/etc/passwd\"}"), 403, "file-outside-directory");
        problem(json(put(source), "{\"type\":\"file\",\"path\":\"missing.ivf\"}"), 404, "file-not-found");
        Files.writeString(media.resolve("not-media.ivf"), "not an IVF file");
        problem(json(put(source), "{\"type\":\"file\",\"path\":\"not-media.ivf\"}"), 422, "file-unusable");
        problem(json(put(source), "{\"type\":\"forward\"}"), 400, "bad-request");
        problem(json(put(source), "{\"type\":\"test-pattern\",\"width\":321}"), 400, "bad-request");
        json(put(source), "{\"type\":\"test-pattern\",\"width\":320,\"height\":240}").andExpect(status().isOk())
                .andExpect(jsonPath("$.source.type").value("test-pattern"))
                .andExpect(jsonPath("$.source.width").value(320));
        problem(json(put(source), "{\"type\":\"camera\"}"), 400, "bad-request");

        problem(json(put(route), "{\"type\":\"record\",\"path\":\"../out.ivf\"}"), 403, "file-outside-directory");
        problem(json(put(route), "{\"type\":\"record\",\"path\":\"not-media.ivf\"}"), 422, "file-unusable");
        problem(json(put(route), "{\"type\":\"record\",\"path\":\"sound.wav\"}"), 422, "wrong-kind");
        problem(json(put(route), "{\"type\":\"publish\"}"), 400, "bad-request");
        problem(json(put(route), "{\"type\":\"forward\",\"peerConnectionId\":\"" + id
                + "\",\"transceiverId\":\"tr-7\"}"), 404, "unknown-transceiver");

        problem(json(post(BASE + "/" + id + "/transceivers"), "{\"kind\":\"video\",\"codecs\":[\"video/H266\"]}"),
                400, "bad-request").andExpect(jsonPath("$.detail", containsString("video/VP8")));
        problem(json(post(BASE + "/" + id + "/transceivers"), "{\"kind\":\"smell\"}"), 400, "rtc-error");
        problem(json(post(BASE + "/pc-unknown/transceivers"), "{\"kind\":\"audio\"}"), 404,
                "unknown-peer-connection");
    }

    @Test
    void recordsIntoTheMediaDirectoryAndPublishesAStreamOnlyOnce() throws Exception {
        String first = create();
        String second = create();
        json(post(BASE + "/" + first + "/transceivers"), "{\"kind\":\"video\"}").andExpect(status().isCreated());
        json(post(BASE + "/" + second + "/transceivers"), "{\"kind\":\"video\"}").andExpect(status().isCreated());
        Files.createDirectories(media.resolve("recordings"));

        json(put(BASE + "/" + first + "/transceivers/tr-1/route"),
                "{\"type\":\"record\",\"path\":\"recordings/first.ivf\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.route.type").value("record"))
                .andExpect(jsonPath("$.route.path").value("recordings/first.ivf"));
        json(put(BASE + "/" + first + "/transceivers/tr-1/route"), "{\"type\":\"publish\",\"stream\":\"cam\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.route.stream").value("cam"));
        problem(json(put(BASE + "/" + second + "/transceivers/tr-1/route"),
                "{\"type\":\"publish\",\"stream\":\"cam\"}"), 409, "stream-taken");
        mvc.perform(delete(BASE + "/" + first + "/transceivers/tr-1/route")).andExpect(status().isOk())
                .andExpect(jsonPath("$.route").doesNotExist());
        json(put(BASE + "/" + second + "/transceivers/tr-1/route"), "{\"type\":\"publish\",\"stream\":\"cam\"}")
                .andExpect(status().isOk());
        mvc.perform(delete(BASE + "/" + second)).andExpect(status().isNoContent());
        json(put(BASE + "/" + first + "/transceivers/tr-1/route"), "{\"type\":\"publish\",\"stream\":\"cam\"}")
                .andExpect(status().isOk());
    }

    private String create() throws Exception {
        String body = mvc.perform(post(BASE)).andExpect(status().isCreated()).andReturn().getResponse()
                .getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    private ResultActions json(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
            String body) throws Exception {
        return mvc.perform(request.contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private static ResultActions problem(ResultActions result, int status, String type) throws Exception {
        return result.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:jrtc:problem:" + type));
    }
}
