package io.jrtc.media;

import java.util.concurrent.TimeUnit;

/** What tests measure of received audio. */
public final class AudioMeasurements {
    private AudioMeasurements() {
    }

    /**
     * Skips half a second of the track (the codec and jitter settle), then counts the zero crossings of its
     * first channel over a second: two per period of the dominant tone.
     */
    public static double dominantFrequency(MediaStreamTrack track) throws Exception {
        for (int i = 0; i < 25; i++) {
            track.recv().get(10, TimeUnit.SECONDS);
        }
        long crossings = 0;
        long samples = 0;
        int sampleRate = 0;
        short previous = 0;
        while (sampleRate == 0 || samples < sampleRate) {
            AudioFrame frame = (AudioFrame) track.recv().get(10, TimeUnit.SECONDS);
            sampleRate = frame.sampleRate();
            short[] pcm = frame.samples();
            for (int i = 0; i < pcm.length; i += frame.channels()) {
                short s = pcm[i];
                if ((previous < 0) != (s < 0)) {
                    crossings++;
                }
                previous = s;
                samples++;
            }
        }
        return crossings / 2.0 / ((double) samples / sampleRate);
    }
}
