package io.jrtc.media.file;

import io.jrtc.media.AudioFrame;
import io.jrtc.media.EncodedFrame;
import io.jrtc.media.Frame;
import io.jrtc.media.MediaKind;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The tracks of MP4 and WebM/Matroska files as {@link FrameSource}s, each over its own {@link ContainerDemuxer}:
 * coded video passed through (H.264 made Annex B with its parameter sets before keyframes; VP8, VP9 and AV1 as
 * they are), Opus passed through, AAC decoded to 48 kHz PCM in 20 ms frames for the Opus encoder of the sender.
 */
final class ContainerSources {
    private ContainerSources() {
    }

    /** The file's track of {@code kind}, or null when it has none in a codec played here. */
    static FrameSource open(FrameSources.Container container, Path file, MediaKind kind) throws IOException {
        ContainerDemuxer demuxer = ContainerDemuxer.open(file, container, kind);
        if (demuxer == null) {
            return null;
        }
        try {
            ContainerDemuxer.Track track = demuxer.track();
            if (kind == MediaKind.VIDEO) {
                return new Video(demuxer, track.mimeType().equals(FrameSources.H264)
                        ? AvcToAnnexB.fromExtradata(track.extradata()) : null);
            }
            if (track.mimeType().equals(FrameSources.OPUS)) {
                return new Opus(demuxer);
            }
            return new DecodedAac(demuxer, new AacDecoder(demuxer.parameters()));
        } catch (IOException | RuntimeException e) {
            demuxer.close();
            throw e;
        }
    }

    /** Coded video on the 90 kHz clock; the container's keyframe flag says which frames decode on their own. */
    static final class Video implements FrameSource {
        private final ContainerDemuxer demuxer;
        private final AvcToAnnexB h264;

        Video(ContainerDemuxer demuxer, AvcToAnnexB h264) {
            this.demuxer = demuxer;
            this.h264 = h264;
        }

        @Override
        public Frame next() throws IOException {
            ContainerDemuxer.Packet packet = demuxer.nextWithData();
            if (packet == null) {
                return null;
            }
            byte[] data = h264 == null ? packet.data() : h264.accessUnit(packet.data(), packet.keyframe());
            return new EncodedFrame(demuxer.track().mimeType(), clockRate(), data, packet.ticks(),
                    packet.keyframe());
        }

        @Override
        public int clockRate() {
            return demuxer.track().clockRate();
        }

        @Override
        public String videoMimeType() {
            return demuxer.track().mimeType();
        }

        @Override
        public void close() {
            demuxer.close();
        }
    }

    /** Opus packets as they are, on the 48 kHz clock. */
    static final class Opus implements FrameSource {
        private final ContainerDemuxer demuxer;

        Opus(ContainerDemuxer demuxer) {
            this.demuxer = demuxer;
        }

        @Override
        public Frame next() throws IOException {
            ContainerDemuxer.Packet packet = demuxer.nextWithData();
            if (packet == null) {
                return null;
            }
            return new EncodedFrame(FrameSources.OPUS, clockRate(), packet.data(), packet.ticks(), true);
        }

        @Override
        public int clockRate() {
            return 48_000;
        }

        @Override
        public void close() {
            demuxer.close();
        }
    }

    /**
     * AAC decoded by FFmpeg to 48 kHz 16-bit PCM (mono or stereo), handed out in 20 ms frames, pts counted in
     * samples from the start: Opus encodes only 2.5 to 60 ms frames, and AAC's are 1024 samples.
     */
    static final class DecodedAac implements FrameSource {
        private final ContainerDemuxer demuxer;
        private final AacDecoder decoder;
        private final PcmFrames frames;
        private boolean drained;

        DecodedAac(ContainerDemuxer demuxer, AacDecoder decoder) {
            this.demuxer = demuxer;
            this.decoder = decoder;
            this.frames = new PcmFrames(AacDecoder.OUTPUT_RATE, decoder.channels(), AacDecoder.OUTPUT_RATE / 50);
        }

        @Override
        public Frame next() throws IOException {
            while (true) {
                AudioFrame frame = frames.poll();
                if (frame != null) {
                    return frame;
                }
                if (drained) {
                    return frames.pollRest();
                }
                ContainerDemuxer.Packet packet = demuxer.next();
                if (packet == null) {
                    drained = true;
                    frames.add(decoder.drain());
                } else if (packet.data().length > 0) {
                    frames.add(decoder.decode(packet.data()));
                }
            }
        }

        @Override
        public int clockRate() {
            return AacDecoder.OUTPUT_RATE;
        }

        @Override
        public void close() {
            decoder.close();
            demuxer.close();
        }
    }
}
