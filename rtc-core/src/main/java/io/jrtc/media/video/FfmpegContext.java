package io.jrtc.media.video;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.function.Consumer;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.BytePointer;

/**
 * The native side of one open FFmpeg codec: its context, one picture and one packet, all freed by
 * {@link #close()}; FFmpeg's error codes turned into {@link VideoCodecException}s naming the codec.
 */
final class FfmpegContext implements AutoCloseable {
    private final String name;
    private AVCodecContext context;
    private AVFrame picture;
    private AVPacket packet;

    private FfmpegContext(String name) {
        this.name = name;
    }

    /** Opens {@code codec} after {@code configure} set the context's fields, with FFmpeg options by name. */
    static FfmpegContext open(AVCodec codec, String name, Consumer<AVCodecContext> configure,
            Map<String, String> options) {
        FfmpegContext opened = new FfmpegContext(name);
        opened.context = avcodec_alloc_context3(codec);
        if (opened.context == null) {
            throw new VideoCodecException("no memory for a " + name + " context");
        }
        configure.accept(opened.context);
        AVDictionary dictionary = new AVDictionary(null);
        options.forEach((key, value) -> av_dict_set(dictionary, key, value, 0));
        int result = avcodec_open2(opened.context, codec, dictionary);
        av_dict_free(dictionary);
        if (result < 0) {
            opened.close();
            throw new VideoCodecException("cannot open " + name + ": " + FfmpegLibrary.describe(result));
        }
        opened.picture = av_frame_alloc();
        opened.packet = av_packet_alloc();
        if (opened.picture == null || opened.packet == null) {
            opened.close();
            throw new VideoCodecException("no memory for " + name + "'s picture and packet");
        }
        return opened;
    }

    AVCodecContext context() {
        return context;
    }

    AVFrame picture() {
        return picture;
    }

    AVPacket packet() {
        return packet;
    }

    /** A negative result is FFmpeg's error: thrown with what the codec was doing. */
    void check(int result, String doing) {
        if (result < 0) {
            throw new VideoCodecException(name + " failed " + doing + ": " + FfmpegLibrary.describe(result));
        }
    }

    /**
     * Copies a plane of a packed I420 array into the picture's plane, row by row (the picture's rows are padded),
     * through a direct buffer over the native memory: one JNI call a plane, not one a row.
     */
    void writePlane(byte[] source, int offset, int planeWidth, int planeHeight, int plane) {
        int stride = picture.linesize(plane);
        ByteBuffer target = planeBuffer(plane, stride, planeHeight);
        for (int row = 0; row < planeHeight; row++) {
            target.position(row * stride);
            target.put(source, offset + row * planeWidth, planeWidth);
        }
    }

    /** Copies the picture's plane into a packed I420 array. */
    void readPlane(byte[] target, int offset, int planeWidth, int planeHeight, int plane) {
        int stride = picture.linesize(plane);
        ByteBuffer source = planeBuffer(plane, stride, planeHeight);
        for (int row = 0; row < planeHeight; row++) {
            source.position(row * stride);
            source.get(target, offset + row * planeWidth, planeWidth);
        }
    }

    private ByteBuffer planeBuffer(int plane, int stride, int rows) {
        BytePointer data = picture.data(plane);
        return data.capacity((long) stride * rows).asByteBuffer();
    }

    @Override
    public void close() {
        if (packet != null) {
            av_packet_free(packet);
            packet = null;
        }
        if (picture != null) {
            av_frame_free(picture);
            picture = null;
        }
        if (context != null) {
            avcodec_free_context(context);
            context = null;
        }
    }
}
