package io.jrtc.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jrtc.sdp.media.RtcpFeedback;
import io.jrtc.sdp.media.RtpMediaSection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What real stacks write that RFC 8866's grammar does not allow, accepted as browsers accept it, and written back
 * canonically (CRLF, single spaces, no trailing blanks); and the RFC 8839 §5.4 bounds of ICE credentials.
 */
class LiberalParsingTest {
    private static final String HEAD = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n";
    private static final String ICE = "a=ice-ufrag:abcd\r\na=ice-pwd:0123456789abcdefghijkl\r\n";
    private static final String VIDEO = "m=video 9 UDP/TLS/RTP/SAVPF 96\r\nc=IN IP4 0.0.0.0\r\na=mid:0\r\n"
            + "a=rtcp-mux\r\na=rtpmap:96 VP8/90000\r\na=rtcp-fb:96 goog-remb\r\na=rtcp-fb:96 nack pli\r\n";

    /** Pion 3.1 ends rtcp-fb lines without a parameter with a space: "a=rtcp-fb:96 goog-remb ". */
    @Test
    void aTrailingSpaceAfterAnRtcpFeedbackTypeIsDropped() throws Exception {
        String pion = HEAD + VIDEO.replace("goog-remb", "goog-remb ");

        SessionDescription sdp = SessionDescription.parse(pion);

        assertThat(sdp.toString()).isEqualTo(HEAD + VIDEO);
        RtpMediaSection rtp = RtpMediaSection.parse(sdp.media().get(0));
        assertThat(rtp.codec(96).rtcpFeedback()).contains(new RtcpFeedback.Mechanism("goog-remb", null));
    }

    @Test
    void lfCrlfAndBlankLinesMixFreely() throws Exception {
        String canonical = HEAD + ICE + VIDEO;
        String mixed = "\n" + canonical.replace("s=-\r\n", "s=-\n\n").replace("a=mid:0\r\n", "a=mid:0\n \t\r\n")
                .replace("m=video", "\r\nm=video") + "\n\n";

        assertThat(SessionDescription.parse(mixed).toString()).isEqualTo(canonical);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            blanks before and after lines     | '  a=mid:0 \t'              | a=mid:0
            blank around the attribute name   | 'a=mid :0'                  | a=mid:0
            blank after the colon             | 'a=mid: 0'                  | a=mid:0
            upper-case attribute name         | 'a=MID:0'                   | a=mid:0
            mixed-case flag                   | 'a=RTCP-Mux'                | a=rtcp-mux
            runs of blanks in a field value   | 'a=rtcp-fb:96   nack\t pli' | a=rtcp-fb:96 nack pli
            trailing tab on an unknown one    | 'a=x-unknown:Value\t'       | a=x-unknown:Value
            unknown attribute keeps its case  | 'a=X-Google-Flag:conference'| a=X-Google-Flag:conference
            """)
    void attributeLinesTakeTheirCanonicalForm(String description, String line, String canonical) throws Exception {
        SessionDescription sdp = SessionDescription.parse(HEAD + "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\n"
                + line + "\r\n");

        assertThat(sdp.media().get(0).toString()).as(description).endsWith("\r\n" + canonical + "\r\n");
    }

    @Test
    void structuredLinesMaySeparateFieldsWithSeveralBlanks() throws Exception {
        String spread = "v=0\r\no=-  1\t2 IN IP4   127.0.0.1\r\ns=-\r\nt=0  0\r\n"
                + "m=application  9 UDP/DTLS/SCTP\twebrtc-datachannel \r\nc=IN  IP4 0.0.0.0\r\n";

        assertThat(SessionDescription.parse(spread).toString()).isEqualTo(HEAD
                + "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\nc=IN IP4 0.0.0.0\r\n");
    }

    /** RFC 8866 §5.3: "s= " names a session without a name; written as JSEP's "-". */
    @Test
    void aBlankSessionNameIsWrittenAsADash() throws Exception {
        SessionDescription sdp = SessionDescription.parse(HEAD.replace("s=-", "s= "));

        assertThat(sdp.sessionName()).isEqualTo("-");
        assertThat(sdp.toString()).isEqualTo(HEAD);
    }

    @Test
    void bundleOnlyDataSectionsIceTcpLinkLocalAndMdnsCandidatesParse() throws Exception {
        String sdp = HEAD + "a=group:BUNDLE 0 1\r\n" + VIDEO + "a=candidate:1 1 TCP 1518280447 192.0.2.7 9 typ host "
                + "tcptype active\r\na=candidate:2 1 tcp 1518214911 192.0.2.7 50000 typ host tcptype passive\r\n"
                + "a=candidate:3 1 UDP 2122252543 fe80::1c2b:3dff:fe4a:5b6c 50001 typ host\r\n"
                + "a=candidate:4 1 udp 2113937151 5d1c4a9e-1b7f-4c1e-9a53-0e6b9e8c2f11.local 50002 typ host\r\n"
                + "m=application 0 UDP/DTLS/SCTP webrtc-datachannel\r\nc=IN IP4 0.0.0.0\r\na=bundle-only\r\n"
                + "a=mid:1\r\na=sctp-port:5000\r\n";

        SessionDescription parsed = SessionDescription.parse(sdp);

        assertThat(parsed.toString()).isEqualTo(sdp);
        assertThat(parsed.media().get(0).candidates()).hasSize(4);
        MediaDescription data = parsed.media().get(1);
        assertThat(data.port()).isZero();
        assertThat(data.hasAttribute("bundle-only")).isTrue();
        assertThat(data.maxMessageSize()).as("absent: the RFC 8841 default applies").isNull();
    }

    /** GStreamer's webrtcbin writes {@code '@'}, outside RFC 8830's token grammar, in its per-SSRC msid. */
    @Test
    void aPerSsrcMsidWithAnAtSignIsTaken() throws Exception {
        String webrtcbin = HEAD + VIDEO + "a=ssrc:1810103882 msid:user1306870984@host-ff250514 webrtctransceiver0\r\n"
                + "a=ssrc:1810103882 cname:user1306870984@host-ff250514\r\n";

        RtpMediaSection rtp = RtpMediaSection.parse(SessionDescription.parse(webrtcbin).media().get(0));

        assertThat(rtp.sources()).singleElement().satisfies(source -> assertThat(source.msid())
                .isEqualTo(new io.jrtc.sdp.media.Msid("user1306870984@host-ff250514", "webrtctransceiver0")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ufrag of 3 characters       | a=ice-ufrag:abc                      | ice-ufrag must be 4 to 256 ice-chars
            ufrag with a dash           | a=ice-ufrag:ab-cd                    | ice-ufrag must be 4 to 256 ice-chars
            pwd of 21 characters        | a=ice-pwd:0123456789abcdefghijk      | ice-pwd must be 22 to 256 ice-chars
            pwd with an underscore      | a=ice-pwd:0123456789abcdefghijk_     | ice-pwd must be 22 to 256 ice-chars
            """)
    void iceCredentialsOutsideTheGrammarAreParseErrorsWithTheirLine(String description, String line, String reason) {
        assertThatThrownBy(() -> SessionDescription.parse(HEAD + line + "\r\n"))
                .as(description).isInstanceOfSatisfying(SdpParseException.class, e -> {
                    assertThat(e.lineNumber()).isEqualTo(5);
                    assertThat(e.getMessage()).contains(reason, "RFC 8839 section 5.4");
                });
    }

    @Test
    void iceCredentialsOf257CharactersAreRejectedAnd256Accepted() throws Exception {
        String ufrag256 = "u".repeat(256);
        String pwd256 = "p/+9".repeat(64);
        SessionDescription sdp = SessionDescription.parse(HEAD + "a=ice-ufrag:" + ufrag256 + "\r\na=ice-pwd:" + pwd256
                + "\r\n");
        assertThat(sdp.iceUfrag()).hasSize(256);
        assertThat(sdp.icePwd()).hasSize(256);

        assertThatThrownBy(() -> SessionDescription.parse(HEAD + "a=ice-ufrag:" + ufrag256 + "u\r\n"))
                .isInstanceOf(SdpParseException.class).hasMessageContaining("found 257 characters");
        assertThatThrownBy(() -> SessionDescription.parse(HEAD + "a=ice-pwd:" + pwd256 + "p\r\n"))
                .isInstanceOf(SdpParseException.class).hasMessageContaining("found 257 characters");
        assertThatThrownBy(() -> sdp.setIceCredentials("abc", "0123456789abcdefghijkl"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reallyMalformedInputStillFailsWithItsLineAsSent() {
        String text = HEAD.replace("\r\n", "\n") + "\n\n" + "m=video nine UDP/TLS/RTP/SAVPF 96\n";

        assertThatThrownBy(() -> SessionDescription.parse(text)).isInstanceOfSatisfying(SdpParseException.class,
                e -> assertThat(e.lineNumber()).isEqualTo(7));
    }
}
