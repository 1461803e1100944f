package io.jrtc.spring.autoconfigure.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Protected mode over real sockets: the server listens on every interface with no token; a client at 198.18.0.2
 * (the test namespace's other address) is refused on REST, WHIP and the event stream with 403 naming the property,
 * while the same requests from 127.0.0.1 are served.
 */
@SpringBootTest(classes = SecurityTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "server.address=0.0.0.0", "rtc.include-loopback=true", "rtc.events.stats-interval=0" })
class ProtectedModeOverNetworkTest {
    static final String SERVER = "198.18.0.1";
    static final String STRANGER = "198.18.0.2";

    @LocalServerPort
    int port;

    @Test
    void restFromANonLoopbackClientIs403NamingTheTokenAndFromLoopbackIsServed() throws Exception {
        RawHttp.Response stranger = RawHttp.send(STRANGER, SERVER, port, "GET", "/api/rtc/peer-connections", "",
                null);
        assertThat(stranger.status()).isEqualTo(403);
        assertThat(stranger.text()).contains("application/problem+json").contains("rtc.rest.bearer-token");

        RawHttp.Response local = RawHttp.send("127.0.0.1", "127.0.0.1", port, "GET", "/api/rtc/peer-connections",
                "", null);
        assertThat(local.status()).isEqualTo(200);
    }

    @Test
    void whipFromANonLoopbackClientIs403NamingTheWhipToken() throws Exception {
        RawHttp.Response stranger = RawHttp.send(STRANGER, SERVER, port, "POST", "/whip/cam",
                "Content-Type: application/sdp\r\n", "v=0\r\n");
        assertThat(stranger.status()).isEqualTo(403);
        assertThat(stranger.text()).contains("rtc.whip.token");
        // From loopback the guard lets it through; the stack then refuses the malformed offer.
        RawHttp.Response local = RawHttp.send("127.0.0.1", "127.0.0.1", port, "POST", "/whip/cam",
                "Content-Type: application/sdp\r\n", "v=0\r\n");
        assertThat(local.status()).isEqualTo(400);
    }

    @Test
    void theEventStreamHandshakeFromANonLoopbackClientIs403() throws Exception {
        RawHttp.Response stranger = RawHttp.send(STRANGER, SERVER, port, "GET", "/api/rtc/events",
                RawHttp.handshakeHeaders(), null);
        assertThat(stranger.status()).isEqualTo(403);
        RawHttp.Response local = RawHttp.send("127.0.0.1", "127.0.0.1", port, "GET", "/api/rtc/events",
                RawHttp.handshakeHeaders(), null);
        assertThat(local.status()).isEqualTo(101);
    }
}
