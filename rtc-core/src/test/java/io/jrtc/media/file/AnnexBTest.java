package io.jrtc.media.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class AnnexBTest {
    private static final HexFormat HEX = HexFormat.of();
    /** SPS, PPS, IDR slice (first_mb 0): a keyframe access unit. */
    static final String KEY = "000000016742e01f8d" + "0000000168ce3c80" + "0000000165888400ff";
    /** A picture in two slices: first_mb 0, then first_mb 1 (ue "010"). */
    static final String TWO_SLICES = "0000000141e0aa" + "000000014140bb";
    /** An access unit delimiter and a one-slice picture. */
    static final String WITH_AUD = "0000000109f0" + "0000000141e0cc";

    @Test
    void splitsAtParameterSetsDelimitersAndFirstSlices() throws IOException {
        // 3-byte start codes, a leading zero_byte and trailing zeros all read as the same units
        byte[] stream = HEX.parseHex("00" + KEY + TWO_SLICES.replace("0000000141e0aa", "00000141e0aa0000")
                + WITH_AUD + "0000000141e0dd");
        List<String> units = readAll(stream);
        assertThat(units).containsExactly(KEY, TWO_SLICES, WITH_AUD, "0000000141e0dd");
    }

    @Test
    void writerConcatenatesAndReaderGivesTheSameAccessUnitsBack() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (AnnexBWriter writer = new AnnexBWriter(out)) {
            writer.write(HEX.parseHex(KEY));
            writer.write(HEX.parseHex(TWO_SLICES));
            assertThat(writer.accessUnitsWritten()).isEqualTo(2);
        }
        assertThat(HEX.formatHex(out.toByteArray())).isEqualTo(KEY + TWO_SLICES);
        assertThat(readAll(out.toByteArray())).containsExactly(KEY, TWO_SLICES);
    }

    @Test
    void keepsEmulationPreventionAndRefusesWhatIsNotAnnexB() throws IOException {
        assertThat(readAll(HEX.parseHex("0000000165000003010000030200"))).containsExactly("0000000165000003010000030200".replaceAll("00$", ""));
        assertThatThrownBy(() -> readAll(HEX.parseHex("1234000001")))
                .isInstanceOf(MediaFileFormatException.class).hasMessageContaining("start code");
        assertThat(readAll(HEX.parseHex("000001650000800000ff"))).containsExactly("00000001650000800000ff");
        assertThatThrownBy(() -> readAll(HEX.parseHex("00000165000002")))
                .isInstanceOf(MediaFileFormatException.class).hasMessageContaining("inside a NAL unit");
        assertThatThrownBy(() -> readAll(HEX.parseHex("0000016500000080")))
                .isInstanceOf(MediaFileFormatException.class).hasMessageContaining("inside a NAL unit");
        assertThatThrownBy(() -> new AnnexBWriter(new ByteArrayOutputStream()).write(new byte[] {0x65, 1}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(readAll(new byte[0])).isEmpty();
    }

    @Property(tries = 500)
    void randomBytesOnlyThrowTheFormatException(@ForAll @Size(max = 80) byte[] bytes) {
        FormatRobustness.onlyFormatException(() -> readAll(bytes));
        FormatRobustness.onlyFormatException(() -> readAll(IvfTest.concat(new byte[] {0, 0, 1}, bytes)));
    }

    @Property(tries = 300)
    void truncationsOnlyThrowTheFormatException(@ForAll @IntRange(max = 40) int cut, @ForAll @IntRange(max = 39) int at,
                                                @ForAll byte value) {
        byte[] valid = HEX.parseHex(KEY + TWO_SLICES);
        byte[] corrupt = valid.clone();
        corrupt[at % corrupt.length] = value;
        FormatRobustness.onlyFormatException(() -> readAll(Arrays.copyOf(valid, cut)));
        FormatRobustness.onlyFormatException(() -> readAll(corrupt));
    }

    private static List<String> readAll(byte[] stream) throws IOException {
        AnnexBReader reader = new AnnexBReader(new ByteArrayInputStream(stream));
        List<String> units = new ArrayList<>();
        for (byte[] unit = reader.nextAccessUnit(); unit != null; unit = reader.nextAccessUnit()) {
            units.add(HEX.formatHex(unit));
        }
        return units;
    }
}
