package io.jrtc.sdp.media;

import static io.jrtc.sdp.media.RtpSdpSamples.CHROMIUM_AUDIO_VIDEO_OFFER;
import static io.jrtc.sdp.media.RtpSdpSamples.media;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jrtc.sdp.SdpParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Answer codecs, header extensions and direction (RFC 8829 §5.3.1) and offer payload types (§5.2.1). */
class CodecNegotiationTest {
    private static final RtcpFeedback.Mechanism NACK = new RtcpFeedback.Mechanism("nack", null);
    private static final RtcpFeedback.Mechanism PLI = new RtcpFeedback.Mechanism("nack", "pli");
    private static final RtcpFeedback.Mechanism TRANSPORT_CC = new RtcpFeedback.Mechanism("transport-cc", null);

    private static RtpCodec h264(String profileLevelId, String packetizationMode) {
        return new RtpCodec(RtpCodec.UNASSIGNED, "video/H264", 90000, 0,
                Map.of("profile-level-id", profileLevelId, "packetization-mode", packetizationMode),
                List.of(NACK, PLI));
    }

    private static final RtpCodec RTX = RtpCodec.of("video/rtx", 90000, 0);

    private static RtpMediaSection chromeVideo() throws SdpParseException {
        return RtpMediaSection.parse(media(CHROMIUM_AUDIO_VIDEO_OFFER, 1));
    }

    @Test
    void h264MatchesOnProfileAndPacketizationModeButNotLevel() throws SdpParseException {
        List<RtpCodec> answer = CodecNegotiation.answerCodecs(List.of(h264("42e034", "0"), RTX),
                chromeVideo().codecs());
        assertThat(answer).extracting(RtpCodec::payloadType).containsExactly(102, 103);
        // without level-asymmetry-allowed on both sides, the lower level holds for both directions
        assertThat(answer.get(0).parameter("profile-level-id")).isEqualTo("42e01f");
        assertThat(answer.get(1).associatedPayloadType()).isEqualTo(102);

        List<RtpCodec> high = CodecNegotiation.answerCodecs(List.of(h264("640028", "1")), chromeVideo().codecs());
        assertThat(high).extracting(RtpCodec::payloadType).containsExactly(104);

        List<RtpCodec> none = CodecNegotiation.answerCodecs(List.of(h264("4d001f", "1")), chromeVideo().codecs());
        assertThat(none).isEmpty();
    }

    /** libwebrtc's profile classes: Constrained Baseline spelled three ways, Main with other flags, High. */
    @ParameterizedTest
    @CsvSource({"42e01f, 4de01f, true", "42e01f, 58c01f, true", "42e01f, 42001f, false", "4d001f, 4d401f, true",
            "640028, 64001f, true", "640c1f, 64001f, false", "6e001f, 6e0028, true", "6e001f, 6e101f, false",
            "f4001f, 640032, false", "zz001f, 42e01f, false", "42e0, 42e01f, false"})
    void h264ProfilesMatchAsLibwebrtcClassesThem(String first, String second, boolean same) {
        assertThat(CodecNegotiation.sameFormat(h264(first, "1"), h264(second, "1"))).isEqualTo(same);
    }

    /** RFC 6184 §8.2.2: with level-asymmetry-allowed on both sides the answer names the answerer's own level. */
    @Test
    void h264AnswersTheOfferedProfileAtTheLocalLevelWhenBothAllowAsymmetry() {
        RtpCodec offeredHigh = h264("640c1f", "1").withPayloadType(100)
                .withParameters(Map.of("profile-level-id", "640c1f", "packetization-mode", "1",
                        "level-asymmetry-allowed", "1"));
        RtpCodec local = h264("640c34", "1").withParameters(Map.of("profile-level-id", "640c34",
                "packetization-mode", "1", "level-asymmetry-allowed", "1"));
        assertThat(CodecNegotiation.answerCodecs(List.of(local), List.of(offeredHigh)).get(0)
                .parameter("profile-level-id")).isEqualTo("640c34");
        RtpCodec offeredWithoutAsymmetry = h264("4d0028", "1").withPayloadType(101);
        RtpCodec localMain = h264("4d401f", "1").withParameters(Map.of("profile-level-id", "4d401f",
                "packetization-mode", "1", "level-asymmetry-allowed", "1"));
        assertThat(CodecNegotiation.answerCodecs(List.of(localMain), List.of(offeredWithoutAsymmetry)).get(0)
                .parameter("profile-level-id")).isEqualTo("4d001f");
    }

    /** H.264 Annex A: which profiles' decoders decode which streams, as a forwarder matches viewers. */
    @ParameterizedTest
    @CsvSource({"640c1f, 640028, false", "f4001f, 640028, true", "64001f, 4d001f, true", "4d001f, 64001f, false",
            "42001f, 42e01f, true", "4d001f, 42e01f, true", "4d001f, 42001f, false", "64001f, 640c1f, true",
            "7a001f, 6e001f, true", "6e001f, 7a001f, false", "640c1f, 42e01f, true", "640c1f, 4d001f, false"})
    void h264ViewersReceiveProfilesTheirDecodersDecode(String viewer, String stream, boolean receives) {
        assertThat(CodecNegotiation.canReceive(h264(viewer, "1"), h264(stream, "1"))).isEqualTo(receives);
        assertThat(CodecNegotiation.canReceive(h264(viewer, "0"), h264(stream, "1"))).isFalse();
    }

    /** H.264 §A.3.1: level 1b (level_idc 11 with constraint_set3 in Baseline) lies between 1 and 1.1. */
    @Test
    void h264Level1bSitsBetweenOneAndOnePointOne() {
        H264ProfileLevelId level1b = H264ProfileLevelId.parse("42f00b");
        assertThat(level1b.isLevel1b()).isTrue();
        assertThat(H264ProfileLevelId.parse("42e00a").levelBelow(level1b)).isTrue();
        assertThat(level1b.levelBelow(H264ProfileLevelId.parse("42e00c"))).isTrue();
        assertThat(level1b.withLevel(0x1f).toValue()).isEqualTo("42e01f");
        assertThat(H264ProfileLevelId.parse("64000b").isLevel1b()).isFalse();
        assertThat(H264ProfileLevelId.parse("640009").isLevel1b()).isTrue();
    }

    @Property(tries = 300)
    void profileLevelIdsRoundTripThroughTheirText(@ForAll @IntRange(min = 1, max = 255) int profileIdc,
            @ForAll @IntRange(max = 255) int profileIop, @ForAll @IntRange(min = 1, max = 255) int levelIdc) {
        H264ProfileLevelId id = new H264ProfileLevelId(profileIdc, profileIop, levelIdc);
        assertThat(H264ProfileLevelId.parse(id.toValue())).isEqualTo(id);
        assertThat(id.sameProfile(id.withLevel(0x34))).isTrue();
    }

    /** RFC 7798 §7.2.2: H.265 matches on profile-id, tier-flag and tx-mode, and answers the lower level-id. */
    @Test
    void h265MatchesOnProfileAndTierAndAnswersTheLowerLevel() {
        RtpCodec local = RtpCodec.of("video/H265", 90000, 0).withParameters(Map.of("level-id", "186",
                "profile-id", "1", "tier-flag", "0", "tx-mode", "SRST"));
        RtpCodec offered = RtpCodec.of("video/H265", 90000, 0).withPayloadType(49)
                .withParameters(Map.of("level-id", "93", "profile-id", "1"));
        assertThat(CodecNegotiation.answerCodecs(List.of(local), List.of(offered)).get(0).parameter("level-id"))
                .isEqualTo("93");
        assertThat(CodecNegotiation.sameFormat(local, offered.withParameters(Map.of("profile-id", "2")))).isFalse();
        assertThat(CodecNegotiation.sameFormat(local, offered.withParameters(Map.of("tier-flag", "1")))).isFalse();
    }

    @Test
    void h264WithoutParametersMeansBaselineModeZero() {
        RtpCodec bare = RtpCodec.of("video/H264", 90000, 0);
        assertThat(CodecNegotiation.sameFormat(bare, h264("42000a", "0"))).isTrue();
        assertThat(CodecNegotiation.sameFormat(bare, h264("42e01f", "0"))).isFalse();
        assertThat(CodecNegotiation.sameFormat(bare, h264("42001f", "1"))).isFalse();
    }

    @Test
    void vp9MatchesOnProfileId() {
        RtpCodec vp9 = RtpCodec.of("video/VP9", 90000, 0);
        RtpCodec vp9Profile2 = vp9.withParameters(Map.of("profile-id", "2"));
        assertThat(CodecNegotiation.sameFormat(vp9, vp9.withParameters(Map.of("profile-id", "0")))).isTrue();
        assertThat(CodecNegotiation.sameFormat(vp9, vp9Profile2)).isFalse();
        assertThat(CodecNegotiation.sameFormat(RtpCodec.of("video/vp8", 90000, 0), RtpCodec.of("video/VP8", 90000, 0)))
                .isTrue();
    }

    @Test
    void rtxIsKeptWithItsCodecAndDroppedWithoutIt() throws SdpParseException {
        RtpCodec vp8 = RtpCodec.of("video/VP8", 90000, 0).withRtcpFeedback(List.of(PLI, NACK, TRANSPORT_CC));
        List<RtpCodec> withRtx = CodecNegotiation.answerCodecs(List.of(vp8, RTX), chromeVideo().codecs());
        assertThat(withRtx).extracting(RtpCodec::payloadType).containsExactly(96, 97);
        assertThat(withRtx.get(0).rtcpFeedback()).as("offerer's order, both sides' mechanisms")
                .containsExactly(TRANSPORT_CC, NACK, PLI);

        List<RtpCodec> noLocalRtx = CodecNegotiation.answerCodecs(List.of(vp8), chromeVideo().codecs());
        assertThat(noLocalRtx).extracting(RtpCodec::payloadType).containsExactly(96);

        List<RtpCodec> rtxOnly = CodecNegotiation.answerCodecs(List.of(RTX), chromeVideo().codecs());
        assertThat(rtxOnly).isEmpty();
    }

    @Test
    void audioAnswerKeepsOfferOrderAndRedFollowsOpus() throws SdpParseException {
        List<RtpCodec> offered = RtpMediaSection.parse(media(CHROMIUM_AUDIO_VIDEO_OFFER, 0)).codecs();
        RtpCodec opus = new RtpCodec(RtpCodec.UNASSIGNED, "audio/opus", 48000, 2, Map.of("useinbandfec", "1"),
                List.of(TRANSPORT_CC));
        RtpCodec red = RtpCodec.of("audio/red", 48000, 2);
        List<RtpCodec> local = List.of(RtpCodec.of("audio/PCMA", 8000, 1), red, opus,
                RtpCodec.of("audio/telephone-event", 8000, 1));
        List<RtpCodec> answer = CodecNegotiation.answerCodecs(local, offered);
        assertThat(answer).extracting(RtpCodec::payloadType).containsExactly(111, 63, 8, 126);
        assertThat(answer.get(0).parameters()).containsExactly(Map.entry("useinbandfec", "1"));
        assertThat(answer.get(0).rtcpFeedback()).containsExactly(TRANSPORT_CC);
        assertThat(answer.get(1).parameters()).containsOnlyKeys("111/111");

        List<RtpCodec> withoutOpus = CodecNegotiation.answerCodecs(List.of(red, RtpCodec.of("audio/PCMU", 8000, 1)),
                offered);
        assertThat(withoutOpus).extracting(RtpCodec::mimeType).containsExactly("audio/PCMU");
    }

    @Test
    void headerExtensionsKeepOfferedIdsOfSupportedUris() throws SdpParseException {
        List<ExtMap> offered = new ArrayList<>(chromeVideo().headerExtensions());
        offered.add(new ExtMap(4096, Direction.SENDONLY, "urn:example:late", null));
        List<ExtMap> answer = CodecNegotiation.answerHeaderExtensions(Set.of("urn:ietf:params:rtp-hdrext:sdes:mid",
                "urn:ietf:params:rtp-hdrext:toffset", "urn:example:late"), offered);
        assertThat(answer).containsExactly(new ExtMap(14, "urn:ietf:params:rtp-hdrext:toffset"),
                new ExtMap(4, "urn:ietf:params:rtp-hdrext:sdes:mid"),
                new ExtMap(1, Direction.RECVONLY, "urn:example:late", null));
    }

    /** RFC 8829 §5.3.1 with RFC 3264 §6.1: the answer direction from the offered one and this side's wish. */
    @ParameterizedTest(name = "offer {0}, local {1} -> {2}")
    @CsvSource({
        "SENDRECV, SENDRECV, SENDRECV", "SENDRECV, SENDONLY, SENDONLY", "SENDRECV, RECVONLY, RECVONLY",
        "SENDRECV, INACTIVE, INACTIVE",
        "SENDONLY, SENDRECV, RECVONLY", "SENDONLY, SENDONLY, INACTIVE", "SENDONLY, RECVONLY, RECVONLY",
        "SENDONLY, INACTIVE, INACTIVE",
        "RECVONLY, SENDRECV, SENDONLY", "RECVONLY, SENDONLY, SENDONLY", "RECVONLY, RECVONLY, INACTIVE",
        "RECVONLY, INACTIVE, INACTIVE",
        "INACTIVE, SENDRECV, INACTIVE", "INACTIVE, SENDONLY, INACTIVE", "INACTIVE, RECVONLY, INACTIVE",
        "INACTIVE, INACTIVE, INACTIVE"})
    void answerDirectionTable(Direction offered, Direction local, Direction answer) {
        assertThat(CodecNegotiation.answerDirection(offered, local)).isEqualTo(answer);
    }

    @Test
    void offerPayloadTypesAvoidCollisionsAndFollowRtx() {
        RtpCodec vp8 = RtpCodec.of("video/VP8", 90000, 0);
        RtpCodec vp9 = RtpCodec.of("video/VP9", 90000, 0);
        RtpCodec rtxForVp9 = new RtpCodec(97, "video/rtx", 90000, 0, Map.of("apt", "96"), List.of());
        List<RtpCodec> assigned = CodecNegotiation.assignPayloadTypes(
                List.of(vp8.withPayloadType(96), vp9.withPayloadType(96), rtxForVp9, h264("42e01f", "1")),
                Set.of(97));
        assertThat(assigned).extracting(RtpCodec::payloadType).containsExactly(96, 98, 99, 100);
        assertThat(assigned.get(2).associatedPayloadType()).as("apt follows the first codec preferring 96")
                .isEqualTo(96);

        List<RtpCodec> audio = CodecNegotiation.assignPayloadTypes(List.of(RtpCodec.of("audio/opus", 48000, 2),
                RtpCodec.of("audio/PCMU", 8000, 1), RtpCodec.of("audio/pcma", 8000, 1)), Set.of());
        assertThat(audio).extracting(RtpCodec::payloadType).containsExactly(96, 0, 8);

        List<RtpCodec> withRtx = CodecNegotiation.withRtx(List.of(vp8.withPayloadType(96),
                vp9.withPayloadType(98)), Set.of(97));
        assertThat(withRtx).extracting(RtpCodec::payloadType).containsExactly(96, 99, 98, 100);
        assertThat(withRtx.get(1).associatedPayloadType()).isEqualTo(96);
        assertThat(withRtx.get(3).associatedPayloadType()).isEqualTo(98);
    }

    @Test
    void offerPayloadTypesFallBackBelowTheDynamicRangeThenRunOut() {
        List<RtpCodec> many = IntStream.range(0, 40).mapToObj(i -> RtpCodec.of("video/X" + i, 90000, 0)).toList();
        List<RtpCodec> assigned = CodecNegotiation.assignPayloadTypes(many, Set.of());
        assertThat(assigned.get(31).payloadType()).isEqualTo(127);
        assertThat(assigned.get(32).payloadType()).isEqualTo(35);
        List<RtpCodec> tooMany = IntStream.range(0, 70).mapToObj(i -> RtpCodec.of("video/X" + i, 90000, 0))
                .toList();
        assertThatThrownBy(() -> CodecNegotiation.assignPayloadTypes(tooMany, Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
        RtpCodec orphanRtx = new RtpCodec(97, "video/rtx", 90000, 0, Map.of("apt", "50"), List.of());
        assertThatThrownBy(() -> CodecNegotiation.assignPayloadTypes(List.of(orphanRtx), Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void answeringChromiumVideoProducesASectionChromeCanRead() throws SdpParseException {
        RtpMediaSection offer = chromeVideo();
        RtpCodec vp8 = RtpCodec.of("video/VP8", 90000, 0).withRtcpFeedback(List.of(NACK, PLI, TRANSPORT_CC));
        List<RtpCodec> codecs = CodecNegotiation.answerCodecs(List.of(vp8, h264("42e01f", "1"), RTX),
                offer.codecs());
        List<ExtMap> extensions = CodecNegotiation.answerHeaderExtensions(
                Set.of("urn:ietf:params:rtp-hdrext:sdes:mid"), offer.headerExtensions());
        Direction direction = CodecNegotiation.answerDirection(offer.direction(), Direction.RECVONLY);
        RtpMediaSection answer = new RtpMediaSection("video", offer.mid(), direction, codecs, extensions, List.of(),
                List.of(), List.of(), offer.rtcpMux(), offer.rtcpReducedSize(), List.of(), null);

        String text = answer.toMediaDescription().toString();
        assertThat(text).startsWith("m=video 9 UDP/TLS/RTP/SAVPF 96 97\r\n");
        assertThat(text).contains("a=mid:1\r\na=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid\r\na=recvonly\r\n"
                + "a=rtcp-mux\r\na=rtcp-rsize\r\na=rtpmap:96 VP8/90000\r\na=rtcp-fb:96 transport-cc\r\n"
                + "a=rtcp-fb:96 nack\r\na=rtcp-fb:96 nack pli\r\na=rtpmap:97 rtx/90000\r\na=fmtp:97 apt=96\r\n");
        assertThat(RtpMediaSection.parse(answer.toMediaDescription())).isEqualTo(answer);
    }

    @Property(tries = 300)
    void assignedPayloadTypesAreDistinctAndAvoidReserved(
            @ForAll @Size(max = 20) List<@IntRange(min = -1, max = 127) Integer> preferred,
            @ForAll @Size(max = 20) Set<@IntRange(min = 0, max = 127) Integer> reserved) {
        List<RtpCodec> codecs = new ArrayList<>();
        for (int i = 0; i < preferred.size(); i++) {
            codecs.add(RtpCodec.of("video/X" + i, 90000, 0).withPayloadType(preferred.get(i)));
        }
        List<RtpCodec> assigned = CodecNegotiation.assignPayloadTypes(codecs, reserved);
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < assigned.size(); i++) {
            int pt = assigned.get(i).payloadType();
            assertThat(seen.add(pt)).isTrue();
            assertThat(reserved).doesNotContain(pt);
            assertThat(assigned.get(i).mimeType()).isEqualTo(codecs.get(i).mimeType());
        }
    }
}
