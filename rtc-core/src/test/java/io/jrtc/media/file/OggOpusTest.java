package io.jrtc.media.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class OggOpusTest {
    private static final HexFormat HEX = HexFormat.of();
    /** Opus TOC 0xf8: CELT fullband 20 ms, mono, one frame (RFC 6716 §3.1). */
    private static final byte[] PACKET_20MS = {(byte) 0xf8, 0x01, 0x02};

    @Test
    void crcIsTheUnreflectedPolynomialWithZeroStartAndNoFinalXor() {
        // CRC-32/CKSUM's check value 0x765E7680 is this CRC of "123456789" with its final XOR of all ones
        byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertThat(OggCrc.update(0, check, 0, check.length)).isEqualTo(~0x765E7680);
    }

    @Test
    void opusHeadAndTagsEncodeAsRfc7845Lays() throws MediaFileFormatException {
        OpusHead head = new OpusHead(2, 312, 48_000, -256);
        assertThat(HEX.formatHex(head.encode()))
                .isEqualTo("4f7075734865616401" + "02" + "3801" + "80bb0000" + "00ff" + "00");
        assertThat(OpusHead.parse(head.encode())).isEqualTo(head);
        OpusTags tags = new OpusTags("jrtc", List.of("TITLE=a"));
        assertThat(HEX.formatHex(tags.encode()))
                .isEqualTo("4f70757354616773" + "04000000" + "6a727463" + "01000000" + "07000000" + "5449544c453d61");
        assertThat(OpusTags.parse(tags.encode())).isEqualTo(tags);
    }

    @Test
    void pageRoundTripsOnBytesAndItsCrcIsChecked() throws IOException {
        OggPage page = new OggPage(OggPage.BEGINNING_OF_STREAM, 0x0102, 0x11223344, 5, new byte[] {2},
                new byte[] {(byte) 0xab, (byte) 0xcd});
        byte[] encoded = page.encode();
        assertThat(HEX.formatHex(encoded, 0, 22)).isEqualTo("4f676753" + "00" + "02" + "0201000000000000"
                + "44332211" + "05000000");
        assertThat(HEX.formatHex(encoded, 26, encoded.length)).isEqualTo("01" + "02" + "abcd");
        OggPage back = OggPage.read(new LittleEndianInput(new ByteArrayInputStream(encoded)));
        assertThat(back.body()).isEqualTo(page.body());
        assertThat(back.granulePosition()).isEqualTo(0x0102);
        encoded[encoded.length - 1] ^= 1;
        assertThatThrownBy(() -> OggPage.read(new LittleEndianInput(new ByteArrayInputStream(encoded))))
                .isInstanceOf(MediaFileFormatException.class).hasMessageContaining("CRC");
    }

    @Test
    void writerLaysOutHeadTagsAndAudioPagesWithGranulesAndTheReaderGetsThePacketsBack() throws IOException {
        byte[] big = new byte[600];  // laced as 255, 255, 90
        big[0] = (byte) 0xf8;
        List<byte[]> packets = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            packets.add(i == 7 ? big : PACKET_20MS);
        }
        byte[] file = write(packets, new OpusHead(1, 312, 48_000, 0));

        List<OggPage> pages = new ArrayList<>();
        LittleEndianInput in = new LittleEndianInput(new ByteArrayInputStream(file));
        while (!in.atEnd()) {
            pages.add(OggPage.read(in));
        }
        assertThat(pages).hasSize(5);  // head, tags, 50 + 50 + 20 packets
        assertThat(pages.get(0).flags()).isEqualTo(OggPage.BEGINNING_OF_STREAM);
        assertThat(pages.get(0).granulePosition()).isZero();
        assertThat(pages.get(1).granulePosition()).isZero();
        assertThat(pages.get(2).granulePosition()).isEqualTo(312 + 50 * 960);
        assertThat(pages.get(2).segmentTable()).hasSize(52);
        assertThat(pages.get(4).granulePosition()).isEqualTo(312 + 120 * 960);
        assertThat(pages.get(4).flags()).isEqualTo(OggPage.END_OF_STREAM);
        assertThat(pages).extracting(OggPage::sequenceNumber).containsExactly(0L, 1L, 2L, 3L, 4L);

        OggOpusReader reader = new OggOpusReader(new ByteArrayInputStream(file));
        assertThat(reader.head().preSkip()).isEqualTo(312);
        assertThat(reader.tags().vendor()).isEqualTo("jrtc");
        for (byte[] packet : packets) {
            assertThat(reader.nextPacket()).isEqualTo(packet);
        }
        assertThat(reader.nextPacket()).isNull();
    }

    @Test
    void writerRefusesWhatIsNotOpus() {
        assertThatThrownBy(() -> write(List.of(new byte[0]), new OpusHead(1, 0, 48_000, 0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Property(tries = 300)
    void randomBytesOnlyThrowTheFormatException(@ForAll @Size(max = 120) byte[] bytes) {
        FormatRobustness.onlyFormatException(() -> readAll(bytes));
        FormatRobustness.onlyFormatException(() -> readAll(IvfTest.concat("OggS\0\2".getBytes(
                StandardCharsets.ISO_8859_1), bytes)));
    }

    @Property(tries = 300)
    void truncationsAndCorruptionsOnlyThrowTheFormatException(@ForAll @IntRange(max = 1000) int cut,
                                                              @ForAll @IntRange(max = 1000) int at,
                                                              @ForAll byte value) throws IOException {
        byte[] valid = write(List.of(PACKET_20MS, PACKET_20MS, PACKET_20MS), new OpusHead(2, 0, 8000, 0));
        byte[] corrupt = valid.clone();
        corrupt[at % valid.length] = value;
        FormatRobustness.onlyFormatException(() -> readAll(Arrays.copyOf(valid, cut % (valid.length + 1))));
        FormatRobustness.onlyFormatException(() -> readAll(corrupt));
    }

    static byte[] write(List<byte[]> packets, OpusHead head) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OggOpusWriter writer = new OggOpusWriter(Channels.newChannel(out), head, 0x5eed)) {
            for (byte[] packet : packets) {
                writer.write(packet);
            }
            assertThat(writer.packetsWritten()).isEqualTo(packets.size());
        }
        return out.toByteArray();
    }

    private static void readAll(byte[] bytes) throws IOException {
        OggOpusReader reader = new OggOpusReader(new ByteArrayInputStream(bytes));
        while (reader.nextPacket() != null) {
            // drain
        }
    }
}
