package io.jrtc.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SdpParserErrorsTest {
    private static final String HEAD = "v=0\no=- 1 2 IN IP4 127.0.0.1\ns=-\nt=0 0\n";
    private static final String DATA_M = "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\n";

    private static SdpParseException failure(String sdp) {
        try {
            SessionDescription.parse(sdp);
        } catch (SdpParseException e) {
            return e;
        }
        throw new AssertionError("parsed without error: " + sdp);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            first line not v=0          | v=1\\no=- 1 2 IN IP4 a\\ns=-\\nt=0 0                   | 1 | v=0
            o= missing                  | v=0\\ns=-\\nt=0 0                                    | 2 | o= line
            o= too few fields           | v=0\\no=- 1 2 IN IP4\\ns=-\\nt=0 0                    | 2 | 6 fields
            o= version not a number     | v=0\\no=- 1 x IN IP4 a\\ns=-\\nt=0 0                  | 2 | version
            o= session id not digits    | v=0\\no=- abc 1 IN IP4 a\\ns=-\\nt=0 0                | 2 | session id
            o= too many fields          | v=0\\no=- 1 2 IN IP4 a b\\ns=-\\nt=0 0                | 2 | 6 fields
            s= missing                  | v=0\\no=- 1 2 IN IP4 a\\nt=0 0                       | 3 | s= line
            line without equals         | v=0\\no=- 1 2 IN IP4 a\\ns=-\\nt=0 0\\nhello            | 5 | <type>=<value>
            upper-case type             | v=0\\no=- 1 2 IN IP4 a\\ns=-\\nt=0 0\\nA=foo            | 5 | lower-case
            two-letter type             | v=0\\no=- 1 2 IN IP4 a\\ns=-\\nt=0 0\\nab=foo           | 5 | <type>=<value>
            line without a type         | v=0\\no=- 1 2 IN IP4 a\\n\\n=x\\ns=-\\nt=0 0              | 4 | <type>=<value>
            duplicate s=                | v=0\\no=- 1 2 IN IP4 a\\ns=-\\ns=x\\nt=0 0              | 4 | duplicate s=
            duplicate session c=        | v=0\\no=- 1 2 IN IP4 a\\ns=-\\nc=IN IP4 a\\nc=IN IP4 b\\nt=0 0 | 5 | duplicate c=
            malformed c=                | v=0\\no=- 1 2 IN IP4 a\\ns=-\\nc=IN IP4\\nt=0 0         | 4 | c=
            malformed b=                | v=0\\no=- 1 2 IN IP4 a\\ns=-\\nb=AS\\nt=0 0             | 4 | b=
            malformed t=                | v=0\\no=- 1 2 IN IP4 a\\ns=-\\nt=0                     | 4 | t=
            r= before t=                | v=0\\no=- 1 2 IN IP4 a\\ns=-\\nr=7d 1h 0\\nt=0 0        | 4 | r=
            m= before t=                | v=0\\no=- 1 2 IN IP4 a\\ns=-\\nm=audio 9 RTP/AVP 0     | 4 | t=
            t= inside media             | v=0\\no=- 1 2 IN IP4 a\\ns=-\\nt=0 0\\nm=audio 9 RTP/AVP 0\\nt=0 0 | 6 | not allowed
            m= without formats          | v=0\\no=- 1 2 IN IP4 a\\ns=-\\nt=0 0\\nm=audio 9 RTP/AVP | 5 | <fmt>
            m= port not a number        | v=0\\no=- 1 2 IN IP4 a\\ns=-\\nt=0 0\\nm=audio x RTP/AVP 0 | 5 | port
            m= port too large           | v=0\\no=- 1 2 IN IP4 a\\ns=-\\nt=0 0\\nm=audio 65536 RTP/AVP 0 | 5 | port
            m= bad number of ports      | v=0\\no=- 1 2 IN IP4 a\\ns=-\\nt=0 0\\nm=audio 9/0 RTP/AVP 0 | 5 | number of ports
            m= bad protocol             | v=0\\no=- 1 2 IN IP4 a\\ns=-\\nt=0 0\\nm=audio 9 RTP//AVP 0 | 5 | protocol
            empty attribute name        | v=0\\no=- 1 2 IN IP4 a\\ns=-\\nt=0 0\\na=                | 5 | attribute name
            fingerprint without hash    | v=0\\no=- 1 2 IN IP4 a\\ns=-\\nt=0 0\\na=fingerprint:sha-256 | 5 | hash function
            fingerprint not hex         | v=0\\no=- 1 2 IN IP4 a\\ns=-\\nt=0 0\\na=fingerprint:sha-256 ZZ:01 | 5 | hex
            sctp-port not a number      | v=0\\no=- 1 2 IN IP4 a\\ns=-\\nt=0 0\\nm=application 9 UDP/DTLS/SCTP webrtc-datachannel\\na=sctp-port:50x | 6 | sctp-port
            max-message-size negative   | v=0\\no=- 1 2 IN IP4 a\\ns=-\\nt=0 0\\nm=application 9 UDP/DTLS/SCTP webrtc-datachannel\\na=max-message-size:-1 | 6 | max-message-size
            setup unknown               | v=0\\no=- 1 2 IN IP4 a\\ns=-\\nt=0 0\\na=setup:sideways  | 5 | setup
            mid empty                   | v=0\\no=- 1 2 IN IP4 a\\ns=-\\nt=0 0\\na=mid:            | 5 | mid
            candidate without value     | v=0\\no=- 1 2 IN IP4 a\\ns=-\\nt=0 0\\na=candidate       | 5 | candidate
            stray carriage return       | v=0\\no=- 1 2 IN IP4 a\\ns=-\\nt=0 0\\na=x\\ry           | 5 | CR
            """)
    void rejectsWithTheLineNumber(String description, String escapedSdp, int lineNumber, String reasonFragment) {
        String sdp = escapedSdp.replace("\\n", "\n").replace("\\r", "\r");

        SdpParseException e = failure(sdp);

        assertThat(e.lineNumber()).as(description).isEqualTo(lineNumber);
        assertThat(e.getMessage()).as(description).contains(reasonFragment)
                .startsWith("SDP line " + lineNumber + " (" + e.line() + "): ");
    }

    @Test
    void missingTimingIsNotTiedToALine() {
        SdpParseException e = failure("v=0\no=- 1 2 IN IP4 a\ns=-\na=foo\n");

        assertThat(e.lineNumber()).isZero();
        assertThat(e.line()).isEmpty();
        assertThat(e.getMessage()).isEqualTo("SDP: missing t= line");
    }

    @Test
    void emptyInputIsRejected() {
        assertThat(failure("").getMessage()).isEqualTo("SDP: empty description");
        assertThat(failure("\r\n\r\n").getMessage()).isEqualTo("SDP: empty description");
    }

    @Test
    void longLinesAreAbbreviatedInTheMessageButKeptWhole() {
        String fingerprint = "a=fingerprint:sha-256 AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:GG";

        SdpParseException e = failure(HEAD + DATA_M + fingerprint + "\n");

        assertThat(e.lineNumber()).isEqualTo(6);
        assertThat(e.line()).isEqualTo(fingerprint);
        assertThat(e.getMessage()).startsWith("SDP line 6 (a=fingerprint:sha-256 AB:CD:EF:01:23:45:...): ");
    }

    @Test
    void ignoresUnknownSingleLetterLineTypes() throws Exception {
        SessionDescription sdp = SessionDescription.parse(HEAD + "x=whatever\n" + DATA_M + "y=also ignored\n");

        assertThat(sdp.toString()).isEqualTo((HEAD + DATA_M).replace("\n", "\r\n"));
    }

    @Test
    void keepsUnknownAttributesVerbatimButForTrailingBlanks() throws Exception {
        String sdp = (HEAD + "a=x-custom: spaced  value :with:colons\n" + DATA_M + "a=flag-only\na=empty:\n")
                .replace("\n", "\r\n");

        SessionDescription parsed = SessionDescription.parse(sdp.replace("colons\r\n", "colons \t\r\n"));

        assertThat(parsed.attribute("x-custom")).isEqualTo(" spaced  value :with:colons");
        MediaDescription m = parsed.media().get(0);
        assertThat(m.attributes()).containsExactly(SdpAttribute.flag("flag-only"), new SdpAttribute("empty", ""));
        assertThat(parsed.toString()).isEqualTo(sdp);
    }

    @Test
    void acceptsEveryOptionalSessionLineAndWritesThemInRfcOrder() throws Exception {
        String ordered = String.join("\r\n", "v=0", "o=jdoe 3724394400 3724394405 IN IP4 198.51.100.1",
                "s=Call to John Smith", "i=SDP Offer #1", "u=http://www.jdoe.example.com/home.html",
                "e=Jane Doe <jane@jdoe.example.com>", "p=+1 617 555-6011", "c=IN IP4 198.51.100.1", "b=AS:64",
                "t=0 0", "t=3724394400 3724398000", "r=604800 3600 0 90000", "z=2882844526 -1h", "k=prompt",
                "a=recvonly", "m=audio 49170 RTP/AVP 0", "i=voice", "c=IN IP4 198.51.100.2",
                "c=IN IP4 198.51.100.3", "b=AS:32", "k=clear:secret", "a=sendrecv", "m=video 51372/2 RTP/AVP 99",
                "a=rtpmap:99 h263-1998/90000", "") ;
        String shuffled = String.join("\n", "v=0", "o=jdoe 3724394400 3724394405 IN IP4 198.51.100.1",
                "s=Call to John Smith", "a=recvonly", "k=prompt", "t=0 0", "z=2882844526 -1h", "b=AS:64",
                "t=3724394400 3724398000", "r=604800 3600 0 90000", "c=IN IP4 198.51.100.1", "p=+1 617 555-6011",
                "e=Jane Doe <jane@jdoe.example.com>", "u=http://www.jdoe.example.com/home.html", "i=SDP Offer #1",
                "m=audio 49170 RTP/AVP 0", "a=sendrecv", "k=clear:secret", "b=AS:32", "c=IN IP4 198.51.100.2",
                "i=voice", "c=IN IP4 198.51.100.3", "m=video 51372/2 RTP/AVP 99", "a=rtpmap:99 h263-1998/90000");

        SessionDescription sdp = SessionDescription.parse(shuffled);

        assertThat(sdp.toString()).isEqualTo(ordered);
        assertThat(sdp.timeDescriptions()).containsExactly(TimeDescription.of("0 0"),
                new TimeDescription("3724394400 3724398000", java.util.List.of("604800 3600 0 90000")));
        assertThat(sdp.media().get(1).numberOfPorts()).isEqualTo(2);
        assertThat(sdp.media().get(0).connections()).hasSize(2);
        assertThat(sdp.media().get(0).direction()).isEqualTo("sendrecv");
    }
}
