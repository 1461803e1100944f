package io.jrtc.media.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavTest {
    /** Two stereo sample frames at 8 kHz: (1, -1), (0x1234, -32768). */
    static final byte[] STEREO_8K = HexFormat.of().parseHex(
            "52494646" + "2c000000" + "57415645"                          // RIFF, 36 + 8, WAVE
            + "666d7420" + "10000000" + "0100" + "0200"                   // fmt , 16, PCM, 2 channels
            + "401f0000" + "007d0000" + "0400" + "1000"                   // 8000 Hz, 32000 B/s, align 4, 16 bits
            + "64617461" + "08000000" + "0100ffff" + "34120080");         // data, 8 bytes

    @TempDir
    Path dir;

    @Test
    void writesTheCanonicalHeaderAndSamples() throws IOException {
        Path file = dir.resolve("a.wav");
        try (WavWriter writer = new WavWriter(FileChannel.open(file, StandardOpenOption.CREATE,
                StandardOpenOption.WRITE), 8000, 2)) {
            writer.write(new short[] {1, -1});
            writer.write(new short[] {0x1234, Short.MIN_VALUE});
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(STEREO_8K);
    }

    @Test
    void readsSamplesBackInPieces() throws IOException {
        WavReader reader = new WavReader(new ByteArrayInputStream(STEREO_8K));
        assertThat(reader.sampleRate()).isEqualTo(8000);
        assertThat(reader.channels()).isEqualTo(2);
        assertThat(reader.read(1)).containsExactly((short) 1, (short) -1);
        assertThat(reader.read(5)).containsExactly((short) 0x1234, Short.MIN_VALUE);
        assertThat(reader.read(5)).isNull();
    }

    @Test
    void skipsUnknownChunksAndReadsExtensiblePcmMono() throws IOException {
        byte[] file = HexFormat.of().parseHex(
                "52494646" + "00000000" + "57415645"
                + "4c495354" + "03000000" + "616263" + "00"                 // LIST chunk, odd size, padded
                + "666d7420" + "28000000" + "feff" + "0100" + "80bb0000" + "00770100" + "0200" + "1000"
                + "1600" + "1000" + "04000000" + "0100000000001000800000aa00389b71"  // extensible, PCM GUID
                + "64617461" + "ffffffff" + "0700" + "f9ff");                // data of unknown size
        WavReader reader = new WavReader(new ByteArrayInputStream(file));
        assertThat(reader.sampleRate()).isEqualTo(48_000);
        assertThat(reader.channels()).isEqualTo(1);
        assertThat(reader.read(960)).containsExactly((short) 7, (short) -7);
        assertThat(reader.read(960)).isNull();
    }

    @Test
    void refusesWhatIsNotSixteenBitPcm() {
        byte[] eightBit = STEREO_8K.clone();
        eightBit[34] = 8;
        assertThatThrownBy(() -> new WavReader(new ByteArrayInputStream(eightBit)))
                .isInstanceOf(MediaFileFormatException.class).hasMessageContaining("8 bits");
        byte[] floats = STEREO_8K.clone();
        floats[20] = 3;
        assertThatThrownBy(() -> new WavReader(new ByteArrayInputStream(floats)))
                .isInstanceOf(MediaFileFormatException.class).hasMessageContaining("not PCM");
    }

    @Property(tries = 500)
    void randomBytesOnlyThrowTheFormatException(@ForAll @Size(max = 120) byte[] bytes) {
        FormatRobustness.onlyFormatException(() -> readAll(bytes));
    }

    @Property(tries = 300)
    void truncationsAndCorruptionsOnlyThrowTheFormatException(@ForAll @IntRange(max = 51) int cut,
                                                              @ForAll @IntRange(max = 51) int at,
                                                              @ForAll byte value) {
        byte[] corrupt = STEREO_8K.clone();
        corrupt[at % corrupt.length] = value;
        FormatRobustness.onlyFormatException(() -> readAll(java.util.Arrays.copyOf(STEREO_8K, cut)));
        FormatRobustness.onlyFormatException(() -> readAll(corrupt));
    }

    private static void readAll(byte[] bytes) throws IOException {
        WavReader reader = new WavReader(new ByteArrayInputStream(bytes));
        while (reader.read(3) != null) {
            // drain
        }
    }
}
