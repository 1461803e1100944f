package io.jrtc.media;

/**
 * PCM 16-bit signed, interleaved by channel; {@code pts} in units of 1/sampleRate. The array is shared, not
 * copied: a frame is handed over, not edited afterwards.
 */
public record AudioFrame(short[] samples, int sampleRate, int channels, long pts) implements Frame {
    public AudioFrame {
        if (sampleRate <= 0 || channels <= 0) {
            throw new IllegalArgumentException("sample rate and channels must be positive: " + sampleRate + " Hz, "
                    + channels + " channels");
        }
        if (samples.length % channels != 0) {
            throw new IllegalArgumentException(samples.length + " samples do not split into " + channels
                    + " channels");
        }
    }

    public int samplesPerChannel() {
        return samples.length / channels;
    }

    /** How long the frame plays, in nanoseconds. */
    public long durationNanos() {
        return samplesPerChannel() * 1_000_000_000L / sampleRate;
    }
}
