package io.jrtc.media.file;

import io.jrtc.codec.OpusEncoder;
import io.jrtc.codec.Vp8PayloadFormat;
import io.jrtc.media.AudioFrame;
import io.jrtc.media.EncodedFrame;
import io.jrtc.media.Frame;
import io.jrtc.media.MediaKind;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Where {@link MediaRecorder} writes one track: a container chosen by the file's extension, opened when the first
 * frame it can use arrives (that frame fixes the format). Used on the I/O executor only.
 */
abstract class RecordingSink implements Closeable {
    private static final System.Logger LOG = System.getLogger(RecordingSink.class.getName());

    protected final FileChannel channel;
    private volatile long written;

    RecordingSink(FileChannel channel) {
        this.channel = channel;
    }

    /** The kind of track the container of {@code file} records; throws for an extension not written here. */
    static MediaKind kindFor(Path file) {
        return switch (extension(file)) {
            case "wav", "ogg", "opus" -> MediaKind.AUDIO;
            case "ivf", "h264", "264" -> MediaKind.VIDEO;
            default -> throw new IllegalArgumentException("no container for " + file
                    + ": record to .wav, .ogg, .opus, .ivf, .h264, .mp4, .webm or .mkv");
        };
    }

    /** The kinds of track {@code file}'s container records: audio and video for MP4, WebM and Matroska. */
    static Set<MediaKind> kindsFor(Path file) {
        return muxerFor(file) != null ? EnumSet.of(MediaKind.AUDIO, MediaKind.VIDEO) : EnumSet.of(kindFor(file));
    }

    /** FFmpeg's muxer for a container of audio and video, or null for the single-track containers. */
    static String muxerFor(Path file) {
        return switch (extension(file)) {
            case "mp4", "m4v", "mov" -> "mp4";
            case "webm" -> "webm";
            case "mkv" -> "matroska";
            default -> null;
        };
    }

    /**
     * Opens the sink for the tracks of {@code kinds} (for MP4 and WebM, the file is created here and written once
     * the tracks' formats are known).
     *
     * @throws FfmpegUnavailableException when the container needs FFmpeg and it is missing
     */
    static RecordingSink open(Path file, Set<MediaKind> kinds) throws IOException {
        String muxer = muxerFor(file);
        if (muxer == null) {
            return open(file);
        }
        FfmpegLibrary.require(muxer + " recording");
        FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING).close();  // fail now if the file cannot be written
        return new ContainerRecordingSink(file, muxer, kinds);
    }

    static RecordingSink open(Path file) throws IOException {
        String extension = extension(file);
        kindFor(file);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        return switch (extension) {
            case "wav" -> new Wav(channel);
            case "ivf" -> new Ivf(channel);
            case "ogg", "opus" -> new OggOpus(channel);
            default -> new AnnexB(channel);
        };
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** Writes the frame if this container takes it; frames of another format are dropped and logged. */
    final void accept(Frame frame) throws IOException {
        if (write(frame)) {
            written = written + 1;  // one writer: the I/O executor
        }
    }

    /** As {@link #accept(Frame)}, telling when the frame arrived (nanoseconds of the recorder's clock). */
    final void accept(Frame frame, long arrivalNanos) throws IOException {
        if (write(frame, arrivalNanos)) {
            written = written + 1;
        }
    }

    final long framesWritten() {
        return written;
    }

    /** @return whether the frame went into the file */
    protected abstract boolean write(Frame frame) throws IOException;

    /** For containers that place tracks on one timeline by arrival; the others ignore the time. */
    protected boolean write(Frame frame, long arrivalNanos) throws IOException {
        return write(frame);
    }

    /** Ends the container (an empty but valid file when no frame came) and closes the channel. */
    @Override
    public abstract void close() throws IOException;

    static void dropped(Frame frame, String why) {
        LOG.log(System.Logger.Level.DEBUG, () -> "recorder drops " + frame.getClass().getSimpleName() + ": " + why);
    }

    /** Raw 16-bit PCM audio; the first frame fixes rate and channels. */
    static final class Wav extends RecordingSink {
        private WavWriter writer;

        Wav(FileChannel channel) {
            super(channel);
        }

        @Override
        protected boolean write(Frame frame) throws IOException {
            if (!(frame instanceof AudioFrame audio)) {
                dropped(frame, "WAV records raw audio");
                return false;
            }
            if (writer == null) {
                writer = new WavWriter(channel, audio.sampleRate(), audio.channels());
            }
            if (audio.sampleRate() != writer.sampleRate() || audio.channels() != writer.channels()) {
                dropped(frame, "format changed mid-recording");
                return false;
            }
            writer.write(audio.samples());
            return true;
        }

        @Override
        public void close() throws IOException {
            if (writer == null) {
                writer = new WavWriter(channel, 48_000, 1);
            }
            writer.close();
        }
    }

    /**
     * VP8 frames in IVF on a 1/90000 time base, from the first keyframe on (earlier frames cannot be decoded), the
     * picture size taken from that keyframe; RTP timestamps are unwrapped across 2^32.
     */
    static final class Ivf extends RecordingSink {
        private IvfWriter writer;
        private long firstTimestamp;
        private long lastTimestamp;
        private long unwrapped;

        Ivf(FileChannel channel) {
            super(channel);
        }

        @Override
        protected boolean write(Frame frame) throws IOException {
            if (!(frame instanceof EncodedFrame coded) || !coded.mimeType().equalsIgnoreCase(FrameSources.VP8)) {
                dropped(frame, "IVF records VP8 frames");
                return false;
            }
            byte[] data = coded.data();
            if (writer == null) {
                int[] size = Vp8FrameHeader.dimensions(data);
                if (size == null || !Vp8PayloadFormat.isKeyframe(data, 0, data.length)) {
                    dropped(frame, "waiting for a keyframe");
                    return false;
                }
                writer = new IvfWriter(channel, new IvfHeader(IvfHeader.VP8, size[0], size[1],
                        Vp8PayloadFormat.CLOCK_RATE, 1, 0));
                firstTimestamp = coded.timestamp();
                lastTimestamp = firstTimestamp;
            }
            unwrapped += (int) (coded.timestamp() - lastTimestamp);
            lastTimestamp = coded.timestamp();
            writer.write(Math.max(0, unwrapped), data);
            return true;
        }

        @Override
        public void close() throws IOException {
            if (writer == null) {
                writer = new IvfWriter(channel, new IvfHeader(IvfHeader.VP8, 0, 0, Vp8PayloadFormat.CLOCK_RATE, 1, 0));
            }
            writer.close();
        }
    }

    /** H.264 access units as an Annex B stream, from the first one with an IDR slice on. */
    static final class AnnexB extends RecordingSink {
        private final AnnexBWriter writer;
        private boolean keyed;

        AnnexB(FileChannel channel) {
            super(channel);
            this.writer = new AnnexBWriter(new BufferedOutputStream(Channels.newOutputStream(channel)));
        }

        @Override
        protected boolean write(Frame frame) throws IOException {
            if (!(frame instanceof EncodedFrame coded) || !coded.mimeType().equalsIgnoreCase(FrameSources.H264)) {
                dropped(frame, "an H.264 stream records H.264 access units");
                return false;
            }
            keyed |= coded.keyframe() || FrameSources.AnnexB.holdsIdrSlice(coded.data());
            if (!keyed) {
                dropped(frame, "waiting for a keyframe");
                return false;
            }
            writer.write(coded.data());
            return true;
        }

        @Override
        public void close() throws IOException {
            writer.close();
        }
    }

    /**
     * Ogg Opus: coded Opus frames as they are, or raw audio (at 8, 12, 16, 24 or 48 kHz, mono or stereo) encoded
     * here in 20 ms packets; the first frame fixes which, and the channel count. Granule positions follow the
     * packets' own durations, not RTP timestamps, so a gap in what arrived (DTX, loss) closes up in the file.
     */
    static final class OggOpus extends RecordingSink {
        private static final int BITRATE_PER_CHANNEL = 48_000;
        private OggOpusWriter writer;
        private OpusEncoder encoder;
        private short[] pcm = new short[0];

        OggOpus(FileChannel channel) {
            super(channel);
        }

        @Override
        protected boolean write(Frame frame) throws IOException {
            if (frame instanceof EncodedFrame coded && coded.mimeType().equalsIgnoreCase(FrameSources.OPUS)) {
                if (encoder != null || coded.data().length == 0) {
                    dropped(frame, "recording raw audio, or an empty packet");
                    return false;
                }
                if (writer == null) {
                    // RFC 6716 §3.1: the TOC's s bit says whether the packet is stereo
                    int channels = (coded.data()[0] & 0x04) != 0 ? 2 : 1;
                    writer = openWriter(channels, 0, 48_000);
                }
                try {
                    writer.write(coded.data());
                } catch (IllegalArgumentException malformed) {
                    dropped(frame, malformed.getMessage());
                    return false;
                }
                return true;
            }
            if (frame instanceof AudioFrame audio) {
                return encode(audio);
            }
            dropped(frame, "Ogg Opus records audio");
            return false;
        }

        private boolean encode(AudioFrame audio) throws IOException {
            if (writer == null) {
                encoder = new OpusEncoder(audio.sampleRate(), audio.channels(),
                        BITRATE_PER_CHANNEL * audio.channels());
                int preSkip = (int) ((long) encoder.lookahead() * 48_000 / audio.sampleRate());
                writer = openWriter(audio.channels(), preSkip, audio.sampleRate());
            }
            if (encoder == null || audio.sampleRate() != encoder.sampleRate()
                    || audio.channels() != encoder.channels()) {
                dropped(audio, "format changed mid-recording");
                return false;
            }
            int frameSamples = encoder.sampleRate() / 50 * encoder.channels();
            short[] joined = Arrays.copyOf(pcm, pcm.length + audio.samples().length);
            System.arraycopy(audio.samples(), 0, joined, pcm.length, audio.samples().length);
            int at = 0;
            for (; joined.length - at >= frameSamples; at += frameSamples) {
                writer.write(encoder.encode(Arrays.copyOfRange(joined, at, at + frameSamples),
                        frameSamples / encoder.channels()));
            }
            pcm = Arrays.copyOfRange(joined, at, joined.length);
            return true;
        }

        private OggOpusWriter openWriter(int channels, int preSkip, int inputRate) throws IOException {
            return new OggOpusWriter(channel, new OpusHead(channels, preSkip, inputRate, 0),
                    ThreadLocalRandom.current().nextInt());
        }

        @Override
        public void close() throws IOException {
            if (writer == null) {
                writer = openWriter(1, 0, 48_000);
            }
            writer.close();
        }
    }
}
