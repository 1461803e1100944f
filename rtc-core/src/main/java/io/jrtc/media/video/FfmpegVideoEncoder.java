package io.jrtc.media.video;

import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_packet;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_frame;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_RANGE_JPEG;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_RANGE_MPEG;
import static org.bytedeco.ffmpeg.global.avutil.AV_PICTURE_TYPE_I;
import static org.bytedeco.ffmpeg.global.avutil.AV_PICTURE_TYPE_NONE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_make_writable;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;

import io.jrtc.media.ColorSpace;
import io.jrtc.media.EncodedFrame;
import io.jrtc.media.VideoFrame;
import java.io.ByteArrayOutputStream;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * A {@link VideoEncoder} on an FFmpeg encoder. The codec context is opened on the first picture's size and colour
 * space (signalled in the bitstream where the codec can: VP9, H.264's VUI, AV1) and reopened on a new size, colour
 * space or target bitrate; the context, its picture and its packet are freed by
 * {@link #close()}.
 */
final class FfmpegVideoEncoder implements VideoEncoder {
    private static final int FRAMES_PER_SECOND_HINT = 30;
    /** A second of frames at the usual rate: counted in frames, as codecs read no clock. */
    private static final int RETUNE_INTERVAL_FRAMES = FRAMES_PER_SECOND_HINT;
    private static final double RETUNE_RATIO = 0.25;

    private final FfmpegCodec codec;
    private final AVCodec encoder;
    private final int threads;
    /** The open encoder; null before the first picture. */
    private FfmpegContext ffmpeg;
    private int width;
    private int height;
    /** What the open encoder signals in its bitstream and its frames carry. */
    private ColorSpace colorSpace;
    private int targetBitrate;
    private int openBitrate;
    private long framesSinceOpen;
    private long lastPts = Long.MIN_VALUE;
    private boolean keyframeWanted;
    private boolean closed;

    FfmpegVideoEncoder(FfmpegCodec codec, int bitrate, int threads) {
        this.codec = codec;
        this.encoder = avcodec_find_encoder_by_name(codec.encoder());
        if (encoder == null) {
            throw new VideoCodecException("this FFmpeg build has no " + codec.encoder() + " encoder for "
                    + codec.mimeType());
        }
        this.threads = threads;
        setTargetBitrate(bitrate);
    }

    @Override
    public String mimeType() {
        return codec.mimeType();
    }

    @Override
    public synchronized void requestKeyframe() {
        keyframeWanted = true;
    }

    @Override
    public synchronized void setTargetBitrate(int bitsPerSecond) {
        if (bitsPerSecond < VideoCodecs.MIN_BITRATE) {
            throw new IllegalArgumentException("target bitrate below " + VideoCodecs.MIN_BITRATE + " bit/s: "
                    + bitsPerSecond);
        }
        targetBitrate = bitsPerSecond;
    }

    @Override
    public synchronized int targetBitrate() {
        return targetBitrate;
    }

    @Override
    public synchronized EncodedFrame encode(VideoFrame frame) {
        if (closed) {
            throw new VideoCodecException(codec.mimeType() + " encoder is closed");
        }
        if (ffmpeg == null || frame.width() != width || frame.height() != height
                || !frame.colorSpace().equals(colorSpace) || retuneDue()) {
            open(frame.width(), frame.height(), frame.colorSpace());
        }
        long pts = VideoCodecs.toRtpTime(frame);
        // Encoders refuse pts that do not increase; a repeated picture time still gets its own tick.
        long encoderPts = pts > lastPts ? pts : lastPts + 1;
        lastPts = encoderPts;
        AVFrame picture = ffmpeg.picture();
        ffmpeg.check(av_frame_make_writable(picture), "making the picture writable");
        copyIn(frame);
        picture.pts(encoderPts);
        picture.pict_type(keyframeWanted ? AV_PICTURE_TYPE_I : AV_PICTURE_TYPE_NONE);
        keyframeWanted = false;
        framesSinceOpen++;
        ffmpeg.check(avcodec_send_frame(ffmpeg.context(), picture), "sending a picture");
        return drain(pts);
    }

    /** Whether the bitrate moved far enough, long enough after the last opening, to reopen at the new rate. */
    private boolean retuneDue() {
        double change = Math.abs(targetBitrate - openBitrate) / (double) openBitrate;
        return change > RETUNE_RATIO && framesSinceOpen >= RETUNE_INTERVAL_FRAMES;
    }

    private void open(int newWidth, int newHeight, ColorSpace newColorSpace) {
        release();
        // FFmpeg numbers the rest by their H.273 code points; a range not said is limited, as WebRTC assumes.
        ffmpeg = FfmpegContext.open(encoder, codec.encoder() + " at " + newWidth + "x" + newHeight,
                context -> context.width(newWidth).height(newHeight).pix_fmt(AV_PIX_FMT_YUV420P)
                        .color_range(newColorSpace.isFullRange() ? AVCOL_RANGE_JPEG : AVCOL_RANGE_MPEG)
                        .colorspace(newColorSpace.matrix()).color_primaries(newColorSpace.primaries())
                        .color_trc(newColorSpace.transfer())
                        .time_base(av_make_q(1, VideoFrame.CLOCK_RATE))
                        .framerate(av_make_q(FRAMES_PER_SECOND_HINT, 1))
                        .bit_rate(targetBitrate).gop_size(Integer.MAX_VALUE / 2).max_b_frames(0)
                        .thread_count(threads),
                codec.encoderOptions());
        ffmpeg.picture().format(AV_PIX_FMT_YUV420P).width(newWidth).height(newHeight);
        ffmpeg.check(av_frame_get_buffer(ffmpeg.picture(), 0), "allocating a picture");
        width = newWidth;
        height = newHeight;
        colorSpace = newColorSpace;
        openBitrate = targetBitrate;
        framesSinceOpen = 0;
        lastPts = Long.MIN_VALUE;
    }

    private void copyIn(VideoFrame frame) {
        byte[] i420 = frame.i420();
        ffmpeg.writePlane(i420, 0, width, height, 0);
        ffmpeg.writePlane(i420, frame.uOffset(), frame.chromaWidth(), frame.chromaHeight(), 1);
        ffmpeg.writePlane(i420, frame.vOffset(), frame.chromaWidth(), frame.chromaHeight(), 2);
    }

    /** Every packet the encoder has ready, as one frame (a VP9 superframe or AV1 temporal unit is one already). */
    private EncodedFrame drain(long pts) {
        ByteArrayOutputStream data = null;
        boolean keyframe = false;
        AVPacket packet = ffmpeg.packet();
        while (true) {
            int received = avcodec_receive_packet(ffmpeg.context(), packet);
            if (received == FfmpegLibrary.AVERROR_EAGAIN) {
                break;
            }
            ffmpeg.check(received, "receiving a packet");
            byte[] bytes = new byte[packet.size()];
            packet.data().get(bytes);
            keyframe |= (packet.flags() & AV_PKT_FLAG_KEY) != 0;
            av_packet_unref(packet);
            if (data == null) {
                data = new ByteArrayOutputStream(bytes.length);
            }
            data.writeBytes(bytes);
        }
        if (data == null || data.size() == 0) {
            return null;
        }
        return new EncodedFrame(codec.mimeType(), VideoFrame.CLOCK_RATE, data.toByteArray(), pts, keyframe,
                colorSpace);
    }

    private void release() {
        if (ffmpeg != null) {
            ffmpeg.close();
            ffmpeg = null;
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
