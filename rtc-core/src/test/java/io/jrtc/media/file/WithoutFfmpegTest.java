package io.jrtc.media.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An application without the optional FFmpeg dependency: rtc-core's classes alone in a class loader of their own.
 * MP4 and WebM fail with an exception naming the dependency; WAV still plays.
 */
class WithoutFfmpegTest {
    @TempDir
    Path dir;

    @Test
    void containersNeedingFfmpegNameTheDependencyAndTheOthersStillPlay() throws Exception {
        URL classes = MediaPlayer.class.getProtectionDomain().getCodeSource().getLocation();
        Path mp4 = dir.resolve("a.mp4");
        Files.write(mp4, new byte[] {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm'});
        Path wav = MediaFiles.rampWav(dir.resolve("a.wav"), 960);
        try (URLClassLoader alone = new URLClassLoader(new URL[] {classes}, ClassLoader.getPlatformClassLoader())) {
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
}
