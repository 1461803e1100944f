package io.jrtc.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.jrtc.media.MediaClock;
import io.jrtc.media.file.FfmpegCli;
import io.jrtc.media.file.MediaPlayer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * MP4 and WebM files made by FFmpeg's encoders play to aiortc through our FFmpeg demux path: aiortc decodes the
 * video at the file's size and hears the file's tone. aiortc 1.4 decodes VP8 and H.264 only, so it negotiates
 * one of those for the WebM's VP9, which the player decodes and re-encodes to it; the MP4's H.264 passes through.
 */
class ContainerFileInteropTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void mp4WithH264AndAacPlaysToAiortc() throws Exception {
        Path file = FfmpegCli.make(dir.resolve("h264-aac.mp4"), FfmpegCli.Video.H264, FfmpegCli.Audio.AAC, 320, 240,
                3, 440);
        playToAiortc(file, "H264/90000", 320, 240, 440);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void webmWithVp9AndOpusPlaysToAiortcReEncodedToVp8() throws Exception {
        Path file = FfmpegCli.make(dir.resolve("vp9-opus.webm"), FfmpegCli.Video.VP9, FfmpegCli.Audio.OPUS, 352,
                288, 3, 660);
        playToAiortc(file, "VP8/90000", 352, 288, 660);
    }

    private static void playToAiortc(Path file, String codec, int width, int height, double tone) throws Exception {
        try (AiortcPeer aiortc = new AiortcPeer(); JrtcPeer jrtc = new JrtcPeer();
             MediaPlayer player = new MediaPlayer(file, MediaClock.system(),
                     MediaPlayer.Options.defaults().withLoop(true))) {
            try {
                jrtc.peerConnection().addTrack(player.getVideo());
                jrtc.peerConnection().addTrack(player.getAudio());
                String answer = aiortc.acceptOffer(jrtc.createOffer());
                jrtc.acceptAnswer(answer);
                assertThat(answer).contains(codec);
                jrtc.awaitConnectionState("connected", WAIT);
                await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                    ScriptedPeer.VideoReport video = aiortc.videoStats();
                    assertThat(video.framesDecoded()).isGreaterThanOrEqualTo(30);
                    assertThat(video.width()).isEqualTo(width);
                    assertThat(video.height()).isEqualTo(height);
                });
                System.out.printf("aiortc decoded %s: %s%n", file.getFileName(), aiortc.videoStats());
                double heard = aiortc.awaitAudioFrequency(WAIT);
                System.out.printf("aiortc heard %s at %.1f Hz%n", file.getFileName(), heard);
                assertThat(heard).isBetween(tone * 0.95, tone * 1.05);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(e.getMessage() + logs(aiortc, jrtc), e);
            }
        }
    }

    private static String logs(InteropPeer... peers) {
        StringBuilder text = new StringBuilder();
        for (InteropPeer peer : peers) {
            text.append("\n--- log of ").append(peer.name()).append(" ---\n");
            peer.log().forEach(line -> text.append(line).append('\n'));
        }
        return text.toString();
    }
}
