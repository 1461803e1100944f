package io.jrtc.media.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IvfTest {
    /** VP8, 640x480, time base 1/30, two frames: pts 0 (3 bytes) and pts 1 (1 byte). */
    static final byte[] TWO_FRAMES = HexFormat.of().parseHex(
            "444b4946" + "0000" + "2000" + "56503830" + "8002" + "e001"    // DKIF, v0, 32, VP80, 640, 480
            + "1e000000" + "01000000" + "02000000" + "00000000"             // rate 30, scale 1, 2 frames
            + "03000000" + "0000000000000000" + "102030"
            + "01000000" + "0100000000000000" + "31");

    @TempDir
    Path dir;

    @Test
    void writesHeaderFramesAndTheFrameCount() throws IOException {
        Path file = dir.resolve("a.ivf");
        try (IvfWriter writer = new IvfWriter(FileChannel.open(file, StandardOpenOption.CREATE,
                StandardOpenOption.WRITE), new IvfHeader("VP80", 640, 480, 30, 1, 0))) {
            writer.write(0, new byte[] {0x10, 0x20, 0x30});
            writer.write(1, new byte[] {0x31});
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(TWO_FRAMES);
    }

    @Test
    void readsTheHeaderAndFrames() throws IOException {
        IvfReader reader = new IvfReader(new ByteArrayInputStream(TWO_FRAMES));
        assertThat(reader.header()).isEqualTo(new IvfHeader("VP80", 640, 480, 30, 1, 2));
        assertThat(reader.header().toClock(1, 90_000)).isEqualTo(3000);
        IvfFrame first = reader.next();
        assertThat(first.pts()).isZero();
        assertThat(first.data()).containsExactly(0x10, 0x20, 0x30);
        assertThat(reader.next().pts()).isEqualTo(1);
        assertThat(reader.next()).isNull();
        assertThat(IvfHeader.parse(reader.header().encode())).isEqualTo(reader.header());
    }

    @Test
    void aFileCutInsideAFrameIsMalformed() {
        byte[] cut = Arrays.copyOf(TWO_FRAMES, TWO_FRAMES.length - 1);
        assertThatThrownBy(() -> {
            IvfReader reader = new IvfReader(new ByteArrayInputStream(cut));
            reader.next();
            reader.next();
        }).isInstanceOf(MediaFileFormatException.class).hasMessageContaining("ends inside");
    }

    @Test
    void aHugeFrameSizeFailsAtTheEndOfTheFileWithoutAllocatingIt() {
        byte[] claim = Arrays.copyOf(TWO_FRAMES, 32 + 12 + 3);
        claim[32 + 3] = 0x7f;  // 2 GiB
        assertThatThrownBy(() -> new IvfReader(new ByteArrayInputStream(claim)).next())
                .isInstanceOf(MediaFileFormatException.class);
    }

    @Property(tries = 500)
    void randomBytesOnlyThrowTheFormatException(@ForAll @Size(max = 80) byte[] bytes) {
        byte[] withMagic = Arrays.copyOf(TWO_FRAMES, Math.min(8, bytes.length));
        FormatRobustness.onlyFormatException(() -> readAll(bytes));
        FormatRobustness.onlyFormatException(() -> readAll(concat(withMagic, bytes)));
    }

    @Property(tries = 300)
    void truncationsAndCorruptionsOnlyThrowTheFormatException(@ForAll @IntRange(max = 61) int cut,
                                                              @ForAll @IntRange(max = 60) int at,
                                                              @ForAll byte value) {
        byte[] corrupt = TWO_FRAMES.clone();
        corrupt[at % corrupt.length] = value;
        FormatRobustness.onlyFormatException(() -> readAll(Arrays.copyOf(TWO_FRAMES, cut)));
        FormatRobustness.onlyFormatException(() -> readAll(corrupt));
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }

    private static void readAll(byte[] bytes) throws IOException {
        IvfReader reader = new IvfReader(new ByteArrayInputStream(bytes));
        while (reader.next() != null) {
            // drain
        }
    }
}
