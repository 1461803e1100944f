package io.jrtc.media.file;

import java.io.Closeable;
import java.nio.ShortBuffer;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVChannelLayout;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.ffmpeg.global.swresample;
import org.bytedeco.ffmpeg.swresample.SwrContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * FFmpeg's AAC decoder (libavcodec) with its resampler (libswresample) behind it: AAC packets in, 48 kHz
 * interleaved 16-bit PCM out, mono or stereo (more channels are mixed down to two), whatever rate and layout the
 * file has. Every return code is checked; a packet the decoder refuses is a {@link MediaFileFormatException}.
 */
final class AacDecoder implements Closeable {
    static final int OUTPUT_RATE = 48_000;
    /** AVERROR(EAGAIN) on Linux: the decoder wants more input before it has a frame. */
    private static final int EAGAIN = -11;

    private final AVCodecContext context;
    private final AVPacket packet;
    private final AVFrame frame;
    private final SwrContext resampler;
    private final AVChannelLayout outputLayout = new AVChannelLayout();
    private final int channels;
    private boolean closed;

    AacDecoder(AVCodecParameters parameters) throws MediaFileFormatException {
        AVCodec codec = avcodec.avcodec_find_decoder(avcodec.AV_CODEC_ID_AAC);
        if (codec == null) {
            throw new MediaFileFormatException("this FFmpeg build has no AAC decoder");
        }
        context = avcodec.avcodec_alloc_context3(codec);
        packet = avcodec.av_packet_alloc();
        frame = avutil.av_frame_alloc();
        try {
            ContainerDemuxer.check(avcodec.avcodec_parameters_to_context(context, parameters), "AAC parameters");
            ContainerDemuxer.check(avcodec.avcodec_open2(context, codec, (PointerPointer<?>) null),
                    "opening the AAC decoder");
            int inputChannels = context.ch_layout().nb_channels();
            MediaFileFormatException.require(inputChannels > 0 && context.sample_rate() > 0,
                    "AAC without channels or sample rate");
            channels = Math.min(2, inputChannels);
            avutil.av_channel_layout_default(outputLayout, channels);
            SwrContext swr = new SwrContext(null);
            ContainerDemuxer.check(swresample.swr_alloc_set_opts2(swr, outputLayout, avutil.AV_SAMPLE_FMT_S16,
                    OUTPUT_RATE, context.ch_layout(), context.sample_fmt(), context.sample_rate(), 0, null),
                    "setting up the resampler");
            resampler = swr;
            ContainerDemuxer.check(swresample.swr_init(resampler), "starting the resampler");
        } catch (MediaFileFormatException | RuntimeException e) {
            close();
            throw e;
        }
    }

    int channels() {
        return channels;
    }

    /** Decodes one AAC packet; the PCM may be empty while the decoder fills up. */
    short[] decode(byte[] data) throws MediaFileFormatException {
        ContainerDemuxer.check(avcodec.av_new_packet(packet, data.length), "allocating a packet");
        try {
            packet.data().put(data, 0, data.length);
            int sent = avcodec.avcodec_send_packet(context, packet);
            if (sent == avutil.AVERROR_INVALIDDATA()) {
                return new short[0];  // one damaged packet: skip it, as players do
            }
            ContainerDemuxer.check(sent, "decoding AAC");
        } finally {
            avcodec.av_packet_unref(packet);
        }
        return receive();
    }

    /** What the decoder still holds at the end of the stream, and the resampler's tail. */
    short[] drain() throws MediaFileFormatException {
        int sent = avcodec.avcodec_send_packet(context, null);
        if (sent < 0 && sent != avutil.AVERROR_EOF()) {
            ContainerDemuxer.check(sent, "draining the AAC decoder");
        }
        short[] decoded = receive();
        short[] tail = resample(null, 0);
        short[] all = java.util.Arrays.copyOf(decoded, decoded.length + tail.length);
        System.arraycopy(tail, 0, all, decoded.length, tail.length);
        return all;
    }

    private short[] receive() throws MediaFileFormatException {
        short[] out = new short[0];
        while (true) {
            int result = avcodec.avcodec_receive_frame(context, frame);
            if (result == EAGAIN || result == avutil.AVERROR_EOF()) {
                return out;
            }
            ContainerDemuxer.check(result, "decoding AAC");
            try {
                short[] pcm = resample(frame.extended_data(), frame.nb_samples());
                short[] joined = java.util.Arrays.copyOf(out, out.length + pcm.length);
                System.arraycopy(pcm, 0, joined, out.length, pcm.length);
                out = joined;
            } finally {
                avutil.av_frame_unref(frame);
            }
        }
    }

    private short[] resample(PointerPointer<?> input, int inputSamples) throws MediaFileFormatException {
        int capacity = swresample.swr_get_out_samples(resampler, inputSamples);
        if (capacity <= 0) {
            return new short[0];
        }
        try (BytePointer buffer = new BytePointer((long) capacity * channels * 2);
             PointerPointer<BytePointer> output = new PointerPointer<>(1)) {
            output.put(0, buffer);
            int converted = swresample.swr_convert(resampler, output, capacity, input, inputSamples);
            ContainerDemuxer.check(converted, "resampling AAC");
            short[] pcm = new short[converted * channels];
            ShortBuffer samples = buffer.asByteBuffer().order(java.nio.ByteOrder.nativeOrder()).asShortBuffer();
            samples.get(pcm);
            return pcm;
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (resampler != null) {
            swresample.swr_free(resampler);
        }
        avutil.av_frame_free(frame);
        avcodec.av_packet_free(packet);
        avcodec.avcodec_free_context(context);
        avutil.av_channel_layout_uninit(outputLayout);
    }
}
