package io.jrtc.media.file;

import io.jrtc.media.AudioFrame;
import java.util.Arrays;

/** Interleaved 16-bit PCM gathered and cut into frames of a fixed length, pts counted in samples per channel. */
final class PcmFrames {
    private final int sampleRate;
    private final int channels;
    private final int frameSamples;
    private short[] pending = new short[0];
    private long pts;

    PcmFrames(int sampleRate, int channels, int samplesPerChannelPerFrame) {
        this.sampleRate = sampleRate;
        this.channels = channels;
        this.frameSamples = samplesPerChannelPerFrame * channels;
    }

    void add(short[] samples) {
        if (samples.length == 0) {
            return;
        }
        short[] joined = Arrays.copyOf(pending, pending.length + samples.length);
        System.arraycopy(samples, 0, joined, pending.length, samples.length);
        pending = joined;
    }

    /** The next whole frame, or null when fewer samples wait. */
    AudioFrame poll() {
        if (pending.length < frameSamples) {
            return null;
        }
        return take(frameSamples);
    }

    /** At the end: what is left, padded with silence to a whole frame; null when nothing is left. */
    AudioFrame pollRest() {
        if (pending.length == 0) {
            return null;
        }
        pending = Arrays.copyOf(pending, frameSamples);
        return take(frameSamples);
    }

    private AudioFrame take(int count) {
        short[] samples = Arrays.copyOf(pending, count);
        pending = Arrays.copyOfRange(pending, count, pending.length);
        AudioFrame frame = new AudioFrame(samples, sampleRate, channels, pts);
        pts += count / channels;
        return frame;
    }
}
