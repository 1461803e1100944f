package io.jrtc.spring.autoconfigure.whip;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IceRestartFragmentsTest {
    private static final String OFFER = """
            v=0\r
            o=- 4611731400430051336 2 IN IP4 127.0.0.1\r
            s=-\r
            t=0 0\r
            a=group:BUNDLE 0 1\r
            m=audio 9 UDP/TLS/RTP/SAVPF 111\r
            c=IN IP4 0.0.0.0\r
            a=ice-ufrag:old1\r
            a=ice-pwd:oldpassword0000000000000\r
            a=mid:0\r
            a=candidate:1 1 udp 2122260223 192.0.2.1 50000 typ host\r
            a=end-of-candidates\r
            m=video 9 UDP/TLS/RTP/SAVPF 96\r
            a=ice-ufrag:old1\r
            a=ice-pwd:oldpassword0000000000000\r
            a=mid:1\r
            a=candidate:1 1 udp 2122260223 192.0.2.1 50000 typ host\r
            """;

    @Test
    void theRestartedOfferHasTheNewCredentialsNoOldCandidatesAndTheNextVersion() {
        String restarted = IceRestartFragments.restartedOffer(OFFER, "new2", "newpassword1111111111111");

        assertThat(restarted).contains("o=- 4611731400430051336 3 IN IP4 127.0.0.1\r\n")
                .doesNotContain("old1").doesNotContain("oldpassword").doesNotContain("a=candidate")
                .doesNotContain("a=end-of-candidates").contains("a=mid:1\r\n");
        assertThat(restarted.split("a=ice-ufrag:new2\r\n", -1)).hasSize(3);
        assertThat(restarted.split("a=ice-pwd:newpassword1111111111111\r\n", -1)).hasSize(3);
    }

    @Test
    void theAnswerFragmentCarriesTheCredentialsAndTheFirstSectionsCandidates() {
        String fragment = IceRestartFragments.answerFragment(OFFER);

        assertThat(fragment).isEqualTo("""
                a=ice-ufrag:old1\r
                a=ice-pwd:oldpassword0000000000000\r
                m=audio 9 UDP/TLS/RTP/SAVPF 111\r
                a=mid:0\r
                a=candidate:1 1 udp 2122260223 192.0.2.1 50000 typ host\r
                a=end-of-candidates\r
                """);
        TrickleIceFragment parsed = TrickleIceFragment.parse(fragment);
        assertThat(parsed.iceUfrag()).isEqualTo("old1");
        assertThat(parsed.candidates()).hasSize(1);
        assertThat(parsed.candidates().get(0).getSdpMid()).isEqualTo("0");
        assertThat(parsed.endOfCandidates()).isTrue();
    }
}
