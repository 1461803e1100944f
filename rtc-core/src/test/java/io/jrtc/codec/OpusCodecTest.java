package io.jrtc.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class OpusCodecTest {
    private static final int RATE = 48_000;
    private static final int FRAME = 960;

    @Test
    void aToneSurvivesTheCodecWithItsEnergyAndFrequency() throws CodecParseException {
        OpusEncoder encoder = new OpusEncoder(RATE, 1, 32_000);
        OpusDecoder decoder = new OpusDecoder(RATE, 1);
        int frames = 50;
        short[] input = tone(440, 8_000, frames * FRAME, 1);
        short[] output = new short[frames * FRAME];
        for (int i = 0; i < frames; i++) {
            byte[] packet = encoder.encode(Arrays.copyOfRange(input, i * FRAME, (i + 1) * FRAME), FRAME);
            assertThat(packet.length).isBetween(2, 1275);
            assertThat(OpusPayloadFormat.samplesAt48kHz(packet, 0, packet.length)).isEqualTo(FRAME);
            short[] pcm = decoder.decode(packet, 0, packet.length);
            assertThat(pcm).hasSize(FRAME);
            System.arraycopy(pcm, 0, output, i * FRAME, FRAME);
        }
        // Past the codec's start-up and delay, compare the last 30 frames (0.6 s: 528 zero crossings at 440 Hz).
        int from = 20 * FRAME;
        double ratio = rms(output, from) / rms(input, from);
        assertThat(ratio).isBetween(0.7, 1.3);
        assertThat(zeroCrossings(output, from)).isCloseTo(zeroCrossings(input, from), org.assertj.core.data.Offset.offset(10));
        int lag = bestLag(input, output, from, 2 * encoder.lookahead() + 480);
        assertThat(correlation(input, output, from, lag)).isGreaterThan(0.9);
    }

    @Test
    void stereoFramesComeBackInterleaved() throws CodecParseException {
        OpusEncoder encoder = new OpusEncoder(RATE, 2, 64_000);
        OpusDecoder decoder = new OpusDecoder(RATE, 2);
        byte[] packet = encoder.encode(tone(440, 8_000, FRAME, 2), FRAME);
        assertThat(decoder.decode(packet, 0, packet.length)).hasSize(2 * FRAME);
    }

    @Test
    void decodeLostConcealsExactlyTheMissingDuration() throws CodecParseException {
        OpusEncoder encoder = new OpusEncoder(RATE, 1, 32_000);
        OpusDecoder decoder = new OpusDecoder(RATE, 1);
        short[] input = tone(440, 8_000, 10 * FRAME, 1);
        for (int i = 0; i < 10; i++) {
            byte[] packet = encoder.encode(Arrays.copyOfRange(input, i * FRAME, (i + 1) * FRAME), FRAME);
            decoder.decode(packet, 0, packet.length);
        }
        short[] concealed = decoder.decodeLost(FRAME);
        assertThat(concealed).hasSize(FRAME);
        assertThat(rms(concealed, 0)).as("concealment continues the tone, not silence").isGreaterThan(100);
        assertThat(new OpusDecoder(16_000, 2).decodeLost(160)).hasSize(320);
    }

    @Test
    void otherFrameDurationsAndRatesEncode() throws CodecParseException {
        OpusEncoder encoder = new OpusEncoder(16_000, 1, 24_000);
        OpusDecoder decoder = new OpusDecoder(48_000, 1);
        for (int samples : new int[] {40, 80, 160, 320, 640, 960}) {
            byte[] packet = encoder.encode(tone(300, 5_000, samples, 1), samples);
            assertThat(decoder.decode(packet, 0, packet.length)).hasSize(samples * 3);
        }
    }

    @Test
    void misuseIsRejected() {
        assertThatThrownBy(() -> new OpusEncoder(44_100, 1, 32_000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OpusEncoder(48_000, 3, 32_000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OpusEncoder(48_000, 1, 100)).isInstanceOf(IllegalArgumentException.class);
        OpusEncoder encoder = new OpusEncoder(RATE, 1, 32_000);
        assertThatThrownBy(() -> encoder.encode(new short[1000], 1000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> encoder.encode(new short[10], FRAME)).isInstanceOf(IllegalArgumentException.class);
        OpusDecoder decoder = new OpusDecoder(RATE, 1);
        assertThatThrownBy(() -> decoder.decode(new byte[0], 0, 0)).isInstanceOf(CodecParseException.class);
        assertThatThrownBy(() -> decoder.decodeLost(100)).isInstanceOf(IllegalArgumentException.class);
    }

    @Property(tries = 2000)
    void randomPacketsOnlyThrowTheParseException(@ForAll @Size(max = 200) byte[] packet) {
        OpusDecoder decoder = new OpusDecoder(RATE, 2);
        try {
            short[] pcm = decoder.decode(packet, 0, packet.length);
            assertThat(pcm.length % 2).isZero();
        } catch (CodecParseException expected) {
            // the only exception allowed
        }
        assertThat(decoder.decodeLost(FRAME)).hasSize(2 * FRAME);
    }

    @Property(tries = 200)
    void truncatedAndFlippedPacketsOnlyThrowTheParseException(@ForAll @IntRange(min = 0, max = 400) int cut,
                                                             @ForAll @IntRange(min = 0, max = 4000) int flip) {
        OpusEncoder encoder = new OpusEncoder(RATE, 1, 64_000);
        byte[] packet = encoder.encode(tone(440, 8_000, FRAME, 1), FRAME);
        int length = Math.min(cut, packet.length);
        packet[flip / 8 % packet.length] ^= (byte) (1 << (flip % 8));
        OpusDecoder decoder = new OpusDecoder(RATE, 1);
        try {
            decoder.decode(packet, 0, length);
        } catch (CodecParseException expected) {
            // the only exception allowed
        }
    }

    /** Whatever PCM a track produces (noise, full-scale clipping), the encoder makes a packet its decoder takes. */
    @Property(tries = 300)
    void anyPcmEncodesToADecodablePacket(@ForAll @Size(min = 960, max = 960) short[] pcm,
                                         @ForAll boolean fullScale) throws CodecParseException {
        if (fullScale) {
            for (int i = 0; i < pcm.length; i++) {
                pcm[i] = pcm[i] < 0 ? Short.MIN_VALUE : Short.MAX_VALUE;
            }
        }
        OpusEncoder encoder = new OpusEncoder(RATE, 1, 32_000);
        OpusDecoder decoder = new OpusDecoder(RATE, 1);
        for (int i = 0; i < 3; i++) {
            byte[] packet = encoder.encode(pcm, FRAME);
            assertThat(decoder.decode(packet, 0, packet.length)).hasSize(FRAME);
        }
    }

    static short[] tone(double hz, int amplitude, int samplesPerChannel, int channels) {
        short[] pcm = new short[samplesPerChannel * channels];
        for (int i = 0; i < samplesPerChannel; i++) {
            short value = (short) Math.round(amplitude * Math.sin(2 * Math.PI * hz * i / RATE));
            for (int c = 0; c < channels; c++) {
                pcm[i * channels + c] = value;
            }
        }
        return pcm;
    }

    private static double rms(short[] pcm, int from) {
        double sum = 0;
        for (int i = from; i < pcm.length; i++) {
            sum += (double) pcm[i] * pcm[i];
        }
        return Math.sqrt(sum / (pcm.length - from));
    }

    private static int zeroCrossings(short[] pcm, int from) {
        int crossings = 0;
        for (int i = from + 1; i < pcm.length; i++) {
            if ((pcm[i - 1] < 0) != (pcm[i] < 0)) {
                crossings++;
            }
        }
        return crossings;
    }

    private static int bestLag(short[] input, short[] output, int from, int maxLag) {
        int best = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int lag = 0; lag <= maxLag; lag++) {
            double score = correlation(input, output, from, lag);
            if (score > bestScore) {
                bestScore = score;
                best = lag;
            }
        }
        return best;
    }

    /** Normalised correlation of the output against the input delayed by {@code lag} samples. */
    private static double correlation(short[] input, short[] output, int from, int lag) {
        double dot = 0;
        double inEnergy = 0;
        double outEnergy = 0;
        for (int i = from; i < output.length; i++) {
            double a = input[i - lag];
            double b = output[i];
            dot += a * b;
            inEnergy += a * a;
            outEnergy += b * b;
        }
        return dot / Math.sqrt(inEnergy * outEnergy);
    }
}
