package io.jrtc.spring.autoconfigure.whip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.jrtc.pc.RTCIceCandidate;

import org.junit.jupiter.api.Test;

class TrickleIceFragmentTest {

    @Test
    void readsCredentialsCandidatesPerSectionAndTheEndMarker() {
        TrickleIceFragment fragment = TrickleIceFragment.parse("""
                a=ice-ufrag:EsAw\r
                a=ice-pwd:P2uYro0UCOQ4zxjKXaWCBui1\r
                m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r
                a=mid:0\r
                a=candidate:1387637174 1 udp 2122260223 192.0.2.1 61764 typ host generation 0\r
                a=candidate:2 1 udp 1686052607 198.51.100.7 3478 typ srflx raddr 192.0.2.1 rport 61764\r
                a=end-of-candidates\r
                """);

        assertThat(fragment.iceUfrag()).isEqualTo("EsAw");
        assertThat(fragment.icePwd()).isEqualTo("P2uYro0UCOQ4zxjKXaWCBui1");
        assertThat(fragment.endOfCandidates()).isTrue();
        assertThat(fragment.candidates()).hasSize(2);
        RTCIceCandidate first = fragment.candidates().get(0);
        assertThat(first.getCandidate()).startsWith("candidate:1387637174 1 udp");
        assertThat(first.getSdpMid()).isEqualTo("0");
        assertThat(first.getSdpMLineIndex()).isZero();
        assertThat(first.getUsernameFragment()).isEqualTo("EsAw");
    }

    @Test
    void anEmptyFragmentHasNothing() {
        TrickleIceFragment fragment = TrickleIceFragment.parse("\r\n");

        assertThat(fragment.candidates()).isEmpty();
        assertThat(fragment.endOfCandidates()).isFalse();
    }

    @Test
    void refusesLinesThatAreNotPartOfAFragment() {
        assertThatIllegalArgumentException().isThrownBy(() -> TrickleIceFragment.parse("a=mid:0\r\nhello\r\n"))
                .withMessageContaining("line 2");
    }
}
