package io.jrtc.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import io.jrtc.media.ColorSpace;
import io.jrtc.media.HdrMetadata;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Every colour space survives writing and parsing; any bytes parse or fail with {@link RtpParseException} only. */
class ColorSpaceExtensionPropertiesTest {

    @Property(tries = 500)
    void everyColorSpaceRoundTrips(@ForAll("colorSpaces") ColorSpace colorSpace) throws Exception {
        byte[] value = ColorSpaceExtension.toBytes(colorSpace);
        assertThat(value).hasSize(colorSpace.hdr() == null ? ColorSpaceExtension.LENGTH
                : ColorSpaceExtension.LENGTH_WITH_HDR);
        assertThat(ColorSpaceExtension.parse(value, 0, value.length)).isEqualTo(colorSpace);
    }

    @Property(tries = 2000)
    void anyBytesParseOrFailWithAParseException(@ForAll @Size(max = 40) byte[] bytes,
            @ForAll @IntRange(max = 40) int off, @ForAll @IntRange(min = -1, max = 40) int len) {
        try {
            ColorSpace parsed = ColorSpaceExtension.parse(bytes, off, len);
            assertThat(ColorSpaceExtension.toBytes(parsed)).hasSize(len);
        } catch (RtpParseException expected) {
            assertThat(expected).hasMessageContaining("colour space");
        }
    }

    @Provide
    Arbitrary<ColorSpace> colorSpaces() {
        Arbitrary<Integer> siting = Arbitraries.integers().between(0, 2);
        Arbitrary<HdrMetadata> hdr = hdrMetadata().injectNull(0.5);
        return Combinators.combine(Arbitraries.of(ColorSpaceExtension.PRIMARIES),
                Arbitraries.of(ColorSpaceExtension.TRANSFERS), Arbitraries.of(ColorSpaceExtension.MATRICES),
                Arbitraries.of(ColorSpace.Range.class), siting, siting, hdr).as(ColorSpace::new);
    }

    private static Arbitrary<HdrMetadata> hdrMetadata() {
        Arbitrary<Integer> level = Arbitraries.integers().between(0, 0xFFFF);
        Arbitrary<Integer> xy = Arbitraries.integers().between(0, HdrMetadata.CHROMATICITY_DENOMINATOR);
        return Combinators.combine(level, level, xy.list().ofSize(8), level, level).as((max, min, chroma, cll,
                fall) -> new HdrMetadata(max, min, chroma.get(0), chroma.get(1), chroma.get(2), chroma.get(3),
                chroma.get(4), chroma.get(5), chroma.get(6), chroma.get(7), cll, fall));
    }
}
