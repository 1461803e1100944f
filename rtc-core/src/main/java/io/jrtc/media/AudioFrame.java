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

    /**
     * The root mean square of the samples relative to full scale, 0 (silence) to 1: the linear level W3C
     * {@code audioLevel} reports; {@code -20 * log10} of it is the level in dBov (RFC 6464).
     */
    public double rmsLevel() {
        if (samples.length == 0) {
            return 0;
        }
        double sum = 0;
        for (short sample : samples) {
            sum += (double) sample * sample;
        }
        return Math.min(1, Math.sqrt(sum / samples.length) / Short.MAX_VALUE);
    }

    /** How long the frame plays, in nanoseconds. */
    public long durationNanos() {
        return samplesPerChannel() * 1_000_000_000L / sampleRate;
    }
}
