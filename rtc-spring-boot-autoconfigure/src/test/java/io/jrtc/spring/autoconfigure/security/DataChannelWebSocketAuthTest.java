package io.jrtc.spring.autoconfigure.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.jayway.jsonpath.JsonPath;

/**
 * A data channel's WebSocket is guarded like the REST API it lives under: the bearer token in the Authorization
 * header, or in the query on the handshake only; protected mode turns away other addresses without a token.
 */
@SpringBootTest(classes = SecurityTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "server.address=0.0.0.0", "rtc.rest.bearer-token=dc-secret", "rtc.events.stats-interval=0" })
class DataChannelWebSocketAuthTest {
    private static final String BEARER = "Authorization: Bearer dc-secret\r\n";

    @LocalServerPort
    int port;

    @Test
    void theHandshakeTakesTheTokenInTheHeaderOrTheQueryAndMessagesOnlyInTheHeader() throws Exception {
        String pc = JsonPath.read(body(RawHttp.send("127.0.0.1", "127.0.0.1", port, "POST",
                "/api/rtc/peer-connections", BEARER, null)), "$.id");
        String channel = JsonPath.read(body(RawHttp.send("127.0.0.1", "127.0.0.1", port, "POST",
                "/api/rtc/peer-connections/" + pc + "/data-channels",
                BEARER + "Content-Type: application/json\r\n", "{\"label\":\"guarded\"}")), "$.channelId");
        String socket = "/api/rtc/peer-connections/" + pc + "/data-channels/" + channel + "/websocket";

        RawHttp.Response anonymous = RawHttp.send("198.18.0.2", "198.18.0.1", port, "GET", socket,
                RawHttp.handshakeHeaders(), null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.text()).contains("WWW-Authenticate: Bearer");
        // Past the guard, the channel (not yet connected) is refused as not open: the token was accepted.
        RawHttp.Response query = RawHttp.send("198.18.0.2", "198.18.0.1", port, "GET",
                socket + "?access_token=dc-secret", RawHttp.handshakeHeaders(), null);
        assertThat(query.status()).isEqualTo(409);
        assertThat(query.text()).contains("urn:jrtc:problem:data-channel-not-open");
        RawHttp.Response header = RawHttp.send("198.18.0.2", "198.18.0.1", port, "GET", socket,
                RawHttp.handshakeHeaders() + BEARER, null);
        assertThat(header.status()).isEqualTo(409);

        String messages = "/api/rtc/peer-connections/" + pc + "/data-channels/" + channel + "/messages";
        assertThat(RawHttp.send("198.18.0.2", "198.18.0.1", port, "POST", messages + "?access_token=dc-secret",
                "Content-Type: text/plain\r\n", "hi").status()).isEqualTo(401);
        assertThat(RawHttp.send("198.18.0.2", "198.18.0.1", port, "POST", messages,
                BEARER + "Content-Type: text/plain\r\n", "hi").status()).isEqualTo(409);
    }

    private static String body(RawHttp.Response response) {
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        // The JSON object, whether or not the body came in chunks.
        String text = response.text();
        return text.substring(text.indexOf('{'), text.lastIndexOf('}') + 1);
    }
}
