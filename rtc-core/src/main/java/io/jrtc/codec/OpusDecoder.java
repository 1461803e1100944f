package io.jrtc.codec;

import io.github.jaredmdobson.concentus.OpusException;
import java.util.Arrays;

/**
 * Opus decoder (RFC 6716): one packet in, 16-bit interleaved PCM out, with packet-loss concealment for frames
 * that never arrived. Stateful, so one instance per stream, driven by one thread. The decoder is the pure-Java
 * libopus port Concentus; none of its types leak out, and a packet it rejects is a {@link CodecParseException}.
 */
public final class OpusDecoder {
    /** RFC 6716 §3.2.5: a packet carries at most 120 ms of audio. */
    private static final int MAX_PACKET_MILLIS = 120;

    private final int sampleRate;
    private final int channels;
    private final short[] pcmBuffer;
    private io.github.jaredmdobson.concentus.OpusDecoder decoder;

    /**
     * @param sampleRate output rate: 8000, 12000, 16000, 24000 or 48000 Hz (Opus decodes any packet to any of these)
     * @param channels   1 or 2 output channels
     */
    public OpusDecoder(int sampleRate, int channels) {
        checkFormat(sampleRate, channels);
        this.sampleRate = sampleRate;
        this.channels = channels;
        this.pcmBuffer = new short[sampleRate / 1000 * MAX_PACKET_MILLIS * channels];
        this.decoder = newDecoder();
    }

    /**
     * Decodes one Opus packet.
     *
     * @return interleaved PCM, {@code samplesPerChannel * channels} samples
     * @throws CodecParseException when the packet is empty or malformed; the decoder stays usable
     */
    public short[] decode(byte[] packet, int off, int len) throws CodecParseException {
        CodecParseException.require(len > 0, "empty Opus packet");
        if (off < 0 || len < 0 || off > packet.length - len) {
            throw new IndexOutOfBoundsException("range " + off + "+" + len + " outside " + packet.length);
        }
        // RFC 6716 §3.1-3.2: the TOC byte and frame-count code must be consistent before the decoder sees them.
        OpusPayloadFormat.samplesAt48kHz(packet, off, len);
        int samplesPerChannel;
        try {
            samplesPerChannel = decoder.decode(packet, off, len, pcmBuffer, 0, pcmBuffer.length / channels, false);
        } catch (OpusException e) {
            throw new CodecParseException("Opus packet rejected: " + e.getMessage());
        } catch (RuntimeException | AssertionError e) {
            // The port indexes arrays straight from bitstream fields and keeps libopus's internal assertions as
            // unconditional AssertionErrors; a hostile packet can trip either mid-frame and leave the state broken.
            decoder = newDecoder();
            throw new CodecParseException("Opus packet broke the decoder: " + e);
        }
        return Arrays.copyOf(pcmBuffer, samplesPerChannel * channels);
    }

    /**
     * Conceals one missing frame (RFC 6716 §4.4) from the decoder's history.
     *
     * @param samplesPerChannel the duration of the lost frame, a multiple of 2.5 ms up to 120 ms
     * @return interleaved PCM, {@code samplesPerChannel * channels} samples
     */
    public short[] decodeLost(int samplesPerChannel) {
        int quantum = sampleRate / 400;
        if (samplesPerChannel <= 0 || samplesPerChannel % quantum != 0
                || samplesPerChannel > pcmBuffer.length / channels) {
            throw new IllegalArgumentException(samplesPerChannel + " samples per channel is not a multiple of"
                    + " 2.5 ms up to 120 ms at " + sampleRate + " Hz");
        }
        int produced;
        try {
            produced = decoder.decode(null, 0, 0, pcmBuffer, 0, samplesPerChannel, false);
        } catch (OpusException | RuntimeException | AssertionError e) {
            // History left by a hostile packet can trip the concealment too: start over and conceal with silence.
            decoder = newDecoder();
            produced = 0;
        }
        short[] out = new short[samplesPerChannel * channels];
        System.arraycopy(pcmBuffer, 0, out, 0, Math.min(produced, samplesPerChannel) * channels);
        return out;
    }

    public int sampleRate() {
        return sampleRate;
    }

    public int channels() {
        return channels;
    }

    private io.github.jaredmdobson.concentus.OpusDecoder newDecoder() {
        try {
            return new io.github.jaredmdobson.concentus.OpusDecoder(sampleRate, channels);
        } catch (OpusException e) {
            throw new IllegalStateException("Opus decoder rejected a checked format: " + e.getMessage(), e);
        }
    }

    static void checkFormat(int sampleRate, int channels) {
        if (sampleRate != 8_000 && sampleRate != 12_000 && sampleRate != 16_000 && sampleRate != 24_000
                && sampleRate != 48_000) {
            throw new IllegalArgumentException("Opus runs at 8, 12, 16, 24 or 48 kHz, not " + sampleRate + " Hz");
        }
        if (channels != 1 && channels != 2) {
            throw new IllegalArgumentException("Opus takes 1 or 2 channels, not " + channels);
        }
    }
}
