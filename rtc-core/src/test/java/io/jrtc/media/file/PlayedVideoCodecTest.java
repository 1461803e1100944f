package io.jrtc.media.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jrtc.media.video.VideoCodecUnavailableException;
import io.jrtc.media.video.VideoCodecs;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class PlayedVideoCodecTest {
    private final AtomicInteger libraryAsked = new AtomicInteger();

    private BooleanSupplier library(boolean there) {
        return () -> {
            libraryAsked.incrementAndGet();
            return there;
        };
    }

    @Test
    void aNegotiatedCodecPassesThroughWithoutAskingForTheLibrary() {
        assertThat(PlayedVideoCodec.sendAs("video/VP9", List.of("video/VP8", "video/vp9"), library(false)))
                .isEqualTo("video/VP9");
        assertThat(libraryAsked).hasValue(0);
    }

    @Test
    void anotherCodecIsReEncodedToTheFirstNegotiatedOneWithAnEncoder() {
        assertThat(PlayedVideoCodec.sendAs("video/VP9", List.of("video/H265", "video/vp8", "video/H264"),
                library(true))).isEqualTo("video/VP8");
        assertThat(libraryAsked).hasValue(1);
    }

    @Test
    void reEncodingWithoutTheLibraryIsAnErrorNamingTheDependency() {
        assertThatThrownBy(() -> PlayedVideoCodec.sendAs("video/VP9", List.of("video/VP8"), library(false)))
                .isInstanceOf(VideoCodecUnavailableException.class)
                .hasMessageContaining("video/VP9").hasMessageContaining("video/VP8")
                .hasMessageContaining(VideoCodecs.DEPENDENCY);
    }

    @Test
    void noNegotiatedCodecWithAnEncoderIsAnError() {
        assertThatThrownBy(() -> PlayedVideoCodec.sendAs("video/VP9", List.of("video/H265"), library(true)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("video/H265");
    }
}
