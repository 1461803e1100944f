package io.jrtc.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code a=ice-options} (RFC 8839 §5.6) read liberally: spaces per the grammar, commas as some stacks write. */
class IceOptionsTest {
    @ParameterizedTest
    @ValueSource(strings = {"trickle renomination", "trickle,renomination", "trickle, renomination",
            "trickle ,renomination", " trickle\trenomination ", "trickle,,renomination,"})
    void spacesAndCommasBothSeparateOptions(String value) throws Exception {
        String sdp = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=ice-options:" + value + "\r\n"
                + "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\nc=IN IP4 0.0.0.0\r\na=mid:0\r\n";

        SessionDescription parsed = SessionDescription.parse(sdp);

        assertThat(parsed.iceOptions()).containsExactly("trickle", "renomination");
        assertThat(parsed.iceOptions(parsed.media().get(0))).containsExactly("trickle", "renomination");
    }
}
