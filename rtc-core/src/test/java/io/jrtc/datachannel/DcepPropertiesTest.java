package io.jrtc.datachannel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class DcepPropertiesTest {

    @Property(tries = 1000)
    void randomBytesOnlyFailWithDcepParseException(@ForAll byte[] bytes) {
        DcepMessage parsed;
        try {
            parsed = DcepMessage.parse(bytes);
        } catch (DcepParseException expected) {
            return;
        }
        assertThat(parsed.encode()).isEqualTo(bytes);
    }

    @Property(tries = 300)
    void openMessagesWithAPlausibleHeaderOnlyFailWithDcepParseException(@ForAll("openHeaders") byte[] bytes) {
        randomBytesOnlyFailWithDcepParseException(bytes);
    }

    @Property(tries = 500)
    void encodingThenParsingGivesTheSameOpen(@ForAll("opens") DcepOpen open) throws DcepParseException {
        assertThat(DcepMessage.parse(open.encode())).isEqualTo(open);
    }

    @Property(tries = 300)
    void everyTruncationOfAnOpenIsRejected(@ForAll("opens") DcepOpen open) {
        byte[] wire = open.encode();
        for (int length = 0; length < wire.length; length++) {
            byte[] prefix = Arrays.copyOf(wire, length);
            assertThatThrownBy(() -> DcepMessage.parse(prefix)).isInstanceOf(DcepParseException.class);
        }
    }

    @Provide
    Arbitrary<DcepOpen> opens() {
        return Combinators.combine(Arbitraries.of(DcepChannelType.class), Arbitraries.integers().between(0, 0xFFFF),
                Arbitraries.longs().between(0, 0xFFFFFFFFL), utf16Text(), utf16Text()).as(DcepOpen::new);
    }

    /** Well-formed Unicode only: unpaired surrogates have no UTF-8 form. */
    private static Arbitrary<String> utf16Text() {
        return Arbitraries.strings().all().ofMaxLength(20).filter(s -> s.codePoints()
                .noneMatch(cp -> cp >= 0xD800 && cp <= 0xDFFF));
    }

    @Provide
    Arbitrary<byte[]> openHeaders() {
        Arbitrary<byte[]> tail = Arbitraries.bytes().array(byte[].class).ofMaxSize(12);
        return Combinators.combine(Arbitraries.of(0x00, 0x80, 0x01, 0x81, 0x02, 0x82, 0x7F),
                Arbitraries.integers().between(0, 8), Arbitraries.integers().between(0, 8), tail)
                .as((type, labelLength, protocolLength, rest) -> {
                    byte[] out = new byte[12 + rest.length];
                    out[0] = 0x03;
                    out[1] = (byte) (int) type;
                    out[9] = (byte) (int) labelLength;
                    out[11] = (byte) (int) protocolLength;
                    System.arraycopy(rest, 0, out, 12, rest.length);
                    return out;
                });
    }
}
