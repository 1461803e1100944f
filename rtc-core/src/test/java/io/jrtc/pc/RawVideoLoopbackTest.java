package io.jrtc.pc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.jrtc.media.ColorSpace;
import io.jrtc.media.EncodedFrame;
import io.jrtc.media.Frame;
import io.jrtc.media.MediaClock;
import io.jrtc.media.MediaRelay;
import io.jrtc.media.MediaStreamTrack;
import io.jrtc.media.TestPattern;
import io.jrtc.media.VideoFrame;
import io.jrtc.media.VideoStreamTrack;
import io.jrtc.media.video.DecodingVideoTrack;
import io.jrtc.media.video.Psnr;
import io.jrtc.rtp.ColorSpaceExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A raw-picture track sent between two of our peer connections: the sender encodes the moving test pattern with
 * the negotiated codec, the receiver's track hands the coded frames out, and a {@link DecodingVideoTrack} on a
 * relay subscription decodes them back to the pictures sent.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class RawVideoLoopbackTest {
    private static final int WIDTH = 320;
    private static final int HEIGHT = 240;

    /** VP9 (RFC 9628) and AV1 (the AV1 RTP specification) at 640x480, the size their packetizers fragment most. */
    @ParameterizedTest(name = "{0} at {1}x{2}")
    @CsvSource({"video/VP8, 320, 240", "video/H264, 320, 240", "video/VP9, 640, 480", "video/AV1, 640, 480"})
    void aTestPatternIsEncodedWithTheNegotiatedCodecAndDecodesBack(String mimeType, int width, int height)
            throws Exception {
        try (PeerPair pair = new PeerPair()) {
            VideoStreamTrack pattern = VideoStreamTrack.testPattern(MediaClock.system(), width, height, 30);
            RTCRtpTransceiver transceiver = pair.offerer.addTransceiver(pattern, RTCRtpTransceiverDirection.SENDONLY);
            transceiver.setCodecPreferences(RTCRtpSender.getCapabilities("video").codecs().stream()
                    .filter(c -> c.mimeType().equalsIgnoreCase(mimeType)).toList());
            CompletableFuture<RTCTrackEvent> arrived = new CompletableFuture<>();
            pair.answerer.onTrack(arrived::complete);
            pair.negotiate();
            MediaStreamTrack remote = arrived.get(10, TimeUnit.SECONDS).track();
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> pair.offerer.getConnectionState() == RTCPeerConnectionState.CONNECTED);

            MediaRelay relay = new MediaRelay();
            MediaStreamTrack coded = relay.subscribe(remote);
            DecodingVideoTrack decoded = new DecodingVideoTrack(relay.subscribe(remote));
            Frame first = coded.recv().get(10, TimeUnit.SECONDS);
            assertThat(first).isInstanceOf(EncodedFrame.class);
            assertThat(((EncodedFrame) first).mimeType()).isEqualToIgnoringCase(mimeType);

            // Read first, measure after: a reader slower than the stream would make the relay drop frames.
            List<VideoFrame> pictures = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                pictures.add((VideoFrame) decoded.recv().get(10, TimeUnit.SECONDS));
            }
            TestPattern sent = new TestPattern(width, height);
            double lowest = Double.MAX_VALUE;
            for (int i = 0; i < pictures.size(); i++) {
                VideoFrame picture = pictures.get(i);
                assertThat(picture.width()).isEqualTo(width);
                assertThat(picture.height()).isEqualTo(height);
                assertThat(picture.colorSpace()).isEqualTo(ColorSpace.BT601_LIMITED);
                double psnr = bestMatch(picture, sent);
                assertThat(psnr).as("picture %d against the pattern sent", i).isGreaterThan(30.0);
                lowest = Math.min(lowest, psnr);
            }
            System.out.printf("{\"rawVideoLoopback\":\"%s\",\"width\":%d,\"height\":%d,\"lowestPsnrDb\":%.1f}%n",
                    mimeType, width, height, lowest);
            assertThat(decoded.framesDecoded()).isEqualTo(20);
            decoded.stop();
            coded.stop();
        }
    }

    /** The PSNR against the pattern picture it came from (the remote's pts count from its first frame). */
    private static double bestMatch(VideoFrame picture, TestPattern pattern) {
        double best = 0;
        for (long index = 0; index < 300; index++) {
            best = Math.max(best, Psnr.all(picture, pattern.frame(index, 0)));
        }
        return best;
    }

    /**
     * A full-range picture goes out tagged so (the encoder's bitstream where it can, the colour-space header
     * extension on keyframes always) and comes out of the receiver's decoder tagged so; VP8 has no colour
     * signalling of its own, so only the extension can carry it, and the frames after the keyframe keep it.
     */
    @Test
    void aFullRangePictureArrivesTaggedFullRangeThroughTheHeaderExtension() throws Exception {
        try (PeerPair pair = new PeerPair()) {
            TestPattern pattern = new TestPattern(WIDTH, HEIGHT);
            VideoStreamTrack fullRange = new VideoStreamTrack(MediaClock.system(), 30,
                    pts -> pattern.frame(pts / 3000, pts).withColorSpace(ColorSpace.BT601_FULL));
            RTCRtpTransceiver transceiver = pair.offerer.addTransceiver(fullRange,
                    RTCRtpTransceiverDirection.SENDONLY);
            transceiver.setCodecPreferences(RTCRtpSender.getCapabilities("video").codecs().stream()
                    .filter(c -> c.mimeType().equalsIgnoreCase("video/VP8")).toList());
            CompletableFuture<RTCTrackEvent> arrived = new CompletableFuture<>();
            pair.answerer.onTrack(arrived::complete);
            pair.negotiate();
            assertThat(pair.answerer.getRemoteDescription().sdp()).contains(ColorSpaceExtension.URI);
            DecodingVideoTrack decoded = new DecodingVideoTrack(arrived.get(10, TimeUnit.SECONDS).track());
            for (int i = 0; i < 10; i++) {
                VideoFrame picture = (VideoFrame) decoded.recv().get(20, TimeUnit.SECONDS);
                assertThat(picture.colorSpace()).as("picture %d", i).isEqualTo(ColorSpace.BT601_FULL);
            }
            decoded.stop();
            fullRange.stop();
        }
    }

    @Test
    void aDisabledTrackSendsBlack() throws Exception {
        try (PeerPair pair = new PeerPair()) {
            VideoStreamTrack pattern = VideoStreamTrack.testPattern(MediaClock.system(), WIDTH, HEIGHT, 30);
            pattern.setEnabled(false);
            pair.offerer.addTransceiver(pattern, RTCRtpTransceiverDirection.SENDONLY);
            CompletableFuture<RTCTrackEvent> arrived = new CompletableFuture<>();
            pair.answerer.onTrack(arrived::complete);
            pair.negotiate();
            DecodingVideoTrack decoded = new DecodingVideoTrack(arrived.get(10, TimeUnit.SECONDS).track());
            VideoFrame picture = (VideoFrame) decoded.recv().get(20, TimeUnit.SECONDS);
            VideoFrame black = new VideoFrame(WIDTH, HEIGHT,
                    VideoStreamTrack.solidI420(WIDTH, HEIGHT, 16, 128, 128), 0);
            assertThat(Psnr.all(picture, black)).isGreaterThan(40.0);
            decoded.stop();
        }
    }
}
