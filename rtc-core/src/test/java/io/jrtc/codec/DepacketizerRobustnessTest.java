package io.jrtc.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Network bytes never escape as anything but {@link CodecParseException} from a payload parser, and never at all
 * from the {@link FrameAssembler}, which counts and drops them.
 */
class DepacketizerRobustnessTest {

    @Provide
    Arbitrary<Depacketizer> depacketizers() {
        return Arbitraries.of(new OpusPayloadFormat(), new Vp8PayloadFormat(), new H264PayloadFormat(),
                new Vp9PayloadFormat(), new Av1PayloadFormat(), new H265PayloadFormat());
    }

    @Property(tries = 600)
    void randomPayloadsOnlyThrowTheParseException(@ForAll("depacketizers") Depacketizer depacketizer,
                                                  @ForAll @Size(max = 40) byte[] payload) {
        try {
            depacketizer.inspect(payload, 0, payload.length);
        } catch (CodecParseException expected) {
            // the only exception allowed
        }
        depacketizer.startsKeyframe(payload, 0, payload.length);
        try {
            Vp9PayloadDescriptor parsed = Vp9PayloadDescriptor.parse(payload, 0, payload.length);
            byte[] encoded = new byte[parsed.length()];
            parsed.encode(encoded, 0);
            assertThat(Vp9PayloadDescriptor.parse(encoded, 0, encoded.length)).isEqualTo(parsed);
        } catch (CodecParseException expected) {
            // the only exception allowed
        }
        try {
            Vp8PayloadDescriptor parsed = Vp8PayloadDescriptor.parse(payload, 0, payload.length);
            byte[] encoded = new byte[parsed.length()];
            parsed.encode(encoded, 0);
            assertThat(Vp8PayloadDescriptor.parse(encoded, 0, encoded.length)).isEqualTo(parsed);
        } catch (CodecParseException expected) {
            // the only exception allowed
        }
        try {
            OpusPayloadFormat.samplesAt48kHz(payload, 0, payload.length);
        } catch (CodecParseException expected) {
            // the only exception allowed
        }
    }

    @Property(tries = 200)
    void randomPacketStreamsNeverThrowFromTheAssembler(@ForAll("depacketizers") Depacketizer depacketizer,
                                                      @ForAll long seed) {
        Random random = new Random(seed);
        FrameAssembler assembler = new FrameAssembler(depacketizer, 64, 16);
        int seq = random.nextInt(65536);
        for (int i = 0; i < 300; i++) {
            byte[] payload = new byte[random.nextInt(30)];
            random.nextBytes(payload);
            int jump = random.nextInt(10) == 0 ? random.nextInt(65536) : random.nextInt(5) - 1;
            seq = (seq + jump) & 0xFFFF;
            assembler.receive(0, seq, random.nextInt(4), random.nextInt(3) == 0, payload, 0, payload.length);
            while (assembler.poll() != null) {
                assertThat(assembler.missingSequenceNumbers().length).isLessThanOrEqualTo(64);
            }
        }
        assertThatCode(() -> {
            while (assembler.skipIncompleteFrame()) {
                assembler.poll();
            }
        }).doesNotThrowAnyException();
    }

    @Property(tries = 200)
    void truncatedValidPacketsAreCountedNotThrown(@ForAll long seed, @ForAll @IntRange(min = 0, max = 2) int codec) {
        Random random = new Random(seed);
        Depacketizer depacketizer = List.<Depacketizer>of(new OpusPayloadFormat(), new Vp8PayloadFormat(),
                new H264PayloadFormat()).get(codec);
        byte[] frame = codec == 2 ? H264PayloadFormatTest.randomAccessUnits(random, 1).get(0)
                : Vp8RoundTripTest.randomFrames(random, 1, 3000).get(0);
        List<RtpPayload> payloads = switch (codec) {
            case 0 -> List.of(new OpusPacketizer().packetize(frame, 0, frame.length));
            case 1 -> new Vp8Packetizer(200, 0).packetize(frame, 0, frame.length);
            default -> new H264Packetizer(200).packetizeAnnexB(frame, 0, frame.length);
        };
        FrameAssembler assembler = new FrameAssembler(depacketizer, 64, 16);
        int seq = 0;
        boolean whole = true;
        for (RtpPayload p : payloads) {
            int cut = random.nextBoolean() ? p.data().length : random.nextInt(p.data().length + 1);
            whole &= cut == p.data().length;
            assembler.receive(0, seq++, 0, p.marker(), p.data(), 0, cut);
        }
        List<byte[]> out = new java.util.ArrayList<>();
        do {
            for (MediaFrame f = assembler.poll(); f != null; f = assembler.poll()) {
                out.add(f.data());
            }
        } while (assembler.skipIncompleteFrame());
        if (whole) {
            assertThat(out).containsExactly(frame);
        } else {
            assertThat(out).hasSizeLessThanOrEqualTo(1);
        }
    }
}
