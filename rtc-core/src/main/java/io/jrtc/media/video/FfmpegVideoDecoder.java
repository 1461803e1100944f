package io.jrtc.media.video;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_LOW_DELAY;
import static org.bytedeco.ffmpeg.global.avcodec.av_new_packet;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ420P;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;

import io.jrtc.media.EncodedFrame;
import io.jrtc.media.VideoFrame;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.BytePointer;

/**
 * A {@link VideoDecoder} on an FFmpeg decoder, low delay (no frame threading, so a picture comes out for the
 * packet that completes it). The context, its picture and its packet are freed by {@link #close()}.
 */
final class FfmpegVideoDecoder implements VideoDecoder {
    private final FfmpegCodec codec;
    private AVCodecContext context;
    private AVFrame picture;
    private AVPacket packet;
    private boolean closed;

    FfmpegVideoDecoder(FfmpegCodec codec, int threads) {
        this.codec = codec;
        AVCodec decoder = avcodec_find_decoder_by_name(codec.decoder());
        if (decoder == null) {
            throw new VideoCodecException("this FFmpeg build has no " + codec.decoder() + " decoder for "
                    + codec.mimeType());
        }
        context = avcodec_alloc_context3(decoder);
        if (context == null) {
            throw new VideoCodecException("no memory for a " + codec.decoder() + " context");
        }
        context.flags(context.flags() | AV_CODEC_FLAG_LOW_DELAY).thread_count(threads);
        int opened = avcodec_open2(context, decoder, (AVDictionary) null);
        if (opened < 0) {
            release();
            throw new VideoCodecException("cannot open the " + codec.decoder() + " decoder: "
                    + FfmpegLibrary.describe(opened));
        }
        picture = av_frame_alloc();
        packet = av_packet_alloc();
    }

    @Override
    public String mimeType() {
        return codec.mimeType();
    }

    @Override
    public synchronized VideoFrame decode(EncodedFrame frame) {
        if (closed) {
            throw new VideoCodecException(codec.mimeType() + " decoder is closed");
        }
        byte[] data = frame.data();
        check(av_new_packet(packet, data.length), "allocating a packet");
        packet.data().put(data, 0, data.length);
        packet.pts(frame.timestamp());
        int sent = avcodec_send_packet(context, packet);
        av_packet_unref(packet);
        check(sent, "decoding");
        VideoFrame decoded = null;
        while (true) {
            int received = avcodec_receive_frame(context, picture);
            if (received == FfmpegLibrary.AVERROR_EAGAIN) {
                break;
            }
            check(received, "decoding");
            try {
                decoded = copyOut(frame.clockRate());
            } finally {
                av_frame_unref(picture);
            }
        }
        return decoded;
    }

    private VideoFrame copyOut(int clockRate) {
        int format = picture.format();
        if (format != AV_PIX_FMT_YUV420P && format != AV_PIX_FMT_YUVJ420P) {
            throw new VideoCodecException(codec.mimeType() + " decoded to pixel format " + format
                    + ", not 8-bit 4:2:0 (a profile jrtc does not take)");
        }
        int width = picture.width();
        int height = picture.height();
        byte[] i420 = new byte[VideoFrame.i420Size(width, height)];
        int chromaWidth = (width + 1) / 2;
        int chromaHeight = (height + 1) / 2;
        copyPlane(i420, 0, width, height, 0);
        copyPlane(i420, width * height, chromaWidth, chromaHeight, 1);
        copyPlane(i420, width * height + chromaWidth * chromaHeight, chromaWidth, chromaHeight, 2);
        return new VideoFrame(width, height, i420, picture.pts(), clockRate);
    }

    private void copyPlane(byte[] target, int offset, int planeWidth, int planeHeight, int plane) {
        BytePointer source = picture.data(plane);
        int stride = picture.linesize(plane);
        for (int row = 0; row < planeHeight; row++) {
            source.position((long) row * stride).get(target, offset + row * planeWidth, planeWidth);
        }
    }

    private void check(int result, String doing) {
        if (result < 0) {
            throw new VideoCodecException(codec.decoder() + " failed " + doing + ": "
                    + FfmpegLibrary.describe(result));
        }
    }

    private void release() {
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

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            release();
        }
    }
}
