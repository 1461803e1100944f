package io.jrtc.sdp.media;

import static io.jrtc.sdp.media.RtpSdpSamples.AIORTC_AUDIO_VIDEO_OFFER;
import static io.jrtc.sdp.media.RtpSdpSamples.CHROMIUM_AUDIO_VIDEO_OFFER;
import static io.jrtc.sdp.media.RtpSdpSamples.media;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jrtc.sdp.MediaDescription;
import io.jrtc.sdp.SdpParseException;
import io.jrtc.sdp.SessionDescription;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The typed view of the audio and video sections of Chromium- and aiortc-shaped offers, and its writer. */
class RtpMediaSectionTest {
    private static final RtcpFeedback.Mechanism TRANSPORT_CC = new RtcpFeedback.Mechanism("transport-cc", null);

    @Test
    void chromiumAudioSection() throws SdpParseException {
        RtpMediaSection audio = RtpMediaSection.parse(media(CHROMIUM_AUDIO_VIDEO_OFFER, 0));
        assertThat(audio.kind()).isEqualTo("audio");
        assertThat(audio.mid()).isEqualTo("0");
        assertThat(audio.direction()).isEqualTo(Direction.SENDRECV);
        assertThat(audio.codecs()).extracting(RtpCodec::payloadType).containsExactly(111, 63, 9, 0, 8, 13, 110, 126);
        assertThat(audio.codecs()).extracting(RtpCodec::mimeType).containsExactly("audio/opus", "audio/red",
                "audio/G722", "audio/PCMU", "audio/PCMA", "audio/CN", "audio/telephone-event",
                "audio/telephone-event");
        RtpCodec opus = audio.codec(111);
        assertThat(opus.clockRate()).isEqualTo(48000);
        assertThat(opus.channels()).isEqualTo(2);
        assertThat(opus.parameters()).containsExactly(Map.entry("minptime", "10"), Map.entry("useinbandfec", "1"));
        assertThat(opus.rtcpFeedback()).containsExactly(TRANSPORT_CC);
        assertThat(audio.codec(0).channels()).isEqualTo(1);
        assertThat(audio.codec(63).parameters()).containsOnlyKeys("111/111");
        assertThat(audio.headerExtensions()).extracting(ExtMap::id).containsExactly(1, 2, 3, 4);
        assertThat(audio.headerExtensions().get(3).uri()).isEqualTo("urn:ietf:params:rtp-hdrext:sdes:mid");
        assertThat(audio.msids()).containsExactly(new Msid("stream1", "track-audio"));
        assertThat(audio.sources()).containsExactly(
                new RtpSource(1001, "ZqR3vC9XbXq2n1Ys", new Msid("stream1", "track-audio")));
        assertThat(audio.rtcpMux()).isTrue();
        assertThat(audio.rtcpReducedSize()).isTrue();
        assertThat(audio.simulcast()).isNull();
    }

    @Test
    void chromiumVideoSection() throws SdpParseException {
        RtpMediaSection video = RtpMediaSection.parse(media(CHROMIUM_AUDIO_VIDEO_OFFER, 1));
        assertThat(video.kind()).isEqualTo("video");
        assertThat(video.codecs()).hasSize(10);
        RtpCodec vp8 = video.codec(96);
        assertThat(vp8.mimeType()).isEqualTo("video/VP8");
        assertThat(vp8.channels()).isZero();
        assertThat(vp8.rtcpFeedback()).extracting(RtcpFeedback.Mechanism::toString)
                .containsExactly("goog-remb", "transport-cc", "ccm fir", "nack", "nack pli");
        RtpCodec rtx = video.codec(97);
        assertThat(rtx.isRtx()).isTrue();
        assertThat(rtx.associatedPayloadType()).isEqualTo(96);
        assertThat(video.codec(98).parameter("profile-id")).isEqualTo("0");
        assertThat(video.codec(102).parameter("packetization-mode")).isEqualTo("0");
        assertThat(video.codec(104).parameter("PROFILE-LEVEL-ID")).isEqualTo("640032");
        assertThat(video.ssrcGroups()).containsExactly(new SsrcGroup("FID", List.of(2001L, 2002L)));
        assertThat(video.rtxSsrc(2001)).isEqualTo(2002);
        assertThat(video.rtxSsrc(2002)).isEqualTo(-1);
        assertThat(video.sources()).extracting(RtpSource::ssrc).containsExactly(2001L, 2002L);
        assertThat(video.headerExtensions()).extracting(ExtMap::id).containsExactly(14, 2, 13, 3, 5, 4, 10, 11);
    }

    @Test
    void aiortcSections() throws SdpParseException {
        RtpMediaSection audio = RtpMediaSection.parse(media(AIORTC_AUDIO_VIDEO_OFFER, 0));
        assertThat(audio.codecs()).extracting(RtpCodec::mimeType)
                .containsExactly("audio/opus", "audio/PCMU", "audio/PCMA");
        assertThat(audio.rtcpReducedSize()).isFalse();
        assertThat(audio.sources()).singleElement().satisfies(s -> {
            assertThat(s.ssrc()).isEqualTo(3047010830L);
            assertThat(s.msid()).isNull();
        });
        RtpMediaSection video = RtpMediaSection.parse(media(AIORTC_AUDIO_VIDEO_OFFER, 1));
        assertThat(video.codecs()).extracting(RtpCodec::payloadType).containsExactly(97, 98, 99, 100, 101, 102);
        assertThat(video.codec(102).associatedPayloadType()).isEqualTo(101);
        assertThat(video.rtxSsrc(1868409547L)).isEqualTo(2946118370L);
    }

    @Test
    void everySampleSectionSurvivesWriteAndParse() throws SdpParseException {
        for (String sdp : List.of(CHROMIUM_AUDIO_VIDEO_OFFER, AIORTC_AUDIO_VIDEO_OFFER)) {
            for (MediaDescription m : SessionDescription.parse(sdp).media()) {
                RtpMediaSection typed = RtpMediaSection.parse(m);
                MediaDescription rewritten = m.copy();
                typed.writeTo(rewritten);
                assertThat(RtpMediaSection.parse(rewritten)).isEqualTo(typed);
                assertThat(rewritten.fingerprints()).isEqualTo(m.fingerprints());
                assertThat(rewritten.iceUfrag()).isEqualTo(m.iceUfrag());
                assertThat(rewritten.attribute("rtcp")).isEqualTo("9 IN IP4 0.0.0.0");

                MediaDescription fresh = typed.toMediaDescription();
                String text = "v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\n" + fresh;
                assertThat(RtpMediaSection.parse(SessionDescription.parse(text).media().get(0))).isEqualTo(typed);
            }
        }
    }

    @Test
    void writerPutsLinesInChromeOrder() throws SdpParseException {
        RtpMediaSection audio = RtpMediaSection.parse(media(CHROMIUM_AUDIO_VIDEO_OFFER, 0));
        String text = audio.toMediaDescription().toString();
        assertThat(text).startsWith("m=audio 9 UDP/TLS/RTP/SAVPF 111 63 9 0 8 13 110 126\r\nc=IN IP4 0.0.0.0\r\n"
                + "a=mid:0\r\na=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level\r\n");
        assertThat(text).contains("a=sendrecv\r\na=msid:stream1 track-audio\r\na=rtcp-mux\r\na=rtcp-rsize\r\n"
                + "a=rtpmap:111 opus/48000/2\r\na=rtcp-fb:111 transport-cc\r\n"
                + "a=fmtp:111 minptime=10;useinbandfec=1\r\n");
        assertThat(text).endsWith("a=ssrc:1001 cname:ZqR3vC9XbXq2n1Ys\r\na=ssrc:1001 msid:stream1 track-audio\r\n");
    }

    @Test
    void staticPayloadTypesNeedNoRtpmapAndWildcardFeedbackAppliesToAll() throws SdpParseException {
        MediaDescription m = new MediaDescription("audio", 9, "RTP/AVP", List.of("0", "8", "9"));
        m.addAttribute("rtcp-fb", "* nack");
        m.addAttribute("recvonly", null);
        RtpMediaSection section = RtpMediaSection.parse(m);
        assertThat(section.codecs()).extracting(RtpCodec::mimeType)
                .containsExactly("audio/PCMU", "audio/PCMA", "audio/G722");
        assertThat(section.codecs()).allSatisfy(c -> assertThat(c.rtcpFeedback())
                .containsExactly(new RtcpFeedback.Mechanism("nack", null)));
        assertThat(section.direction()).isEqualTo(Direction.RECVONLY);
        assertThat(section.mid()).isNull();
    }

    @Test
    void otherSsrcAttributesAreKeptInOrder() throws SdpParseException {
        MediaDescription m = new MediaDescription("video", 9, "UDP/TLS/RTP/SAVPF", List.of("34"));
        m.addAttribute("ssrc", "7 mslabel:stream1");
        m.addAttribute("ssrc", "7 x-flag");
        m.addAttribute("ssrc", "7 cname:c1");
        RtpMediaSection section = RtpMediaSection.parse(m);
        RtpSource source = section.sources().get(0);
        assertThat(source.cname()).isEqualTo("c1");
        assertThat(source.otherAttributes().keySet()).containsExactly("mslabel", "x-flag");
        assertThat(source.otherAttributes().get("x-flag")).isNull();
        assertThat(section.codec(34).mimeType()).isEqualTo("video/H263");
        assertThat(section.toMediaDescription().attributeValues("ssrc"))
                .containsExactly("7 cname:c1", "7 mslabel:stream1", "7 x-flag");
    }

    @Test
    void rejectsSectionsThatCannotBeTyped() {
        MediaDescription unmapped = new MediaDescription("video", 9, "UDP/TLS/RTP/SAVPF", List.of("96"));
        assertThatThrownBy(() -> RtpMediaSection.parse(unmapped)).isInstanceOf(SdpParseException.class);
        MediaDescription twice = new MediaDescription("audio", 9, "UDP/TLS/RTP/SAVPF", List.of("0", "0"));
        assertThatThrownBy(() -> RtpMediaSection.parse(twice)).isInstanceOf(SdpParseException.class);
        MediaDescription words = new MediaDescription("audio", 9, "UDP/TLS/RTP/SAVPF", List.of("opus"));
        assertThatThrownBy(() -> RtpMediaSection.parse(words)).isInstanceOf(SdpParseException.class);
        MediaDescription videoPcmu = new MediaDescription("video", 9, "UDP/TLS/RTP/SAVPF", List.of("0"));
        assertThatThrownBy(() -> RtpMediaSection.parse(videoPcmu)).isInstanceOf(SdpParseException.class);
        MediaDescription data = new MediaDescription("application", 9, "UDP/DTLS/SCTP",
                List.of("webrtc-datachannel"));
        assertThatThrownBy(() -> RtpMediaSection.parse(data)).isInstanceOf(SdpParseException.class);
        MediaDescription badMsid = new MediaDescription("audio", 9, "UDP/TLS/RTP/SAVPF", List.of("0"));
        badMsid.addAttribute("ssrc", "1 msid:a b c");
        assertThatThrownBy(() -> RtpMediaSection.parse(badMsid)).isInstanceOf(SdpParseException.class);
        MediaDescription flagRtpmap = new MediaDescription("audio", 9, "UDP/TLS/RTP/SAVPF", List.of("0"));
        flagRtpmap.addAttribute("rtpmap", null);
        assertThatThrownBy(() -> RtpMediaSection.parse(flagRtpmap)).isInstanceOf(SdpParseException.class);
    }
}
