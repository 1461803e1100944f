package io.jrtc.media.file;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_AAC;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_AV1;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_OPUS;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_VP8;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_VP9;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;

import io.jrtc.media.MediaKind;
import java.io.Closeable;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVInputFormat;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;

/**
 * One track of an MP4 or WebM/Matroska file read through FFmpeg's demuxer (libavformat): the first audio or video
 * stream in a codec played here, its packets in file order with their timestamps on the track's RTP clock, counted
 * from the track's first packet. Only the demuxer named by the container is allowed (no probing of other formats),
 * only the {@code file} protocol, and no decoding happens here: the native code sees the file through the one
 * demuxer and the packets are copied out. Every return code is checked; a failure is a
 * {@link MediaFileFormatException}. Not thread-safe: used on the file I/O executor.
 */
final class ContainerDemuxer implements Closeable {
    /** A packet larger than this is taken for a damaged file, not a frame. */
    static final int MAX_PACKET_BYTES = 8 << 20;

    /** What the chosen stream carries. */
    record Track(MediaKind kind, String mimeType, int clockRate, byte[] extradata, int sampleRate, int channels) {
    }

    /** A packet of the chosen stream: its bytes, timestamp in ticks of the track's clock rate, keyframe flag. */
    record Packet(byte[] data, long ticks, boolean keyframe) {
    }

    private final Path file;
    private final AVFormatContext format;
    private final AVPacket packet;
    private final int streamIndex;
    private final Track track;
    private final AVRational timeBase;
    private final AVRational clock;
    private long firstTimestamp = AV_NOPTS_VALUE;
    private long lastTicks;
    private boolean closed;

    private ContainerDemuxer(Path file, AVFormatContext format, int streamIndex, Track track, AVRational timeBase) {
        this.file = file;
        this.format = format;
        this.streamIndex = streamIndex;
        this.track = track;
        this.timeBase = timeBase;
        this.clock = avutil.av_make_q(1, track.clockRate());
        this.packet = avcodec.av_packet_alloc();
    }

    /**
     * Opens the file with the demuxer of its container and picks the first stream of {@code kind} in a codec
     * played here.
     *
     * @return the demuxer, or null when the file has no such stream
     * @throws MediaFileFormatException when FFmpeg cannot read the file's header
     */
    static ContainerDemuxer open(Path file, FrameSources.Container container, MediaKind kind)
            throws MediaFileFormatException, FfmpegUnavailableException {
        FfmpegLibrary.require(container + " files");
        AVInputFormat demuxer = avformat.av_find_input_format(container == FrameSources.Container.MP4 ? "mp4"
                : "matroska");
        if (demuxer == null) {
            throw new MediaFileFormatException("this FFmpeg build has no demuxer for " + container);
        }
        AVFormatContext format = avformat.avformat_alloc_context();
        if (format == null) {
            throw new MediaFileFormatException("FFmpeg could not allocate a demuxer");
        }
        AVDictionary options = new AVDictionary(null);
        avutil.av_dict_set(options, "protocol_whitelist", "file", 0);
        avutil.av_dict_set(options, "format_whitelist", demuxer.name().getString(), 0);
        // avformat_open_input frees the context on failure
        int result = avformat.avformat_open_input(format, file.toAbsolutePath().toString(), demuxer, options);
        avutil.av_dict_free(options);
        check(result, "reading the header of " + file);
        try {
            for (int i = 0; i < format.nb_streams(); i++) {
                AVStream stream = format.streams(i);
                Track track = trackOf(stream.codecpar(), kind);
                if (track != null) {
                    AVRational base = stream.time_base();
                    if (base.num() <= 0 || base.den() <= 0) {
                        throw new MediaFileFormatException("stream " + i + " has time base " + base.num() + "/"
                                + base.den());
                    }
                    return new ContainerDemuxer(file, format, i, track, avutil.av_make_q(base.num(), base.den()));
                }
            }
        } catch (MediaFileFormatException | RuntimeException e) {
            avformat.avformat_close_input(format);
            throw e;
        }
        avformat.avformat_close_input(format);
        return null;
    }

    private static Track trackOf(AVCodecParameters parameters, MediaKind kind) {
        int id = parameters.codec_id();
        if (kind == MediaKind.VIDEO && parameters.codec_type() == AVMEDIA_TYPE_VIDEO) {
            String mime = id == AV_CODEC_ID_H264 ? FrameSources.H264 : id == AV_CODEC_ID_VP8 ? FrameSources.VP8
                    : id == AV_CODEC_ID_VP9 ? FrameSources.VP9 : id == AV_CODEC_ID_AV1 ? FrameSources.AV1 : null;
            return mime == null ? null : new Track(kind, mime, 90_000, extradata(parameters), 0, 0);
        }
        if (kind == MediaKind.AUDIO && parameters.codec_type() == AVMEDIA_TYPE_AUDIO) {
            int channels = parameters.ch_layout().nb_channels();
            if (id == AV_CODEC_ID_OPUS) {
                return new Track(kind, FrameSources.OPUS, 48_000, extradata(parameters), 48_000, channels);
            }
            if (id == AV_CODEC_ID_AAC && parameters.sample_rate() > 0) {
                return new Track(kind, FrameSources.AAC, parameters.sample_rate(), extradata(parameters),
                        parameters.sample_rate(), channels);
            }
        }
        return null;
    }

    private static byte[] extradata(AVCodecParameters parameters) {
        int size = parameters.extradata_size();
        BytePointer data = parameters.extradata();
        if (size <= 0 || data == null || data.isNull()) {
            return new byte[0];
        }
        byte[] bytes = new byte[size];
        data.capacity(size).get(bytes);
        return bytes;
    }

    Track track() {
        return track;
    }

    /** FFmpeg's codec parameters of the chosen stream, for a decoder; valid until {@link #close()}. */
    AVCodecParameters parameters() {
        return format.streams(streamIndex).codecpar();
    }

    /**
     * The next packet of the chosen stream, or null at the end of the file.
     *
     * @throws MediaFileFormatException when the file is damaged past what the demuxer recovers from
     */
    Packet next() throws MediaFileFormatException {
        while (true) {
            int result = avformat.av_read_frame(format, packet);
            if (result == avutil.AVERROR_EOF()) {
                return null;
            }
            check(result, "reading " + file);
            try {
                if (packet.stream_index() == streamIndex) {
                    return copy();
                }
            } finally {
                avcodec.av_packet_unref(packet);
            }
        }
    }

    /** The next packet holding bytes (empty ones carry nothing to play), or null at the end of the file. */
    Packet nextWithData() throws MediaFileFormatException {
        Packet packet = next();
        while (packet != null && packet.data().length == 0) {
            packet = next();
        }
        return packet;
    }

    private Packet copy() throws MediaFileFormatException {
        int size = packet.size();
        MediaFileFormatException.require(size >= 0 && size <= MAX_PACKET_BYTES, "packet of " + size + " bytes");
        byte[] data = new byte[size];
        if (size > 0) {
            BytePointer bytes = packet.data();
            MediaFileFormatException.require(bytes != null && !bytes.isNull(), "packet without data");
            bytes.capacity(size).get(data);
        }
        long timestamp = packet.pts() != AV_NOPTS_VALUE ? packet.pts() : packet.dts();
        long ticks;
        if (timestamp == AV_NOPTS_VALUE) {
            ticks = lastTicks;  // no time: with the one before
        } else {
            if (firstTimestamp == AV_NOPTS_VALUE) {
                firstTimestamp = timestamp;
            }
            ticks = avutil.av_rescale_q(timestamp - firstTimestamp, timeBase, clock);
        }
        lastTicks = ticks;
        return new Packet(data, ticks, (packet.flags() & AV_PKT_FLAG_KEY) != 0);
    }

    static void check(int result, String doing) throws MediaFileFormatException {
        if (result < 0) {
            throw new MediaFileFormatException(doing + " failed: " + FfmpegErrors.describe(result));
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            avcodec.av_packet_free(packet);
            avformat.avformat_close_input(format);
        }
    }
}
