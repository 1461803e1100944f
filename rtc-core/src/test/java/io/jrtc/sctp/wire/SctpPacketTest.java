package io.jrtc.sctp.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SctpPacketTest {

    /** SACK then DATA ("hi!", padded) from 5000 to 5000 with tag 0x11223344; checksum computed independently. */
    private static final String SACK_AND_DATA = "13881388 11223344 746d95bb | 03000010 00000064 00010000 00000000 | "
            + "00030013 00000065 00000000 00000033 68692100";

    @Test
    void parsesAndEncodesAPacketWithBundledChunks() throws Exception {
        byte[] wire = Hex.bytes(SACK_AND_DATA);
        assertThat(new Crc32c().verify(wire, 0, wire.length)).isTrue();
        SctpPacket p = SctpPacket.parse(wire, 0, wire.length);
        assertThat(p.sourcePort()).isEqualTo(5000);
        assertThat(p.destinationPort()).isEqualTo(5000);
        assertThat(p.verificationTag()).isEqualTo(0x11223344);
        assertThat(p.chunks()).hasSize(2);
        assertThat(p.chunks().get(0)).isInstanceOf(SackChunk.class);
        assertThat(((DataChunk) p.chunks().get(1)).tsn()).isEqualTo(0x65);
        assertThat(Hex.of(p.encode())).isEqualTo(Hex.of(wire));
    }

    @Test
    void toleratesAMissingFinalPaddingAndAnOffset() throws Exception {
        byte[] wire = Hex.bytes("ffff" + SACK_AND_DATA.replace(" ", "").replace("|", "").substring(0, 94));
        SctpPacket p = SctpPacket.parse(wire, 2, wire.length - 2);
        assertThat(p.chunks()).hasSize(2);
    }

    @Test
    void rejectsTruncatedChunksAndTrailingGarbage() {
        byte[] wire = Hex.bytes(SACK_AND_DATA);
        assertThatThrownBy(() -> SctpPacket.parse(wire, 0, 30)).isInstanceOf(SctpParseException.class);
        assertThatThrownBy(() -> SctpPacket.parse(wire, 0, 11)).isInstanceOf(SctpParseException.class);
        byte[] trailing = Hex.bytes("13881388 11223344 00000000 0b000004 0000");
        assertThatThrownBy(() -> SctpPacket.parse(trailing, 0, trailing.length))
                .isInstanceOf(SctpParseException.class);
    }

    @Test
    void encodesPaddingBetweenChunks() throws Exception {
        SctpPacket p = new SctpPacket(1, 2, 3, List.of(new CookieEchoChunk(new byte[] {1}), new CookieAckChunk()));
        byte[] wire = p.encode();
        assertThat(wire).hasSize(12 + 8 + 4);
        assertThat(SctpPacket.parse(wire, 0, wire.length).chunks()).hasSize(2);
        assertThat(new Crc32c().verify(wire, 0, wire.length)).isTrue();
    }
}
