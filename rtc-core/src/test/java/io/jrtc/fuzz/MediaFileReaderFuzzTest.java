package io.jrtc.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jrtc.media.file.AnnexBReader;
import io.jrtc.media.file.IvfReader;
import io.jrtc.media.file.OggOpusReader;
import io.jrtc.media.file.WavReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The media container readers (WAV, IVF, H.264 Annex B, Ogg Opus) on arbitrary files: the first byte picks the
 * reader, the rest is the file, read to its end. Only {@link IOException} (the readers' declared failure, with
 * {@code MediaFileFormatException} for bad content) may leave, and no reader may produce more than twice the bytes
 * the file holds (Annex B output widens 3-byte start codes to 4): a length field claiming gigabytes must fail at the
 * end of the file, not become an allocation.
 */
class MediaFileReaderFuzzTest {

    @FuzzTest(maxDuration = "5s")
    void containerFile(byte[] input) throws Exception {
        if (input.length == 0) {
            return;
        }
        int reader = input[0] & 3;
        byte[] file = Arrays.copyOfRange(input, 1, input.length);
        InputBudget.within(() -> {
            try {
                long produced = read(reader, new ByteArrayInputStream(file));
                if (produced > 2L * file.length + 16) {
                    throw new AssertionError("reader " + reader + " produced " + produced + " bytes from "
                            + file.length);
                }
            } catch (IOException e) {
                return;
            }
        });
    }

    private static long read(int reader, InputStream in) throws IOException {
        long produced = 0;
        switch (reader) {
            case 0 -> {
                try (WavReader wav = new WavReader(in)) {
                    for (short[] s = wav.read(480); s != null; s = wav.read(480)) {
                        produced += 2L * s.length;
                    }
                }
            }
            case 1 -> {
                try (IvfReader ivf = new IvfReader(in)) {
                    for (var frame = ivf.next(); frame != null; frame = ivf.next()) {
                        produced += frame.data().length;
                    }
                }
            }
            case 2 -> {
                try (AnnexBReader annexB = new AnnexBReader(in)) {
                    for (byte[] unit = annexB.nextAccessUnit(); unit != null; unit = annexB.nextAccessUnit()) {
                        produced += unit.length;
                    }
                }
            }
            default -> {
                try (OggOpusReader ogg = new OggOpusReader(in)) {
                    ogg.head();
                    ogg.tags();
                    for (byte[] packet = ogg.nextPacket(); packet != null; packet = ogg.nextPacket()) {
                        produced += packet.length;
                    }
                }
            }
        }
        return produced;
    }
}
