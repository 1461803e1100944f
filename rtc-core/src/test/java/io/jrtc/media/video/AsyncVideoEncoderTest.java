package io.jrtc.media.video;

import static org.assertj.core.api.Assertions.assertThat;

import io.jrtc.media.EncodedFrame;
import io.jrtc.media.VideoFrame;
import io.jrtc.media.VideoStreamTrack;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The off-loop encoder with a recording encoder and an executor the test runs by hand: {@link AsyncVideoEncoder#submit}
 * never runs the codec on the caller's thread, pictures that arrive while an encode runs are dropped but the newest,
 * counted, and keyframe requests and bitrates given meanwhile apply to the next encode.
 */
class AsyncVideoEncoderTest {
    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
    private final List<EncodedFrame> output = new ArrayList<>();
    private final RecordingEncoder codec = new RecordingEncoder();
    private final AsyncVideoEncoder encoder = new AsyncVideoEncoder("video/VP8", () -> codec, tasks::add,
            output::add);

    @Test
    void submittingReturnsAtOnceAndOnlyTheNewestWaitingPictureIsEncoded() {
        assertThat(encoder.submit(picture(0))).isFalse();
        assertThat(codec.encoded).as("nothing encoded on the submitting thread").isEmpty();
        assertThat(encoder.busy()).isTrue();

        // Pictures 1 to 5 arrive while picture 0 is being encoded: 1 to 4 are overtaken in turn.
        codec.duringNextEncode = () -> {
            assertThat(encoder.submit(picture(1))).isFalse();
            for (int i = 2; i <= 5; i++) {
                assertThat(encoder.submit(picture(i))).as("picture %d overtakes a waiting one", i).isTrue();
            }
        };
        runTasks();

        assertThat(codec.encoded).containsExactly(0L, 5L);
        assertThat(output).extracting(EncodedFrame::timestamp).containsExactly(0L, 5L * 3000);
        assertThat(encoder.picturesSubmitted()).isEqualTo(6);
        assertThat(encoder.picturesDropped()).isEqualTo(4);
        assertThat(encoder.picturesEncoded()).isEqualTo(2);
        assertThat(encoder.busy()).isFalse();
        assertThat(tasks).as("one task drained both pictures").isEmpty();
    }

    @Test
    void aKeyframeRequestAndABitrateGivenDuringAnEncodeApplyToTheNextPicture() {
        encoder.submit(picture(0));
        codec.duringNextEncode = () -> {
            encoder.requestKeyframe();
            encoder.setTargetBitrate(300_000);
            encoder.submit(picture(1));
        };
        runTasks();
        encoder.submit(picture(2));
        runTasks();

        assertThat(codec.keyframeAt).containsExactly(false, true, false);
        assertThat(codec.bitrateAt).containsExactly(VideoCodecs.DEFAULT_BITRATE, 300_000, 300_000);
        assertThat(output).extracting(EncodedFrame::keyframe).containsExactly(false, true, false);
    }

    @Test
    void closingDuringAnEncodeFreesTheCodecAfterItAndIgnoresLaterPictures() {
        encoder.submit(picture(0));
        codec.duringNextEncode = () -> {
            encoder.submit(picture(1));
            encoder.close();
            assertThat(codec.closed).as("not while it encodes").isFalse();
        };
        runTasks();
        assertThat(codec.closed).isTrue();
        assertThat(codec.encoded).containsExactly(0L);
        assertThat(encoder.submit(picture(2))).isFalse();
        assertThat(tasks).isEmpty();
        assertThat(encoder.picturesSubmitted()).isEqualTo(2);
    }

    @Test
    void aFailedPictureIsDroppedAndTheNextIsAKeyframe() {
        codec.failNext = true;
        encoder.submit(picture(0));
        runTasks();
        encoder.submit(picture(1));
        runTasks();
        assertThat(output).extracting(EncodedFrame::timestamp).containsExactly(3000L);
        assertThat(codec.keyframeAt).containsExactly(false, true);
    }

    private void runTasks() {
        while (!tasks.isEmpty()) {
            tasks.poll().run();
        }
    }

    private static VideoFrame picture(long index) {
        return new VideoFrame(16, 16, VideoStreamTrack.solidI420(16, 16, 100, 128, 128), index * 3000);
    }

    /** Records what each encode was given; an encode can run a step of the test meanwhile. */
    private static final class RecordingEncoder implements VideoEncoder {
        final List<Long> encoded = new ArrayList<>();
        final List<Boolean> keyframeAt = new ArrayList<>();
        final List<Integer> bitrateAt = new ArrayList<>();
        Runnable duringNextEncode;
        boolean failNext;
        boolean keyframeWanted;
        int bitrate = VideoCodecs.DEFAULT_BITRATE;
        boolean closed;

        @Override
        public String mimeType() {
            return "video/VP8";
        }

        @Override
        public EncodedFrame encode(VideoFrame frame) {
            keyframeAt.add(keyframeWanted);
            bitrateAt.add(bitrate);
            boolean keyframe = keyframeWanted;
            keyframeWanted = false;
            if (duringNextEncode != null) {
                Runnable step = duringNextEncode;
                duringNextEncode = null;
                step.run();
            }
            if (failNext) {
                failNext = false;
                throw new VideoCodecException("refused");
            }
            encoded.add(frame.pts() / 3000);
            return new EncodedFrame("video/VP8", VideoFrame.CLOCK_RATE, new byte[] {1}, frame.pts(), keyframe);
        }

        @Override
        public void requestKeyframe() {
            keyframeWanted = true;
        }

        @Override
        public void setTargetBitrate(int bitsPerSecond) {
            bitrate = bitsPerSecond;
        }

        @Override
        public int targetBitrate() {
            return bitrate;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
