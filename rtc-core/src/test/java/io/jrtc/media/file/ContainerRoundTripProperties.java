package io.jrtc.media.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** What a writer writes, its reader reads back unchanged, for any content. */
class ContainerRoundTripProperties {

    @Provide
    Arbitrary<List<byte[]>> opusPackets() {
        // a TOC byte of any configuration with frame-count code 0, then a body whose length straddles the
        // 255-byte lacing boundaries
        Arbitrary<byte[]> packet = Arbitraries.integers().between(0, 31).flatMap(config ->
                Arbitraries.bytes().array(byte[].class).ofMinSize(0).ofMaxSize(800).map(body -> {
                    byte[] p = new byte[body.length + 1];
                    p[0] = (byte) (config << 3);
                    System.arraycopy(body, 0, p, 1, body.length);
                    return p;
                }));
        Arbitrary<byte[]> boundary = Arbitraries.of(254, 255, 256, 509, 510, 511).map(n -> {
            byte[] p = new byte[n];
            p[0] = (byte) 0xf8;
            return p;
        });
        return Arbitraries.oneOf(packet, boundary).list().ofMaxSize(130);
    }

    @Property(tries = 100)
    void oggOpusGivesBackEveryPacket(@ForAll("opusPackets") List<byte[]> packets) throws IOException {
        byte[] file = OggOpusTest.write(packets, new OpusHead(2, 312, 48_000, 0));
        OggOpusReader reader = new OggOpusReader(new ByteArrayInputStream(file));
        List<byte[]> back = new ArrayList<>();
        for (byte[] p = reader.nextPacket(); p != null; p = reader.nextPacket()) {
            back.add(p);
        }
        assertThat(back).containsExactlyElementsOf(packets);
    }

    @Property(tries = 100)
    void wavGivesBackEverySample(@ForAll @Size(max = 3000) short[] samples, @ForAll @IntRange(min = 1, max = 3)
            int channels, @ForAll @IntRange(min = 1, max = 192_000) int rate) throws IOException {
        short[] whole = java.util.Arrays.copyOf(samples, samples.length - samples.length % channels);
        Path file = Files.createTempFile("prop", ".wav");
        try {
            try (WavWriter writer = new WavWriter(MediaFiles.create(file), rate, channels)) {
                writer.write(whole);
            }
            WavReader reader = new WavReader(Files.newInputStream(file));
            assertThat(reader.sampleRate()).isEqualTo(rate);
            assertThat(reader.channels()).isEqualTo(channels);
            short[] back = new short[0];
            for (short[] piece = reader.read(97); piece != null; piece = reader.read(97)) {
                short[] joined = java.util.Arrays.copyOf(back, back.length + piece.length);
                System.arraycopy(piece, 0, joined, back.length, piece.length);
                back = joined;
            }
            reader.close();
            assertThat(back).isEqualTo(whole);
        } finally {
            Files.delete(file);
        }
    }

    @Property(tries = 100)
    void ivfGivesBackEveryFrame(@ForAll @Size(max = 20) List<@Size(max = 300) byte[]> frames) throws IOException {
        Path file = Files.createTempFile("prop", ".ivf");
        try {
            IvfHeader header = new IvfHeader("VP80", 176, 144, 1000, 1, 0);
            try (IvfWriter writer = new IvfWriter(MediaFiles.create(file), header)) {
                for (int i = 0; i < frames.size(); i++) {
                    writer.write(33L * i, frames.get(i));
                }
            }
            try (IvfReader reader = new IvfReader(Files.newInputStream(file))) {
                assertThat(reader.header()).isEqualTo(header.withFrameCount(frames.size()));
                for (int i = 0; i < frames.size(); i++) {
                    IvfFrame frame = reader.next();
                    assertThat(frame.pts()).isEqualTo(33L * i);
                    assertThat(frame.data()).isEqualTo(frames.get(i));
                }
                assertThat(reader.next()).isNull();
            }
        } finally {
            Files.delete(file);
        }
    }
}
