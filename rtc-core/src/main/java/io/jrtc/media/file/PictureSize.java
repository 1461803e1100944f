package io.jrtc.media.file;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.PointerPointer;

/**
 * The picture size of a coded keyframe, which a container's header must state: VP8's is in its frame header; for
 * H.264, VP9 and AV1 the keyframe is decoded once by FFmpeg, which reads the size from the sequence parameters
 * however they are coded (cropping, scaling, render size).
 */
final class PictureSize {
    private PictureSize() {
    }

    /** {width, height}, or null when the keyframe does not decode. */
    static int[] of(String mimeType, byte[] keyframe) throws MediaFileFormatException {
        if (mimeType.equals(FrameSources.VP8)) {
            return Vp8FrameHeader.dimensions(keyframe);
        }
        AVCodec codec = mimeType.equals(FrameSources.AV1) ? avcodec.avcodec_find_decoder_by_name("libaom-av1")
                : avcodec.avcodec_find_decoder(ContainerMuxer.codecId(mimeType));
        if (codec == null) {
            throw new MediaFileFormatException("this FFmpeg build has no decoder for " + mimeType);
        }
        AVCodecContext context = avcodec.avcodec_alloc_context3(codec);
        AVPacket packet = avcodec.av_packet_alloc();
        AVFrame frame = avutil.av_frame_alloc();
        try {
            ContainerDemuxer.check(avcodec.avcodec_open2(context, codec, (PointerPointer<?>) null),
                    "opening a " + mimeType + " decoder");
            ContainerDemuxer.check(avcodec.av_new_packet(packet, keyframe.length), "allocating a packet");
            packet.data().put(keyframe, 0, keyframe.length);
            packet.flags(avcodec.AV_PKT_FLAG_KEY);
            if (avcodec.avcodec_send_packet(context, packet) < 0) {
                return null;
            }
            avcodec.avcodec_send_packet(context, null);  // drain: decoders with delay give the frame now
            if (avcodec.avcodec_receive_frame(context, frame) < 0 || frame.width() <= 0 || frame.height() <= 0) {
                return null;
            }
            return new int[] {frame.width(), frame.height()};
        } finally {
            avutil.av_frame_free(frame);
            avcodec.av_packet_free(packet);
            avcodec.avcodec_free_context(context);
        }
    }
}
