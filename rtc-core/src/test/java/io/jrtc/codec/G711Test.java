package io.jrtc.codec;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** Reference points from ITU-T G.711 (Tables 1a and 2a, scaled from 14/13-bit to 16-bit linear). */
class G711Test {

    @Test
    void muLawReferencePoints() {
        assertThat(G711.muLaw((short) 0)).isEqualTo((byte) 0xFF);
        assertThat(G711.muLaw((short) -1)).isEqualTo((byte) 0x7F);
        assertThat(G711.muLaw(Short.MAX_VALUE)).isEqualTo((byte) 0x80);
        assertThat(G711.muLaw(Short.MIN_VALUE)).isEqualTo((byte) 0x00);
        // First segment boundary: decision level 31 in 14-bit units is 124 in 16-bit ones.
        assertThat(G711.muLaw((short) 123)).isEqualTo((byte) 0xF0);
        assertThat(G711.muLaw((short) 124)).isEqualTo((byte) 0xEF);
        assertThat(G711.muLawToLinear((byte) 0xFF)).isEqualTo((short) 0);
        assertThat(G711.muLawToLinear((byte) 0x7F)).isEqualTo((short) 0);
        assertThat(G711.muLawToLinear((byte) 0x80)).isEqualTo((short) 32_124);
        assertThat(G711.muLawToLinear((byte) 0x00)).isEqualTo((short) -32_124);
        assertThat(G711.muLawToLinear((byte) 0xEF)).isEqualTo((short) 132);
    }

    @Test
    void aLawReferencePoints() {
        assertThat(G711.aLaw((short) 0)).isEqualTo((byte) 0xD5);
        assertThat(G711.aLaw((short) -1)).isEqualTo((byte) 0x55);
        assertThat(G711.aLaw(Short.MAX_VALUE)).isEqualTo((byte) 0xAA);
        assertThat(G711.aLaw(Short.MIN_VALUE)).isEqualTo((byte) 0x2A);
        // Segment 0 and 1 share the step of 16; segment 2 starts at 512 in 16-bit units.
        assertThat(G711.aLaw((short) 255)).isEqualTo((byte) (0x0F ^ 0xD5));
        assertThat(G711.aLaw((short) 256)).isEqualTo((byte) (0x10 ^ 0xD5));
        assertThat(G711.aLaw((short) 512)).isEqualTo((byte) (0x20 ^ 0xD5));
        assertThat(G711.aLawToLinear((byte) 0xD5)).isEqualTo((short) 8);
        assertThat(G711.aLawToLinear((byte) 0x55)).isEqualTo((short) -8);
        assertThat(G711.aLawToLinear((byte) 0xAA)).isEqualTo((short) 32_256);
        assertThat(G711.aLawToLinear((byte) 0x2A)).isEqualTo((short) -32_256);
    }

    @Test
    void everyCodeIsAFixedPointOfDecodeThenEncode() {
        for (int code = 0; code < 256; code++) {
            byte b = (byte) code;
            if (code != 0x7F) { // -0 decodes to 0, which encodes as +0
                assertThat(G711.muLaw(G711.muLawToLinear(b))).as("mu-law %02x", code).isEqualTo(b);
            }
            assertThat(G711.aLaw(G711.aLawToLinear(b))).as("A-law %02x", code).isEqualTo(b);
        }
    }

    @Test
    void arraysRoundTripWithOffsets() {
        short[] pcm = {0, 1000, -1000, 32_000, -32_000};
        byte[] mu = G711.encodeMuLaw(pcm);
        byte[] framed = new byte[mu.length + 3];
        System.arraycopy(mu, 0, framed, 3, mu.length);
        assertThat(G711.decodeMuLaw(framed, 3, mu.length)).hasSize(pcm.length).startsWith((short) 0);
        assertThat(G711.decodeALaw(G711.encodeALaw(pcm), 0, pcm.length)).hasSize(pcm.length);
    }

    /** Mu-law's error is half a step, at most 1/32 of the biased magnitude, and clipping beyond 32635. */
    @Property(tries = 1000)
    void muLawErrorIsHalfAStep(@ForAll short sample) {
        int decoded = G711.muLawToLinear(G711.muLaw(sample));
        int magnitude = Math.min(Math.abs((int) sample), 32_635);
        assertThat(Math.abs(Math.abs(decoded) - magnitude)).isLessThanOrEqualTo((magnitude + 132) / 32);
        assertThat(Integer.signum(decoded) * Integer.signum(sample)).isGreaterThanOrEqualTo(0);
    }

    /** A-law's error is half a step: 8 in the first two segments, then 1/32 of the magnitude. */
    @Property(tries = 1000)
    void aLawErrorIsHalfAStep(@ForAll short sample) {
        int decoded = G711.aLawToLinear(G711.aLaw(sample));
        assertThat(Math.abs(decoded - sample)).isLessThanOrEqualTo(Math.max(8, Math.abs(sample) / 32 + 1));
    }
}
