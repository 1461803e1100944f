package io.jrtc.spring.autoconfigure.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * With the REST API switched off the event stream is still guarded: a handshake without the token is refused
 * (before, only the REST configuration registered the filter and this upgraded with 101); the token in the query is
 * accepted on the handshake, as browsers cannot send headers there.
 */
@SpringBootTest(classes = SecurityTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "server.address=0.0.0.0", "rtc.rest.enabled=false", "rtc.rest.bearer-token=events-secret",
                "rtc.events.stats-interval=0" })
class EventStreamWithoutRestTest {

    @LocalServerPort
    int port;

    @Test
    void aHandshakeWithoutTheTokenIsRefusedFromAnywhere() throws Exception {
        for (String[] route : new String[][] { { "198.18.0.2", "198.18.0.1" }, { "127.0.0.1", "127.0.0.1" } }) {
            RawHttp.Response response = RawHttp.send(route[0], route[1], port, "GET", "/api/rtc/events",
                    RawHttp.handshakeHeaders(), null);
            assertThat(response.status()).as("from %s", route[0]).isEqualTo(401);
            assertThat(response.text()).contains("WWW-Authenticate: Bearer");
        }
    }

    @Test
    void aHandshakeWithTheTokenInTheQueryUpgrades() throws Exception {
        RawHttp.Response response = RawHttp.send("198.18.0.2", "198.18.0.1", port, "GET",
                "/api/rtc/events?access_token=events-secret", RawHttp.handshakeHeaders(), null);
        assertThat(response.status()).isEqualTo(101);
        RawHttp.Response header = RawHttp.send("198.18.0.2", "198.18.0.1", port, "GET", "/api/rtc/events",
                RawHttp.handshakeHeaders() + "Authorization: Bearer events-secret\r\n", null);
        assertThat(header.status()).isEqualTo(101);
    }
}
