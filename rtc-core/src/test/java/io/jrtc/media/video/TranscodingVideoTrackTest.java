package io.jrtc.media.video;

import static org.assertj.core.api.Assertions.assertThat;

import io.jrtc.media.BufferedTrack;
import io.jrtc.media.EncodedFrame;
import io.jrtc.media.MediaKind;
import io.jrtc.media.MediaStreamTrackState;
import io.jrtc.media.TestPattern;
import io.jrtc.media.VideoFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A VP8 track re-coded to H.264: the source is asked for a keyframe at once, every source picture (given one at a
 * time) comes out as an H.264 frame that decodes to the source's size within 30 dB, a keyframe request is answered by the encoder
 * (not passed to the source), and the source's end ends the transcode.
 */
class TranscodingVideoTrackTest {
    private static final int WIDTH = 320;
    private static final int HEIGHT = 240;

    @Test
    void recodesVp8ToH264AndAnswersKeyframeRequestsItself() throws Exception {
        BufferedTrack source = new BufferedTrack(MediaKind.VIDEO, 64);
        AtomicInteger sourceKeyframeRequests = new AtomicInteger();
        source.onKeyframeRequest(sourceKeyframeRequests::incrementAndGet);
        TestPattern pattern = new TestPattern(WIDTH, HEIGHT);
        List<VideoFrame> sent = new ArrayList<>();
        try (VideoEncoder vp8 = VideoCodecs.encoder("video/VP8", 1_000_000, 1);
                VideoDecoder h264 = VideoCodecs.decoder("video/H264")) {
            TranscodingVideoTrack transcoded = new TranscodingVideoTrack(source, "video/H264");
            assertThat(sourceKeyframeRequests).as("a keyframe asked of the source on start").hasValue(1);
            List<Double> psnr = new ArrayList<>();
            // One picture at a time: the transcode drops pictures its encoder has no time for, and here none may go.
            for (int i = 0; i < 10; i++) {
                if (i == 5) {
                    transcoded.requestKeyframe();
                }
                VideoFrame picture = pattern.frame(i, i * 3000L);
                sent.add(picture);
                source.push(vp8.encode(picture));
                EncodedFrame coded = (EncodedFrame) transcoded.recv().get(30, TimeUnit.SECONDS);
                assertThat(coded.mimeType()).isEqualTo("video/H264");
                assertThat(coded.keyframe()).as("frame %d a keyframe", i).isEqualTo(i == 0 || i == 5);
                VideoFrame decoded = h264.decode(coded);
                assertThat(decoded.width()).isEqualTo(WIDTH);
                assertThat(decoded.height()).isEqualTo(HEIGHT);
                psnr.add(Psnr.all(sent.get(i), decoded));
            }
            System.out.println("{\"transcodeVp8ToH264Psnr\": " + psnr + "}");
            assertThat(psnr).allSatisfy(db -> assertThat(db).isGreaterThan(30.0));
            assertThat(sourceKeyframeRequests).as("keyframe requests answered by the encoder").hasValue(1);
            assertThat(transcoded.framesEncoded()).isEqualTo(10);
            assertThat(transcoded.framesDropped()).isZero();
            source.stop();
            assertThat(transcoded.getReadyState()).isEqualTo(MediaStreamTrackState.ENDED);
        }
    }
}
