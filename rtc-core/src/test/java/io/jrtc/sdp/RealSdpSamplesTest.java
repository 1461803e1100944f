package io.jrtc.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class RealSdpSamplesTest {
    static final List<String> SAMPLES = SdpSamples.ALL;

    @ParameterizedTest
    @FieldSource("SAMPLES")
    void writesRealDescriptionsBackByteForByte(String name) throws Exception {
        String text = SdpSamples.load(name);

        assertThat(SessionDescription.parse(text).toString()).isEqualTo(text);
    }

    @ParameterizedTest
    @FieldSource("SAMPLES")
    void acceptsLfLineEndingsAndTrailingEmptyLines(String name) throws Exception {
        String text = SdpSamples.load(name);

        SessionDescription lf = SessionDescription.parse(text.replace("\r\n", "\n") + "\n\n");

        assertThat(lf).isEqualTo(SessionDescription.parse(text));
        assertThat(lf.toString()).isEqualTo(text);
    }

    @Test
    void chromiumDataChannelOffer() throws Exception {
        SessionDescription sdp = SessionDescription.parse(SdpSamples.load(SdpSamples.CHROMIUM_OFFER));

        assertThat(sdp.origin()).isEqualTo(new Origin("-", "8869713563368542008", 2, "IN", "IP4", "127.0.0.1"));
        assertThat(sdp.sessionName()).isEqualTo("-");
        assertThat(sdp.timing()).isEqualTo("0 0");
        assertThat(sdp.bundleGroups()).containsExactly(List.of("0"));
        assertThat(sdp.hasAttribute("extmap-allow-mixed")).isTrue();
        assertThat(sdp.attribute("extmap-allow-mixed")).isNull();
        assertThat(sdp.attribute("msid-semantic")).isEqualTo(" WMS");
        assertThat(sdp.iceLite()).isFalse();
        assertThat(sdp.media()).hasSize(1);

        MediaDescription m = sdp.media().get(0);
        assertThat(m.media()).isEqualTo("application");
        assertThat(m.port()).isEqualTo(9);
        assertThat(m.protocol()).isEqualTo("UDP/DTLS/SCTP");
        assertThat(m.formats()).containsExactly("webrtc-datachannel");
        assertThat(m.connection()).isEqualTo("IN IP4 0.0.0.0");
        assertThat(m.mid()).isEqualTo("0");
        assertThat(m.iceUfrag()).isEqualTo("LQ/g");
        assertThat(m.icePwd()).isEqualTo("N/nfqktGxusGA7R9YvW5htJj");
        assertThat(m.iceOptions()).containsExactly("trickle");
        assertThat(m.setup()).isEqualTo("actpass");
        assertThat(m.fingerprints()).containsExactly(new Fingerprint("sha-256",
                "D7:09:73:F8:3C:93:D9:97:20:8D:02:DB:3F:E2:C2:66:44:B0:27:AC:E1:BB:A2:34:14:0D:8B:57:19:F6:D5:3F"));
        assertThat(m.sctpPort()).isEqualTo(5000);
        assertThat(m.maxMessageSize()).isEqualTo(262144L);
        assertThat(m.candidates()).containsExactly(
                "558004597 1 udp 2113937151 23d97ebd-99c0-46fb-96f1-9e444e2cb6c1.local 40082 typ host generation 0"
                        + " network-cost 999",
                "1055576177 1 udp 2113942271 ad938abb-7e5f-479c-959f-7a74b4cd861e.local 47484 typ host"
                        + " generation 0 network-cost 999");
        assertThat(m.endOfCandidates()).isFalse();
        assertThat(m.direction()).isNull();
        assertThat(m.rtcpMux()).isFalse();
    }

    @Test
    void chromiumAnswerTakesTheActiveRole() throws Exception {
        SessionDescription sdp = SessionDescription.parse(SdpSamples.load(SdpSamples.CHROMIUM_ANSWER));

        assertThat(sdp.setup(sdp.media().get(0))).isEqualTo("active");
    }

    @Test
    void aiortcOfferUsesTheLegacySctpmapForm() throws Exception {
        SessionDescription sdp = SessionDescription.parse(SdpSamples.load(SdpSamples.AIORTC_OFFER));

        MediaDescription m = sdp.media().get(0);
        assertThat(sdp.origin().sessionVersion()).isEqualTo(4004565084L);
        assertThat(sdp.attribute("msid-semantic")).isEqualTo("WMS *");
        assertThat(m.port()).isEqualTo(59718);
        assertThat(m.protocol()).isEqualTo("DTLS/SCTP");
        assertThat(m.formats()).containsExactly("5000");
        assertThat(m.connection()).isEqualTo("IN IP4 192.0.2.2");
        assertThat(m.attribute("sctpmap")).isEqualTo("5000 webrtc-datachannel 65535");
        assertThat(m.sctpPort()).isEqualTo(5000);
        assertThat(m.maxMessageSize()).isEqualTo(65536L);
        assertThat(m.candidates()).containsExactly(
                "f957a2332b1715da3b0ef8ba684454eb 1 udp 2130706431 192.0.2.2 59718 typ host",
                "d0bcf3d9c29a2bc887618212a1623bfa 1 udp 2130706431 fd00::2 42342 typ host");
        assertThat(m.endOfCandidates()).isTrue();
        assertThat(m.setup()).isEqualTo("actpass");
        assertThat(m.iceOptions()).isEmpty();
    }

    @Test
    void aiortcAnswerUsesSctpPort() throws Exception {
        SessionDescription sdp = SessionDescription.parse(SdpSamples.load(SdpSamples.AIORTC_ANSWER));

        MediaDescription m = sdp.media().get(0);
        assertThat(m.protocol()).isEqualTo("UDP/DTLS/SCTP");
        assertThat(m.formats()).containsExactly("webrtc-datachannel");
        assertThat(m.sctpPort()).isEqualTo(5000);
        assertThat(m.hasAttribute("sctpmap")).isFalse();
        assertThat(m.setup()).isEqualTo("active");
        assertThat(m.endOfCandidates()).isTrue();
        assertThat(sdp.fingerprints(m)).singleElement()
                .satisfies(f -> assertThat(f.algorithm()).isEqualTo("sha-256"));
    }
}
