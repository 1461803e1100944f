package io.jrtc.pc;

import static io.jrtc.pc.ForeignOffers.offer;
import static io.jrtc.pc.PeerPair.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jrtc.media.BufferedTrack;
import io.jrtc.media.MediaKind;
import io.jrtc.media.ToneAudioTrack;
import io.jrtc.pc.internal.media.SupportedCodecs;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What our offers and answers say about audio and video (RFC 8829 §5.2.1, §5.3.1; W3C webrtc-pc §4.4.1, §5.4),
 * checked on the SDP text and on the transceivers, without connecting: offers of our own, answers to offers in
 * Chrome's and aiortc's shapes, and the API errors browsers give.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class MediaNegotiationTest {
    private final PeerPair pair = new PeerPair();
    private final RTCPeerConnection pc = pair.offerer;

    @AfterEach
    void close() {
        pair.close();
    }

    // ---------------------------------------------------------------- our offers

    @Test
    void anAudioVideoAndDataOfferBundlesEveryMidInMLineOrder() {
        ToneAudioTrack audio = new ToneAudioTrack(440, 8000);
        BufferedTrack video = new BufferedTrack(MediaKind.VIDEO, 4);
        RTCRtpSender audioSender = pc.addTrack(audio);
        RTCRtpSender videoSender = pc.addTrack(video);
        pc.createDataChannel("chat");

        String sdp = await(pc.createOffer()).sdp();
        List<String> sections = sections(sdp);
        assertThat(sections).hasSize(4);
        assertThat(sections.get(0)).contains("a=group:BUNDLE 0 1 2").contains("a=msid-semantic:");
        String a = sections.get(1);
        String v = sections.get(2);
        String d = sections.get(3);
        assertThat(a).startsWith("m=audio 9 UDP/TLS/RTP/SAVPF 111 0 8\r\n").contains("a=mid:0\r\n");
        assertThat(v).startsWith("m=video 9 UDP/TLS/RTP/SAVPF 96 97 98 99 100 101 45 46 102 103 104 105 ")
                .contains("a=mid:1\r\n");
        assertThat(d).startsWith("m=application 9 UDP/DTLS/SCTP webrtc-datachannel").contains("a=mid:2\r\n");
        for (String rtp : List.of(a, v)) {
            assertThat(rtp).contains("a=rtcp-mux\r\n", "a=rtcp-rsize\r\n", "a=sendrecv\r\n", "a=setup:actpass\r\n",
                    "a=extmap:2 " + SupportedCodecs.ABS_SEND_TIME_URI, "a=extmap:3 " + SupportedCodecs.TRANSPORT_CC_URI,
                    "a=extmap:4 " + SupportedCodecs.MID_URI);
        }
        assertThat(a).contains("a=extmap:1 " + SupportedCodecs.AUDIO_LEVEL_URI, "a=rtpmap:111 opus/48000/2",
                "a=fmtp:111 minptime=10;useinbandfec=1", "a=rtcp-fb:111 transport-cc", "a=rtpmap:0 PCMU/8000",
                "a=rtpmap:8 PCMA/8000");
        assertThat(v).doesNotContain(SupportedCodecs.AUDIO_LEVEL_URI).contains("a=rtpmap:96 VP8/90000",
                "a=rtpmap:97 rtx/90000", "a=fmtp:97 apt=96", "a=rtcp-fb:96 nack pli", "a=rtcp-fb:96 ccm fir",
                "a=rtpmap:102 H264/90000", "a=fmtp:102 level-asymmetry-allowed=1;packetization-mode=1;"
                        + "profile-level-id=42e034", "a=fmtp:105 apt=104", "a=rtpmap:98 VP9/90000",
                "a=fmtp:100 profile-id=2", "a=rtpmap:45 AV1/90000", "a=rtpmap:55 H265/90000",
                "a=extmap:8 " + SupportedCodecs.DEPENDENCY_DESCRIPTOR_URI);
        assertSends(a, audioSender, audio.getId());
        assertSends(v, videoSender, video.getId());
        assertThat(d).doesNotContain("a=ssrc", "a=msid", "a=rtcp-mux");
    }

    @Test
    void aTransceiverHasNoMidUntilTheOfferIsAppliedAndRecvonlyOffersCarryNoSsrc() {
        RTCRtpTransceiver t = pc.addTransceiver("video", RTCRtpTransceiverDirection.RECVONLY);
        assertThat(t.getMid()).isNull();
        assertThat(t.getCurrentDirection()).isNull();
        String sdp = await(pc.createOffer()).sdp();
        assertThat(t.getMid()).as("createOffer alone does not associate").isNull();
        assertThat(sdp).contains("a=recvonly").doesNotContain("a=ssrc:").doesNotContain("a=msid:");
        await(pc.setLocalDescription(offer(sdp)));
        assertThat(t.getMid()).isEqualTo("0");
        assertThat(t.getCurrentDirection()).as("no answer yet").isNull();
    }

    @Test
    void rollingBackALocalOfferForgetsTheMidsItGave() {
        RTCRtpTransceiver audio = pc.addTransceiver("audio", RTCRtpTransceiverDirection.SENDRECV);
        await(pc.setLocalDescription());
        assertThat(audio.getMid()).isEqualTo("0");
        await(pc.setLocalDescription(new RTCSessionDescription("", RTCSdpType.ROLLBACK)));
        assertThat(pc.getSignalingState()).isEqualTo(RTCSignalingState.STABLE);
        assertThat(audio.getMid()).isNull();

        RTCRtpTransceiver video = pc.addTransceiver("video", RTCRtpTransceiverDirection.SENDRECV);
        String again = await(pc.createOffer()).sdp();
        List<String> sections = sections(again);
        assertThat(sections).hasSize(3);
        assertThat(sections.get(1)).startsWith("m=audio 9 ").contains("a=mid:0");
        assertThat(sections.get(2)).startsWith("m=video 9 ").contains("a=mid:1");
        assertThat(again).doesNotContain("m=audio 0").doesNotContain("m=video 0");
        await(pc.setLocalDescription(offer(again)));
        assertThat(video.getMid()).isEqualTo("1");
    }

    @Test
    void codecPreferencesReorderAndFilterTheOffer() {
        RTCRtpTransceiver audio = pc.addTransceiver("audio", RTCRtpTransceiverDirection.SENDRECV);
        RTCRtpTransceiver video = pc.addTransceiver("video", RTCRtpTransceiverDirection.SENDRECV);
        List<RTCRtpCodecCapability> audioCaps = RTCRtpSender.getCapabilities("audio").codecs();
        RTCRtpCodecCapability pcma = audioCaps.stream().filter(c -> c.mimeType().equals("audio/PCMA")).findFirst()
                .orElseThrow();
        RTCRtpCodecCapability opus = audioCaps.stream().filter(c -> c.mimeType().equals("audio/opus")).findFirst()
                .orElseThrow();
        audio.setCodecPreferences(List.of(pcma, opus));
        RTCRtpCodecCapability h264 = RTCRtpSender.getCapabilities("video").codecs().stream()
                .filter(c -> c.mimeType().equals("video/H264")).findFirst().orElseThrow();
        video.setCodecPreferences(List.of(h264));

        List<String> sections = sections(await(pc.createOffer()).sdp());
        assertThat(sections.get(1)).startsWith("m=audio 9 UDP/TLS/RTP/SAVPF 8 111\r\n").doesNotContain("PCMU");
        assertThat(sections.get(2)).startsWith("m=video 9 UDP/TLS/RTP/SAVPF 102 103\r\n").doesNotContain("VP8");

        audio.setCodecPreferences(List.of());
        assertThat(sections(await(pc.createOffer()).sdp()).get(1)).startsWith("m=audio 9 UDP/TLS/RTP/SAVPF 111 0 8\r\n");
    }

    @Test
    void anAnswerFollowsTheAnswerersCodecPreferences() {
        String chrome = ForeignOffers.session("0 1") + ForeignOffers.chromeAudio("0", "sendrecv", 1001)
                + ForeignOffers.chromeVideo("1", "sendrecv", 2001);
        await(pc.setRemoteDescription(offer(chrome)));
        List<RTCRtpCodecCapability> audioCaps = RTCRtpSender.getCapabilities("audio").codecs();
        transceiver(pc, "0").setCodecPreferences(List.of(audioCaps.get(2), audioCaps.get(0)));  // PCMA, opus
        RTCRtpCodecCapability h264 = RTCRtpSender.getCapabilities("video").codecs().stream()
                .filter(c -> c.mimeType().equals("video/H264")).findFirst().orElseThrow();
        RTCRtpCodecCapability vp8 = RTCRtpSender.getCapabilities("video").codecs().get(0);
        transceiver(pc, "1").setCodecPreferences(List.of(h264, vp8));
        List<String> sections = sections(await(pc.createAnswer()).sdp());
        assertThat(sections.get(1)).startsWith("m=audio 9 UDP/TLS/RTP/SAVPF 8 111\r\n");
        assertThat(sections.get(2)).startsWith("m=video 9 UDP/TLS/RTP/SAVPF 102 103 96 97\r\n");
    }

    @Test
    void codecPreferencesOutsideTheCapabilitiesAreAnInvalidModificationError() {
        RTCRtpTransceiver audio = pc.addTransceiver("audio", RTCRtpTransceiverDirection.SENDRECV);
        assertThatThrownBy(() -> audio.setCodecPreferences(List.of(new RTCRtpCodecCapability("audio/G722", 8000,
                1, Map.of())))).isInstanceOf(InvalidModificationError.class);
        RTCRtpCodecCapability vp8 = RTCRtpSender.getCapabilities("video").codecs().get(0);
        assertThatThrownBy(() -> audio.setCodecPreferences(List.of(vp8)))
                .as("a video codec on an audio transceiver").isInstanceOf(InvalidModificationError.class);
    }

    @Test
    void apiMisuseGivesTheBrowsersErrors() {
        ToneAudioTrack track = new ToneAudioTrack(440, 8000);
        pc.addTrack(track);
        assertThatThrownBy(() -> pc.addTrack(track)).isInstanceOfSatisfying(InvalidAccessError.class,
                e -> assertThat(e.getReason()).isEqualTo(RTCErrorReason.TRACK_ALREADY_SENT));
        assertThatThrownBy(() -> pc.addTransceiver("text", RTCRtpTransceiverDirection.SENDRECV))
                .isInstanceOf(TypeError.class);
        assertThat(pc.getTransceivers()).hasSize(1);

        RTCRtpTransceiver empty = pc.addTransceiver("video", RTCRtpTransceiverDirection.SENDRECV);
        pc.removeTrack(empty.getSender());
        assertThat(empty.getDirection()).as("W3C: a sender without a track is left alone")
                .isEqualTo(RTCRtpTransceiverDirection.SENDRECV);
        try (PeerPair other = new PeerPair()) {
            RTCRtpSender foreign = other.offerer.addTrack(new ToneAudioTrack(440, 8000));
            assertThatThrownBy(() -> pc.removeTrack(foreign)).isInstanceOfSatisfying(InvalidAccessError.class,
                    e -> assertThat(e.getReason()).isEqualTo(RTCErrorReason.FOREIGN_SENDER));
        }
        pc.close().join();
        assertThatThrownBy(() -> pc.addTrack(new ToneAudioTrack(440, 8000))).isInstanceOfSatisfying(InvalidStateError.class,
                e -> assertThat(e.getReason()).isEqualTo(RTCErrorReason.CLOSED));
    }

    @Test
    void addTrackAfterRemoveTrackOnANegotiatedSenderMakesANewTransceiverAsBrowsersDo() {
        RTCPeerConnection other = pair.answerer;
        RTCRtpSender first = pc.addTrack(new ToneAudioTrack(440, 8000));
        RTCRtpTransceiver spare = pc.addTransceiver("audio", RTCRtpTransceiverDirection.RECVONLY);
        negotiateWithoutMedia(pc, other);
        assertThat(transceiver(pc, "0").getCurrentDirection()).isEqualTo(RTCRtpTransceiverDirection.SENDONLY);
        pc.removeTrack(first);
        RTCRtpSender second = pc.addTrack(new ToneAudioTrack(500, 8000));
        assertThat(second).as("the recvonly transceiver never sent: addTrack takes it")
                .isSameAs(spare.getSender());
        assertThat(spare.getDirection()).isEqualTo(RTCRtpTransceiverDirection.SENDRECV);
        RTCRtpSender third = pc.addTrack(new ToneAudioTrack(600, 8000));
        assertThat(third).as("the first one was used to send: not reused").isNotSameAs(first);
        assertThat(pc.getTransceivers()).hasSize(3);
        negotiateWithoutMedia(pc, other);
        List<String> sections = sections(pc.getLocalDescription().sdp());
        assertThat(sections).hasSize(4);
        assertThat(sections.get(1)).contains("a=mid:0", "a=recvonly");
        assertThat(sections.get(2)).contains("a=mid:1", "a=sendrecv");
        assertThat(sections.get(3)).contains("a=mid:2", "a=sendrecv");
    }

    // ---------------------------------------------------------------- answers to foreign offers

    @Test
    void aSimulcastOfferIsAnsweredWithTheRidsItSendsAsReceived() {
        String chrome = ForeignOffers.session("0") + ForeignOffers.chromeSimulcastVideo("0");
        await(pc.setRemoteDescription(offer(chrome)));
        String answer = await(pc.createAnswer()).sdp();
        String video = sections(answer).get(1);
        assertThat(video).contains("a=recvonly", "a=extmap:10 urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id",
                "a=extmap:11 urn:ietf:params:rtp-hdrext:sdes:repaired-rtp-stream-id", "a=rid:q recv\r\n", "a=rid:h recv\r\n",
                "a=rid:f recv\r\n", "a=simulcast:recv q;h;f\r\n").doesNotContain("a=ssrc:");
        await(pc.setLocalDescription(answer(answer)));
        assertThat(pc.getReceivers().get(0).core().simulcastLayers()).isEqualTo(3);
    }

    @Test
    void aSimulcastOfferWithoutTheRidExtensionIsAnsweredAsOneStream() {
        String chrome = ForeignOffers.session("0") + ForeignOffers.chromeSimulcastVideo("0")
                .replace("a=extmap:10 urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id\r\n", "");
        await(pc.setRemoteDescription(offer(chrome)));
        String answer = await(pc.createAnswer()).sdp();
        assertThat(sections(answer).get(1)).doesNotContain("a=rid:", "a=simulcast:");
    }

    @Test
    void aChromeOfferOfAudioVideoAndDataIsAnsweredMLineForMLine() {
        List<RTCTrackEvent> tracks = new CopyOnWriteArrayList<>();
        pc.onTrack(tracks::add);
        String chrome = ForeignOffers.session("0 1 2") + ForeignOffers.chromeAudio("0", "sendrecv", 1001)
                + ForeignOffers.chromeVideo("1", "sendrecv", 2001) + ForeignOffers.chromeData("2");
        await(pc.setRemoteDescription(offer(chrome)));
        List<RTCRtpTransceiver> ts = pc.getTransceivers();
        assertThat(ts).extracting(RTCRtpTransceiver::getKind).containsExactly("audio", "video");
        assertThat(ts).extracting(RTCRtpTransceiver::getMid).containsExactly("0", "1");
        assertThat(ts).extracting(RTCRtpTransceiver::getDirection)
                .containsOnly(RTCRtpTransceiverDirection.RECVONLY);
        waitFor(() -> tracks.size() == 2);
        assertThat(tracks.get(0).streamIds()).containsExactly("stream1");

        String answer = await(pc.createAnswer()).sdp();
        List<String> sections = sections(answer);
        assertThat(sections).hasSize(4);
        assertThat(sections.get(0)).contains("a=group:BUNDLE 0 1 2");
        String a = sections.get(1);
        String v = sections.get(2);
        assertThat(a).startsWith("m=audio 9 UDP/TLS/RTP/SAVPF 111 0 8\r\n").contains("a=mid:0", "a=recvonly",
                "a=rtcp-mux", "a=setup:active", "a=extmap:1 " + SupportedCodecs.AUDIO_LEVEL_URI,
                "a=extmap:4 " + SupportedCodecs.MID_URI).doesNotContain("G722", "red/", "telephone-event", "a=ssrc:");
        assertThat(v).startsWith("m=video 9 UDP/TLS/RTP/SAVPF 96 97 98 99 102 103 45\r\n").contains("a=mid:1",
                "a=recvonly", "a=fmtp:97 apt=96", "a=fmtp:103 apt=102", "a=rtpmap:98 VP9/90000",
                "a=rtpmap:45 AV1/90000").doesNotContain("urn:3gpp:video-orientation");
        assertThat(sections.get(3)).startsWith("m=application 9 UDP/DTLS/SCTP").contains("a=mid:2");

        await(pc.setLocalDescription(answer(answer)));
        assertThat(ts).extracting(RTCRtpTransceiver::getCurrentDirection)
                .containsOnly(RTCRtpTransceiverDirection.RECVONLY);
    }

    @Test
    void anOfferMLineWithOnlyUnsupportedCodecsIsRejectedInPlaceAndLeftOutOfTheBundle() {
        List<RTCTrackEvent> tracks = new CopyOnWriteArrayList<>();
        pc.onTrack(tracks::add);
        String chrome = ForeignOffers.session("0 1 2 3") + ForeignOffers.chromeAudio("0", "sendrecv", 1001)
                + ForeignOffers.unsupportedVideo("1") + ForeignOffers.g722OnlyAudio("2")
                + ForeignOffers.chromeVideo("3", "sendrecv", 2001);
        await(pc.setRemoteDescription(offer(chrome)));
        String answer = await(pc.createAnswer()).sdp();
        List<String> sections = sections(answer);
        assertThat(sections).hasSize(5);
        assertThat(sections.get(0)).contains("a=group:BUNDLE 0 3\r\n");
        assertThat(sections.get(1)).startsWith("m=audio 9 ");
        assertThat(sections.get(2)).startsWith("m=video 0 UDP/TLS/RTP/SAVPF 45\r\n").contains("a=mid:1")
                .doesNotContain("a=ice-ufrag", "a=ssrc");
        assertThat(sections.get(3)).startsWith("m=audio 0 UDP/TLS/RTP/SAVPF 9\r\n").contains("a=mid:2");
        assertThat(sections.get(4)).startsWith("m=video 9 ").contains("a=mid:3");

        await(pc.setLocalDescription(answer(answer)));
        RTCRtpTransceiver av1 = transceiver(pc, "1");
        RTCRtpTransceiver g722 = transceiver(pc, "2");
        for (RTCRtpTransceiver rejected : new RTCRtpTransceiver[] {av1, g722}) {
            if (rejected != null) {
                assertThat(rejected.isStopped()).as("rejected m-line %s", rejected.getMid()).isTrue();
                assertThat(rejected.getCurrentDirection()).isEqualTo(RTCRtpTransceiverDirection.STOPPED);
            }
        }
        assertThat(transceiver(pc, "0").getCurrentDirection()).isEqualTo(RTCRtpTransceiverDirection.RECVONLY);
        assertThat(transceiver(pc, "3").getCurrentDirection()).isEqualTo(RTCRtpTransceiverDirection.RECVONLY);
    }

    @Test
    void aSendonlyOfferIsAnsweredRecvonlyWithATrackAndAnInactiveOneInactiveWithout() {
        List<RTCTrackEvent> tracks = new CopyOnWriteArrayList<>();
        pc.onTrack(tracks::add);
        String chrome = ForeignOffers.session("0 1") + ForeignOffers.chromeAudio("0", "sendonly", 1001)
                + ForeignOffers.chromeVideo("1", "inactive", 2001);
        await(pc.setRemoteDescription(offer(chrome)));
        pc.addTrack(new ToneAudioTrack(440, 8000));  // we would send, but the offer does not receive
        String answer = await(pc.createAnswer()).sdp();
        List<String> sections = sections(answer);
        assertThat(sections.get(1)).contains("a=recvonly").doesNotContain("a=sendrecv", "a=ssrc:");
        assertThat(sections.get(2)).contains("a=inactive").doesNotContain("a=recvonly");
        await(pc.setLocalDescription(answer(answer)));
        waitFor(() -> tracks.size() == 1);
        assertThat(tracks.get(0).transceiver().getMid()).isEqualTo("0");
        assertThat(tracks.get(0).track().getKind()).isEqualTo(MediaKind.AUDIO);
        assertThat(transceiver(pc, "0").getCurrentDirection()).isEqualTo(RTCRtpTransceiverDirection.RECVONLY);
        assertThat(transceiver(pc, "1").getCurrentDirection()).isEqualTo(RTCRtpTransceiverDirection.INACTIVE);
    }

    @Test
    void anOfferWithoutBundleGetsAnAnswerWithoutBundleThatTakesOnlyTheFirstMLine() {
        String chrome = ForeignOffers.session(null) + ForeignOffers.chromeAudio("0", "sendrecv", 1001)
                + ForeignOffers.chromeVideo("1", "sendrecv", 2001);
        await(pc.setRemoteDescription(offer(chrome)));
        String answer = await(pc.createAnswer()).sdp();
        List<String> sections = sections(answer);
        assertThat(sections.get(0)).doesNotContain("a=group:BUNDLE");
        assertThat(sections.get(1)).startsWith("m=audio 9 ").contains("a=mid:0", "a=ice-ufrag");
        assertThat(sections.get(2)).as("one transport only: max-bundle rejects the rest (RFC 8829 §5.3.1)")
                .startsWith("m=video 0 ");
        await(pc.setLocalDescription(answer(answer)));
        assertThat(transceiver(pc, "0").getCurrentDirection()).isEqualTo(RTCRtpTransceiverDirection.RECVONLY);
    }

    @Test
    void bundleOnlyMLinesOfAMaxBundleOfferAreAccepted() {
        List<RTCTrackEvent> tracks = new CopyOnWriteArrayList<>();
        pc.onTrack(tracks::add);
        String video = ForeignOffers.chromeVideo("1", "sendrecv", 2001).replace("m=video 9 ", "m=video 0 ")
                .replace("a=mid:1\r\n", "a=mid:1\r\na=bundle-only\r\n");
        String data = ForeignOffers.chromeData("2").replace("m=application 9 ", "m=application 0 ")
                .replace("a=mid:2\r\n", "a=mid:2\r\na=bundle-only\r\n");
        String offer = ForeignOffers.session("0 1 2") + ForeignOffers.chromeAudio("0", "sendrecv", 1001) + video
                + data;
        await(pc.setRemoteDescription(offer(offer)));
        assertThat(pc.getTransceivers()).extracting(RTCRtpTransceiver::getMid).containsExactly("0", "1");
        String answer = await(pc.createAnswer()).sdp();
        List<String> sections = sections(answer);
        assertThat(sections.get(0)).contains("a=group:BUNDLE 0 1 2");
        assertThat(sections.get(2)).startsWith("m=video 9 ").contains("a=recvonly").doesNotContain("bundle-only");
        assertThat(sections.get(3)).startsWith("m=application 9 ");
        waitFor(() -> tracks.size() == 2);
        assertThat(pc.getRemoteDescription().sdp()).as("the description stays as given").contains("m=video 0 ");
    }

    @Test
    void aDataChannelOnlyOfferIsAnsweredAsBefore() {
        await(pc.setRemoteDescription(offer(ForeignOffers.session("0") + ForeignOffers.chromeData("0"))));
        String answer = await(pc.createAnswer()).sdp();
        assertThat(answer).contains("a=group:BUNDLE 0", "m=application 9 UDP/DTLS/SCTP webrtc-datachannel",
                "a=mid:0", "a=sctp-port:5000").doesNotContain("m=audio", "m=video");
        await(pc.setLocalDescription(answer(answer)));
        assertThat(pc.getTransceivers()).isEmpty();
        assertThat(pc.getSctp()).isNotNull();
    }

    @Test
    void nonNumericMidsAreKeptAndNewMLinesAvoidThem() {
        String chrome = ForeignOffers.session("audio video data") + ForeignOffers.chromeAudio("audio", "sendrecv",
                1001) + ForeignOffers.chromeVideo("video", "sendrecv", 2001) + ForeignOffers.chromeData("data");
        await(pc.setRemoteDescription(offer(chrome)));
        assertThat(pc.getTransceivers()).extracting(RTCRtpTransceiver::getMid).containsExactly("audio", "video");
        String answer = await(pc.createAnswer()).sdp();
        assertThat(answer).contains("a=group:BUNDLE audio video data", "a=mid:audio", "a=mid:video",
                "a=mid:data");
        await(pc.setLocalDescription(answer(answer)));

        pc.addTransceiver("audio", RTCRtpTransceiverDirection.SENDONLY);
        List<String> reoffer = sections(await(pc.createOffer()).sdp());
        assertThat(reoffer).hasSize(5);
        assertThat(reoffer.get(1)).contains("a=mid:audio");
        assertThat(reoffer.get(2)).contains("a=mid:video");
        assertThat(reoffer.get(3)).contains("a=mid:data");
        assertThat(reoffer.get(4)).startsWith("m=audio 9 ").contains("a=mid:0", "a=sendonly");
        assertThat(reoffer.get(0)).contains("a=group:BUNDLE audio video data 0");
    }

    @Test
    void anAiortcOfferIsAnsweredWithItsPayloadTypes() {
        await(pc.setRemoteDescription(offer(ForeignOffers.aiortcAudioVideo())));
        pc.addTrack(new ToneAudioTrack(440, 8000));
        String answer = await(pc.createAnswer()).sdp();
        List<String> sections = sections(answer);
        assertThat(sections.get(0)).contains("a=group:BUNDLE 0 1");
        assertThat(sections.get(1)).startsWith("m=audio 9 UDP/TLS/RTP/SAVPF 96 0 8\r\n")
                .contains("a=rtpmap:96 opus/48000/2", "a=sendrecv", "a=extmap:1 " + SupportedCodecs.MID_URI,
                        "a=extmap:2 " + SupportedCodecs.AUDIO_LEVEL_URI, "a=ssrc:");
        assertThat(sections.get(2)).startsWith("m=video 9 UDP/TLS/RTP/SAVPF 97 98 99\r\n")
                .contains("a=rtpmap:97 VP8/90000", "a=fmtp:98 apt=97", "a=recvonly")
                // RFC 6184 §8.2.2: both allow level asymmetry, so the answer names the level jrtc receives
                .contains("a=fmtp:99 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=420034");
        await(pc.setLocalDescription(answer(answer)));
        RTCRtpTransceiver audio = transceiver(pc, "0");
        assertThat(audio.getCurrentDirection()).isEqualTo(RTCRtpTransceiverDirection.SENDRECV);
        // W3C: every negotiated codec the sender may use, the preferred first (a relay sends what it has)
        assertThat(audio.getSender().getParameters().codecs()).extracting(RTCRtpCodecParameters::payloadType)
                .containsExactly(96, 0, 8);
    }

    @Test
    void aRemoteOfferTakesATransceiverAddTrackMadeButNotOneAddTransceiverMade() {
        RTCRtpTransceiver added = pc.addTransceiver("video", RTCRtpTransceiverDirection.SENDRECV);
        RTCRtpSender audioSender = pc.addTrack(new ToneAudioTrack(440, 8000));
        String chrome = ForeignOffers.session("0 1") + ForeignOffers.chromeAudio("0", "sendrecv", 1001)
                + ForeignOffers.chromeVideo("1", "sendrecv", 2001);
        await(pc.setRemoteDescription(offer(chrome)));
        assertThat(pc.getTransceivers()).hasSize(3);
        RTCRtpTransceiver audio = transceiver(pc, "0");
        assertThat(audio.getSender()).isSameAs(audioSender);
        assertThat(added.getMid()).as("JSEP §5.10: only addTrack's transceivers are taken").isNull();
        assertThat(transceiver(pc, "1")).isNotSameAs(added);
        List<String> sections = sections(await(pc.createAnswer()).sdp());
        assertThat(sections.get(1)).contains("a=sendrecv", "a=ssrc:");
        assertThat(sections.get(2)).contains("a=recvonly");
    }

    @Test
    void anAnswerRejectingOurMLineStopsTheTransceiverAndDropsIt() {
        RTCRtpTransceiver audio = pc.addTransceiver("audio", RTCRtpTransceiverDirection.SENDRECV);
        RTCRtpTransceiver video = pc.addTransceiver("video", RTCRtpTransceiverDirection.SENDRECV);
        RTCRtpCodecCapability vp8 = RTCRtpSender.getCapabilities("video").codecs().get(0);
        video.setCodecPreferences(List.of(vp8));
        RTCRtpTransceiver h264Only = pair.answerer.addTransceiver("video", RTCRtpTransceiverDirection.SENDRECV);
        RTCRtpCodecCapability h264 = RTCRtpSender.getCapabilities("video").codecs().stream()
                .filter(c -> c.mimeType().equals("video/H264")).findFirst().orElseThrow();
        await(pc.setLocalDescription());
        await(pair.answerer.setRemoteDescription(pc.getLocalDescription()));
        transceiver(pair.answerer, "1").setCodecPreferences(List.of(h264));
        await(pair.answerer.setLocalDescription());
        String answer = pair.answerer.getLocalDescription().sdp();
        assertThat(sections(answer).get(2)).startsWith("m=video 0 ");
        assertThat(sections(answer).get(0)).contains("a=group:BUNDLE 0\r\n");
        await(pc.setRemoteDescription(pair.answerer.getLocalDescription()));
        assertThat(video.isStopped()).isTrue();
        assertThat(video.getCurrentDirection()).isEqualTo(RTCRtpTransceiverDirection.STOPPED);
        assertThat(pc.getTransceivers()).containsExactly(audio);
        assertThat(audio.getCurrentDirection()).as("the answerer has no audio to send")
                .isEqualTo(RTCRtpTransceiverDirection.SENDONLY);
        assertThat(h264Only.getMid()).isNull();

        List<String> next = sections(await(pc.createOffer()).sdp());
        assertThat(next).hasSize(3);
        assertThat(next.get(2)).as("the rejected m-line keeps its place").startsWith("m=video 0 ")
                .contains("a=mid:1");
    }

    @Test
    void aLaterOfferKeepsThePayloadTypesTheFirstExchangeBound() {
        await(pc.setRemoteDescription(offer(ForeignOffers.aiortcAudioVideo())));
        pc.addTrack(new ToneAudioTrack(440, 8000));
        await(pc.setLocalDescription());
        pc.addTransceiver("audio", RTCRtpTransceiverDirection.RECVONLY);

        List<String> sections = sections(await(pc.createOffer()).sdp());
        assertThat(sections).hasSize(4);
        assertThat(sections.get(1)).as("RFC 3264 §8.3.2: opus stays on 96")
                .startsWith("m=audio 9 UDP/TLS/RTP/SAVPF 96 0 8\r\n").contains("a=rtpmap:96 opus/48000/2");
        assertThat(sections.get(2)).startsWith("m=video 9 UDP/TLS/RTP/SAVPF 97 98 ")
                .contains("a=rtpmap:97 VP8/90000", "a=fmtp:98 apt=97", "a=rtpmap:99 H264/90000",
                        "a=fmtp:99 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=420034")
                .doesNotContain("a=rtpmap:96 ");
        assertThat(sections.get(1)).as("extension ids stay too").contains("a=extmap:1 " + SupportedCodecs.MID_URI,
                "a=extmap:2 " + SupportedCodecs.AUDIO_LEVEL_URI, "a=extmap:3 " + SupportedCodecs.ABS_SEND_TIME_URI,
                "a=extmap:4 " + SupportedCodecs.TRANSPORT_CC_URI);
        assertThat(sections.get(2)).contains("a=extmap:1 " + SupportedCodecs.MID_URI,
                "a=extmap:3 " + SupportedCodecs.ABS_SEND_TIME_URI, "a=extmap:4 " + SupportedCodecs.TRANSPORT_CC_URI);
        assertThat(sections.get(3)).as("a new m-line on the bundle binds no number twice either")
                .startsWith("m=audio 9 UDP/TLS/RTP/SAVPF 96 0 8\r\n");
        for (String section : sections.subList(1, 4)) {
            for (String line : section.split("\r\n")) {
                if (line.startsWith("a=rtpmap:")) {
                    String pt = line.substring(9, line.indexOf(' '));
                    String codec = line.substring(line.indexOf(' ') + 1);
                    for (String other : sections.subList(1, 4)) {
                        assertThat(other).satisfiesAnyOf(o -> assertThat(o).doesNotContain("a=rtpmap:" + pt + " "),
                                o -> assertThat(o).contains("a=rtpmap:" + pt + " " + codec + "\r\n"));
                    }
                }
            }
        }
    }

    // ---------------------------------------------------------------- errors in remote descriptions

    @Test
    void anAnswerWithAnotherMLineCountIsAnInvalidAccessError() {
        pc.addTransceiver("audio", RTCRtpTransceiverDirection.SENDRECV);
        pc.addTransceiver("video", RTCRtpTransceiverDirection.SENDRECV);
        await(pc.setLocalDescription());
        String oneLine = ForeignOffers.session("0") + ForeignOffers.chromeAudio("0", "sendrecv", 1001)
                .replace("a=setup:actpass", "a=setup:active");
        assertThatThrownBy(() -> await(pc.setRemoteDescription(new RTCSessionDescription(oneLine,
                RTCSdpType.ANSWER)))).isInstanceOfSatisfying(InvalidAccessError.class,
                e -> assertThat(e.getReason()).isEqualTo(RTCErrorReason.ANSWER_MISMATCHES_OFFER));
        assertThat(pc.getSignalingState()).isEqualTo(RTCSignalingState.HAVE_LOCAL_OFFER);
    }

    @Test
    void aMalformedRtpmapFailsTheRemoteOfferWithTheLineAsChromeDoes() {
        String chrome = ForeignOffers.session("0 1") + ForeignOffers.chromeAudio("0", "sendrecv", 1001)
                + ForeignOffers.chromeVideo("1", "sendrecv", 2001).replace("a=rtpmap:98 VP9/90000",
                "a=rtpmap:98 VP9");
        int line = Arrays.asList(chrome.split("\r\n")).indexOf("a=rtpmap:98 VP9") + 1;
        assertThatThrownBy(() -> await(pc.setRemoteDescription(offer(chrome))))
                .isInstanceOfSatisfying(SdpSyntaxError.class, e -> {
                    assertThat(e.getLineNumber()).isEqualTo(line);
                    assertThat(e.getReason()).isEqualTo(RTCErrorReason.SDP_SYNTAX);
                });
        assertThat(pc.getSignalingState()).isEqualTo(RTCSignalingState.STABLE);
        assertThat(pc.getTransceivers()).isEmpty();
    }

    @Test
    void anAudioMLineWithoutRtcpMuxFailsTheRemoteOfferAsChromesRequirePolicyDoes() {
        String noMux = ForeignOffers.session("0") + ForeignOffers.chromeAudio("0", "sendrecv", 1001)
                .replace("a=rtcp-mux\r\n", "");
        assertThatThrownBy(() -> await(pc.setRemoteDescription(offer(noMux))))
                .isInstanceOfSatisfying(InvalidAccessError.class,
                        e -> assertThat(e.getReason()).isEqualTo(RTCErrorReason.MISSING_RTCP_MUX));
        assertThat(pc.getSignalingState()).isEqualTo(RTCSignalingState.STABLE);
        String rejectedNoMux = ForeignOffers.session("0") + ForeignOffers.chromeData("0")
                + ForeignOffers.g722OnlyAudio("1").replace("m=audio 9", "m=audio 0").replace("a=rtcp-mux\r\n", "");
        await(pc.setRemoteDescription(offer(rejectedNoMux)));
        assertThat(pc.getSignalingState()).isEqualTo(RTCSignalingState.HAVE_REMOTE_OFFER);
    }

    @Test
    void duplicateMidsOrABundleOfUnknownMidsFailTheRemoteOffer() {
        String duplicate = ForeignOffers.session("0") + ForeignOffers.chromeAudio("0", "sendrecv", 1001)
                + ForeignOffers.chromeVideo("0", "sendrecv", 2001);
        assertThatThrownBy(() -> await(pc.setRemoteDescription(offer(duplicate))))
                .isInstanceOfSatisfying(RTCError.class,
                        e -> assertThat(e.getReason()).isEqualTo(RTCErrorReason.INVALID_MID));
        String unknown = ForeignOffers.session("0 7") + ForeignOffers.chromeAudio("0", "sendrecv", 1001);
        assertThatThrownBy(() -> await(pc.setRemoteDescription(offer(unknown))))
                .isInstanceOfSatisfying(RTCError.class,
                        e -> assertThat(e.getReason()).isEqualTo(RTCErrorReason.INVALID_MID));
        assertThat(pc.getSignalingState()).isEqualTo(RTCSignalingState.STABLE);
        assertThat(pc.getTransceivers()).isEmpty();
    }

    @Test
    void setDirectionChangesTheNextOfferAndBothCurrentDirections() {
        RTCPeerConnection other = pair.answerer;
        RTCRtpTransceiver t = pc.addTransceiver(new ToneAudioTrack(440, 8000), RTCRtpTransceiverDirection.SENDRECV);
        other.addTrack(new ToneAudioTrack(500, 8000));
        negotiateWithoutMedia(pc, other);
        assertThat(t.getCurrentDirection()).isEqualTo(RTCRtpTransceiverDirection.SENDRECV);
        t.setDirection(RTCRtpTransceiverDirection.INACTIVE);
        assertThat(t.getCurrentDirection()).as("until negotiated").isEqualTo(RTCRtpTransceiverDirection.SENDRECV);
        negotiateWithoutMedia(pc, other);
        assertThat(sections(pc.getLocalDescription().sdp()).get(1)).contains("a=inactive").doesNotContain("a=ssrc");
        assertThat(t.getCurrentDirection()).isEqualTo(RTCRtpTransceiverDirection.INACTIVE);
        assertThat(transceiver(other, "0").getCurrentDirection()).isEqualTo(RTCRtpTransceiverDirection.INACTIVE);
        t.setDirection(RTCRtpTransceiverDirection.SENDONLY);
        negotiateWithoutMedia(other, pc);  // the other side offers; our wish goes into our answer
        assertThat(t.getCurrentDirection()).isEqualTo(RTCRtpTransceiverDirection.SENDONLY);
        assertThat(transceiver(other, "0").getCurrentDirection()).isEqualTo(RTCRtpTransceiverDirection.RECVONLY);
    }

    @Test
    void theTrackEventFiresAgainWhenTheRemoteSendsAgain() {
        RTCPeerConnection other = pair.answerer;
        List<RTCTrackEvent> tracks = new CopyOnWriteArrayList<>();
        other.onTrack(tracks::add);
        ToneAudioTrack tone = new ToneAudioTrack(440, 8000);
        RTCRtpSender sender = pc.addTrack(tone);
        negotiateWithoutMedia(pc, other);
        negotiateWithoutMedia(pc, other);  // nothing changed: no second event
        waitFor(() -> tracks.size() == 1);
        pc.removeTrack(sender);
        negotiateWithoutMedia(pc, other);
        assertThat(tracks).hasSize(1);
        RTCRtpTransceiver t = transceiver(pc, "0");
        await(sender.replaceTrack(tone));
        t.setDirection(RTCRtpTransceiverDirection.SENDRECV);
        negotiateWithoutMedia(pc, other);
        waitFor(() -> tracks.size() == 2);
        assertThat(tracks.get(1).transceiver()).isSameAs(tracks.get(0).transceiver());
    }

    @Test
    void theApiHandsOutOneObjectPerTransceiverSenderAndReceiver() {
        RTCPeerConnection other = pair.answerer;
        List<RTCTrackEvent> tracks = new CopyOnWriteArrayList<>();
        other.onTrack(tracks::add);
        RTCRtpSender sender = pc.addTrack(new ToneAudioTrack(440, 8000));
        RTCRtpTransceiver video = pc.addTransceiver("video", RTCRtpTransceiverDirection.SENDONLY);
        negotiateWithoutMedia(pc, other);
        waitFor(() -> tracks.size() == 2);

        RTCRtpTransceiver audio = pc.getTransceivers().get(0);
        assertThat(pc.getTransceivers()).containsExactlyElementsOf(pc.getTransceivers());
        assertThat(audio.getSender()).isSameAs(sender);
        assertThat(pc.getTransceivers().get(1)).isSameAs(video);
        assertThat(pc.getSenders()).containsExactly(sender, video.getSender());
        assertThat(tracks).extracting(RTCTrackEvent::transceiver).containsExactlyElementsOf(other.getTransceivers());
        assertThat(tracks).extracting(RTCTrackEvent::receiver).containsExactlyElementsOf(other.getReceivers());
        assertThat(tracks.get(0).track()).isSameAs(other.getReceivers().get(0).getTrack());

        await(video.stop());
        negotiateWithoutMedia(pc, other);
        assertThat(pc.getTransceivers()).as("stopped and rejected, it leaves the set").containsExactly(audio);
        assertThat(pc.getSenders()).containsExactly(sender);
    }

    @Test
    void negotiationNeededFiresOnceInStableStateAndAgainAfterwardsOnlyForWhatWasLeftOut() {
        RTCPeerConnection other = pair.answerer;
        java.util.concurrent.atomic.AtomicInteger needed = new java.util.concurrent.atomic.AtomicInteger();
        pc.onNegotiationNeeded(needed::incrementAndGet);
        pc.addTrack(new ToneAudioTrack(440, 8000));
        pc.addTrack(new BufferedTrack(MediaKind.VIDEO, 4));
        waitFor(() -> needed.get() == 1);
        negotiateWithoutMedia(pc, other);
        assertThat(needed.get()).as("everything negotiated").isEqualTo(1);

        await(pc.setLocalDescription());
        RTCRtpTransceiver late = pc.addTransceiver("audio", RTCRtpTransceiverDirection.RECVONLY);
        await(other.setRemoteDescription(pc.getLocalDescription()));
        await(other.setLocalDescription());
        assertThat(needed.get()).as("not while an offer is pending").isEqualTo(1);
        await(pc.setRemoteDescription(other.getLocalDescription()));
        waitFor(() -> needed.get() == 2);  // the late transceiver missed that offer
        negotiateWithoutMedia(pc, other);
        assertThat(late.getMid()).isEqualTo("2");

        RTCRtpTransceiver video = transceiver(pc, "1");
        video.setDirection(video.getDirection());
        negotiateWithoutMedia(other, pc);  // the other side's offer changes nothing either
        assertThat(needed.get()).isEqualTo(2);
        video.setDirection(RTCRtpTransceiverDirection.RECVONLY);
        waitFor(() -> needed.get() == 3);
        negotiateWithoutMedia(pc, other);
        await(late.stop());
        waitFor(() -> needed.get() == 4);
        negotiateWithoutMedia(pc, other);
        pc.getSenders();  // settle: the stopped transceiver is gone, nothing more is needed
        assertThat(pc.getTransceivers()).hasSize(2);
        assertThat(needed.get()).isEqualTo(4);
    }

    // ---------------------------------------------------------------- helpers

    /** An offer/answer exchange of descriptions only; nothing waits for candidates or a connection. */
    static void negotiateWithoutMedia(RTCPeerConnection offerer, RTCPeerConnection answerer) {
        await(offerer.setLocalDescription());
        await(answerer.setRemoteDescription(offerer.getLocalDescription()));
        await(answerer.setLocalDescription());
        await(offerer.setRemoteDescription(answerer.getLocalDescription()));
    }

    /** The session part, then each m-section, as text. */
    static List<String> sections(String sdp) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        int next;
        while ((next = sdp.indexOf("\r\nm=", start)) >= 0) {
            parts.add(sdp.substring(start, next + 2));
            start = next + 2;
        }
        parts.add(sdp.substring(start));
        return parts;
    }

    static RTCRtpTransceiver transceiver(RTCPeerConnection pc, String mid) {
        return pc.getTransceivers().stream().filter(t -> mid.equals(t.getMid())).findFirst().orElse(null);
    }

    private static void assertSends(String section, RTCRtpSender sender, String trackId) {
        RTCRtcpParameters rtcp = sender.getParameters().rtcp();
        assertThat(section).containsPattern("a=msid:\\S+ " + trackId + "\r\n")
                .contains("a=ssrc:" + rtcp.ssrc() + " cname:" + rtcp.cname() + "\r\n");
    }

    static RTCSessionDescription answer(String sdp) {
        return new RTCSessionDescription(sdp, RTCSdpType.ANSWER);
    }

    static void waitFor(java.util.concurrent.Callable<Boolean> condition) {
        org.awaitility.Awaitility.await().atMost(PeerPair.TIMEOUT).until(condition);
    }
}
