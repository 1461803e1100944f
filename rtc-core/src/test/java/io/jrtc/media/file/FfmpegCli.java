package io.jrtc.media.file;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Test media made with Debian's {@code ffmpeg} command (scripts/ensure-test-peers.sh installs it): a colour test
 * pattern and a sine tone, encoded and muxed by FFmpeg itself, so that our reader meets files as the world writes
 * them. Also runs {@code ffprobe} on what our writer made.
 */
public final class FfmpegCli {
    public static final Path FFMPEG = Path.of("/usr/bin/ffmpeg");
    public static final Path FFPROBE = Path.of("/usr/bin/ffprobe");

    /** Video and audio codecs as FFmpeg's encoders name them, with the options that keep a WebRTC peer happy. */
    public enum Video {
        H264("libx264", "-profile:v", "baseline", "-pix_fmt", "yuv420p", "-bf", "0", "-preset", "ultrafast"),
        VP8("libvpx", "-deadline", "realtime", "-cpu-used", "8", "-b:v", "500k"),
        VP9("libvpx-vp9", "-deadline", "realtime", "-cpu-used", "8", "-b:v", "500k");

        final List<String> arguments;

        Video(String encoder, String... options) {
            arguments = new ArrayList<>(List.of("-c:v", encoder));
            arguments.addAll(List.of(options));
        }
    }

    public enum Audio {
        AAC("aac"), OPUS("libopus");

        final String encoder;

        Audio(String encoder) {
            this.encoder = encoder;
        }
    }

    private FfmpegCli() {
    }

    /**
     * Writes {@code seconds} of a test pattern at {@code width}x{@code height}, 30 fps with a keyframe every
     * second, and of a sine tone at {@code toneHz} (44.1 kHz for AAC, the usual rate, 48 kHz for Opus) into
     * {@code file}, whose extension names the container.
     */
    public static Path make(Path file, Video video, Audio audio, int width, int height, int seconds, int toneHz)
            throws IOException, InterruptedException {
        int rate = audio == Audio.AAC ? 44_100 : 48_000;
        List<String> command = new ArrayList<>(List.of(FFMPEG.toString(), "-nostdin", "-hide_banner", "-loglevel",
                "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=" + width + "x" + height + ":rate=30", "-f",
                "lavfi", "-i", "sine=frequency=" + toneHz + ":sample_rate=" + rate, "-t", String.valueOf(seconds),
                "-g", "30"));
        command.addAll(video.arguments);
        command.addAll(List.of("-c:a", audio.encoder, "-b:a", "64k", file.toString()));
        run(command);
        return file;
    }

    /**
     * ffprobe's view of a file as "key=value" lines: each stream's codec_name (first of its block), codec_type,
     * width, height, start_time, duration and packet count (nb_read_packets), then the format's duration.
     */
    public static String probe(Path file) throws IOException, InterruptedException {
        return run(List.of(FFPROBE.toString(), "-v", "error", "-count_packets", "-show_entries",
                "stream=codec_name,codec_type,width,height,start_time,duration,nb_read_packets:format=duration", "-of", "default=nw=1",
                file.toString()));
    }

    /** The format's duration in seconds from {@link #probe}'s output (the last duration line). */
    public static double duration(String probe) {
        String[] lines = probe.lines().filter(line -> line.startsWith("duration=")).toArray(String[]::new);
        return Double.parseDouble(lines[lines.length - 1].substring("duration=".length()));
    }

    /** The packet count of the stream of {@code codecType} ("audio", "video") from {@link #probe}'s output. */
    public static long packets(String probe, String codecType) {
        String type = null;
        for (String line : probe.lines().toList()) {
            if (line.startsWith("codec_type=")) {
                type = line.substring("codec_type=".length());
            } else if (line.startsWith("nb_read_packets=") && codecType.equals(type)) {
                return Long.parseLong(line.substring("nb_read_packets=".length()));
            }
        }
        throw new IllegalArgumentException("no " + codecType + " stream in " + probe);
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(command.get(0) + " did not finish in 60 s");
        }
        String text = new String(output, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed (" + process.exitValue() + "): " + text);
        }
        return text;
    }
}
