package io.jrtc.sdp.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jrtc.sdp.SdpParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each typed media attribute parsed from the values real offers carry, and written back unchanged. */
class MediaAttributesTest {

    @Test
    void rtpmapWithAndWithoutChannels() throws SdpParseException {
        assertThat(RtpMap.parse("111 opus/48000/2")).isEqualTo(new RtpMap(111, "opus", 48000, 2));
        assertThat(RtpMap.parse("0 PCMU/8000")).isEqualTo(new RtpMap(0, "PCMU", 8000, 0));
        assertThat(RtpMap.parse("96 VP8/90000").toValue()).isEqualTo("96 VP8/90000");
        assertThat(RtpMap.parse("111 opus/48000/2").toValue()).isEqualTo("111 opus/48000/2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "111", "128 opus/48000", "111 opus", "111 opus/0", "111 opus/48000/2/1",
        "x opus/48000", "111  opus/48000", "111 op us/48000", "111 opus/48000/x", "111 /48000"})
    void rtpmapRejectsMalformedValues(String value) {
        assertThatThrownBy(() -> RtpMap.parse(value)).isInstanceOf(SdpParseException.class);
    }

    @Test
    void fmtpKeepsOrderAndParametersWithoutValue() throws SdpParseException {
        Fmtp opus = Fmtp.parse("111 minptime=10;useinbandfec=1");
        assertThat(opus.payloadType()).isEqualTo(111);
        assertThat(opus.parameters()).containsExactly(Map.entry("minptime", "10"), Map.entry("useinbandfec", "1"));
        assertThat(opus.toValue()).isEqualTo("111 minptime=10;useinbandfec=1");

        Fmtp red = Fmtp.parse("63 111/111");
        assertThat(red.parameters()).containsOnlyKeys("111/111");
        assertThat(red.parameters().get("111/111")).isNull();
        assertThat(red.toValue()).isEqualTo("63 111/111");

        Fmtp h264 = Fmtp.parse("100 level-asymmetry-allowed=1; packetization-mode=1;profile-level-id=42001f");
        assertThat(h264.parameters().keySet())
                .containsExactly("level-asymmetry-allowed", "packetization-mode", "profile-level-id");
        assertThat(h264.toValue())
                .isEqualTo("100 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42001f");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "111", "111 ", " 111 a=1", "300 a=1", "111 ;;", "111 a=1;a=2", "111 =1",
        "111 a b"})
    void fmtpRejectsMalformedValues(String value) {
        assertThatThrownBy(() -> Fmtp.parse(value)).isInstanceOf(SdpParseException.class);
    }

    @Test
    void rtcpFeedbackWithWildcardAndParameter() throws SdpParseException {
        assertThat(RtcpFeedback.parse("96 nack pli")).isEqualTo(new RtcpFeedback(96, "nack", "pli"));
        assertThat(RtcpFeedback.parse("* transport-cc"))
                .isEqualTo(new RtcpFeedback(RtcpFeedback.ANY_PAYLOAD_TYPE, "transport-cc", null));
        RtcpFeedback tmmbr = RtcpFeedback.parse("96 ccm tmmbr smaxpr=120");
        assertThat(tmmbr.parameter()).isEqualTo("tmmbr smaxpr=120");
        assertThat(tmmbr.toValue()).isEqualTo("96 ccm tmmbr smaxpr=120");
        assertThat(RtcpFeedback.parse("* transport-cc").toValue()).isEqualTo("* transport-cc");
        assertThatThrownBy(() -> RtcpFeedback.parse("96")).isInstanceOf(SdpParseException.class);
        assertThatThrownBy(() -> RtcpFeedback.parse("** nack")).isInstanceOf(SdpParseException.class);
    }

    @Test
    void extmapWithDirectionAndAttributes() throws SdpParseException {
        ExtMap plain = ExtMap.parse("4 urn:ietf:params:rtp-hdrext:sdes:mid");
        assertThat(plain).isEqualTo(new ExtMap(4, "urn:ietf:params:rtp-hdrext:sdes:mid"));
        ExtMap full = ExtMap.parse("3/recvonly urn:ietf:params:rtp-hdrext:encrypt urn:x:y extra");
        assertThat(full.direction()).isEqualTo(Direction.RECVONLY);
        assertThat(full.attributes()).isEqualTo("urn:x:y extra");
        assertThat(full.toValue()).isEqualTo("3/recvonly urn:ietf:params:rtp-hdrext:encrypt urn:x:y extra");
        for (String bad : List.of("0 urn:x", "15 urn:x", "256 urn:x", "4352 urn:x", "1/sideways urn:x", "1",
                "1  urn:x")) {
            assertThatThrownBy(() -> ExtMap.parse(bad)).as(bad).isInstanceOf(SdpParseException.class);
        }
        assertThat(ExtMap.parse("4096 urn:x").id()).isEqualTo(4096);
    }

    @Test
    void ssrcAttributeKeepsTheValueAfterTheFirstColon() throws SdpParseException {
        SsrcAttribute msid = SsrcAttribute.parse("2001 msid:stream1 track-video");
        assertThat(msid).isEqualTo(new SsrcAttribute(2001, "msid", "stream1 track-video"));
        assertThat(msid.toValue()).isEqualTo("2001 msid:stream1 track-video");
        assertThat(SsrcAttribute.parse("4294967295 x-flag").value()).isNull();
        assertThatThrownBy(() -> SsrcAttribute.parse("4294967296 cname:a")).isInstanceOf(SdpParseException.class);
        assertThatThrownBy(() -> SsrcAttribute.parse("-1 cname:a")).isInstanceOf(SdpParseException.class);
    }

    @Test
    void ssrcGroupFid() throws SdpParseException {
        SsrcGroup fid = SsrcGroup.parse("FID 2001 2002");
        assertThat(fid).isEqualTo(new SsrcGroup(SsrcGroup.FLOW_ID, List.of(2001L, 2002L)));
        assertThat(fid.toValue()).isEqualTo("FID 2001 2002");
        assertThatThrownBy(() -> SsrcGroup.parse("FID")).isInstanceOf(SdpParseException.class);
        assertThatThrownBy(() -> SsrcGroup.parse("FID 1 x")).isInstanceOf(SdpParseException.class);
    }

    @Test
    void msidWithAndWithoutTrack() throws SdpParseException {
        assertThat(Msid.parse("stream1 track-audio")).isEqualTo(new Msid("stream1", "track-audio"));
        assertThat(Msid.parse("- 9e1b5d7f")).isEqualTo(new Msid("-", "9e1b5d7f"));
        assertThat(Msid.parse("stream1").toValue()).isEqualTo("stream1");
        assertThatThrownBy(() -> Msid.parse("a b c")).isInstanceOf(SdpParseException.class);
        assertThatThrownBy(() -> Msid.parse("x".repeat(65))).isInstanceOf(SdpParseException.class);
    }

    @Test
    void directionReversesForTheAnswer() throws SdpParseException {
        assertThat(Direction.SENDONLY.reverse()).isEqualTo(Direction.RECVONLY);
        assertThat(Direction.RECVONLY.reverse()).isEqualTo(Direction.SENDONLY);
        assertThat(Direction.SENDRECV.reverse()).isEqualTo(Direction.SENDRECV);
        assertThat(Direction.INACTIVE.reverse()).isEqualTo(Direction.INACTIVE);
        assertThat(Direction.parse("recvonly")).isEqualTo(Direction.RECVONLY);
        assertThatThrownBy(() -> Direction.parse("both")).isInstanceOf(SdpParseException.class);
    }

    @Test
    void ridAndSimulcastAreKept() throws SdpParseException {
        Rid rid = Rid.parse("hi send pt=96;max-width=1280");
        assertThat(rid).isEqualTo(new Rid("hi", true, "pt=96;max-width=1280"));
        assertThat(rid.toValue()).isEqualTo("hi send pt=96;max-width=1280");
        assertThat(Rid.parse("lo recv").send()).isFalse();
        assertThatThrownBy(() -> Rid.parse("lo both")).isInstanceOf(SdpParseException.class);

        Simulcast simulcast = Simulcast.parse("send hi;mid,~mid2;lo recv r0");
        assertThat(simulcast.send()).containsExactly(List.of("hi"), List.of("mid", "~mid2"), List.of("lo"));
        assertThat(simulcast.receive()).containsExactly(List.of("r0"));
        assertThat(simulcast.toValue()).isEqualTo("send hi;mid,~mid2;lo recv r0");
        assertThat(Simulcast.parse("recv a send b").toValue()).isEqualTo("send b recv a");
        for (String bad : List.of("send", "send a recv", "send a send b", "send a;;b", "up a")) {
            assertThatThrownBy(() -> Simulcast.parse(bad)).as(bad).isInstanceOf(SdpParseException.class);
        }
    }

    @Test
    void fmtpConstructorRejectsParametersThatWouldNotParseBack() {
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("a=b", null);
        assertThatThrownBy(() -> new Fmtp(96, bad)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Fmtp(96, Map.of("a", "1;b=2"))).isInstanceOf(IllegalArgumentException.class);
    }
}
