package io.jrtc.media.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;

/**
 * Without {@code org.bytedeco:ffmpeg} on the class path (jrtc's classes alone in a class loader of their own), the
 * codec factory says so, naming the dependency, instead of failing with a linkage error.
 */
class VideoCodecsWithoutFfmpegTest {
    @Test
    void aMissingLibraryIsAClearErrorNamingTheDependency() throws Exception {
        URL jrtcClasses = VideoCodecs.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader withoutFfmpeg = new URLClassLoader(new URL[] {jrtcClasses},
                ClassLoader.getPlatformClassLoader())) {
            Class<?> codecs = withoutFfmpeg.loadClass(VideoCodecs.class.getName());
            assertThat(codecs.getMethod("available").invoke(null)).isEqualTo(false);
            Method encoder = codecs.getMethod("encoder", String.class);
            Throwable thrown = null;
            try {
                encoder.invoke(null, "video/VP8");
            } catch (InvocationTargetException e) {
                thrown = e.getCause();
            }
            assertThat(thrown).isNotNull();
            assertThat(thrown.getClass().getName()).isEqualTo(VideoCodecUnavailableException.class.getName());
            assertThat(thrown.getMessage()).contains("org.bytedeco:ffmpeg:7.1.1-1.5.12").contains("linux-x86_64");
        }
    }
}
