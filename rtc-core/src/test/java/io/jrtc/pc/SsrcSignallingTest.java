package io.jrtc.pc;

import static io.jrtc.pc.ForeignOffers.offer;
import static io.jrtc.pc.PeerPair.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.jrtc.media.BufferedTrack;
import io.jrtc.media.MediaKind;
import io.jrtc.media.MediaStreamTrack;
import io.jrtc.media.ToneAudioTrack;
import io.jrtc.sdp.SessionDescription;
import io.jrtc.sdp.media.Msid;
import io.jrtc.sdp.media.RtpMediaSection;
import io.jrtc.sdp.media.RtpSource;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The SSRCs our offers and answers signal for each m-line we send on (RFC 5576 §4.1, RFC 8830 §2, RFC 4588 §8.3):
 * stacks that route incoming RTP by the signalled SSRCs only (no MID extension) drop what is not announced. Each
 * sending m-line carries {@code a=ssrc} lines with our CNAME and the msid, for video the RTX SSRC paired by
 * {@code a=ssrc-group:FID}, written as Chrome writes them (group first, then cname and msid per SSRC).
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SsrcSignallingTest {
    private static final Pattern SSRC_LINES = Pattern.compile("(a=ssrc(-group)?:[^\r]*\r\n)+");

    private final PeerPair pair = new PeerPair();
    private final RTCPeerConnection pc = pair.answerer;

    @AfterEach
    void close() {
        pair.close();
    }

    @Test
    void anAnswerSendingVideoSignalsItsSsrcAndItsRtxSsrcPairedByFid() throws Exception {
        BufferedTrack camera = new BufferedTrack(MediaKind.VIDEO, 4);
        RTCRtpSender sender = pc.addTrack(camera);
        await(pc.setRemoteDescription(offer(ForeignOffers.session("0")
                + ForeignOffers.chromeVideo("0", "sendrecv", 2001))));

        String answer = await(pc.createAnswer()).sdp();

        RtpMediaSection video = RtpMediaSection.parse(SessionDescription.parse(answer).mediaByMid("0"));
        RTCRtcpParameters rtcp = sender.getParameters().rtcp();
        long media = rtcp.ssrc();
        long rtx = video.rtxSsrc(media);
        assertThat(rtx).as("an ssrc-group:FID pairs our SSRC with its RTX SSRC").isPositive().isNotEqualTo(media);
        Msid msid = video.msids().get(0);
        assertThat(msid.trackId()).isEqualTo(camera.getId());
        assertThat(ssrcLines(answer)).isEqualTo(
                "a=ssrc-group:FID " + media + " " + rtx + "\r\n"
                + "a=ssrc:" + media + " cname:" + rtcp.cname() + "\r\n"
                + "a=ssrc:" + media + " msid:" + msid.toValue() + "\r\n"
                + "a=ssrc:" + rtx + " cname:" + rtcp.cname() + "\r\n"
                + "a=ssrc:" + rtx + " msid:" + msid.toValue() + "\r\n");
    }

    @Test
    void anAnswerSendingAudioSignalsOneSsrcWithCnameAndMsid() throws Exception {
        MediaStreamTrack tone = new ToneAudioTrack(440, 8000);
        RTCRtpSender sender = pc.addTrack(tone);
        await(pc.setRemoteDescription(offer(ForeignOffers.session("0")
                + ForeignOffers.chromeAudio("0", "sendrecv", 1001))));

        String answer = await(pc.createAnswer()).sdp();

        RTCRtcpParameters rtcp = sender.getParameters().rtcp();
        RtpMediaSection audio = RtpMediaSection.parse(SessionDescription.parse(answer).mediaByMid("0"));
        assertThat(audio.ssrcGroups()).isEmpty();
        assertThat(audio.sources()).singleElement().satisfies(source -> {
            assertThat(source.ssrc()).isEqualTo(rtcp.ssrc());
            assertThat(source.cname()).isEqualTo(rtcp.cname());
            assertThat(source.msid()).isEqualTo(audio.msids().get(0));
            assertThat(source.msid().trackId()).isEqualTo(tone.getId());
        });
    }

    /** The echo's way: the transceiver the remote offer made gets a track and sendrecv before the answer. */
    @Test
    void aTransceiverTheOfferMadeAnswersSendrecvWithItsSsrcsOnceGivenATrack() throws Exception {
        await(pc.setRemoteDescription(offer(ForeignOffers.session("0 1")
                + ForeignOffers.chromeAudio("0", "sendrecv", 1001) + ForeignOffers.chromeVideo("1", "sendrecv", 2001))));
        for (RTCRtpTransceiver t : pc.getTransceivers()) {
            await(t.getSender().replaceTrack(t.getReceiver().getTrack()));
            t.setDirection(RTCRtpTransceiverDirection.SENDRECV);
        }

        SessionDescription answer = SessionDescription.parse(await(pc.createAnswer()).sdp());

        for (RTCRtpTransceiver t : pc.getTransceivers()) {
            RtpMediaSection section = RtpMediaSection.parse(answer.mediaByMid(t.getMid()));
            assertThat(section.direction().attributeName()).isEqualTo("sendrecv");
            assertThat(section.sources()).isNotEmpty().allSatisfy(source -> {
                assertThat(source.cname()).isEqualTo(t.getSender().getParameters().rtcp().cname());
                assertThat(source.msid().trackId()).isEqualTo(t.getReceiver().getTrack().getId());
            });
            assertThat(section.sources().get(0).ssrc()).isEqualTo(t.getSender().getParameters().rtcp().ssrc());
        }
        assertThat(RtpMediaSection.parse(answer.mediaByMid("1")).ssrcGroups()).hasSize(1);
    }

    @Test
    void aSenderWithoutATrackSignalsTheSameSsrcsAndMsidInEveryDescription() throws Exception {
        RTCPeerConnection offerer = pair.offerer;
        RTCRtpTransceiver video = offerer.addTransceiver("video", RTCRtpTransceiverDirection.SENDRECV);

        List<RtpSource> first = sources(await(offerer.createOffer()).sdp(), "0");
        await(offerer.setLocalDescription());
        await(pc.setRemoteDescription(offerer.getLocalDescription()));
        await(pc.setLocalDescription());
        await(offerer.setRemoteDescription(pc.getLocalDescription()));
        List<RtpSource> again = sources(await(offerer.createOffer()).sdp(), video.getMid());

        assertThat(first).hasSize(2);
        assertThat(again).as("no new track appears to the remote on each offer").isEqualTo(first);
    }

    @Test
    void anOfferSendingVideoSignalsItsSsrcsAsAnAnswerDoes() throws Exception {
        BufferedTrack camera = new BufferedTrack(MediaKind.VIDEO, 4);
        pair.offerer.addTrack(camera);

        String offer = await(pair.offerer.createOffer()).sdp();

        RtpMediaSection video = RtpMediaSection.parse(SessionDescription.parse(offer).mediaByMid("0"));
        long media = video.sources().get(0).ssrc();
        assertThat(video.rtxSsrc(media)).isEqualTo(video.sources().get(1).ssrc());
        assertThat(video.sources()).allSatisfy(source -> assertThat(source.msid().trackId()).isEqualTo(camera.getId()));
        assertThat(ssrcLines(offer)).startsWith("a=ssrc-group:FID " + media + " ");
    }

    private static List<RtpSource> sources(String sdp, String mid) throws Exception {
        return RtpMediaSection.parse(SessionDescription.parse(sdp).mediaByMid(mid)).sources();
    }

    /** The block of consecutive ssrc and ssrc-group lines of a description with one sending m-line. */
    private static String ssrcLines(String sdp) {
        Matcher m = SSRC_LINES.matcher(sdp);
        assertThat(m.find()).as("ssrc lines in%n%s", sdp).isTrue();
        String block = m.group();
        assertThat(m.find()).as("one block of ssrc lines").isFalse();
        return block;
    }
}
