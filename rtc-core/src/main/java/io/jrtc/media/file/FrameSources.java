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
    static final String OPUS = "audio/opus";

    private FrameSources() {
    }

    enum Container {
        WAV(MediaKind.AUDIO), IVF(MediaKind.VIDEO), OGG_OPUS(MediaKind.AUDIO), H264_ANNEX_B(MediaKind.VIDEO);

        final MediaKind kind;

        Container(MediaKind kind) {
            this.kind = kind;
        }
    }

    /** Which container a file is, from its magic: "RIFF", "DKIF", "OggS" or an Annex B start code. */
    static Container sniff(Path file) throws IOException {
        byte[] magic;
        try (InputStream in = Files.newInputStream(file)) {
            magic = in.readNBytes(4);
        }
        String tag = new String(magic, java.nio.charset.StandardCharsets.ISO_8859_1);
        return switch (tag) {
            case "RIFF" -> Container.WAV;
            case "DKIF" -> Container.IVF;
            case "OggS" -> Container.OGG_OPUS;
            default -> {
                if (magic.length >= 3 && magic[0] == 0 && magic[1] == 0) {
                    yield Container.H264_ANNEX_B;
                }
                throw new MediaFileFormatException(file + " is none of WAV, IVF, Ogg Opus or H.264 Annex B");
            }
        };
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
