package io.jrtc.media.video;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_LOW_DELAY;
import static org.bytedeco.ffmpeg.global.avcodec.av_new_packet;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_RANGE_JPEG;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ420P;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;

import io.jrtc.media.ColorSpace;
import io.jrtc.media.EncodedFrame;
import io.jrtc.media.VideoFrame;
import java.util.Map;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * A {@link VideoDecoder} on an FFmpeg decoder, low delay (no frame threading, so a picture comes out for the
 * packet that completes it). A picture's colour space is the one its frame was sent with (the RTP header extension)
 * or else its bitstream's. Its native context is freed by {@link #close()}.
 */
final class FfmpegVideoDecoder implements VideoDecoder {
    private final FfmpegCodec codec;
    private final FfmpegContext ffmpeg;
    private boolean closed;

    FfmpegVideoDecoder(FfmpegCodec codec, int threads) {
        this.codec = codec;
        AVCodec decoder = avcodec_find_decoder_by_name(codec.decoder());
        if (decoder == null) {
            throw new VideoCodecException("this FFmpeg build has no " + codec.decoder() + " decoder for "
                    + codec.mimeType());
        }
        this.ffmpeg = FfmpegContext.open(decoder, codec.decoder(),
                context -> context.flags(context.flags() | AV_CODEC_FLAG_LOW_DELAY).thread_count(threads), Map.of());
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
        AVPacket packet = ffmpeg.packet();
        ffmpeg.check(av_new_packet(packet, data.length), "allocating a packet");
        packet.data().put(data, 0, data.length);
        packet.pts(frame.timestamp());
        int sent = avcodec_send_packet(ffmpeg.context(), packet);
        av_packet_unref(packet);
        ffmpeg.check(sent, "decoding");
        VideoFrame decoded = null;
        while (true) {
            int received = avcodec_receive_frame(ffmpeg.context(), ffmpeg.picture());
            if (received == FfmpegLibrary.AVERROR_EAGAIN) {
                break;
            }
            ffmpeg.check(received, "decoding");
            try {
                decoded = copyOut(frame.clockRate(), frame.colorSpace());
            } finally {
                av_frame_unref(ffmpeg.picture());
            }
        }
        return decoded;
    }

    private VideoFrame copyOut(int clockRate, ColorSpace signalled) {
        AVFrame picture = ffmpeg.picture();
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
        ffmpeg.readPlane(i420, 0, width, height, 0);
        ffmpeg.readPlane(i420, width * height, chromaWidth, chromaHeight, 1);
        ffmpeg.readPlane(i420, width * height + chromaWidth * chromaHeight, chromaWidth, chromaHeight, 2);
        ColorSpace colorSpace = signalled != null ? signalled : bitstreamColorSpace(picture);
        return new VideoFrame(width, height, i420, picture.pts(), clockRate, colorSpace);
    }

    /**
     * What the bitstream says (FFmpeg numbers primaries, transfer and matrix by their H.273 code points), a range or
     * matrix it leaves unsaid being BT.601 limited range, as WebRTC takes untagged video; YUVJ420P is full range.
     */
    private static ColorSpace bitstreamColorSpace(AVFrame picture) {
        boolean full = picture.color_range() == AVCOL_RANGE_JPEG || picture.format() == AV_PIX_FMT_YUVJ420P;
        int matrix = picture.colorspace();
        if (matrix == ColorSpace.UNSPECIFIED || matrix < 0 || matrix > 255) {
            return full ? ColorSpace.BT601_FULL : ColorSpace.BT601_LIMITED;
        }
        return new ColorSpace(codePoint(picture.color_primaries()), codePoint(picture.color_trc()), matrix,
                full ? ColorSpace.Range.FULL : ColorSpace.Range.LIMITED, ColorSpace.SITING_UNSPECIFIED,
                ColorSpace.SITING_UNSPECIFIED, null);
    }

    private static int codePoint(int ffmpegValue) {
        return ffmpegValue >= 0 && ffmpegValue <= 255 ? ffmpegValue : ColorSpace.UNSPECIFIED;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            ffmpeg.close();
        }
    }
}
