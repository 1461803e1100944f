package io.jrtc.media.file;

import io.jrtc.media.MediaKind;
import java.io.Closeable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;

/**
 * An MP4 or WebM/Matroska file written through FFmpeg's muxer (libavformat) from coded frames: streams declared
 * once, then packets with timestamps on each stream's RTP clock, interleaved by FFmpeg; {@link #close()} writes
 * the trailer (MP4's movie box with its sample tables), without which the file does not play. Every return code is
 * checked. Not thread-safe: used on the file I/O executor.
 */
final class ContainerMuxer implements Closeable {
    /**
     * A stream to declare: the codec by its RTP MIME type, its clock rate, extradata (Opus: the OpusHead; H.264:
     * SPS and PPS in Annex B, which the muxer turns into avcC), and the picture size or audio channels.
     */
    record Stream(MediaKind kind, String mimeType, int clockRate, byte[] extradata, int width, int height,
            int channels) {
    }

    private final Path file;
    private final AVFormatContext format;
    private final AVPacket packet;
    private final List<AVRational> clocks = new ArrayList<>();
    private boolean closed;

    private ContainerMuxer(Path file, AVFormatContext format) {
        this.file = file;
        this.format = format;
        this.packet = avcodec.av_packet_alloc();
    }

    /**
     * Creates (truncates) the file and writes its header.
     *
     * @param muxer FFmpeg's name of the container: "mp4", "webm" or "matroska"
     * @throws MediaFileFormatException when FFmpeg refuses the streams (a codec the container cannot hold) or the
     *                                  file cannot be written
     */
    static ContainerMuxer open(Path file, String muxer, List<Stream> streams) throws MediaFileFormatException {
        AVFormatContext format = new AVFormatContext(null);
        String path = file.toAbsolutePath().toString();
        ContainerDemuxer.check(avformat.avformat_alloc_output_context2(format, null, muxer, path),
                "setting up the " + muxer + " muxer");
        ContainerMuxer opened = new ContainerMuxer(file, format);
        boolean headerWritten = false;
        try {
            for (Stream stream : streams) {
                opened.declare(stream);
            }
            AVIOContext io = new AVIOContext(null);
            ContainerDemuxer.check(avformat.avio_open(io, path, avformat.AVIO_FLAG_WRITE), "creating " + file);
            format.pb(io);
            ContainerDemuxer.check(avformat.avformat_write_header(format, (org.bytedeco.ffmpeg.avutil.AVDictionary) null),
                    "writing the " + muxer + " header of " + file);
            headerWritten = true;
            return opened;
        } finally {
            if (!headerWritten) {
                opened.release();
            }
        }
    }

    private void declare(Stream stream) throws MediaFileFormatException {
        AVStream created = avformat.avformat_new_stream(format, null);
        MediaFileFormatException.require(created != null, "FFmpeg could not add a stream");
        AVCodecParameters parameters = created.codecpar();
        parameters.codec_id(codecId(stream.mimeType()));
        if (stream.kind() == MediaKind.VIDEO) {
            parameters.codec_type(avutil.AVMEDIA_TYPE_VIDEO).width(stream.width()).height(stream.height());
        } else {
            parameters.codec_type(avutil.AVMEDIA_TYPE_AUDIO).sample_rate(stream.clockRate());
            avutil.av_channel_layout_default(parameters.ch_layout(), stream.channels());
        }
        if (stream.extradata().length > 0) {
            // the muxer frees extradata with av_free: it must come from av_malloc, padded as FFmpeg requires
            Pointer memory = avutil.av_mallocz(stream.extradata().length + avcodec.AV_INPUT_BUFFER_PADDING_SIZE);
            MediaFileFormatException.require(memory != null && !memory.isNull(), "out of native memory");
            BytePointer bytes = new BytePointer(memory).capacity(stream.extradata().length);
            bytes.put(stream.extradata());
            parameters.extradata(bytes).extradata_size(stream.extradata().length);
        }
        AVRational clock = avutil.av_make_q(1, stream.clockRate());
        created.time_base(clock);
        clocks.add(clock);
    }

    static int codecId(String mimeType) throws MediaFileFormatException {
        return switch (mimeType) {
            case FrameSources.H264 -> avcodec.AV_CODEC_ID_H264;
            case FrameSources.VP8 -> avcodec.AV_CODEC_ID_VP8;
            case FrameSources.VP9 -> avcodec.AV_CODEC_ID_VP9;
            case FrameSources.AV1 -> avcodec.AV_CODEC_ID_AV1;
            case FrameSources.OPUS -> avcodec.AV_CODEC_ID_OPUS;
            default -> throw new MediaFileFormatException("no container stream for " + mimeType);
        };
    }

    /**
     * Writes one coded frame.
     *
     * @param stream   the index of its stream, in the order declared
     * @param ticks    its presentation time on the stream's clock, from the start of the file; rising per stream
     * @param duration how long it lasts on the same clock
     */
    void write(int stream, byte[] data, long ticks, long duration, boolean keyframe) throws MediaFileFormatException {
        ContainerDemuxer.check(avcodec.av_new_packet(packet, data.length), "allocating a packet");
        packet.data().put(data, 0, data.length);
        AVRational base = format.streams(stream).time_base();
        packet.stream_index(stream)
                .pts(avutil.av_rescale_q(ticks, clocks.get(stream), base))
                .dts(avutil.av_rescale_q(ticks, clocks.get(stream), base))
                .duration(avutil.av_rescale_q(duration, clocks.get(stream), base))
                .flags(keyframe ? avcodec.AV_PKT_FLAG_KEY : 0);
        // takes the packet's reference (and unrefs it) whether it succeeds or not
        ContainerDemuxer.check(avformat.av_interleaved_write_frame(format, packet), "writing a frame to " + file);
    }

    /** Flushes the interleaving queue, writes the trailer and closes the file. */
    @Override
    public void close() throws java.io.IOException {
        if (closed) {
            return;
        }
        try {
            ContainerDemuxer.check(avformat.av_write_trailer(format), "finishing " + file);
        } finally {
            release();
        }
    }

    private void release() {
        closed = true;
        avcodec.av_packet_free(packet);
        if (format.pb() != null && !format.pb().isNull()) {
            avformat.avio_closep(format.pb());
        }
        avformat.avformat_free_context(format);
    }
}
