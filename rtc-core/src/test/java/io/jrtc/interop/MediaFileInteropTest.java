package io.jrtc.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.jrtc.media.MediaClock;
import io.jrtc.media.MediaKind;
import io.jrtc.media.ToneAudioTrack;
import io.jrtc.media.VirtualMediaClock;
import io.jrtc.media.file.IvfFrame;
import io.jrtc.media.file.IvfHeader;
import io.jrtc.media.file.IvfReader;
import io.jrtc.media.file.MediaPlayer;
import io.jrtc.media.file.MediaRecorder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files between real peers: jrtc records two seconds of Chromium's fake camera (VP8) into an IVF file, then a
 * {@link MediaPlayer} plays that file to aiortc, which decodes it at the camera's size; alongside, an Ogg Opus file
 * recorded from a 440 Hz tone plays to aiortc, which hears the tone.
 */
class MediaFileInteropTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int CAMERA_FRAMES = 40;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void chromiumCameraRecordedToIvfPlaysToAiortc() throws Exception {
        Path file = dir.resolve("camera.ivf");
        record(file);
        Path tone = dir.resolve("tone.ogg");
        recordTone(tone);

        try (IvfReader reader = new IvfReader(Files.newInputStream(file))) {
            IvfHeader header = reader.header();
            assertThat(header.fourcc()).isEqualTo("VP80");
            assertThat(header.width()).isEqualTo(640);
            assertThat(header.height()).isEqualTo(480);
            assertThat(header.frameCount()).isGreaterThanOrEqualTo(CAMERA_FRAMES);
            IvfFrame first = reader.next();
            assertThat(first.pts()).isZero();
            assertThat(first.data()[0] & 0x01).as("VP8 P bit of the first frame: a keyframe").isZero();
        }

        try (AiortcPeer aiortc = new AiortcPeer(); JrtcPeer jrtc = new JrtcPeer();
             MediaPlayer player = new MediaPlayer(file, MediaClock.system(),
                     MediaPlayer.Options.defaults().withLoop(true));
             MediaPlayer audio = new MediaPlayer(tone, MediaClock.system(),
                     MediaPlayer.Options.defaults().withLoop(true))) {
            try {
                jrtc.peerConnection().addTrack(player.getVideo());
                jrtc.peerConnection().addTrack(audio.getAudio());
                String answer = aiortc.acceptOffer(jrtc.createOffer());
                jrtc.acceptAnswer(answer);
                assertThat(answer).contains("m=video").contains("VP8/90000");
                jrtc.awaitConnectionState("connected", WAIT);
                await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                    ScriptedPeer.VideoReport video = aiortc.videoStats();
                    assertThat(video.framesDecoded()).isGreaterThanOrEqualTo(30);
                    assertThat(video.width()).isEqualTo(640);
                    assertThat(video.height()).isEqualTo(480);
                });
                System.out.printf("aiortc decoded the recording: %s%n", aiortc.videoStats());
                double heard = aiortc.awaitAudioFrequency(WAIT);
                System.out.printf("aiortc heard the Ogg Opus file at %.1f Hz%n", heard);
                assertThat(heard).isBetween(418.0, 462.0);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(e.getMessage() + logs(aiortc, jrtc), e);
            }
        }
    }

    /** Chromium offers its camera, jrtc answers and records what arrives for two seconds. */
    private void record(Path file) throws Exception {
        MediaRecorder recorder = new MediaRecorder(file);
        try (ChromiumPeer chromium = new ChromiumPeer(); JrtcPeer jrtc = new JrtcPeer()) {
            try {
                CompletableFuture<Void> recording = new CompletableFuture<>();
                jrtc.peerConnection().onTrack(event -> {
                    if (event.track().getKind() == MediaKind.VIDEO) {
                        recorder.addTrack(event.track());
                        recorder.start().whenComplete((ok, error) -> {
                            if (error != null) {
                                recording.completeExceptionally(error);
                            } else {
                                recording.complete(null);
                            }
                        });
                    }
                });
                chromium.addCameraTrack();
                String answer = jrtc.acceptOffer(chromium.createOffer());
                chromium.acceptAnswer(answer);
                assertThat(answer).contains("VP8/90000");
                recording.get(WAIT.toSeconds(), TimeUnit.SECONDS);
                jrtc.awaitConnectionState("connected", WAIT);
                // two seconds of the fake camera's 20 fps, counted in frames: a loaded machine stretches real time
                await().atMost(WAIT).until(() -> recorder.framesWritten() >= CAMERA_FRAMES);
                recorder.stop().get(5, TimeUnit.SECONDS);
                System.out.printf("recorded %d frames of Chromium's camera%n", recorder.framesWritten());
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(e.getMessage() + logs(chromium, jrtc), e);
            }
        }
    }

    /** One second of a 440 Hz tone through the Opus encoder into Ogg, generated on a virtual clock. */
    private static void recordTone(Path file) throws Exception {
        VirtualMediaClock clock = new VirtualMediaClock();
        ToneAudioTrack tone = new ToneAudioTrack(clock, 440, 8000);
        MediaRecorder recorder = new MediaRecorder(file);
        recorder.addTrack(tone);
        recorder.start().get(5, TimeUnit.SECONDS);
        for (int i = 1; i <= 50; i++) {
            long written = i;
            await().atMost(WAIT).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(2))
                    .until(() -> recorder.framesWritten() >= written);
            clock.advance(20_000_000);
        }
        recorder.stop().get(5, TimeUnit.SECONDS);
        tone.stop();
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
