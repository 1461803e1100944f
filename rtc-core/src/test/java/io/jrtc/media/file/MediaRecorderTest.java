package io.jrtc.media.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.jrtc.codec.OpusDecoder;
import io.jrtc.media.AudioFrame;
import io.jrtc.media.BufferedTrack;
import io.jrtc.media.EncodedFrame;
import io.jrtc.media.Frame;
import io.jrtc.media.MediaKind;
import io.jrtc.media.ToneAudioTrack;
import io.jrtc.media.VirtualMediaClock;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recording tracks into each container, then playing the files back. */
class MediaRecorderTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private final VirtualMediaClock clock = new VirtualMediaClock();
    private final MediaPlayer.Options direct = MediaPlayer.Options.defaults().withIoExecutor(Runnable::run);

    @TempDir
    Path dir;

    @Test
    void wavRecordsRawAudioThatPlaysBackSampleForSample() throws Exception {
        Path file = dir.resolve("rec.wav");
        BufferedTrack track = new BufferedTrack(MediaKind.AUDIO, 64);
        MediaRecorder recorder = new MediaRecorder(file);
        recorder.addTrack(track);
        recorder.start().get(5, TimeUnit.SECONDS);
        short[] all = new short[2 * 320 * 5];
        for (int i = 0; i < all.length; i++) {
            all[i] = (short) (i * 37);
        }
        for (int f = 0; f < 5; f++) {
            short[] samples = java.util.Arrays.copyOfRange(all, f * 640, (f + 1) * 640);
            track.push(new AudioFrame(samples, 16_000, 2, f * 320L));
        }
        soon().until(() -> recorder.framesWritten() == 5);
        recorder.stop().get(5, TimeUnit.SECONDS);

        MediaPlayer player = new MediaPlayer(file, clock, direct);
        List<Frame> frames = MediaFiles.all(player.getAudio(), clock);
        assertThat(frames).hasSize(5);  // 20 ms at 16 kHz: 320 samples a frame
        short[] played = new short[all.length];
        int at = 0;
        for (Frame frame : frames) {
            AudioFrame audio = (AudioFrame) frame;
            assertThat(audio.sampleRate()).isEqualTo(16_000);
            assertThat(audio.channels()).isEqualTo(2);
            System.arraycopy(audio.samples(), 0, played, at, audio.samples().length);
            at += audio.samples().length;
        }
        assertThat(played).isEqualTo(all);
    }

    @Test
    void ivfRecordsVp8FromTheFirstKeyframeAcrossATimestampWrap() throws Exception {
        Path file = dir.resolve("rec.ivf");
        BufferedTrack track = new BufferedTrack(MediaKind.VIDEO, 64);
        AtomicInteger keyframeRequests = new AtomicInteger();
        track.onKeyframeRequest(keyframeRequests::incrementAndGet);
        MediaRecorder recorder = new MediaRecorder(file);
        recorder.addTrack(track);
        recorder.start().get(5, TimeUnit.SECONDS);
        assertThat(keyframeRequests).hasValue(1);

        long start = 0xFFFF_F000L;
        track.push(new EncodedFrame("video/VP8", 90_000, MediaFiles.vp8Frame(false, 0, 0, 9, 30), start - 3000, false));
        List<byte[]> sent = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            byte[] data = MediaFiles.vp8Frame(i == 0, 320, 240, i, 40 + i);
            sent.add(data);
            track.push(new EncodedFrame("video/VP8", 90_000, data, (start + 3000L * i) & 0xFFFF_FFFFL, i == 0));
        }
        soon().until(() -> recorder.framesWritten() == 4);
        recorder.stop().get(5, TimeUnit.SECONDS);

        try (IvfReader reader = new IvfReader(Files.newInputStream(file))) {
            assertThat(reader.header()).isEqualTo(new IvfHeader("VP80", 320, 240, 90_000, 1, 4));
        }
        List<Frame> frames = MediaFiles.all(new MediaPlayer(file, clock, direct).getVideo(), clock);
        assertThat(frames).extracting(f -> ((EncodedFrame) f).timestamp()).containsExactly(0L, 3000L, 6000L, 9000L);
        assertThat(frames).extracting(f -> ((EncodedFrame) f).keyframe()).containsExactly(true, false, false, false);
        for (int i = 0; i < 4; i++) {
            assertThat(((EncodedFrame) frames.get(i)).data()).isEqualTo(sent.get(i));
        }
    }

    @Test
    void oggOpusRecordsAToneThroughTheEncoderAndDecodesBackToItsFrequency() throws Exception {
        Path file = dir.resolve("tone.ogg");
        ToneAudioTrack tone = new ToneAudioTrack(clock, 440, 8000);
        MediaRecorder recorder = new MediaRecorder(file);
        recorder.addTrack(tone);
        recorder.start().get(5, TimeUnit.SECONDS);
        soon().until(() -> recorder.framesWritten() == 1);
        for (int i = 1; i < 50; i++) {
            clock.advance(20_000_000);
            int written = i + 1;
            soon().until(() -> recorder.framesWritten() == written);
        }
        recorder.stop().get(5, TimeUnit.SECONDS);
        tone.stop();

        try (OggOpusReader reader = new OggOpusReader(Files.newInputStream(file))) {
            assertThat(reader.head().channels()).isEqualTo(1);
            assertThat(reader.head().preSkip()).isPositive();
        }
        VirtualMediaClock playback = new VirtualMediaClock();
        List<Frame> packets = MediaFiles.all(new MediaPlayer(file, playback, direct).getAudio(), playback);
        assertThat(packets).hasSize(50);
        OpusDecoder decoder = new OpusDecoder(48_000, 1);
        List<short[]> decoded = new ArrayList<>();
        for (Frame packet : packets) {
            byte[] data = ((EncodedFrame) packet).data();
            decoded.add(decoder.decode(data, 0, data.length));
        }
        assertThat(zeroCrossingFrequency(decoded.subList(10, 50), 48_000)).isBetween(430.0, 450.0);

        // played decoded: the encoder's delay (pre-skip) is gone, the rest is the tone
        VirtualMediaClock decodedClock = new VirtualMediaClock();
        List<Frame> pcm = MediaFiles.all(new MediaPlayer(file, decodedClock, direct.withDecodeOpus(true))
                .getAudio(), decodedClock);
        int preSkip;
        try (OggOpusReader reader = new OggOpusReader(Files.newInputStream(file))) {
            preSkip = reader.head().preSkip();
        }
        assertThat(((AudioFrame) pcm.get(0)).pts()).isZero();
        assertThat(((AudioFrame) pcm.get(0)).samplesPerChannel()).isEqualTo(960 - preSkip);
        assertThat(pcm).allSatisfy(f -> assertThat(((AudioFrame) f).sampleRate()).isEqualTo(48_000));
        assertThat(pcm.stream().mapToInt(f -> ((AudioFrame) f).samplesPerChannel()).sum())
                .isEqualTo(50 * 960 - preSkip);
        assertThat(zeroCrossingFrequency(pcm.subList(10, pcm.size()).stream().map(f -> ((AudioFrame) f).samples())
                .toList(), 48_000)).isBetween(430.0, 450.0);
    }

    @Test
    void oggOpusKeepsCodedOpusPacketsAsTheyCame() throws Exception {
        Path file = dir.resolve("coded.opus");
        BufferedTrack track = new BufferedTrack(MediaKind.AUDIO, 64);
        MediaRecorder recorder = new MediaRecorder(file);
        recorder.addTrack(track);
        recorder.start().get(5, TimeUnit.SECONDS);
        List<byte[]> sent = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            byte[] packet = {(byte) 0xfc, (byte) i, 7};  // CELT fullband 20 ms, stereo
            sent.add(packet);
            track.push(new EncodedFrame("audio/opus", 48_000, packet, 960L * i, true));
        }
        soon().until(() -> recorder.framesWritten() == 3);
        recorder.stop().get(5, TimeUnit.SECONDS);

        try (OggOpusReader reader = new OggOpusReader(Files.newInputStream(file))) {
            assertThat(reader.head().channels()).isEqualTo(2);
            for (byte[] packet : sent) {
                assertThat(reader.nextPacket()).isEqualTo(packet);
            }
            assertThat(reader.nextPacket()).isNull();
        }
    }

    @Test
    void h264RecordsAnnexBAccessUnitsFromTheFirstKeyframe() throws Exception {
        Path file = dir.resolve("rec.h264");
        BufferedTrack track = new BufferedTrack(MediaKind.VIDEO, 64);
        MediaRecorder recorder = new MediaRecorder(file);
        recorder.addTrack(track);
        recorder.start().get(5, TimeUnit.SECONDS);
        HexFormat hex = HexFormat.of();
        track.push(new EncodedFrame("video/H264", 90_000, hex.parseHex(AnnexBTest.WITH_AUD), 0, false));
        track.push(new EncodedFrame("video/H264", 90_000, hex.parseHex(AnnexBTest.KEY), 3000, true));
        track.push(new EncodedFrame("video/H264", 90_000, hex.parseHex(AnnexBTest.TWO_SLICES), 6000, false));
        soon().until(() -> recorder.framesWritten() == 2);
        recorder.stop().get(5, TimeUnit.SECONDS);
        assertThat(hex.formatHex(Files.readAllBytes(file))).isEqualTo(AnnexBTest.KEY + AnnexBTest.TWO_SLICES);
    }

    @Test
    void aTrackThatEndsFinishesTheFileByItself() throws Exception {
        Path file = dir.resolve("ends.wav");
        MediaPlayer source = new MediaPlayer(MediaFiles.rampWav(dir.resolve("src.wav"), 960 * 3), clock, direct);
        MediaRecorder recorder = new MediaRecorder(file);
        recorder.addTrack(source.getAudio());
        recorder.start().get(5, TimeUnit.SECONDS);
        soon().until(() -> recorder.framesWritten() == 1);
        clock.advance(20_000_000);
        soon().until(() -> recorder.framesWritten() == 2);
        clock.advance(20_000_000);
        soon().untilAsserted(() -> {
            WavReader reader = new WavReader(new ByteArrayInputStream(Files.readAllBytes(file)));
            short[] samples = reader.read(10_000);
            assertThat(samples).hasSize(960 * 3);
            assertThat(samples[2000]).isEqualTo((short) 0);
        });
        assertThat(recorder.stop()).isCompleted();
    }

    @Test
    void aRecorderStoppedBeforeAnyFrameLeavesAnEmptyValidFile() throws Exception {
        Path wav = dir.resolve("empty.wav");
        MediaRecorder recorder = new MediaRecorder(wav);
        recorder.addTrack(new BufferedTrack(MediaKind.AUDIO, 4));
        recorder.start().get(5, TimeUnit.SECONDS);
        recorder.stop().get(5, TimeUnit.SECONDS);
        assertThat(new WavReader(Files.newInputStream(wav)).read(10)).isNull();

        Path ogg = dir.resolve("empty.ogg");
        MediaRecorder oggRecorder = new MediaRecorder(ogg);
        oggRecorder.start().get(5, TimeUnit.SECONDS);
        oggRecorder.stop().get(5, TimeUnit.SECONDS);
        assertThat(new OggOpusReader(Files.newInputStream(ogg)).nextPacket()).isNull();
    }

    @Test
    void refusesTracksTheContainerCannotHoldAndUnknownExtensions() {
        MediaRecorder recorder = new MediaRecorder(dir.resolve("a.ivf"));
        assertThatThrownBy(() -> recorder.addTrack(new BufferedTrack(MediaKind.AUDIO, 1)))
                .isInstanceOf(IllegalArgumentException.class);
        recorder.addTrack(new BufferedTrack(MediaKind.VIDEO, 1));
        assertThatThrownBy(() -> recorder.addTrack(new BufferedTrack(MediaKind.VIDEO, 1)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new MediaRecorder(dir.resolve("a.avi"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void blackholeSwallowsAndCountsFramesOfEveryTrack() throws Exception {
        BufferedTrack audio = new BufferedTrack(MediaKind.AUDIO, 64);
        BufferedTrack video = new BufferedTrack(MediaKind.VIDEO, 64);
        for (int i = 0; i < 5; i++) {
            audio.push(new AudioFrame(new short[960], 48_000, 1, 960L * i));
        }
        MediaBlackhole blackhole = new MediaBlackhole();
        blackhole.addTrack(audio);
        blackhole.start().get();
        assertThat(blackhole.framesReceived()).isEqualTo(5);
        blackhole.addTrack(video);
        video.push(new EncodedFrame("video/VP8", 90_000, new byte[] {0}, 0, true));
        audio.push(new AudioFrame(new short[960], 48_000, 1, 4800));
        assertThat(blackhole.framesReceived()).isEqualTo(7);
        blackhole.stop().get();
        audio.push(new AudioFrame(new short[960], 48_000, 1, 5760));
        audio.push(new AudioFrame(new short[960], 48_000, 1, 6720));
        assertThat(blackhole.framesReceived()).isLessThanOrEqualTo(8);  // a recv already pending may take one
        assertThat(audio.bufferedFrames()).isGreaterThanOrEqualTo(1);
    }

    /** Waits for the I/O thread, polling often: these waits are short and many. */
    private static org.awaitility.core.ConditionFactory soon() {
        return await().atMost(WAIT).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(2));
    }

    private static double zeroCrossingFrequency(List<short[]> frames, int sampleRate) {
        long crossings = 0;
        long samples = 0;
        short previous = frames.get(0)[0];
        for (short[] frame : frames) {
            for (short sample : frame) {
                if ((previous < 0) != (sample < 0)) {
                    crossings++;
                }
                previous = sample;
                samples++;
            }
        }
        return crossings / 2.0 / ((double) samples / sampleRate);
    }
}
