package io.jrtc.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jrtc.media.Frame;
import io.jrtc.media.MediaStreamError;
import io.jrtc.media.MediaStreamTrack;
import io.jrtc.media.VirtualMediaClock;
import io.jrtc.media.file.MediaPlayer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * MP4 and WebM/Matroska files of arbitrary bytes through the player's FFmpeg demux path (native code: a crash here
 * would take the JVM with it). Each input, cut to {@link #MAX_FILE_BYTES}, is written as a file and played to its
 * end on a virtual clock, both tracks, at most {@link #MAX_FRAMES} frames each, within {@link #MAX_CPU_NANOS}. Only {@link IOException} may leave
 * the constructor, and a track may end only on its end or on an I/O or format failure (the cause of its
 * {@link MediaStreamError}), never on another exception of ours. The seed inputs are small files FFmpeg made
 * (H.264 + AAC in MP4, VP9 + Opus in WebM); the fuzzer mutates from them.
 */
class ContainerDemuxFuzzTest {
    static final int MAX_FILE_BYTES = 16 << 10;
    static final int MAX_FRAMES = 300;
    /**
     * Each input opens FFmpeg's demuxer once per track and, for AAC, a decoder and a resampler whose filter tables
     * alone take tens of milliseconds at some rates: 250 ms of CPU, not the parsers' 50.
     */
    static final long MAX_CPU_NANOS = 250_000_000L;
    private static final Path FILE = temporaryFile();

    @FuzzTest(maxDuration = "5s")
    void containerFile(byte[] input) throws Exception {
        byte[] file = Arrays.copyOf(input, Math.min(input.length, MAX_FILE_BYTES));
        Files.write(FILE, file);
        InputBudget.within(MAX_CPU_NANOS, () -> {
            VirtualMediaClock clock = new VirtualMediaClock();
            MediaPlayer player;
            try {
                player = new MediaPlayer(FILE, clock, MediaPlayer.Options.defaults().withIoExecutor(Runnable::run));
            } catch (IOException refused) {
                return;
            }
            try (player) {
                playToTheEnd(player.getVideo(), clock);
                playToTheEnd(player.getAudio(), clock);
            }
        });
    }

    private static void playToTheEnd(MediaStreamTrack track, VirtualMediaClock clock) {
        if (track == null) {
            return;
        }
        for (int frames = 0; frames < MAX_FRAMES; frames++) {
            CompletableFuture<Frame> next = track.recv();
            while (!next.isDone()) {
                long deadline = clock.nextDeadline();
                if (deadline == Long.MAX_VALUE) {
                    throw new AssertionError("a frame never comes: no timer pending");
                }
                clock.advanceTo(deadline);
            }
            try {
                next.join();
            } catch (CompletionException ended) {
                Throwable cause = ended;
                while (cause instanceof CompletionException || cause instanceof MediaStreamError) {
                    cause = cause.getCause();
                }
                if (cause != null && !(cause instanceof UncheckedIOException)) {
                    throw new AssertionError("playback failed on something other than the file", cause);
                }
                return;
            }
        }
    }

    private static Path temporaryFile() {
        try {
            Path file = Files.createTempFile("jrtc-fuzz-container", ".bin");
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
