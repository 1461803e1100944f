package io.jrtc.media;

/** A sine tone with {@link AudioStreamTrack}'s framing and pacing, phase-continuous across frames: for tests and demos. */
public final class ToneAudioTrack extends AudioStreamTrack {
    private final double frequency;
    private final int amplitude;

    /** Paced by {@link MediaClock#system()}. */
    public ToneAudioTrack(double frequency, int amplitude) {
        this(MediaClock.system(), frequency, amplitude);
    }

    /**
     * @param frequency in Hz, below the 24 kHz Nyquist limit
     * @param amplitude peak sample value, 0..32767
     */
    public ToneAudioTrack(MediaClock clock, double frequency, int amplitude) {
        super(clock);
        if (!(frequency > 0 && frequency < SAMPLE_RATE / 2.0)) {
            throw new IllegalArgumentException("tone frequency must be in (0, 24000) Hz, got " + frequency);
        }
        if (amplitude < 0 || amplitude > Short.MAX_VALUE) {
            throw new IllegalArgumentException("amplitude must be 0..32767, got " + amplitude);
        }
        this.frequency = frequency;
        this.amplitude = amplitude;
    }

    public double frequency() {
        return frequency;
    }

    public int amplitude() {
        return amplitude;
    }

    @Override
    protected short[] samples(long pts) {
        short[] samples = new short[SAMPLES_PER_FRAME];
        // Whole seconds contribute only the fractional cycles they hold, so the phase stays exact on a long-running track.
        double radiansPerSample = 2 * Math.PI * frequency / SAMPLE_RATE;
        for (int i = 0; i < samples.length; i++) {
            long sample = pts + i;
            double wholeSecondsTurns = ((frequency % 1.0) * (sample / SAMPLE_RATE)) % 1.0;
            double phase = (sample % SAMPLE_RATE) * radiansPerSample + 2 * Math.PI * wholeSecondsTurns;
            samples[i] = (short) Math.round(amplitude * Math.sin(phase));
        }
        return samples;
    }
}
