package io.jrtc.media.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.jrtc.media.RecodableTrack;
import io.jrtc.media.video.VideoCodecUnavailableException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An application without the optional FFmpeg dependency: rtc-core's classes alone in a class loader of their own.
 * MP4 and WebM fail with an exception naming the dependency; WAV still plays; played video passes through to a
 * sender of its codec, and re-coding it for another one fails naming the dependency.
 */
class WithoutFfmpegTest {
    @TempDir
    Path dir;

    @Test
    void containersNeedingFfmpegNameTheDependencyAndTheOthersStillPlay() throws Exception {
        Path mp4 = dir.resolve("a.mp4");
        Files.write(mp4, new byte[] {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm'});
        Path wav = MediaFiles.rampWav(dir.resolve("a.wav"), 960);
        try (URLClassLoader alone = rtcCoreAlone()) {
            Class<?> player = alone.loadClass(MediaPlayer.class.getName());
            assertThat(alone.getResource("org/bytedeco/ffmpeg/global/avformat.class")).isNull();

            Throwable refused = null;
            try {
                player.getConstructor(Path.class).newInstance(mp4);
            } catch (InvocationTargetException e) {
                refused = e.getCause();
            }
            assertThat(refused).isNotNull();
            assertThat(refused.getClass().getName()).isEqualTo(FfmpegUnavailableException.class.getName());
            assertThat(refused).hasMessageContaining("org.bytedeco:ffmpeg");

            Object playing = player.getConstructor(Path.class).newInstance(wav);
            assertThat(player.getMethod("getAudio").invoke(playing)).isNotNull();
        }
    }

    @Test
    void playedVideoPassesThroughToItsCodecAndReCodingItNamesTheDependency() throws Exception {
        Path ivf = dir.resolve("a.ivf");
        try (IvfWriter writer = new IvfWriter(MediaFiles.create(ivf), new IvfHeader("VP80", 320, 240, 30, 1, 0))) {
            writer.write(0, MediaFiles.vp8Frame(true, 320, 240, 1, 50));
        }
        try (URLClassLoader alone = rtcCoreAlone()) {
            Class<?> player = alone.loadClass(MediaPlayer.class.getName());
            Object playing = player.getConstructor(Path.class).newInstance(ivf);
            Object video = player.getMethod("getVideo").invoke(playing);
            Method sentAs = alone.loadClass(RecodableTrack.class.getName()).getMethod("sentAs", List.class);
            assertThat(sentAs.invoke(video, List.of("video/H264", "video/VP8"))).isSameAs(video);

            Throwable refused = null;
            try {
                sentAs.invoke(video, List.of("video/H264"));
            } catch (InvocationTargetException e) {
                refused = e.getCause();
            }
            assertThat(refused).isNotNull();
            assertThat(refused.getClass().getName()).isEqualTo(VideoCodecUnavailableException.class.getName());
            assertThat(refused).hasMessageContaining("video/VP8").hasMessageContaining("video/H264")
                    .hasMessageContaining("org.bytedeco:ffmpeg");
            player.getMethod("close").invoke(playing);
        }
    }

    /** rtc-core's classes without FFmpeg: a loader of their own over the platform's. */
    private static URLClassLoader rtcCoreAlone() {
        URL classes = MediaPlayer.class.getProtectionDomain().getCodeSource().getLocation();
        return new URLClassLoader(new URL[] {classes}, ClassLoader.getPlatformClassLoader());
    }
}
