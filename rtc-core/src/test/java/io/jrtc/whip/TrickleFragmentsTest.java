package io.jrtc.whip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jrtc.pc.RTCIceCandidate;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** RFC 8840 fragments as RFC 9725 section 4.3 exchanges them. */
class TrickleFragmentsTest {
    private static final String OFFER = String.join("\r\n",
            "v=0", "o=- 1 2 IN IP4 127.0.0.1", "s=-", "t=0 0", "a=group:BUNDLE 0 1",
            "m=audio 9 UDP/TLS/RTP/SAVPF 111 0", "c=IN IP4 0.0.0.0", "a=mid:0",
            "a=ice-ufrag:EsAw", "a=ice-pwd:bP+XJMM09aR8AiX1jdukzR6Y",
            "a=candidate:1 1 udp 2130706431 198.18.0.1 50000 typ host",
            "m=video 9 UDP/TLS/RTP/SAVPF 96", "a=mid:1", "a=ice-ufrag:EsAw", "a=ice-pwd:bP+XJMM09aR8AiX1jdukzR6Y",
            "") ;

    @Test
    void aCandidateFragmentCarriesCredentialsTheFirstSectionAndEndOfCandidates() {
        String fragment = TrickleFragments.candidates(OFFER,
                List.of(new RTCIceCandidate("candidate:2 1 udp 1694498815 203.0.113.7 40000 typ srflx raddr "
                        + "198.18.0.1 rport 50000", "0", 0)), true);
        assertThat(fragment.split("\r\n")).containsExactly(
                "a=group:BUNDLE 0 1", "a=ice-ufrag:EsAw", "a=ice-pwd:bP+XJMM09aR8AiX1jdukzR6Y",
                "m=audio 9 UDP/TLS/RTP/SAVPF 111", "a=mid:0",
                "a=candidate:2 1 udp 1694498815 203.0.113.7 40000 typ srflx raddr 198.18.0.1 rport 50000",
                "a=end-of-candidates");
    }

    @Test
    void theRestartedAnswerTakesTheNewCredentialsAndDropsTheOldCandidates() {
        TrickleFragments.ServerFragment server = TrickleFragments.parseServer(String.join("\r\n",
                "a=ice-ufrag:newU", "a=ice-pwd:newPasswordNewPassword12", "m=audio 9 UDP/TLS/RTP/SAVPF 111",
                "a=mid:0", "a=candidate:9 1 udp 2130706431 198.18.0.1 50002 typ host", "a=end-of-candidates"));
        assertThat(server.candidates()).extracting(RTCIceCandidate::getSdpMid).containsExactly("0");
        String answer = TrickleFragments.restartedAnswer(OFFER, server);
        assertThat(answer).doesNotContain("EsAw").doesNotContain("a=candidate:")
                .contains("a=ice-ufrag:newU\r\n").contains("a=mid:1\r\n");
    }

    @Test
    void aRestartAnswerWithoutCredentialsIsRefused() {
        assertThatThrownBy(() -> TrickleFragments.parseServer("a=candidate:1 1 udp 1 1.2.3.4 5 typ host"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void anyServerBodyParsesOrIsRefusedCleanly(@ForAll String body) {
        try {
            assertThat(TrickleFragments.parseServer(body).ufrag()).isNotNull();
        } catch (IllegalArgumentException refused) {
            assertThat(refused).hasMessageContaining("ice-ufrag");
        }
    }
}
