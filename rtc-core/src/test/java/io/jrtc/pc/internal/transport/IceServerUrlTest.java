package io.jrtc.pc.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** RFC 7064 / RFC 7065 URLs and the TURN client transport each one means. */
class IceServerUrlTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "null", value = {
        "turn:turn.example.org, turn.example.org, 3478, udp",
        "turn:turn.example.org?transport=udp, turn.example.org, 3478, udp",
        "turn:192.0.2.1:3479?transport=tcp, 192.0.2.1, 3479, tcp",
        "turns:turn.example.org, turn.example.org, 5349, tls",
        "turns:[2001:db8::1]:443?transport=tcp, 2001:db8::1, 443, tls",
        "turns:turn.example.org?transport=udp, turn.example.org, 5349, dtls",
        "stun:stun.example.org, stun.example.org, 3478, null"})
    void parsesHostPortAndTheTurnTransport(String url, String host, int port, String turnTransport) {
        IceServerUrl parsed = IceServerUrl.parse(url);

        assertThat(parsed.host()).isEqualTo(host);
        assertThat(parsed.port()).isEqualTo(port);
        assertThat(parsed.turnTransport()).isEqualTo(turnTransport);
    }

    @Test
    void rejectsAnUnknownTransport() {
        assertThatThrownBy(() -> IceServerUrl.parse("turn:example.org?transport=sctp"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("transport");
    }
}
