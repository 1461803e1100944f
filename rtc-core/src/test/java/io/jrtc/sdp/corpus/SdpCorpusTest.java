package io.jrtc.sdp.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import io.jrtc.pc.RTCPeerConnection;
import io.jrtc.pc.RTCConfiguration;
import io.jrtc.pc.RTCSessionDescription;
import io.jrtc.pc.RtcEngine;
import io.jrtc.pc.RtcEngineSettings;
import io.jrtc.sdp.MediaDescription;
import io.jrtc.sdp.SessionDescription;
import io.jrtc.sdp.media.RtpMediaSection;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every description of the corpus (offers and answers of browsers, servers and libraries, see its README) parses,
 * is written back canonically, and, for offers, gets an answer from a real {@link RTCPeerConnection} that parses
 * back: "be liberal in what you accept" (RFC 1122 §1.2.2) with RFC 8866 as what we write.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SdpCorpusTest {
    private static final Pattern FILE_NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)+-(offer|answer)\\.sdp");
    private static RtcEngine engine;

    @BeforeAll
    static void startEngine() {
        engine = RtcEngine.create(RtcEngineSettings.defaults()
                .withBindAddresses(List.of(InetAddress.getLoopbackAddress())));
    }

    @AfterAll
    static void stopEngine() {
        engine.close();
    }

    static List<String> names() {
        return SdpCorpus.names();
    }

    static List<String> offers() {
        return SdpCorpus.offers();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void parsesAndIsWrittenBackCanonically(String name) throws Exception {
        SessionDescription parsed = SessionDescription.parse(SdpCorpus.load(name));

        String written = parsed.toString();
        assertCanonical(written);
        SessionDescription reparsed = SessionDescription.parse(written);
        assertThat(reparsed).isEqualTo(parsed);
        assertThat(reparsed.toString()).isEqualTo(written);
    }

    /** What {@code setRemoteDescription} checks of RTP sections, done here on the model alone: rtpmap, fmtp, ... */
    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void everyRtpSectionHasWellFormedRtpAttributes(String name) throws Exception {
        SessionDescription parsed = SessionDescription.parse(SdpCorpus.load(name));

        for (MediaDescription m : parsed.media()) {
            if (m.protocol().contains("RTP/")) {
                RtpMediaSection rtp = RtpMediaSection.parse(m);
                assertThat(rtp.codecs()).as("%s mid %s", name, m.mid()).isNotEmpty();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("offers")
    void jrtcAnswersEveryOfferWithADescriptionThatParses(String name) throws Exception {
        String offerText = SdpCorpus.load(name);
        SessionDescription offer = SessionDescription.parse(offerText);
        RTCPeerConnection pc = engine.newPeerConnection(new RTCConfiguration());
        try {
            pc.setRemoteDescription(new RTCSessionDescription(offerText, "offer")).get(20, TimeUnit.SECONDS);
            RTCSessionDescription answer = pc.createAnswer().get(20, TimeUnit.SECONDS);

            SessionDescription parsed = SessionDescription.parse(answer.sdp());
            assertCanonical(answer.sdp());
            assertThat(parsed.toString()).isEqualTo(answer.sdp());
            assertThat(parsed.media()).hasSameSizeAs(offer.media());
            for (int i = 0; i < offer.media().size(); i++) {
                assertThat(parsed.media().get(i).mid()).as("mid of m-line %d", i)
                        .isEqualTo(offer.media().get(i).mid());
                assertThat(parsed.media().get(i).media()).isEqualTo(offer.media().get(i).media());
            }
            assertThat(parsed.media()).as("at least one m-line accepted").anyMatch(m -> m.port() != 0);
        } finally {
            pc.close().get(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void everyFileIsNamedAfterItsStackAndDescribedInTheReadme() throws Exception {
        String readme = java.nio.file.Files.readString(SdpCorpus.directory().resolve("README.md"));

        assertThat(SdpCorpus.names()).hasSizeGreaterThanOrEqualTo(30).allSatisfy(name -> {
            assertThat(name).matches(FILE_NAME);
            assertThat(readme).as("README entry for " + name).contains("`" + name + "`");
        });
    }

    /** Pion 3.1 writes {@code a=rtcp-fb:96 goog-remb } with a trailing space: accepted, written without it. */
    @Test
    void pionTrailingSpacesAreDroppedNotRejected() throws Exception {
        String text = SdpCorpus.load("pion3-media-offer.sdp");
        assertThat(text).contains("a=rtcp-fb:96 goog-remb \r\n");

        String written = SessionDescription.parse(text).toString();

        assertThat(written).contains("a=rtcp-fb:96 goog-remb\r\n").doesNotContain(" \r\n");
    }

    /** CRLF after every line, no blank at either end of a line, no blank line. */
    static void assertCanonical(String written) {
        assertThat(written).endsWith("\r\n");
        for (String line : written.split("\r\n", -1)) {
            assertThat(line).doesNotContain("\n", "\r");
            if (!line.isEmpty()) {
                assertThat(line).doesNotEndWith(" ").doesNotEndWith("\t").doesNotStartWith(" ");
            }
        }
        assertThat(written.substring(0, written.length() - 2)).doesNotContain("\r\n\r\n");
    }
}
