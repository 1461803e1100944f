package io.jrtc.media.file;

import io.jrtc.codec.CodecParseException;
import io.jrtc.codec.H264NalUnits;
import io.jrtc.codec.OpusDecoder;
import io.jrtc.codec.OpusPayloadFormat;
import io.jrtc.codec.Vp8PayloadFormat;
import io.jrtc.media.AudioFrame;
import io.jrtc.media.EncodedFrame;
import io.jrtc.media.Frame;
import io.jrtc.media.MediaKind;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** The containers {@link MediaPlayer} plays, told apart by their first bytes, each as a {@link FrameSource}. */
final class FrameSources {
    static final String VP8 = "video/VP8";
    static final String H264 = "video/H264";
    static final String VP9 = "video/VP9";
    static final String AV1 = "video/AV1";
    static final String OPUS = "audio/opus";
    static final String AAC = "audio/mp4a-latm";

    private FrameSources() {
    }

    enum Container {
        WAV(MediaKind.AUDIO), IVF(MediaKind.VIDEO), OGG_OPUS(MediaKind.AUDIO), H264_ANNEX_B(MediaKind.VIDEO),
        /** ISO base media (MP4, MOV), audio and video, through FFmpeg. */
        MP4(null),
        /** Matroska and WebM, audio and video, through FFmpeg. */
        MATROSKA(null);

        /** The one kind of track the container holds, or null for audio and video together. */
        final MediaKind kind;

        Container(MediaKind kind) {
            this.kind = kind;
        }
    }

    /** MP4's first box types (ISO/IEC 14496-12 §4.2): a file type box, or a movie, media data or free box. */
    private static final java.util.Set<String> MP4_FIRST_BOXES = java.util.Set.of("ftyp", "moov", "mdat", "free",
            "skip", "wide");
    /** Matroska's EBML header ID (RFC 9559 §4.1), which WebM shares. */
    private static final byte[] EBML_MAGIC = {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3};

    /**
     * Which container a file is, from its magic: "RIFF", "DKIF", "OggS", an Annex B start code, the EBML header
     * of Matroska/WebM, or an MP4 box type at offset 4.
     */
    static Container sniff(Path file) throws IOException {
        byte[] magic;
        try (InputStream in = Files.newInputStream(file)) {
            magic = in.readNBytes(8);
        }
        String tag = new String(magic, 0, Math.min(4, magic.length), java.nio.charset.StandardCharsets.ISO_8859_1);
        if (magic.length >= 4 && Arrays.equals(magic, 0, 4, EBML_MAGIC, 0, 4)) {
            return Container.MATROSKA;
        }
        if (magic.length == 8 && MP4_FIRST_BOXES.contains(new String(magic, 4, 4,
                java.nio.charset.StandardCharsets.ISO_8859_1))) {
            return Container.MP4;
        }
        return switch (tag) {
            case "RIFF" -> Container.WAV;
            case "DKIF" -> Container.IVF;
            case "OggS" -> Container.OGG_OPUS;
            default -> {
                if (magic.length >= 3 && magic[0] == 0 && magic[1] == 0) {
                    yield Container.H264_ANNEX_B;
                }
                throw new MediaFileFormatException(file
                        + " is none of WAV, IVF, Ogg Opus, H.264 Annex B, MP4 or WebM/Matroska");
            }
        };
    }

    /**
     * The file's track of {@code kind} as a source, or null when the container holds no such track (WAV has no
     * video; an MP4 may have no audio).
     */
    static FrameSource open(Container container, Path file, MediaKind kind, int h264FramesPerSecond,
            boolean decodeOpus) throws IOException {
        if (container.kind == null) {
            FfmpegLibrary.require(container + " files");
            return ContainerSources.open(container, file, kind);
        }
        return container.kind == kind ? open(container, file, h264FramesPerSecond, decodeOpus) : null;
    }

    static FrameSource open(Container container, Path file, int h264FramesPerSecond, boolean decodeOpus)
            throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        try {
            return switch (container) {
                case WAV -> new Wav(new WavReader(in));
                case IVF -> new Ivf(new IvfReader(in));
                case OGG_OPUS -> decodeOpus ? new DecodedOggOpus(new OggOpusReader(in)) : new OggOpus(new OggOpusReader(in));
                case H264_ANNEX_B -> new AnnexB(new AnnexBReader(in), h264FramesPerSecond);
                case MP4, MATROSKA -> throw new IllegalArgumentException(container + " is read through FFmpeg");
            };
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** WAV as 20 ms AudioFrames, pts in samples. */
    static final class Wav implements FrameSource {
        private final WavReader reader;
        private final int samplesPerFrame;
        private long pts;

        Wav(WavReader reader) {
            this.reader = reader;
            this.samplesPerFrame = Math.max(1, reader.sampleRate() / 50);
        }

        @Override
        public Frame next() throws IOException {
            short[] samples = reader.read(samplesPerFrame);
            if (samples == null) {
                return null;
            }
            AudioFrame frame = new AudioFrame(samples, reader.sampleRate(), reader.channels(), pts);
            pts += frame.samplesPerChannel();
            return frame;
        }

        @Override
        public int clockRate() {
            return reader.sampleRate();
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }

    /** IVF of VP8 as EncodedFrames on the 90 kHz clock, keyframes told by the VP8 frame tag. */
    static final class Ivf implements FrameSource {
        private final IvfReader reader;

        Ivf(IvfReader reader) throws MediaFileFormatException {
            this.reader = reader;
            MediaFileFormatException.require(reader.header().fourcc().equals(IvfHeader.VP8),
                    "IVF of " + reader.header().fourcc() + ": only VP8 (VP80) is played");
        }

        @Override
        public Frame next() throws IOException {
            IvfFrame frame = reader.next();
            if (frame == null) {
                return null;
            }
            return new EncodedFrame(VP8, Vp8PayloadFormat.CLOCK_RATE, frame.data(),
                    reader.header().toClock(frame.pts(), Vp8PayloadFormat.CLOCK_RATE),
                    Vp8PayloadFormat.isKeyframe(frame.data(), 0, frame.data().length));
        }

        @Override
        public int clockRate() {
            return Vp8PayloadFormat.CLOCK_RATE;
        }

        @Override
        public String videoMimeType() {
            return VP8;
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }

    /** Ogg Opus as coded EncodedFrames on the 48 kHz clock, stamped by the samples before them. */
    static final class OggOpus implements FrameSource {
        private final OggOpusReader reader;
        private long timestamp;

        OggOpus(OggOpusReader reader) {
            this.reader = reader;
        }

        @Override
        public Frame next() throws IOException {
            byte[] packet = reader.nextPacket();
            if (packet == null) {
                return null;
            }
            int samples;
            try {
                samples = OpusPayloadFormat.samplesAt48kHz(packet, 0, packet.length);
            } catch (CodecParseException e) {
                throw new MediaFileFormatException("malformed Opus packet in Ogg: " + e.getMessage());
            }
            EncodedFrame frame = new EncodedFrame(OPUS, OpusPayloadFormat.CLOCK_RATE, packet, timestamp, true);
            timestamp += samples;
            return frame;
        }

        @Override
        public int clockRate() {
            return OpusPayloadFormat.CLOCK_RATE;
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }

    /**
     * Ogg Opus decoded to 48 kHz AudioFrames, one per packet, pts in samples; the head's pre-skip samples, the
     * encoder's delay, are dropped as RFC 7845 §4.2 asks of players.
     */
    static final class DecodedOggOpus implements FrameSource {
        private final OggOpusReader reader;
        private final OpusDecoder decoder;
        private int toSkip;
        private long pts;

        DecodedOggOpus(OggOpusReader reader) {
            this.reader = reader;
            this.decoder = new OpusDecoder(OpusPayloadFormat.CLOCK_RATE, reader.head().channels());
            this.toSkip = reader.head().preSkip();
        }

        @Override
        public Frame next() throws IOException {
            while (true) {
                byte[] packet = reader.nextPacket();
                if (packet == null) {
                    return null;
                }
                short[] pcm;
                try {
                    pcm = decoder.decode(packet, 0, packet.length);
                } catch (CodecParseException e) {
                    throw new MediaFileFormatException("malformed Opus packet in Ogg: " + e.getMessage());
                }
                int channels = decoder.channels();
                int skip = Math.min(toSkip, pcm.length / channels);
                toSkip -= skip;
                if (skip * channels == pcm.length) {
                    continue;
                }
                short[] kept = skip == 0 ? pcm : Arrays.copyOfRange(pcm, skip * channels, pcm.length);
                AudioFrame frame = new AudioFrame(kept, OpusPayloadFormat.CLOCK_RATE, channels, pts);
                pts += frame.samplesPerChannel();
                return frame;
            }
        }

        @Override
        public int clockRate() {
            return OpusPayloadFormat.CLOCK_RATE;
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }

    /** H.264 Annex B access units at a fixed frame rate on the 90 kHz clock; a keyframe holds an IDR slice. */
    static final class AnnexB implements FrameSource {
        private static final int CLOCK_RATE = 90_000;
        private final AnnexBReader reader;
        private final int framesPerSecond;
        private long index;

        AnnexB(AnnexBReader reader, int framesPerSecond) {
            this.reader = reader;
            this.framesPerSecond = framesPerSecond;
        }

        @Override
        public Frame next() throws IOException {
            byte[] unit = reader.nextAccessUnit();
            if (unit == null) {
                return null;
            }
            long timestamp = index++ * CLOCK_RATE / framesPerSecond;
            return new EncodedFrame(H264, CLOCK_RATE, unit, timestamp, holdsIdrSlice(unit));
        }

        @Override
        public String videoMimeType() {
            return H264;
        }

        static boolean holdsIdrSlice(byte[] unit) {
            for (byte[] nal : H264NalUnits.splitAnnexB(unit, 0, unit.length)) {
                if (H264NalUnits.type(nal[0]) == H264NalUnits.TYPE_IDR_SLICE) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public int clockRate() {
            return CLOCK_RATE;
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }
}
