package io.jrtc.codec;

import io.github.jaredmdobson.concentus.OpusApplication;
import io.github.jaredmdobson.concentus.OpusException;
import java.util.Arrays;

/**
 * Opus encoder (RFC 6716) for interactive audio: one frame of 16-bit interleaved PCM in, one Opus packet out.
 * Stateful (the codec predicts across frames), so one instance per stream, driven by one thread. The encoder is
 * the pure-Java libopus port Concentus; none of its types leak out of this class.
 */
public final class OpusEncoder {
    /** RFC 6716 §3.2.1: a frame holds at most 1275 bytes; 60 ms packets hold up to three 20 ms frames. */
    private static final int MAX_PACKET_BYTES = 3 * 1275 + 7;

    private final io.github.jaredmdobson.concentus.OpusEncoder encoder;
    private final int sampleRate;
    private final int channels;
    private final byte[] packetBuffer = new byte[MAX_PACKET_BYTES];

    /**
     * @param sampleRate 8000, 12000, 16000, 24000 or 48000 Hz (RFC 6716 §2)
     * @param channels   1 or 2
     * @param bitrate    target bits per second, 6000..510000
     */
    public OpusEncoder(int sampleRate, int channels, int bitrate) {
        OpusDecoder.checkFormat(sampleRate, channels);
        if (bitrate < 6_000 || bitrate > 510_000) {
            throw new IllegalArgumentException("Opus bitrate must be 6000..510000 bit/s, got " + bitrate);
        }
        try {
            encoder = new io.github.jaredmdobson.concentus.OpusEncoder(sampleRate, channels,
                    OpusApplication.OPUS_APPLICATION_VOIP);
        } catch (OpusException e) {
            throw new IllegalStateException("Opus encoder rejected a checked format: " + e.getMessage(), e);
        }
        encoder.setBitrate(bitrate);
        this.sampleRate = sampleRate;
        this.channels = channels;
    }

    /**
     * Encodes one frame.
     *
     * @param pcm               interleaved samples, at least {@code samplesPerChannel * channels} of them
     * @param samplesPerChannel a frame of 2.5, 5, 10, 20, 40 or 60 ms at this encoder's sample rate
     * @return the Opus packet (RFC 6716 §3), ready to be an RTP payload (RFC 7587)
     */
    public byte[] encode(short[] pcm, int samplesPerChannel) {
        if (!isValidFrameSize(sampleRate, samplesPerChannel)) {
            throw new IllegalArgumentException(samplesPerChannel + " samples per channel is not a 2.5, 5, 10, 20,"
                    + " 40 or 60 ms frame at " + sampleRate + " Hz");
        }
        if (pcm.length < samplesPerChannel * channels) {
            throw new IllegalArgumentException("need " + samplesPerChannel * channels + " samples, got "
                    + pcm.length);
        }
        try {
            int length = encoder.encode(pcm, 0, samplesPerChannel, packetBuffer, 0, packetBuffer.length);
            return Arrays.copyOf(packetBuffer, length);
        } catch (OpusException e) {
            throw new IllegalStateException("Opus encoding failed: " + e.getMessage(), e);
        }
    }

    public int sampleRate() {
        return sampleRate;
    }

    public int channels() {
        return channels;
    }

    /** Samples per channel the encoder looks ahead: the delay between input and decoded output. */
    public int lookahead() {
        return encoder.getLookahead();
    }

    /** RFC 6716 §2.1.4: frames of 2.5, 5, 10, 20, 40 or 60 ms. */
    static boolean isValidFrameSize(int sampleRate, int samplesPerChannel) {
        int quantum = sampleRate / 400;
        if (samplesPerChannel <= 0 || samplesPerChannel % quantum != 0) {
            return false;
        }
        int quanta = samplesPerChannel / quantum;
        return quanta == 1 || quanta == 2 || quanta == 4 || quanta == 8 || quanta == 16 || quanta == 24;
    }
}
