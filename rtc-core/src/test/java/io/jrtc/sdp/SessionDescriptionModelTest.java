package io.jrtc.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SessionDescriptionModelTest {
    private static final Fingerprint FP = new Fingerprint("sha-256", "AB:CD:EF");

    private static MediaDescription dataSection() {
        return new MediaDescription("application", 9, "UDP/DTLS/SCTP", List.of("webrtc-datachannel"));
    }

    @Test
    void buildsAJsepDataChannelOffer() throws Exception {
        SessionDescription offer = SessionDescription.create(4611731400430051336L);
        offer.addBundleGroup(List.of("0"));
        offer.addAttribute("msid-semantic", " WMS");
        MediaDescription m = dataSection();
        m.setConnection("IN IP4 0.0.0.0");
        m.setIceCredentials("abcd", "0123456789abcdefghijklmn");
        m.setIceOptions(List.of("trickle"));
        m.addFingerprint(Fingerprint.of("sha-256", new byte[] {(byte) 0xAB, 0x01, (byte) 0xFF}));
        m.setSetup("actpass");
        m.setMid("0");
        m.setSctpPort(5000);
        m.setMaxMessageSize(262144);
        m.addCandidate("1 1 udp 2113937151 host.local 40082 typ host");
        m.setEndOfCandidates(true);
        offer.addMedia(m);

        assertThat(offer.toString()).isEqualTo(String.join("\r\n",
                "v=0", "o=- 4611731400430051336 1 IN IP4 127.0.0.1", "s=-", "t=0 0", "a=group:BUNDLE 0",
                "a=msid-semantic: WMS", "m=application 9 UDP/DTLS/SCTP webrtc-datachannel", "c=IN IP4 0.0.0.0",
                "a=ice-ufrag:abcd", "a=ice-pwd:0123456789abcdefghijklmn", "a=ice-options:trickle",
                "a=fingerprint:sha-256 AB:01:FF", "a=setup:actpass", "a=mid:0", "a=sctp-port:5000",
                "a=max-message-size:262144", "a=candidate:1 1 udp 2113937151 host.local 40082 typ host",
                "a=end-of-candidates", ""));
        assertThat(SessionDescription.parse(offer.toString())).isEqualTo(offer);
    }

    @Test
    void setAttributeReplacesInPlace() {
        MediaDescription m = dataSection();
        m.addAttribute("mid", "0");
        m.addAttribute("setup", "actpass");
        m.addAttribute("mid", "1");

        m.setMid("data");

        assertThat(m.attributes()).extracting(SdpAttribute::toString).containsExactly("mid:data", "setup:actpass");
        m.setEndOfCandidates(true);
        m.setEndOfCandidates(true);
        assertThat(m.attributes()).extracting(SdpAttribute::toString).containsExactly("mid:data", "setup:actpass",
                "end-of-candidates");
        m.setEndOfCandidates(false);
        assertThat(m.endOfCandidates()).isFalse();
    }

    @Test
    void attributeHelpers() {
        MediaDescription m = dataSection();
        m.addAttribute("candidate", "a");
        m.addAttribute("rtcp-mux", null);
        m.addAttribute("candidate", "b");

        assertThat(m.attribute("candidate")).isEqualTo("a");
        assertThat(m.attributeValues("candidate")).containsExactly("a", "b");
        assertThat(m.candidates()).containsExactly("a", "b");
        assertThat(m.hasAttribute("rtcp-mux")).isTrue();
        assertThat(m.rtcpMux()).isTrue();
        assertThat(m.attribute("missing")).isNull();
        m.removeAttributes("candidate");
        assertThat(m.candidates()).isEmpty();
        assertThat(m.attributes()).containsExactly(SdpAttribute.flag("rtcp-mux"));
        assertThatThrownBy(() -> m.attributes().add(SdpAttribute.flag("x")))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void directionIsTheLastDirectionFlag() {
        MediaDescription m = new MediaDescription("audio", 9, "UDP/TLS/RTP/SAVPF", List.of("111"));
        assertThat(m.direction()).isNull();

        m.setDirection("recvonly");
        assertThat(m.direction()).isEqualTo("recvonly");
        m.setDirection("inactive");
        assertThat(m.attributes()).containsExactly(SdpAttribute.flag("inactive"));
        assertThatThrownBy(() -> m.setDirection("up")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void jsepFallsBackToSessionLevelIceAndDtlsAttributes() {
        SessionDescription sdp = SessionDescription.create(1);
        sdp.setIceCredentials("sessU", "sessionpasswordsessionpw");
        sdp.addFingerprint(FP);
        sdp.setSetup("passive");
        sdp.setIceOptions(List.of("trickle", "ice2"));
        MediaDescription bare = dataSection();
        MediaDescription own = dataSection();
        own.setIceCredentials("medU", "mediapasswordmediapasswd");
        own.addFingerprint(new Fingerprint("SHA-1", "01:02"));
        own.setSetup("active");
        own.setIceOptions(List.of("trickle"));

        assertThat(sdp.iceUfrag(bare)).isEqualTo("sessU");
        assertThat(sdp.icePwd(bare)).isEqualTo("sessionpasswordsessionpw");
        assertThat(sdp.fingerprints(bare)).containsExactly(FP);
        assertThat(sdp.setup(bare)).isEqualTo("passive");
        assertThat(sdp.iceOptions(bare)).containsExactly("trickle", "ice2");
        assertThat(sdp.iceUfrag(own)).isEqualTo("medU");
        assertThat(sdp.icePwd(own)).isEqualTo("mediapasswordmediapasswd");
        assertThat(sdp.fingerprints(own)).containsExactly(new Fingerprint("sha-1", "01:02"));
        assertThat(sdp.setup(own)).isEqualTo("active");
        assertThat(sdp.iceOptions(own)).containsExactly("trickle");
    }

    @Test
    void bundleGroupsAndIceLite() throws Exception {
        SessionDescription sdp = SessionDescription.parse("v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\n"
                + "a=ice-lite\r\na=group:LS 0 1\r\na=group:BUNDLE 0 1\r\na=group:BUNDLE 2\r\n");

        assertThat(sdp.iceLite()).isTrue();
        assertThat(sdp.bundleGroups()).containsExactly(List.of("0", "1"), List.of("2"));
        assertThat(SessionDescription.create(2).bundleGroups()).isEmpty();
        assertThat(SessionDescription.create(2).iceLite()).isFalse();
    }

    @Test
    void mediaByMidAndRemoval() {
        SessionDescription sdp = SessionDescription.create(7);
        MediaDescription a = dataSection();
        a.setMid("a");
        MediaDescription b = dataSection();
        b.setMid("b");
        sdp.addMedia(a);
        sdp.addMedia(b);

        assertThat(sdp.mediaByMid("b")).isSameAs(b);
        assertThat(sdp.mediaByMid("c")).isNull();
        assertThat(sdp.removeMedia(a)).isTrue();
        assertThat(sdp.media()).containsExactly(b);
    }

    @Test
    void copyIsDeep() {
        SessionDescription sdp = SessionDescription.create(3);
        MediaDescription m = dataSection();
        m.setMid("0");
        sdp.addMedia(m);

        SessionDescription copy = sdp.copy();
        copy.media().get(0).setMid("1");
        copy.setOrigin(copy.origin().withSessionVersion(2));

        assertThat(sdp.media().get(0).mid()).isEqualTo("0");
        assertThat(sdp.origin().sessionVersion()).isEqualTo(1);
        assertThat(copy).isNotEqualTo(sdp);
        assertThat(sdp.copy()).isEqualTo(sdp).hasSameHashCodeAs(sdp);
    }

    @Test
    void rejectsValuesThatWouldBreakTheText() {
        SessionDescription sdp = SessionDescription.create(1);
        MediaDescription m = dataSection();

        assertThatThrownBy(() -> sdp.setSessionName("x\r\na=injected")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> m.addAttribute("x", "a\nb")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> m.addAttribute("bad name", "v")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> m.addAttribute("sctp-port", "many")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> m.addAttribute("fingerprint", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> m.setSetup("both")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> m.setPort(70000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> m.setFormats(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> m.setConnection("IN IP4")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> m.addBandwidth("AS:x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sdp.setTiming("now")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sdp.setTimeDescriptions(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SessionDescription.create(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Origin("a b", "1", 1, "IN", "IP4", "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fingerprintsCompareCaseInsensitively() {
        Fingerprint parsed = Fingerprint.parse("SHA-256 ab:cd:ef");

        assertThat(parsed.algorithm()).isEqualTo("sha-256");
        assertThat(parsed.value()).isEqualTo("ab:cd:ef");
        assertThat(parsed.matches(FP)).isTrue();
        assertThat(parsed.matches(new Fingerprint("sha-1", "AB:CD:EF"))).isFalse();
        assertThat(parsed.matches(new Fingerprint("sha-256", "AB:CD:EE"))).isFalse();
        assertThat(parsed.matches(null)).isFalse();
        assertThat(FP.toString()).isEqualTo("sha-256 AB:CD:EF");
        assertThat(Fingerprint.of("sha-1", new byte[] {0x0F, (byte) 0xA0})).isEqualTo(new Fingerprint("sha-1",
                "0F:A0"));
        assertThatThrownBy(() -> Fingerprint.parse("sha-256")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fingerprint.parse("sha-256 ABC")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fingerprint.parse("sha-256 AB:")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void attributeToString() {
        assertThat(SdpAttribute.flag("rtcp-mux").toString()).isEqualTo("rtcp-mux");
        assertThat(new SdpAttribute("mid", "0").toString()).isEqualTo("mid:0");
        assertThat(new SdpAttribute("empty", "").toString()).isEqualTo("empty:");
    }
}
